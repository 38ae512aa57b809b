import { editDistance } from '../../citations/edit-distance.ts';
import { correctionLimit, MIN_LENGTH } from './suggest.ts';

// The search page corrects a word no page holds to the nearest of the site's words (suggest.ts), but most
// of a reader's words are spelt as meant: on a site without "night", "neck pain at night" was searched as
// "neck pain at might", "heat or ice" as "head or ice". The build lists the everyday words that lie near
// enough to one of the site's words to be "corrected", and the page leaves those as typed.

/** The word and every string made from it by deleting up to `depth` of its letters. */
function deletions(word: string, depth: number): Set<string> {
  const all = new Set([word]);
  let level = all;
  for (let deleted = 0; deleted < depth; deleted++) {
    const shorter = new Set<string>();
    for (const form of level) for (let i = 0; i < form.length; i++) shorter.add(form.slice(0, i) + form.slice(i + 1));
    for (const form of shorter) all.add(form);
    level = shorter;
  }
  return all;
}

/** Each of the words under every form it takes with up to `depth` letters deleted. */
function formIndex(words: Iterable<string>, depth: number): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const word of words) {
    for (const form of deletions(word, depth)) {
      const listed = index.get(form);
      if (listed) listed.push(word);
      else index.set(form, [word]);
    }
  }
  return index;
}

/**
 * The words of `everyday` (lower case) that the search page could take for a misspelling of one of the
 * vocabulary's: not the vocabulary's own, of a length it corrects, and within the edits a correction allows
 * (correctionLimit). Two words that many edits apart share a form once each loses that many letters
 * (symmetric deletion), so an index of the vocabulary's shortened forms finds the few words to compare
 * each with; comparing each word with each took 24 s for a vocabulary of 20,000 words.
 */
export function everydayWordsNear(vocabulary: readonly string[], everyday: Iterable<string>): string[] {
  const known = new Set(vocabulary);
  const unknown = [...new Set(everyday)].filter((word) => word.length >= MIN_LENGTH && !known.has(word));
  const near = new Set<string>();
  for (const limit of new Set(unknown.map(correctionLimit))) {
    const words = unknown.filter((word) => correctionLimit(word) === limit);
    // No site's word more than `limit` letters shorter than the shortest of them is near enough.
    const shortest = Math.min(...words.map((word) => word.length));
    const index = formIndex([...known].filter((entry) => entry.length >= shortest - limit), limit);
    for (const word of words) {
      if ([...deletions(word, limit)].some((form) => index.get(form)?.some((entry) => editDistance(word, entry, limit) <= limit))) near.add(word);
    }
  }
  return unknown.filter((word) => near.has(word));
}
