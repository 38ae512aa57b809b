import type { CslItem, CslName, NameTerms } from './csl.ts';

// CSL-JSON has no way to say that a list of names goes on: BibTeX's "and others" (Google Scholar, INSPIRE
// and ADS cut long lists with it) and an "et al" typed in as a name are kept as this mark in `custom`,
// CSL-JSON's place for data of one's own, and the formatter prints "et al" after the names written.
const MARK = 'more-names';

/** The name lists a work's listing can cut short. */
export const LISTED_ROLES = ['author', 'editor'] as const;

type NameRole = (typeof LISTED_ROLES)[number];

const lettersOf = (text: string | undefined) => (text ?? '').toLowerCase().replace(/[^a-z]/gu, '');

/**
 * A "name" that says the list goes on, however a reader split it: BibTeX's `and others`, "et al." typed
 * in as a name, EndNote's `et, a. l.`, `al, et`.
 */
export function isEtAl(name: CslName): boolean {
  const [given, particle, family] = [lettersOf(name.given), lettersOf(name['non-dropping-particle'] ?? name['dropping-particle']), lettersOf(name.family ?? name.literal)];
  return [given + particle + family, family + given, particle + family + given].includes('etal') || (family === 'others' && !given);
}

/** Whether the item's list of authors (or editors) is cut short: the work has more than those named. */
export function hasMoreNames(item: CslItem, role: NameRole): boolean {
  const custom = item.custom as Record<string, unknown> | undefined;
  return Array.isArray(custom?.[MARK]) && (custom[MARK] as unknown[]).includes(role);
}

/** The item, marked as naming only some of its authors (or editors). */
export function withMoreNames(item: CslItem, role: NameRole): CslItem {
  if (hasMoreNames(item, role)) return item;
  const custom = (typeof item.custom === 'object' && item.custom !== null ? item.custom : {}) as Record<string, unknown>;
  const marked = Array.isArray(custom[MARK]) ? (custom[MARK] as unknown[]) : [];
  return { ...item, custom: { ...custom, [MARK]: [...marked, role] } };
}

// A name citeproc prints as written, where "et al" goes; never in a reference's own text.
const PLACEHOLDER = '\uE0E7';

/** The item as citeproc gets it: a marked list ends in a placeholder name that etAlPrinted replaces. */
export function withPlaceholderNames(item: CslItem): CslItem {
  const roles = LISTED_ROLES.filter((role) => item[role]?.length && hasMoreNames(item, role));
  if (roles.length === 0) return item;
  const placeholder: CslName = { literal: PLACEHOLDER };
  return { ...item, ...Object.fromEntries(roles.map((role) => [role, [...item[role]!, placeholder]])) };
}

// The placeholder with the "and" or "&" a style puts before a last name, and the full stop after it.
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const printed = (and: string) => new RegExp(`(,?)\\s*(?:&#38;|&amp;|&|${escaped(and)})\\s+${PLACEHOLDER}\\.?|${PLACEHOLDER}\\.?`, 'gu');
const ENGLISH_PRINTED = printed('and');

/**
 * citeproc's output with "et al." (the locale's words for it, and for "and") where the placeholder was:
 * "Krupa J, et al." (AMA), "Krupa, J., et al. (2021)" and "(Krupa et al., 2021)" (APA), with no "&" before it.
 */
export function etAlPrinted(text: string, terms: NameTerms = { etAl: 'et al.', and: 'and' }): string {
  if (!text.includes(PLACEHOLDER)) return text;
  const pattern = terms.and === 'and' ? ENGLISH_PRINTED : printed(terms.and);
  return text.replace(pattern, (_match, comma: string | undefined) => (comma === undefined ? terms.etAl : `${comma} ${terms.etAl}`));
}
