// Patients say what a symptom does ("my back hurts", "does acupuncture hurt", "achy knees") or name a kind
// of a treatment ("pilates"), and clinicians abbreviate a design ("RCT"); pages name them ("pain", "exercise",
// "randomized"). Each word here is read as the first of its page words that the site has, when no page
// holds the word as typed: rules of everyday and clinical English, not of this site's conditions.

const readAs = (words: string[], pageWords: string[]) => words.map((word): [string, string[]] => [word, pageWords]);

/** Everyday words and clinical shorthand, with the words pages use for them, the likelier first. */
export const LAY_WORDS: ReadonlyMap<string, readonly string[]> = new Map([
  ...readAs(['hurt', 'hurts', 'hurting', 'hurted', 'aching', 'achy', 'achey'], ['pain']),
  // Kinds of exercise a page may not name, and everyday words for medicines.
  ...readAs(['pilates', 'stretching', 'stretches', 'workout', 'workouts', 'gym'], ['exercise', 'exercises']),
  ...readAs(['meds', 'pills', 'tablets'], ['medicines', 'medicine', 'drugs']),
  ...readAs(['rct', 'rcts'], ['randomized', 'randomised', 'trial']),
]);

/** The page's word for a lay or shorthand word, the first of them the site knows; undefined when none. */
export function pageWord(word: string, known: ReadonlySet<string>): string | undefined {
  return LAY_WORDS.get(word)?.find((candidate) => known.has(candidate));
}
