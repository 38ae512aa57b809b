import type { Nodes } from 'mdast';
import { parseCitations } from '../citations/index.ts';

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
// A sentence ends at . ! or ?, closing quotes or brackets, then space before a capital, digit, quote or citation.
const BOUNDARY = new RegExp(String.raw`[.!?]["'”’)\]]*\s+(?=[\p{Lu}\p{N}“"‘'(\[${MARK}])`, 'gu');

/**
 * The sentence of a block's text that holds the citation starting at offset `at`, with every
 * citation removed: what a reference page quotes as the citing context. Shorter than the block, it
 * keeps each article's summary of citing places small at 10,000 articles.
 */
export function citingSentence(text: string, at: number): string {
  let masked = '';
  let cursor = 0;
  let target = -1;
  for (const cluster of parseCitations(text)) {
    masked += text.slice(cursor, cluster.start);
    if (cluster.start === at) target = masked.length;
    masked += MARK;
    cursor = cluster.end;
  }
  masked += text.slice(cursor);
  let start = 0;
  let end = masked.length;
  for (const boundary of masked.matchAll(BOUNDARY)) {
    const after = boundary.index + boundary[0].length;
    if (after <= target) start = after;
    else if (target !== -1) {
      end = boundary.index + boundary[0].trimEnd().length;
      break;
    }
  }
  const sentence = target === -1 ? masked : masked.slice(start, end);
  return sentence.replaceAll(MARK, '').replace(/\s+([.,;:!?])/gu, '$1').replace(/\s+/gu, ' ').trim();
}
