// Patients say what a symptom does ("my back hurts", "does acupuncture hurt", "achy knees"); pages name it
// ("pain"). Each word here is read as the page's word when no page holds it as typed and the site has
// that word: a rule of everyday English, not of this site's conditions.

/** Everyday words for a symptom, with the word clinical pages use for it. */
export const LAY_WORDS: ReadonlyMap<string, string> = new Map([
  ['hurt', 'pain'], ['hurts', 'pain'], ['hurting', 'pain'], ['hurted', 'pain'],
  ['aching', 'pain'], ['achy', 'pain'], ['achey', 'pain'],
]);
