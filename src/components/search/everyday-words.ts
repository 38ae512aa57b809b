import { editDistance } from '../../citations/edit-distance.ts';
import { correctionLimit, MIN_LENGTH } from './suggest.ts';

// The search page corrects a word no page holds to the nearest of the site's words (suggest.ts), but most
// of a reader's words are spelt as meant: on a site without "night", "neck pain at night" was searched as
// "neck pain at might", "heat or ice" as "head or ice". The build lists the everyday words that would be
// "corrected" into another everyday word, and the page leaves those as typed.

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
 * The words of `everyday` (lower case) that the search page would "correct" to another everyday word: not the
 * vocabulary's own, of a length it corrects, and whose nearest site word within the edits a correction allows
 * (correctionLimit; the more frequent on a tie, as nearestWithin picks it) is an everyday word too ("night" to
 * "might"). A word whose nearest is no everyday word is still corrected: "tumor" to "tumour", "pediatric" to
 * "paediatric" on a site written in British spelling. Two words that many edits apart share a form once each
 * loses that many letters (symmetric deletion), so an index of the vocabulary's shortened forms finds the few
 * words to compare each with; comparing each word with each took 24 s for a vocabulary of 20,000 words.
 */
export function everydayWordsNear(vocabulary: readonly string[], everyday: readonly string[]): string[] {
  const rank = new Map(vocabulary.map((word, i) => [word, i]));
  const common = new Set(everyday);
  const unknown = [...common].filter((word) => word.length >= MIN_LENGTH && !rank.has(word));
  const misread = new Set<string>();
  for (const limit of new Set(unknown.map(correctionLimit))) {
    const words = unknown.filter((word) => correctionLimit(word) === limit);
    // No site's word more than `limit` letters shorter than the shortest of them is near enough.
    const shortest = Math.min(...words.map((word) => word.length));
    const index = formIndex([...rank.keys()].filter((entry) => entry.length >= shortest - limit), limit);
    for (const word of words) {
      const candidates = new Set([...deletions(word, limit)].flatMap((form) => index.get(form) ?? []));
      let nearest: { entry: string; distance: number } | undefined;
      for (const entry of candidates) {
        const distance = editDistance(word, entry, limit);
        if (distance <= limit && (!nearest || distance < nearest.distance || (distance === nearest.distance && rank.get(entry)! < rank.get(nearest.entry)!))) nearest = { entry, distance };
      }
      if (nearest && common.has(nearest.entry)) misread.add(word);
    }
  }
  return unknown.filter((word) => misread.has(word));
}
