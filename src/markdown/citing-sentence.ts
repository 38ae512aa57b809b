import type { Nodes } from 'mdast';
import { parseCitations, type KeyTest } from '../citations/index.ts';

/** A block's text as mdast-util-to-string reads it, and the offset at which `target` starts in it (-1 if absent). */
export function textWithOffset(block: Nodes, target: Nodes): { text: string; offset: number } {
  let text = '';
  let offset = -1;
  const walk = (node: Nodes): void => {
    if (node === target) offset = text.length;
    if ('value' in node && typeof node.value === 'string') text += node.value;
    else if ('alt' in node && typeof node.alt === 'string') text += node.alt;
    else if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(block);
  return { text, offset };
}

// Stands in for a citation while sentences are found: a citation's "p. 33" is no sentence end, and a
// sentence may begin with a narrative citation.
const MARK = '\uE000';
// A sentence ends at . ! or ?, closing quotes or brackets, then space before a capital, quote, citation or
// digit; not before a digit after the abbreviations citing text puts before numbers ("p. 12", "Fig. 3").
const END = String.raw`[.!?]["'”’)\]]*\s+`;
const NUMBERED = String.raw`\b(?:[Pp]p?|[Vv]ol|[Ff]igs?|[Nn]os?|[Cc]hap|[Cc]h|[Ss]ec|[Pp]ara|[Ee]q|[Rr]ef|[Tt]ab|approx|ca|vs)`;
const BOUNDARY = new RegExp(String.raw`${END}(?=[\p{Lu}“"‘'(\[${MARK}])|(?<!${NUMBERED})${END}(?=\p{N})`, 'gu');

/** The names a narrative citation stands for ("Cherkin et al"), when the caller can tell. */
export type AuthorsOf = (key: string) => string | undefined;

/**
 * The sentence of a block's text that holds each citation starting at the given offsets, with every
 * citation removed, a narrative one replaced by its authors' names when `authorsOf` knows them: what a
 * reference page quotes as the citing context. Shorter than the block, it keeps each article's summary
 * of citing places small at 10,000 articles. The block is parsed once for all of its citations.
 */
export function citingSentences(text: string, starts: number[], isKnown: KeyTest, authorsOf?: AuthorsOf): string[] {
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
  return starts.map((at) => {
    const target = maskedAt.get(at);
    let sentence = masked;
    if (target !== undefined) {
      const start = boundaries.findLast((boundary) => boundary.next <= target)?.next ?? 0;
      const end = boundaries.find((boundary) => boundary.next > target)?.end ?? masked.length;
      sentence = masked.slice(start, end);
    }
    return sentence.replaceAll(MARK, '').replace(/\s+([.,;:!?])/gu, '$1').replace(/\s+/gu, ' ').trim();
  });
}
