import type { Nodes } from 'mdast';
import { parseCitations, type KeyTest } from '../citations/index.ts';

/** A block's text as mdast-util-to-string reads it, and where every node in it starts: one walk for all of its text nodes. */
export function textOffsets(block: Nodes): { text: string; offsets: Map<Nodes, number> } {
  let text = '';
  const offsets = new Map<Nodes, number>();
  const walk = (node: Nodes): void => {
    offsets.set(node, text.length);
    if ('value' in node && typeof node.value === 'string') text += node.value;
    else if ('alt' in node && typeof node.alt === 'string') text += node.alt;
    else if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(block);
  return { text, offsets };
}

/** A block's text, and the offset at which `target` starts in it (-1 if absent). */
export function textWithOffset(block: Nodes, target: Nodes): { text: string; offset: number } {
  const { text, offsets } = textOffsets(block);
  return { text, offset: offsets.get(target) ?? -1 };
}

// Stands in for a citation while sentences are found: a citation's "p. 33" is no sentence end, and a
// sentence may begin with a narrative citation.
const MARK = '\uE000';
// A sentence ends at . ! or ?, closing quotes or brackets, then space before a capital, quote, citation or
// digit; not before a digit after the abbreviations citing text puts before numbers ("p. 12", "Fig. 3").
const END = String.raw`[.!?]["'”’)\]]*\s+`;
const NUMBERED = String.raw`\b(?:[Pp]p?|[Vv]ol|[Ff]igs?|[Nn]os?|[Cc]hap|[Cc]h|[Ss]ec|[Pp]ara|[Ee]q|[Rr]ef|[Tt]ab|approx|ca|vs)`;
const BOUNDARY = new RegExp(String.raw`${END}(?=[\p{Lu}“"‘'(\[${MARK}])|(?<!${NUMBERED})${END}(?=\p{N})`, 'gu');

// A "sentence" longer than this (a paragraph or list with no full stop) is quoted as the words around the
// citation, most of them before it, where the claim is: the whole block for each of its citations made an
// article's summary grow with the square of the block.
const LONGEST_CONTEXT = 400;
const BEFORE_CITATION = 280;

/** The part of a long sentence around the citation at `target`, cut at spaces. */
function aroundCitation(text: string, start: number, end: number, target: number): { start: number; end: number } {
  let from = Math.max(start, target - BEFORE_CITATION);
  let to = Math.min(end, from + LONGEST_CONTEXT);
  if (from > start) from = text.indexOf(' ', from) + 1 || from;
  if (to < end) to = Math.max(text.lastIndexOf(' ', to), target + 1);
  return { start: from, end: to };
}

/** The names a narrative citation stands for ("Cherkin et al"), when the caller can tell. */
export type AuthorsOf = (key: string) => string | undefined;

/**
 * The sentence of a block's text that holds each citation starting at the given offsets, with every
 * citation removed, a narrative one replaced by its authors' names when `authorsOf` knows them: what a
 * reference page quotes as the citing context. Shorter than the block, it keeps each article's summary
 * of citing places small at 10,000 articles. The block is parsed once for all of its citations.
 */
export function citingSentences(text: string, starts: number[], isKnown: KeyTest, authorsOf?: AuthorsOf): string[] {
  return starts.map(sentenceFinder(text, isKnown, authorsOf));
}

/**
 * What citingSentences gives for one citation at a time, the block parsed once: a block whose citations
 * are in many text nodes (`@a *x* @b *y* …`) asks once per node.
 */
export function sentenceFinder(text: string, isKnown: KeyTest, authorsOf?: AuthorsOf): (at: number) => string {
  let masked = '';
  let cursor = 0;
  const maskedAt = new Map<number, number>();
  for (const cluster of parseCitations(text, isKnown)) {
    masked += text.slice(cursor, cluster.start);
    maskedAt.set(cluster.start, masked.length);
    masked += MARK;
    const authors = cluster.mode === 'narrative' ? authorsOf?.(cluster.items[0]!.key) : undefined;
    if (authors) masked += cluster.items[0]!.possessive ? `${authors}’s` : authors;
    // A narrative citation holds its possessive "’s": without names, "@smith2020's trial" reads "trial".
    cursor = cluster.end;
  }
  masked += text.slice(cursor);
  const boundaries = [...masked.matchAll(BOUNDARY)].map((boundary) => ({
    end: boundary.index + boundary[0].trimEnd().length,
    next: boundary.index + boundary[0].length,
  }));
  // Each sentence is cleaned once, however many citations it holds; spaces are collapsed before the space
  // before a full stop goes (`\s+([.,;:!?])` on a long run of spaces took time growing with its square).
  const cleaned = new Map<string, string>();
  return (at) => {
    const target = maskedAt.get(at);
    let start = 0;
    let end = masked.length;
    let cut = { before: false, after: false };
    if (target !== undefined) {
      // The first boundary after the citation, by binary search: the sentence runs from the one before it.
      let low = 0;
      let high = boundaries.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (boundaries[mid]!.next > target) high = mid;
        else low = mid + 1;
      }
      start = boundaries[low - 1]?.next ?? 0;
      end = boundaries[low]?.end ?? masked.length;
      if (end - start > LONGEST_CONTEXT) {
        const part = aroundCitation(masked, start, end, target);
        cut = { before: part.start > start, after: part.end < end };
        ({ start, end } = part);
      }
    }
    const span = `${start}:${end}`;
    let sentence = cleaned.get(span);
    if (sentence === undefined) {
      sentence = masked.slice(start, end).replaceAll(MARK, '').replace(/\s+/gu, ' ').replace(/ ([.,;:!?])/gu, '$1').trim();
      if (sentence) sentence = `${cut.before ? '…' : ''}${sentence}${cut.after ? '…' : ''}`;
      cleaned.set(span, sentence);
    }
    return sentence;
  };
}
