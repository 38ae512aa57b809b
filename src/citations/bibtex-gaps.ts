import { strayClose, type Chunk } from './bibtex-lint.ts';

/** Where an entry opened with "(" closes in its chunk: the ")" outside braces and quotes, or -1. */
function parenClose(text: string, from: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const character = text[i];
    if (character === '\\') i++;
    else if (character === '{') depth++;
    else if (character === '}') depth--;
    else if (depth === 0 && character === '"') quoted = !quoted;
    else if (depth === 0 && !quoted && character === ')') return i;
  }
  return -1;
}

/** Where a chunk's entry ends in its text (its closing "}" or ")"), or -1 when it never closes. */
function entryEnd(chunk: Chunk): number {
  const open = chunk.text.search(/[{(]/u);
  return chunk.text[open] === '{' ? strayClose(chunk.text, open + 1) : parenClose(chunk.text, open + 1);
}

/**
 * The file with every "@" in the text between entries made a space: BibTeX and pandoc read that text
 * as a comment, but citation-js starts an entry at any "@", so an e-mail address in a `%` line
 * (`% from jane@example.org`) made the entry or @string macro before it unreadable. Offsets and lines
 * are kept; an entry that never closes keeps its text, for the error about its braces.
 */
export function withQuietGaps(text: string, chunks: Chunk[]): string {
  const gaps: [number, number][] = [[0, chunks[0]?.offset ?? text.length]];
  for (const chunk of chunks) {
    const end = entryEnd(chunk);
    if (end !== -1) gaps.push([chunk.offset + end + 1, chunk.offset + chunk.text.length]);
  }
  if (!gaps.some(([start, end]) => text.slice(start, end).includes('@'))) return text;
  let quiet = '';
  let done = 0;
  for (const [start, end] of gaps) {
    quiet += text.slice(done, start) + text.slice(start, end).replaceAll('@', ' ');
    done = end;
  }
  return quiet + text.slice(done);
}
