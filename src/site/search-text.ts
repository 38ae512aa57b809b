import { issuedYear, plainText, type CslItem, type CslName } from '../citations/index.ts';

// Pagefind matches a word it does not know by the longest indexed start of it: initials ("M", "AC") and
// single letters ("J" of "J Pain") would be that match for almost any misspelt word.
const lettersIn = (word: string) => word.replace(/[^\p{L}]/gu, '').length;

/** A name as searched for: family names as written ("Li", "van Tulder"), given names without initials. */
function searchedName(name: CslName): string {
  const given = (name.given ?? '').split(/\s+/u).filter((word) => lettersIn(word) >= 3);
  return [...given, name['non-dropping-particle'], name.family, name.literal].filter(Boolean).join(' ');
}

/**
 * What a reference page gives the search index in place of its formatted reference: who wrote or
 * edited the work, where and when it appeared, and its number (NG59, CD001218), without initials.
 */
export function searchText(item: CslItem): string {
  const names = [...(item.author ?? []), ...(item.editor ?? [])].map(searchedName);
  const year = issuedYear(item);
  // An article number stands in for pages (Cochrane's CD001218), and readers search for it.
  const articleNumber = typeof item.page === 'string' && /\p{L}/u.test(item.page) ? item.page : undefined;
  const source = [item['container-title'] ?? item['container-title-short'], item.publisher, item.number, articleNumber]
    .filter((part) => typeof part === 'string' || typeof part === 'number')
    .map((part) => plainText(String(part)).split(/\s+/u).filter((word) => /\d/u.test(word) || lettersIn(word) > 1).join(' '));
  return [...names, ...source, ...(year === undefined ? [] : [String(year)])].filter(Boolean).join(' · ');
}
