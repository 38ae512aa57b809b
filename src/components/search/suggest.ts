import { nearestWithin } from '../../citations/edit-distance.ts';
import { LAY_WORDS, pageWord } from './lay-words.ts';
import { QUESTION_WORDS } from './question-words.ts';

// Pagefind matches words, their stems and beginnings, not misspellings. The search page searches the
// query with each unknown word replaced by the nearest word of the site's own vocabulary: the
// summaries' words, what readers call the conditions, treatments, and the first authors, titles and
// journals of its sources (so that a search for an author is not "corrected").

/** Words shorter than this are left alone: too many real words lie one letter away from them. */
export const MIN_LENGTH = 4;
/** Letters a word must share at its start with another, for the other to be a form of it (see isFormOf). */
const SHARED_START = 5;
/** A longer query is no misspelt search but pasted text; checking it word by word would stall the page. */
const MAX_WORDS = 12;

/** What the build writes to search/terms.json for the search page. */
export interface SearchTerms {
  /** The site's words, most frequent first (see searchVocabulary). */
  words: string[];
  /** Everyday English words whose nearest site word is an everyday word too, which are left as typed (see everyday-words.ts). */
  everyday: string[];
}

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

/** The words of a text as the vocabulary holds them: lower case, without the punctuation around them. */
export function words(text: string): string[] {
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
 * Each word of the query, lower case, that the vocabulary does not know (nor a variant of it), other than
 * those that only make it a question. Queries with links, identifiers or numbers have none: their parts
 * are not words to correct.
 */
export function unknownWords(query: string, vocabulary: string[]): string[] {
  if (/[/:@\p{N}]/u.test(query) || words(query).length > MAX_WORDS) return [];
  const known = knownWords(vocabulary);
  const isKnown = (word: string) => known.has(word) || vocabulary.some((entry) => isVariant(word, entry));
  // A compound of the site's words or of short ones ("back-pain", "x-ray") is no misspelling: "back-pain" became "neck-pain".
  const isCompound = (word: string) => word.includes('-') && word.split('-').every((part) => part.length < MIN_LENGTH || isKnown(part));
  return [...new Set(words(query))].filter((word) => (word.length >= MIN_LENGTH || LAY_WORDS.has(word)) && !QUESTION_WORDS.has(word) && !isKnown(word) && !isCompound(word));
}

/** A word typed without its spaces is read as at most this many of the site's words ("lowerbackpain"). */
const MAX_GLUED = 3;

/**
 * The site's words that, written together, make the word ("backpain": back pain), fewest first; undefined
 * when none do. Each is a whole word of the vocabulary, so of four letters or more.
 */
export function gluedWords(word: string, known: ReadonlySet<string>, parts = MAX_GLUED): string[] | undefined {
  if (known.has(word)) return [word];
  if (parts < 2) return undefined;
  let best: string[] | undefined;
  for (let end = word.length - MIN_LENGTH; end >= MIN_LENGTH; end--) {
    const head = word.slice(0, end);
    const rest = known.has(head) ? gluedWords(word.slice(end), known, parts - 1) : undefined;
    if (rest && (!best || rest.length + 1 < best.length)) best = [head, ...rest];
  }
  return best;
}

/** How many edits a typed word may be from the site's word it is corrected to: one for short words, two from eight letters. */
export function correctionLimit(word: string): number {
  return word.length >= 8 ? 2 : 1;
}

/**
 * Each unknown word of the query (see unknownWords) with its nearest word in the vocabulary, where one is
 * near enough, the site's words it glues together ("backpain": back pain), or the page's word for a
 * patient's ("hurts": pain, see lay-words.ts). `vocabulary` is ordered most frequent first, which wins ties.
 * A word of `everyday` English is spelt as meant, though the site lacks it: "walk" is not "talk", though
 * "pregnancy" may be read as "pregnant".
 */
export function misspellings(query: string, vocabulary: string[], everyday: ReadonlySet<string> = new Set()): Map<string, string> {
  const found = new Map<string, string>();
  const typed = words(query);
  const known = knownWords(vocabulary);
  for (const word of unknownWords(query, vocabulary)) {
    // A compound typed as two words ("pain killers", "head aches"): the pair is replaced by the one word.
    const at = typed.indexOf(word);
    const split = [typed.slice(at - 1, at + 1), typed.slice(at, at + 2)].find((pair) => at >= 0 && pair.length === 2 && known.has(pair.join('')));
    if (split) {
      found.set(split.join(' '), split.join(''));
      continue;
    }
    // A patient's word for a symptom ("hurts") or a clinician's shorthand ("RCT"), where the site has the page's word for it.
    const clinical = pageWord(word, known);
    if (clinical) {
      found.set(word, clinical);
      continue;
    }
    // Words typed without the spaces between them, as on a phone: every part is one of the site's words.
    const glued = gluedWords(word, known);
    if (glued) {
      found.set(word, glued.join(' '));
      continue;
    }
    // An everyday word is only read as a form of it ("pregnancy" as "pregnant"); the more frequent word wins ties.
    const candidates = everyday.has(word) ? vocabulary.filter((entry) => isFormOf(word, entry)) : vocabulary;
    const replacement = nearestWithin(word, candidates, correctionLimit(word));
    if (replacement) found.set(word, replacement);
  }
  return found;
}

/** Whether another word is a form of the word: it shares the word's first five letters, or all of a shorter word's ("randomised", "randomized"). */
function isFormOf(word: string, other: string): boolean {
  return other.startsWith(word.slice(0, SHARED_START));
}

/**
 * Whether Pagefind matched a word no page holds by mere first letters ("asdfgh" by "as", "orthopaedic" by "or")
 * or by nothing at all (it then leaves the word out), rather than by a form of it ("randomised" by
 * "randomized"). `marked` are the words it marked for it (see matchedWords).
 */
export function strayMatch(word: string, marked: readonly string[]): boolean {
  return !marked.some((match) => isFormOf(word, normalized(match)));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * The query with the words `corrections` names replaced (as the query spells them, in any case), or
 * undefined when it has none of them. A correction of two words ("pain killers") replaces them with the
 * space between them.
 */
export function correctedQuery(query: string, corrections: ReadonlyMap<string, string>): string | undefined {
  let changed = false;
  let corrected = query.trim();
  for (const [pair, replacement] of corrections) {
    if (!pair.includes(' ')) continue;
    const [first, second] = pair.split(' ').map(escapeRegExp);
    corrected = corrected.replace(new RegExp(`(?<![\\p{L}\\p{N}'’-])${first}\\s+${second}(?![\\p{L}\\p{N}'’-])`, 'giu'), () => {
      changed = true;
      return replacement;
    });
  }
  corrected = corrected.replace(WORD, (typed) => {
    const replacement = corrections.get(normalized(typed));
    if (replacement) changed = true;
    return replacement ?? typed;
  });
  return changed ? corrected : undefined;
}

/** The query with each misspelt word replaced by its nearest word of the vocabulary (see misspellings), or undefined when nothing changes. */
export function suggestQuery(query: string, vocabulary: string[], everyday?: ReadonlySet<string>): string | undefined {
  return correctedQuery(query, misspellings(query, vocabulary, everyday));
}

/**
 * The words that no page holds as typed. The vocabulary has the summaries' words, not every source's: an
 * author ("Stannard") or a word of a source's title ("meta-analysis") is not unknown to the site.
 * `pagesWith` counts the pages that hold a word as it is.
 */
export async function notIndexed(found: readonly string[], pagesWith: (word: string) => Promise<number>): Promise<string[]> {
  const held = await Promise.all(found.map(async (word) => (await pagesWith(word)) > 0));
  return found.filter((_, index) => !held[index]);
}
