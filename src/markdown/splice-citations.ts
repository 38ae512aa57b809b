import type { PhrasingContent } from 'mdast';

/** A citation to put in place of its source text, `start`–`end` in the text node's value. */
export interface Placement {
  start: number;
  end: number;
  node: PhrasingContent;
  /** A superscript number hugs the word before it and goes after a following full stop or comma. */
  superscript: boolean;
  /** The citation brings its own space (numbers in a heading): the text before it ends without one. */
  hug?: boolean;
}

// AMA and Vancouver superscripts go outside full stops and commas, inside colons and semicolons.
const MOVED_PUNCTUATION = /^[.,]/u;

/**
 * The text node's value cut around its citations: `trials [@a].` becomes "trials.", ¹ for
 * superscript styles, so the number never stands alone after a space or wraps onto its own line.
 */
export function spliceCitations(value: string, placements: Placement[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let cursor = 0;
  for (const { start, end, node, superscript, hug } of placements) {
    let before = value.slice(cursor, start);
    cursor = end;
    if (hug) before = before.trimEnd();
    if (superscript) {
      before = before.trimEnd();
      const punctuation = value.slice(cursor).match(MOVED_PUNCTUATION)?.[0];
      if (punctuation) {
        before += punctuation;
        cursor += punctuation.length;
      }
    }
    if (before) out.push({ type: 'text', value: before });
    out.push(node);
  }
  if (cursor < value.length) out.push({ type: 'text', value: value.slice(cursor) });
  return out;
}
