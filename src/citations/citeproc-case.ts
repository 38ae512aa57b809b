import CSL from 'citeproc';

// Unicode lowercases text differently only in Lithuanian, Turkish and Azerbaijani (SpecialCasing.txt);
// in every other language String#toLowerCase gives what citeproc's toLocaleLowerCase gives. citeproc
// passes each call a list of locales, which takes ICU's slow path: it was the hottest function of APA
// formatting, 14% of formatting a bibliography. Items in those three languages keep citeproc's own,
// also under the three-letter codes library records use (`tur`), which V8 maps to the same rules.
const LANGUAGE_SENSITIVE = /^(?:lt|lit|tr|tur|az|aze|azj)(?:[-_]|$)/iu;

const localeLowerCase = CSL.toLocaleLowerCase;

/** citeproc's lowercasing, without the locale round trip for languages that case like the root locale. */
function toLowerCaseUnlessLanguageSensitive(this: { tmp: { lang_array?: unknown } }, text: string): string {
  const languages = this.tmp.lang_array;
  if (Array.isArray(languages) && !languages.some((language) => LANGUAGE_SENSITIVE.test(String(language)))) return text.toLowerCase();
  return localeLowerCase.call(this, text);
}

/** Installs the faster lowercasing on the citeproc module every engine (ours and citation-js's) shares; once. */
export function useFastLowerCase(): void {
  if (CSL.toLocaleLowerCase !== localeLowerCase) return;
  CSL.toLocaleLowerCase = toLowerCaseUnlessLanguageSensitive;
}
