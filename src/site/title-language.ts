// The language a source's title is in, from its record, for the lang attribute of the title on the site.

// BibTeX's `language` / BibLaTeX's `langid` hold babel's names (`ngerman`, `langlatin`, `Chinese`), as
// citation-js passes them on; CSL-JSON and PubMed give codes (`zh-CN`, `ja`, `jpn`).
const BABEL_NAMES: Record<string, string> = {
  english: 'en', american: 'en-US', usenglish: 'en-US', british: 'en-GB', ukenglish: 'en-GB', australian: 'en-AU', canadian: 'en-CA',
  german: 'de', ngerman: 'de', austrian: 'de-AT', naustrian: 'de-AT', swissgerman: 'de-CH', nswissgerman: 'de-CH',
  french: 'fr', francais: 'fr', spanish: 'es', catalan: 'ca', italian: 'it', portuguese: 'pt', portuges: 'pt', brazil: 'pt-BR', brazilian: 'pt-BR',
  dutch: 'nl', danish: 'da', swedish: 'sv', norwegian: 'no', norsk: 'nb', nynorsk: 'nn', finnish: 'fi', icelandic: 'is',
  polish: 'pl', czech: 'cs', slovak: 'sk', slovene: 'sl', croatian: 'hr', serbian: 'sr', bulgarian: 'bg', russian: 'ru', ukrainian: 'uk',
  hungarian: 'hu', romanian: 'ro', greek: 'el', turkish: 'tr', latin: 'la', estonian: 'et', latvian: 'lv', lithuanian: 'lt',
  arabic: 'ar', hebrew: 'he', persian: 'fa', farsi: 'fa', urdu: 'ur', hindi: 'hi', bengali: 'bn', thai: 'th', vietnamese: 'vi',
  indonesian: 'id', malay: 'ms', chinese: 'zh', japanese: 'ja', korean: 'ko',
};
// MEDLINE's three-letter codes for the languages its records are most often in.
const MEDLINE_CODES: Record<string, string> = {
  eng: 'en', ger: 'de', fre: 'fr', spa: 'es', ita: 'it', por: 'pt', dut: 'nl', rus: 'ru', pol: 'pl', chi: 'zh', jpn: 'ja', kor: 'ko',
  ara: 'ar', heb: 'he', per: 'fa', tur: 'tr', gre: 'el', cze: 'cs', hun: 'hu', swe: 'sv', dan: 'da', nor: 'no', fin: 'fi',
};
const TAG = /^[a-z]{2,3}(?:-[a-z\d]{1,8})*$/iu;

/**
 * The BCP 47 tag for a CSL `language` value (`"zh-CN"`, `"ngerman"`, `"jpn"`, a list whose first
 * entry counts), or undefined when it names no language or the page's own (`pageLocale`'s first part).
 */
export function titleLanguage(value: unknown, pageLocale: string): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== 'string') return undefined;
  const word = first.trim().replace(/_/gu, '-');
  const name = word.toLowerCase().replace(/^lang(?=[a-z]{4,})/u, '');
  const tag = BABEL_NAMES[name] ?? MEDLINE_CODES[name] ?? (TAG.test(word) ? word : undefined);
  if (!tag) return undefined;
  const [language, ...rest] = tag.split('-');
  if (language!.toLowerCase() === pageLocale.split('-')[0]!.toLowerCase()) return undefined;
  return [language!.toLowerCase(), ...rest.map((part) => (part.length === 2 ? part.toUpperCase() : part))].join('-');
}
