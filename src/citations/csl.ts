import { hasMoreNames } from './more-names.ts';
/** The subset of CSL-JSON the engine reads itself; citeproc reads the rest. */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  /** "van der" in "van der Esch": part of the family name, also in sorting. */
  'non-dropping-particle'?: string;
  /** "de la" in "Jean de la Fontaine" when the family name sorts without it. */
  'dropping-particle'?: string;
  /** "Jr", "III". */
  suffix?: string;
}

/** A family name with the particle that goes with it: "van der Windt", as reference managers store the surname. */
export function fullFamilyName(name: CslName): string | undefined {
  return [name['non-dropping-particle'], name.family].filter(Boolean).join(' ') || undefined;
}

/** Given names with the particle that drops in sorting: "Jean de la" of "Jean de la Fontaine". */
export function fullGivenName(name: CslName): string | undefined {
  return [name.given, name['dropping-particle']].filter(Boolean).join(' ') || undefined;
}

/** A CSL date: year, month and day numbers (two lists for a range), or text for citeproc to read. */
export interface CslDate {
  'date-parts'?: (number | string)[][];
  literal?: string;
  raw?: string;
  [part: string]: unknown;
}

export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: CslDate;
  'container-title'?: string;
  DOI?: string;
  PMID?: string;
  PMCID?: string;
  URL?: string;
  [field: string]: unknown;
}

// citeproc's rich-text markup inside field values (citation-js writes \textit{…} as <i>…</i>): kept for
// citeproc, which prints it as italics, and dropped where a field is shown or exported as plain text.
const CSL_MARKUP = /<\/?(?:i|b|sup|sub|sc)>|<span(?: class="no(?:case|decor)"| style="[^"<>]*")>|<\/span>/gu;

/**
 * A field value without citeproc's markup: "<i>Staphylococcus aureus</i> carriage" → "Staphylococcus aureus
 * carriage". This reads citeproc's input; htmlToText (formatter.ts) reads the HTML citeproc writes.
 */
export function plainText(value: string): string {
  return value.replace(CSL_MARKUP, '');
}

/** First year of an item's issued date, if it has one: from its date parts, or the first year its text names. */
export function issuedYear(item: CslItem): number | undefined {
  const text = item.issued?.raw ?? item.issued?.literal;
  const year = Number(item.issued?.['date-parts']?.[0]?.[0] ?? (typeof text === 'string' ? text.match(/\b\d{4}\b/u)?.[0] : undefined));
  return Number.isFinite(year) && year > 0 ? year : undefined;
}

const NAME_VARIABLES = ['author', 'editor', 'translator', 'container-author', 'collection-editor', 'composer', 'director', 'editorial-director', 'illustrator', 'interviewer', 'original-author', 'recipient', 'reviewed-author'];

/**
 * The item with every name citeproc can print: a name with a given name only ("Madonna") came out of
 * APA as "[NO_PRINTED_FORM]"; as a literal name it prints as written in every style.
 */
export function withPrintableNames(item: CslItem): CslItem {
  const givenOnly = (name: unknown) => typeof name === 'object' && name !== null && !('family' in name) && !('literal' in name) && typeof (name as CslName).given === 'string';
  const fields = NAME_VARIABLES.filter((field) => Array.isArray(item[field]) && (item[field] as unknown[]).some(givenOnly));
  if (!fields.length) return item;
  return { ...item, ...Object.fromEntries(fields.map((field) => [field, (item[field] as CslName[]).map((name) => (givenOnly(name) ? { literal: name.given! } : name))])) };
}

function nameOf(name: CslName): string {
  return plainText(name.literal ?? name.family ?? name.given ?? '');
}

/** The words a narrative citation joins names with, in the site's language: "et al" and "and" in English. */
export interface NameTerms {
  etAl: string;
  and: string;
}

const ENGLISH: NameTerms = { etAl: 'et al', and: 'and' };

/**
 * What to call a work: its title, or without one the address it is at ("who.int/news/fact-sheets"); the
 * citation key only when the record has neither.
 */
export function workName(item: CslItem): string {
  if (item.title) return plainText(item.title);
  try {
    const url = new URL(item.URL ?? '');
    return `${url.host.replace(/^www\./u, '')}${url.pathname.replace(/\/+$/u, '')}`;
  } catch {
    return item.id;
  }
}

/**
 * "Vickers et al", "Chou and Deyo", "National Institute for Health and Care Excellence": who a narrative
 * citation names ("Vickers u. a.", "Chou und Deyo" with German terms).
 */
export function authorLabel(item: CslItem, terms: NameTerms = ENGLISH): string {
  const role = item.author?.length ? 'author' : 'editor';
  const names = (item[role] ?? []).map(nameOf).filter(Boolean);
  if (names.length === 0) return workName(item);
  if (hasMoreNames(item, role)) return `${names[0]} ${terms.etAl}`;
  if (names.length === 1) return names[0]!;
  if (names.length === 2) return `${names[0]} ${terms.and} ${names[1]}`;
  return `${names[0]} ${terms.etAl}`;
}
