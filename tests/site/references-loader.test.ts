import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parseFragment } from './helpers/html.ts';
import { loadLibrary } from '../../src/citations/index.ts';
import { CitationFormatter, toRis } from '../../src/citations/index.ts';
import { scholarlyArticle } from '../../src/site/json-ld.ts';
import { CitationOptionsSchema } from '../../src/integration/options.ts';
import { loadCitationContext, loadStyle } from '../../src/integration/project.ts';
import { referenceRecords } from '../../src/integration/references-loader.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('referenceRecords', () => {
  it('makes one record per library entry and formats each entry once', () => {
    const context = loadCitationContext(root, CitationOptionsSchema.parse({}));
    const records = referenceRecords(context);
    expect(records).toHaveLength(context.library.all().length);
    referenceRecords(context);
    expect(context.formatter.counts.entries).toBe(records.length);
    const vickers = records.find((r) => r.key === 'vickers2018acupuncture')!;
    expect(vickers).toMatchObject({ slug: 'vickers2018acupuncture', year: 2018, journal: 'The Journal of Pain', firstAuthor: 'Vickers', authors: 'Vickers et al' });
    expect(vickers.text).toContain('J Pain. 2018;19(5):455-474');
  });

  // Shown by its key ("urlonly") as its page's heading, its breadcrumb's author and in narrative citations.
  it('names a source with no title and no author by its address, and by its key only when it has none', () => {
    const library = loadLibrary([{ path: 'x.bib', text: '@online{urlonly, url = {https://www.who.int/news-room/fact-sheets/}, urldate = {2024-01-02}}\n@misc{bare, note = {Handout}}' }]);
    const context = { library, formatter: new CitationFormatter(library, loadStyle(root, 'ama')) };
    expect(referenceRecords(context).map(({ title, authors }) => [title, authors])).toEqual([
      ['who.int/news-room/fact-sheets', 'who.int/news-room/fact-sheets'],
      ['bare', 'bare'],
    ]);
  });

  it('sanitises formatted HTML from untrusted fields', () => {
    const library = loadLibrary([{ path: 'x.bib', text: '@article{evil, title = {<img src=x onerror=alert(1)>Pain}, author = {Doe, Jane}, journal = {J}, year = {2020}, url = {javascript:alert(1)}}' }]);
    const context = { library, formatter: new CitationFormatter(library, loadStyle(root, 'apa')) };
    const [record] = referenceRecords(context);
    const html = parseFragment(record!.html);
    expect(html.querySelectorAll('img').length).toBe(0);
    expect(html.body.textContent).toContain('<img src=x onerror=alert(1)>Pain');
    expect([...html.querySelectorAll('a')].every((a) => /^https?:/u.test(a.getAttribute('href') ?? ''))).toBe(true);
  });

  it('keeps LaTeX italics as italics in the formatted entry, and plain in titles, names and every export of them', () => {
    const library = loadLibrary([{ path: 'x.bib', text: '@article{aureus, title = {Nasal \\textit{Staphylococcus aureus} carriage}, author = {{Editorial in \\emph{Nature}}}, journal = {\\emph{J} Infect}, year = {2020}, pmid = {29198932}}' }]);
    const context = { library, formatter: new CitationFormatter(library, loadStyle(root, 'ama')) };
    const [record] = referenceRecords(context);
    expect(record!.html).toContain('<i>Staphylococcus aureus</i>');
    expect(record).toMatchObject({ title: 'Nasal Staphylococcus aureus carriage', authors: 'Editorial in Nature', firstAuthor: 'Editorial in Nature', journal: 'J Infect' });
    const item = record!.item;
    expect(scholarlyArticle(item)).toMatchObject({ name: 'Nasal Staphylococcus aureus carriage', isPartOf: { name: 'J Infect' } });
    expect(toRis([item])).toContain('TI  - Nasal Staphylococcus aureus carriage\n');
    expect(toRis([item])).not.toContain('<i>');
  });

  it('keeps name particles and suffixes in RIS authors', () => {
    const library = loadLibrary([{ path: 'x.bib', text: '@article{p, author = {Van der Esch, Martin and de la Fontaine, Jean and Smith, Jr, John and {World Health Organization}}, title = {T}, journal = {J}, year = {2020}}' }]);
    const authors = toRis([library.entries.get('p')!.item]).split('\n').filter((line) => line.startsWith('AU  - ')).map((line) => line.slice(6));
    expect(authors).toEqual(['Van der Esch, Martin', 'de la Fontaine, Jean', 'Smith, John, Jr', 'World Health Organization']);
  });

  it('exports editors, place, edition, ISBN and the PMC identifier in RIS that citation-js reads back', () => {
    const chapter = { id: 'ch', type: 'chapter', title: 'The McGill Pain Questionnaire', author: [{ family: 'Katz', given: 'J' }], editor: [{ family: 'Melzack', given: 'R' }], 'container-title': 'Pain Measurement', publisher: 'Raven Press', 'publisher-place': 'New York', edition: '2', ISBN: '978-0-89004-123-4', issued: { 'date-parts': [[1983]] } };
    const article = { id: 'a', type: 'article-journal', title: 'T', 'container-title': 'J Pain', PMID: '29198932', PMCID: 'PMC5927830', issued: { 'date-parts': [[2018, 5, 1]] } };
    const [readChapter, readArticle] = new Cite(toRis([chapter, article])).data as Record<string, unknown>[];
    expect(readChapter).toMatchObject({ editor: [{ family: 'Melzack', given: 'R' }], 'publisher-place': 'New York', edition: '2', ISBN: '978-0-89004-123-4' });
    expect(readArticle).toMatchObject({ PMCID: 'PMC5927830', issued: { 'date-parts': [[2018, 5, 1]] } });
  });

  it.each(['by-year', 'by-author'])('refuses a key that would take a sorted list\'s folder (%s)', (key) => {
    const library = loadLibrary([{ path: 'refs.bib', text: `@article{${key}, title = {T}, author = {Doe, Jane}, journal = {J}, year = {2020}}` }]);
    const context = { library, formatter: new CitationFormatter(library, loadStyle(root, 'ama')) };
    expect(() => referenceRecords(context)).toThrowError(`refs.bib:1:1: error: Reference "${key}" would take the page /references/${key}/, which lists the references sorted [duplicate-key]\n  hint: Rename the key and update the articles that cite it.`);
  });

  it('refuses a key too long to name a file, with its place, rather than failing on ENAMETOOLONG', () => {
    const key = `x${'y'.repeat(299)}`;
    const library = loadLibrary([{ path: 'refs.json', text: JSON.stringify([{ id: 'short', type: 'article-journal', title: 'T', issued: { 'date-parts': [[2020]] } }, { id: key, type: 'article-journal', title: 'T', issued: { 'date-parts': [[2020]] } }], null, 2) }]);
    const context = { library, formatter: new CitationFormatter(library, loadStyle(root, 'ama')) };
    expect(() => referenceRecords(context)).toThrowError(/^refs\.json:15:11: error: Citation key "xy{39}…" is 300 characters long: its page and downloads are files named after it, and a file name holds at most 255 \[invalid-key\]\n {2}hint: Give the entry a shorter key \(at most 250 characters\)/u);
    const fits = loadLibrary([{ path: 'refs.bib', text: `@article{${'z'.repeat(250)}, title = {T}, author = {Doe, Jane}, journal = {J}, year = {2020}}` }]);
    expect(referenceRecords({ library: fits, formatter: new CitationFormatter(fits, loadStyle(root, 'ama')) })).toHaveLength(1);
  });

  it("refuses a key whose page would be another reference's download, or a sorted list in other letter case", () => {
    const library = loadLibrary([{ path: 'refs.bib', text: ['clash', 'clash.bib', 'Other.JSON', 'other', 'By-Year'].map((key) => `@article{${key}, title = {T}, author = {Doe, Jane}, journal = {J}, year = {2020}}\n`).join('') }]);
    const context = { library, formatter: new CitationFormatter(library, loadStyle(root, 'ama')) };
    expect(() => referenceRecords(context)).toThrowError(/refs\.bib:2:1: error: Reference "clash\.bib" would take the page \/references\/clash\.bib\/, where "clash" is downloaded as a \.bib file \[duplicate-key\]\n  see also refs\.bib:1:1\n  hint: Rename the key and update the articles that cite it\./u);
    expect(() => referenceRecords(context)).toThrowError(/refs\.bib:3:1: error: Reference "Other\.JSON" would take the page \/references\/Other\.JSON\/, where "other" is downloaded as a \.json file/u);
    expect(() => referenceRecords(context)).toThrowError(/refs\.bib:5:1: error: Reference "By-Year" would take the page \/references\/By-Year\/, which lists the references sorted/u);
  });
});
