import { describe, expect, it } from 'vitest';
import { locate } from '../../src/citations/errors.ts';

/** The definition of a location, scanned from the top: what the indexed lookup must agree with. */
function scan(text: string, offset: number) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

describe('locate', () => {
  const library = Array.from({ length: 50 }, (_, i) => `@article{key${i},\n  title = {Entry ${i}},\n\n  year = {20${i % 10}0}\n}`).join('\n');

  it('agrees with a scan from the top at every offset, including line starts and ends', () => {
    for (let offset = 0; offset <= library.length; offset++) {
      expect(locate(library, offset, 'lib.bib'), `offset ${offset}`).toEqual({ file: 'lib.bib', ...scan(library, offset) });
    }
  });

  it('does not reuse one text\'s lines for another', () => {
    const other = 'a\nb\nc\n@x';
    expect(locate(library, library.indexOf('key7'), 'lib.bib')).toMatchObject({ line: 36, column: 10 });
    expect(locate(other, 6, 'other.bib')).toEqual({ file: 'other.bib', line: 4, column: 1 });
    expect(locate(library, library.indexOf('key7'), 'lib.bib')).toMatchObject({ line: 36, column: 10 });
    expect(locate('no newline', 3, 'x')).toEqual({ file: 'x', line: 1, column: 4 });
  });
});
