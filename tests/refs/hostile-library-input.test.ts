import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../../src/citations/bibtex.ts';
import { CitationFormatter, loadLibrary } from '../../src/citations/index.ts';
import { loadStyle } from '../../src/integration/project.ts';
import { referenceRecords } from '../../src/integration/references-loader.ts';
import { bundledStyle } from '../citations/helpers.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

// Found by fuzzing the library's reading and formatting: inputs that took time growing with the square
// (or cube) of a run of spaces or blank lines, that threw a bare TypeError, or that lost an entry.
describe('hostile and malformed library input', () => {
  describe('a journal that starts with "arXiv" then many spaces', () => {
    it('is read in time linear in the spaces', () => {
      // Three \s* in a row in the arXiv-journal pattern: 2,000 spaces took 2.3 s, 4,000 about 18 s.
      const text = `@article{k, author = {Doe, Jane}, title = {T}, journal = {arXiv${' '.repeat(3_000)}x}, year = {2020}}\n`;
      const started = performance.now();
      const library = loadLibrary([{ path: 'references/x.bib', text }]);
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(library.entries.has('k')).toBe(true);
    });

    it('still reads the identifier of a preprint written as its journal', () => {
      const library = loadLibrary([{ path: 'references/x.bib', text: [
        '@article{a, author = {Lee, Kim}, title = {T}, journal = {arXiv preprint arXiv:1803.02250}, year = {2018}}',
        '@article{b, author = {Lee, Kim}, title = {U}, journal = {arXiv : 2107.05616 [cs, eess]}, year = {2021}}',
        '@article{c, author = {Lee, Kim}, title = {V}, journal = {ArXiv hep-th/9901001}, year = {1999}}',
      ].join('\n') }]);
      for (const [key, id] of [['a', '1803.02250'], ['b', '2107.05616'], ['c', 'hep-th/9901001']]) expect(JSON.stringify(library.entries.get(key!)?.item)).toContain(id);
    });
  });

  describe('an entry whose key is followed by blank lines', () => {
    it('is reported in time linear in the blank lines, not their square', () => {
      // `\s*\n\s*` after the key took 4.6 s on 100,000 line ends; now milliseconds.
      const text = `@article{skou2015total${'\n'.repeat(100_000)}1 = {x}}\n@article{b, title = {U}, year = {2021}}\n`;
      const started = performance.now();
      const parsed = parseBibtex(text, 'x.bib');
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(parsed.diagnostics.some((d) => d.code === 'invalid-bibtex' && d.location?.line === 1)).toBe(true);
      expect(parsed.entries.map((entry) => entry.key)).toContain('b');
    });

    it('still names the key whose comma is missing, with blank lines or spaces before the first field', () => {
      for (const gap of ['\n', '  \n\n  ', ' \t\n \n\t']) {
        const parsed = parseBibtex(`@article{skou2015total${gap}author = {Skou, S}, title = {T}, year = {2015}}\n`, 'x.bib');
        expect(parsed.diagnostics.find((d) => d.key === 'skou2015total')?.message).toMatch(/"skou2015total" .* not followed by a comma/u);
      }
    });
  });

  describe('TeXMed identifier fields', () => {
    it('reads a file whose `pubmed =` or `pmc =` is followed by a long run of spaces and no number, in time linear in its length', () => {
      // With `\s*[{"]?\s*` each of these took seconds (100,000 spaces: 7 s); now milliseconds.
      for (const field of ['pubmed', 'pmc']) {
        const text = `@article{a, author = {Doe, Jane}, title = {T}, journal = {J}, year = {2020},\n  ${field} = ${' '.repeat(100_000)}x}\n@article{b, title = {U}, year = {2021}}\n`;
        const started = performance.now();
        const parsed = parseBibtex(text, 'x.bib');
        expect(performance.now() - started).toBeLessThan(2_000);
        expect(parsed.entries.map((entry) => entry.key)).toContain('b');
      }
    });

    it('still reads TeXMed\'s identifiers, braced, quoted or bare, with spaces around them', () => {
      const library = loadLibrary([{ path: 'x.bib', text: '@article{a, title = {T}, year = {2020}, pubmed = { 29198932 }, pmc = " PMC5927830"}\n@article{b, title = {U}, year = {2021}, pubmed = 30999999,\n}\n' }]);
      expect(library.entries.get('a')?.item).toMatchObject({ PMID: '29198932', PMCID: 'PMC5927830' });
      expect(library.entries.get('b')?.item).toMatchObject({ PMID: '30999999' });
    });
  });

  describe('a URL with a long run of spaces', () => {
    it('is read in time linear in the spaces, not their square', () => {
      // `\s+(?=https?://)` tried from every space of the run: 60,000 spaces took seconds, 100,000 more than 15 s.
      const item = { id: 'a', type: 'article-journal', title: 'T', URL: `https://example.org/a${' '.repeat(60_000)}b` };
      const started = performance.now();
      const library = loadLibrary([{ path: 'references/x.json', text: JSON.stringify([item]) }]);
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(library.entries.get('a')?.item.URL).toMatch(/^https:\/\/example\.org\/a/u);
    });

    it('still takes the first of several URLs joined by spaces, as Mendeley writes them', () => {
      const item = { id: 'a', type: 'article-journal', title: 'T', URL: 'https://example.org/one   https://example.org/two' };
      const library = loadLibrary([{ path: 'references/x.json', text: JSON.stringify([item]) }]);
      expect(library.entries.get('a')?.item.URL).toBe('https://example.org/one');
    });
  });

  describe('a field with a long run of spaces', () => {
    it('is formatted in time linear in the run', () => {
      // citeproc's /\s+'/g over some printed strings: 40,000 spaces in the volume took 5 s, in the pages 3.4 s.
      const item = { id: 'a', type: 'article-journal', title: `Pain${' '.repeat(40_000)}relief`, volume: `1${' '.repeat(40_000)}2`, page: `3${' '.repeat(40_000)}4`, author: [{ family: 'Doe', given: 'Jane' }], issued: { 'date-parts': [[2020]] } };
      const library = loadLibrary([{ path: 'references/x.json', text: JSON.stringify([item]) }]);
      const formatter = new CitationFormatter(library, bundledStyle('american-medical-association'));
      const started = performance.now();
      const entry = formatter.entry('a');
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(entry?.text).toContain('Pain relief');
      expect(entry?.text).toMatch(/1 2.*3 4/u);
    });
  });

  describe('an entry cut off after "@type{"', () => {
    it('does not take the next entry as its key', () => {
      // `@article{` alone on a line: citation-js read "@book{second2020" as its key, the count of entries still
      // agreed, and @second2020 was an unknown key with only "entry has no citation key" on line 1 to say why.
      for (const cut of ['@article{\n', '@misc{\n\n', '@article(\n']) {
        const library = loadLibrary([{ path: 'references/x.bib', text: `${cut}@book{second2020, author = {Roe, Rick}, title = {Book}, publisher = {P}, year = {2020}}\n@article{third2021, title = {Art}, year = {2021}}\n` }]);
        expect([...library.entries.keys()].sort()).toEqual(['second2020', 'third2021']);
        expect(library.entries.get('second2020')?.location.line).toBe(cut.split('\n').length);
        expect(library.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/entry has no citation key/u));
      }
    });
  });

  describe('CSL-JSON names whose parts are not text', () => {
    // Each of these threw a bare TypeError (value.replace / toLowerCase is not a function) from loadLibrary or the reference pages.
    const authors = [[{ family: true }], [{ given: true }], [{ literal: false, family: 'Doe' }], [null, { family: 1 }], [null, { family: true }], [null, 1, 'Doe, Jane', { family: 1 }]];
    for (const author of authors) {
      it(`reads ${JSON.stringify(author)} and makes its reference page`, () => {
        const library = loadLibrary([{ path: 'references/x.json', text: JSON.stringify([{ id: 'a', type: 'article-journal', title: 'T', author }]) }]);
        const [record] = referenceRecords({ library, formatter: new CitationFormatter(library, loadStyle(root, 'ama')) });
        expect(record?.key).toBe('a');
        for (const name of library.entries.get('a')!.item.author ?? []) {
          for (const part of ['family', 'given', 'literal'] as const) expect(['string', 'undefined']).toContain(typeof name[part]);
        }
      });
    }

    it('keeps the numbers of a name list with a stray value as text', () => {
      const library = loadLibrary([{ path: 'references/x.json', text: JSON.stringify([{ id: 'a', type: 'article-journal', title: 'T', author: [null, { family: 1984, given: 'J' }] }]) }]);
      expect(library.entries.get('a')!.item.author).toEqual([{ family: '1984', given: 'J' }]);
      expect(library.diagnostics.some((d) => d.key === 'a' && /author is not a list of names/u.test(d.message))).toBe(true);
    });
  });
});
