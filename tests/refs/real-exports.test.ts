import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../../src/citations/bibtex.ts';
import { CitationFormatter, loadLibrary } from '../../src/citations/index.ts';
import { bundledStyle } from '../citations/helpers.ts';

// Excerpts of files that reference managers and search engines wrote, each with its source in the file.
const fixture = (name: string) => ({ path: `bibtex-real/${name}`, text: readFileSync(`tests/fixtures/bibtex-real/${name}`, 'utf8') });

function formatted(name: string, key: string, style: Parameters<typeof bundledStyle>[0]): string {
  const library = loadLibrary([fixture(name)]);
  return new CitationFormatter(library, bundledStyle(style)).entry(key)!.text;
}

describe('EndNote exports', () => {
  it('reads a generation written after the given names ("Long, J. D., 2nd") as the suffix it is', () => {
    const { entries, diagnostics } = parseBibtex(fixture('endnote.bib').text, 'endnote.bib');
    expect(diagnostics).toEqual([]);
    expect(entries[0]!.item.author![2]).toEqual({ family: 'Long', given: 'J. D.', suffix: '2nd' });
    expect(formatted('endnote.bib', 'RN877', 'american-medical-association')).toMatch(/^Koralek AC, Jin X, Long JD 2nd, Costa RM, Carmena JM\./u);
    expect(formatted('endnote.bib', 'RN877', 'apa')).toMatch(/^Koralek, A\. C\., Jin, X\., Long, J\. D\., 2nd, Costa/u);
  });

  it('keeps a suffix BibTeX reads where it belongs ("Doe, Jr., John")', () => {
    const text = '@article{a, author = {Doe, Jr., John and King, III, Martin}, title = {T}, journal = {J}, year = 2020}';
    expect(parseBibtex(text, 'a.bib').entries[0]!.item.author).toEqual([
      { family: 'Doe', given: 'John', suffix: 'Jr.' },
      { family: 'King', given: 'Martin', suffix: 'III' },
    ]);
  });
});
