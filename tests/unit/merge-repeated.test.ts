import { describe, expect, it } from 'vitest';
import { mergeRepeated, type Diagnostic } from '../../src/citations/index.ts';
import { arraySteps } from '../citations/helpers.ts';

const at = (line: number) => ({ file: 'content/articles/a.mdx', line, column: 5 });

describe('mergeRepeated', () => {
  it('reports a library entry\'s problem once, naming every place that cites it; problems of each place stay apart', () => {
    const definition = { file: 'references/refs.bib', line: 12, column: 1 };
    const twice = (line: number): Diagnostic => ({ code: 'duplicate-key', severity: 'error', message: 'Citation key "k" is defined twice', location: at(line), related: [definition] });
    const unclosed = (line: number): Diagnostic => ({ code: 'citation-syntax', severity: 'error', message: 'The citation of "k" has a [ before it that is never closed', location: at(line) });
    const merged = mergeRepeated([twice(9), unclosed(19), twice(3), unclosed(11)]);
    expect(merged.map((d) => [d.code, d.location?.line, d.related?.map((place) => `${place.file}:${place.line}`)])).toEqual([
      ['duplicate-key', 3, ['references/refs.bib:12', 'content/articles/a.mdx:9']],
      ['citation-syntax', 11, undefined],
      ['citation-syntax', 19, undefined],
    ]);
  });

  it("merges an entry's problem placed at its definition, with each citing place related, and keeps apart same words about places unrelated", () => {
    const definition = { file: 'references/refs.bib', line: 53, column: 1 };
    const malformed = (file: string, line: number): Diagnostic => ({ code: 'invalid-identifier', severity: 'error', message: '"p": PMID "12ab" is malformed', location: definition, related: [{ file, line, column: 10 }] });
    const repeated = (line: number, other: number): Diagnostic => ({ code: 'citation-syntax', severity: 'error', message: 'The citation names "k" twice', location: at(line), related: [at(other)] });
    const merged = mergeRepeated([malformed('content/articles/b.mdx', 17), malformed('content/articles/a.mdx', 21), repeated(30, 31), repeated(40, 41)]);
    expect(merged.map((d) => [d.code, `${d.location?.file}:${d.location?.line}`, d.related?.map((place) => `${place.file}:${place.line}`)])).toEqual([
      ['citation-syntax', 'content/articles/a.mdx:30', ['content/articles/a.mdx:31']],
      ['citation-syntax', 'content/articles/a.mdx:40', ['content/articles/a.mdx:41']],
      ['invalid-identifier', 'references/refs.bib:53', ['content/articles/a.mdx:21', 'content/articles/b.mdx:17']],
    ]);
  });

  it('merges thousands of citing places of one problem in work growing with them', () => {
    // Each merge made the related places again from those before: a key defined twice and cited 10,000
    // times took 19 s. Work counted (array steps), not timed.
    const definition = { file: 'references/refs.bib', line: 12, column: 1 };
    const citing = (n: number) => Array.from({ length: n }, (_, i): Diagnostic => ({ code: 'duplicate-key', severity: 'error', message: 'Citation key "k" is defined twice', location: at(i + 1), related: [definition] }));
    const steps = (n: number) => {
      const diagnostics = citing(n);
      return arraySteps(() => mergeRepeated(diagnostics));
    };
    expect(steps(4_000) / steps(1_000)).toBeLessThan(5);
    const [merged] = mergeRepeated(citing(3_000));
    expect([merged!.location?.line, merged!.related?.length, merged!.related?.[0], merged!.related?.at(-1)?.line]).toEqual([1, 3_000, definition, 3_000]);
  });
});
