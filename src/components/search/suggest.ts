import { nearestWithin } from '../../citations/edit-distance.ts';

// Pagefind matches words, their stems and beginnings, not misspellings. The search page searches the
// query with each unknown word replaced by the nearest word of the site's own vocabulary: the
// summaries' words, what readers call the conditions, treatments, and the first authors and journals of
// its sources (so that a search for an author is not "corrected").

/** Words shorter than this are left alone: too many real words lie one letter away from them. */
const MIN_LENGTH = 4;
/** A longer query is no misspelt search but pasted text; checking it word by word would stall the page. */
const MAX_WORDS = 12;

const knownSets = new WeakMap<string[], Set<string>>();

/** The vocabulary as a set, made once per vocabulary rather than once per search. */
function knownWords(vocabulary: string[]): Set<string> {
  let known = knownSets.get(vocabulary);
  if (!known) knownSets.set(vocabulary, known = new Set(vocabulary));
  return known;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Lower case, with typographic apostrophes as typed ones ("crohn’s" is "crohn's"). */
function normalized(word: string): string {
  return word.toLocaleLowerCase('en').replaceAll('’', "'");
}

function words(text: string): string[] {
  return [...text.matchAll(WORD)].map((match) => normalized(match[0]));
}

/** The distinct words of the texts a reader might search for, most frequent first (ties A to Z); no numbers. */
export function searchVocabulary(texts: string[]): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of words(text)) if (word.length >= MIN_LENGTH && !/\p{N}/u.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([word]) => word);
}

/** Whether Pagefind finds the word through the entry: the entry begins with it, or it is the entry with an ending ("pains", "treated"). */
function isVariant(word: string, entry: string): boolean {
  return entry.startsWith(word) || (word.startsWith(entry) && word.length - entry.length <= 3);
}

/**
 * Each word of the query that the vocabulary does not know (nor a variant of it), lower case, with its nearest
 * word there. `vocabulary` is ordered most frequent first, which wins ties. Queries with links, identifiers or
 * numbers have none: their parts are not words to correct.
 */
export function misspellings(query: string, vocabulary: string[]): Map<string, string> {
  const found = new Map<string, string>();
  if (/[/:@\p{N}]/u.test(query) || words(query).length > MAX_WORDS) return found;
  const known = knownWords(vocabulary);
  for (const word of words(query)) {
    if (word.length < MIN_LENGTH || known.has(word) || vocabulary.some((entry) => isVariant(word, entry))) continue;
    // One edit for short words, two from eight letters; the more frequent word wins ties.
    const replacement = nearestWithin(word, vocabulary, word.length >= 8 ? 2 : 1);
    if (replacement) found.set(word, replacement);
  }
  return found;
}

/** The query with the words `corrections` names replaced (as the query spells them, in any case), or undefined when it has none of them. */
export function correctedQuery(query: string, corrections: ReadonlyMap<string, string>): string | undefined {
  let changed = false;
  const corrected = query.trim().replace(WORD, (typed) => {
    const replacement = corrections.get(normalized(typed));
    if (replacement) changed = true;
    return replacement ?? typed;
  });
  return changed ? corrected : undefined;
}

/** The query with each misspelt word replaced by its nearest word of the vocabulary (see misspellings), or undefined when nothing changes. */
export function suggestQuery(query: string, vocabulary: string[]): string | undefined {
  return correctedQuery(query, misspellings(query, vocabulary));
}

/**
 * The misspellings whose typed word no page holds. The vocabulary has the summaries' words, not every
 * source's: an author ("Stannard") or a word of a source's title ("meta-analysis") is no misspelling.
 * `pagesWith` counts the pages that hold a word as it is.
 */
export async function notIndexed(found: ReadonlyMap<string, string>, pagesWith: (word: string) => Promise<number>): Promise<Map<string, string>> {
  const held = await Promise.all([...found.keys()].map(async (word) => (await pagesWith(word)) > 0));
  return new Map([...found].filter((_, index) => !held[index]));
}
