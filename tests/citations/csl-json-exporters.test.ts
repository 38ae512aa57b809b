import { describe, expect, it } from 'vitest';
import { CitationFormatter, loadLibrary } from '../../src/citations/index.ts';
import { fromJats } from '../../src/citations/csl-json-lint.ts';
import { toRis } from '../../src/citations/ris.ts';
import { readerNote } from '../../src/site/reader-note.ts';
import { bundledStyle } from './helpers.ts';

/** Each item's AMA reference and the library's diagnostics, for CSL-JSON as a tool exports it. */
function ama(items: object[]) {
  const library = loadLibrary([{ path: 'references/export.json', text: JSON.stringify(items) }]);
  const formatter = new CitationFormatter(library, bundledStyle('american-medical-association'));
  return { texts: [...library.entries.keys()].map((key) => formatter.entry(key)!.text), diagnostics: library.diagnostics, library };
}

describe('CSL-JSON as real tools export it', () => {
  it("prints NCBI's PubMed record state as nothing, not as the work's status ('J Pain. Ppublish;19(5)')", () => {
    const { texts } = ama([
      { id: 'pmid:29198932', type: 'article-journal', title: 'Acupuncture for chronic pain', author: [{ family: 'Vickers', given: 'Andrew J' }], 'container-title': 'J Pain', issued: { 'date-parts': [[2018, 5]] }, volume: '19', issue: '5', page: '455-474', status: 'ppublish' },
      { id: 'early', type: 'article-journal', title: 'Early', author: [{ family: 'Doe', given: 'Jo' }], 'container-title': 'Pain', issued: { 'date-parts': [[2026, 10, 2]] }, status: 'aheadofprint' },
    ]);
    expect(texts).toEqual(['Vickers AJ. Acupuncture for chronic pain. J Pain. 2018;19(5):455-474.', 'Doe J. Early. Pain. Published online October 2, 2026.']);
  });

  it("reads doi.org's group authors, print year, article number and licence records as a style needs them, without warnings", () => {
    const { texts, diagnostics } = ama([
      {
        id: 'gtex', type: 'journal-article', title: 'Genetic effects on gene expression across human tissues', 'container-title': 'Nature',
        author: [{ name: 'GTEx Consortium', sequence: 'first', affiliation: [] }, { given: 'François', family: 'Aguet', sequence: 'additional', affiliation: [] }],
        issued: { 'date-parts': [[2017, 10, 11]] }, 'published-print': { 'date-parts': [[2017, 10, 12]] }, 'published-online': { 'date-parts': [[2017, 10, 11]] },
        volume: '550', issue: '7675', page: '204-213', license: [{ URL: 'https://www.springer.com/tdm', start: { 'date-parts': [[2017, 10, 1]] }, 'content-version': 'tdm' }],
      },
      { id: 'online', type: 'journal-article', title: 'Online first', author: [{ family: 'Vickers', given: 'Andrew' }], 'container-title': 'J Pain', issued: { 'date-parts': [[2017, 12, 2]] }, 'published-print': { 'date-parts': [[2018, 5]] }, volume: '19', issue: '5', page: '455-474' },
      { id: 'numbered', type: 'journal-article', title: 'An article numbered', author: [{ family: 'Lee', given: 'Kim' }], 'container-title': 'Sci Rep', issued: { 'date-parts': [[2020, 7, 1]] }, volume: '10', issue: '1', 'article-number': '10785' },
    ]);
    expect(texts).toEqual([
      'GTEx Consortium, Aguet F. Genetic effects on gene expression across human tissues. Nature. 2017;550(7675):204-213.',
      'Vickers A. Online first. J Pain. 2018;19(5):455-474.',
      'Lee K. An article numbered. Sci Rep. 2020;10(1):10785.',
    ]);
    expect(diagnostics).toEqual([]);
  });

  it("cites doi.org's preprint by its server, as the AMA Manual does", () => {
    const { texts } = ama([{ id: 'pre', type: 'posted-content', subtype: 'preprint', title: 'Yoga for back pain', author: [{ family: 'Pre', given: 'Ann' }], institution: [{ name: 'medRxiv' }], publisher: 'Cold Spring Harbor Laboratory', issued: { 'date-parts': [[2020, 4, 14]] }, DOI: '10.1101/2020.04.10.20060681' }]);
    expect(texts).toEqual(['Pre A. Yoga for back pain. medRxiv. Preprint posted online April 14, 2020. doi:10.1101/2020.04.10.20060681']);
  });

  it("reads doi.org's conference, an object with its name and place, as the event APA prints, without a warning to edit the record", () => {
    const paper = { id: 'icnn', type: 'paper-conference', title: 'Neural networks for pain', author: [{ given: 'A.', family: 'Smith', sequence: 'first', affiliation: [] }], 'container-title': "Proceedings of 1994 IEEE International Conference on Neural Networks (ICNN'94)", publisher: 'IEEE', issued: { 'date-parts': [[1994]] }, DOI: '10.1109/icnn.1994.374637', event: { name: "1994 IEEE International Conference on Neural Networks (ICNN'94)", location: 'Orlando, FL, USA', acronym: 'ICNN-94', start: { 'date-parts': [[1994, 6, 28]] }, end: { 'date-parts': [[1994, 7, 2]] } } };
    const { library, diagnostics } = ama([paper]);
    expect(diagnostics).toEqual([]);
    expect(new CitationFormatter(library, bundledStyle('apa')).entry('icnn')!.text).toBe('Smith, A. (1994). Neural networks for pain. Proceedings of 1994 IEEE International Conference on Neural Networks (ICNN’94). 1994 IEEE International Conference on Neural Networks (ICNN’94), Orlando, FL, USA. https://doi.org/10.1109/icnn.1994.374637');
  });

  it("prints the place doi.org gives a book's publisher (publisher-location), as Vancouver cites a book", () => {
    const { library, diagnostics } = ama([{ id: 'cham', type: 'book', title: 'Pain Medicine', author: [{ given: 'Ann', family: 'Doe' }], publisher: 'Springer International Publishing', 'publisher-location': 'Cham', issued: { 'date-parts': [[2020]] }, ISBN: ['9783030000000', '9783030000017'] }]);
    expect(diagnostics).toEqual([]);
    expect(new CitationFormatter(library, bundledStyle('vancouver')).entry('cham')!.text).toBe('Doe A. Pain Medicine. Cham: Springer International Publishing; 2020.');
  });

  it('prints "et al" typed in as an author as "et al", not as a name, with a warning, as BibTeX\'s "and others"', () => {
    const { texts, diagnostics } = ama([{ id: 'e', type: 'article-journal', title: 'A trial', author: [{ family: 'Smith', given: 'Jo' }, { family: 'et al.', given: '' }], 'container-title': 'Lancet', issued: { 'date-parts': [[2019]] }, volume: '1', page: '2' }]);
    expect(texts).toEqual(['Smith J, et al. A trial. Lancet. 2019;1:2.']);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([['incomplete-entry', '"e": the author list has "et al" as a name, so the reference names those written, then "et al"']]);
  });

  it("reads Zotero's item type names and a type with a space after it", () => {
    const { library } = ama([
      { id: 'a', type: 'journalArticle', title: 'A', 'container-title': 'Lancet', issued: { 'date-parts': [[2019]] } },
      { id: 'b', type: 'article-journal ', title: 'B', 'container-title': 'Lancet', issued: { 'date-parts': [[2019]] } },
      { id: 'c', type: 'bookSection', title: 'C', 'container-title': 'Pain', issued: { 'date-parts': [[2019]] } },
    ]);
    expect([...library.entries.values()].map((entry) => entry.item.type)).toEqual(['article-journal', 'article-journal', 'chapter']);
  });

  it("prints a Zotero date of 'in press' as AMA cites an accepted article", () => {
    expect(ama([{ id: 'z', type: 'article-journal', title: 'Yoga', author: [{ family: 'Doe', given: 'Jo' }], 'container-title': 'Pain', issued: { literal: 'in press' } }]).texts).toEqual(['Doe J. Yoga. Pain. In press.']);
  });
});

describe("CSL variables in a note (Zotero's Extra field), which citeproc prints", () => {
  it('are the entry\'s own fields for the lists, checks and downloads, and not shown to readers as a note', () => {
    const { texts, library } = ama([
      { id: 'extra', type: 'article-journal', title: 'Yoga', author: [{ family: 'Doe', given: 'Jo' }], 'container-title': 'BMJ', note: 'PMID: 29198932\nissued: 2019-05-02\noriginal-date: 1990\nauthor: Roe || Ann\nStatus: MEDLINE\n\nissued: 2001' },
      { id: 'inline', type: 'article-journal', title: 'Data', 'container-title': 'BMJ', issued: { 'date-parts': [[2019]] }, note: '{:type: dataset}{:publisher: Zenodo}{:PMCID: PMC7727327} Deposited by the trial team.' },
    ]);
    const [extra, inline] = [library.entries.get('extra')!.item, library.entries.get('inline')!.item];
    expect(extra).toMatchObject({ issued: { 'date-parts': [[2019, 5, 2]] }, 'original-date': { 'date-parts': [[1990]] }, PMID: '29198932', author: [{ family: 'Doe', given: 'Jo' }] });
    expect(texts[0]).toBe('Doe J. Yoga. BMJ. Published online May 2, 2019.');
    expect(readerNote(extra)).toBe('author: Roe || Ann\nStatus: MEDLINE\nissued: 2001');
    expect(toRis([extra])).toMatch(/^PY {2}- 2019$/mu);
    expect(inline).toMatchObject({ type: 'dataset', publisher: 'Zenodo', PMCID: 'PMC7727327' });
    expect(readerNote(inline)).toBe('Deposited by the trial team.');
  });
});

describe('fromJats', () => {
  it('decodes entities and turns JATS and MathML into the text and markup CSL knows', () => {
    expect(fromJats('Diet &amp; exercise for <scp>COVID</scp>‐19: p &lt; 0.05,\n   <italic>in vivo</italic> and <bold>bold</bold>')).toBe('Diet & exercise for <span style="font-variant:small-caps;">COVID</span>‐19: p < 0.05, <i>in vivo</i> and <b>bold</b>');
    expect(fromJats('<mml:math xmlns:mml="http://www.w3.org/1998/Math/MathML"><mml:mi>β</mml:mi></mml:math>-blockers &#946; &#x3B2; &nbsp;')).toBe('β-blockers β β');
    expect(fromJats('Plain <i>title</i> & more')).toBe('Plain <i>title</i> & more');
    expect(fromJats('5\u00A0mg and <jats:italic>E. coli</jats:italic>')).toBe('5\u00A0mg and <i>E. coli</i>');
  });
});

describe('DOIs as people write them', () => {
  it('keeps a DOI bare however it is written: a link without https, with www., or after "DOI "', () => {
    const { library } = ama(['doi.org/10.1056/NEJMoa1', 'https://www.doi.org/10.1056/NEJMoa2', 'DOI 10.1056/NEJMoa3', 'http://dx.doi.org/10.1056/NEJMoa4'].map((DOI, i) => ({ id: `k${i}`, type: 'article-journal', title: 'T', 'container-title': 'N Engl J Med', issued: { 'date-parts': [[2019]] }, DOI })));
    expect([...library.entries.values()].map((entry) => entry.item.DOI)).toEqual(['10.1056/NEJMoa1', '10.1056/NEJMoa2', '10.1056/NEJMoa3', '10.1056/NEJMoa4']);
  });
});

describe('CSL-JSON that is not JSON', () => {
  it.each([
    ['a comma after the last item', '[\n  {"id": "a", "title": "T"},\n]', '2:28', 'it has a comma after the last item of a list or object', 'Delete the comma before the closing bracket.'],
    ['a comment', '[\n  {"id": "a", "title": "T"}\n  // from Zotero\n]', '3:3', 'it has a comment', 'Delete the comment: JSON has none.'],
    ['NaN', '[{"id": "a", "volume": NaN}]', '1:24', 'it has a value JSON does not have', 'Write a number, a string or null.'],
    ['single quotes', "[{'id': 'a'}]", '1:3', 'it has a single-quoted string', 'Put strings in double quotes.'],
    ['a comma after the last field', '[{"id": "a", "type": "book",}]', '1:28', 'it has a comma after the last item of a list or object', 'Delete the comma before the closing bracket.'],
    ['-Infinity', '[{"id": "a", "volume": -Infinity}]', '1:24', 'it has a value JSON does not have', 'Write a number, a string or null.'],
    ['Python\'s True', `[${'{"id": "x", "type": "book"}, '.repeat(5)}{"id": "a", "flag": True}]`, '1:167', 'it has a value written as Python writes it', 'Write true, false or null.'],
  ])('points at %s with what to do, on one line', (_what, text, place, message, hint) => {
    const library = loadLibrary([{ path: 'references/x.json', text }]);
    const [diagnostic] = library.diagnostics;
    expect(`${diagnostic!.location!.line}:${diagnostic!.location!.column}`).toBe(place);
    expect(diagnostic!.message).toBe(`references/x.json is not valid JSON: ${message}`);
    expect(diagnostic!.hint).toBe(hint);
  });

  it('says that a key may be in a file that could not be read, rather than to add it', () => {
    const library = loadLibrary([{ path: 'references/x.json', text: '[{"id": "zotero2020", "title": "T"},]' }]);
    const resolution = library.resolve('zotero2020');
    expect('diagnostic' in resolution && resolution.diagnostic.hint).toBe('references/x.json could not be read, and may hold this key: fix the error there first (`npm run refs -- check` shows it).');
    // A file that was read, with one bad item, is not blamed.
    const read = loadLibrary([{ path: 'references/y.json', text: '[{"id": "a", "title": "No type"}, {"id": "b", "type": "book", "title": "T"}]' }]);
    const unknown = read.resolve('zotero2020');
    expect('diagnostic' in unknown && unknown.diagnostic.hint).toMatch(/^Add an entry with this key/u);
  });
});

describe('where an item is', () => {
  it('points at each item, also when its id is a number or written with escapes, as Python and PHP export it', () => {
    const text = '[\n  {"id": 12345, "type": "article-journal", "title": "T", "containter-title": "x"},\n  {"id": "m\\u00fcller2020", "type": "article-journal", "title": "T", "containter-title": "x"},\n  {"type": "article-journal",\n   "id": "plain", "title": "T", "containter-title": "x"}\n]';
    const library = loadLibrary([{ path: 'references/x.json', text }]);
    expect(library.diagnostics.map((d) => [d.key, `${d.location!.line}:${d.location!.column}`])).toEqual([['12345', '2:3'], ['müller2020', '3:3'], ['plain', '5:10']]);
  });
});

describe("Zotero's web API", () => {
  it('wraps its items in { "items": [...] }: they are read, each at its line', () => {
    const text = '{\n  "items": [\n    { "id": "a2020", "type": "article-journal", "title": "A", "DOI": "10.1000/a" },\n    { "id": "b2021", "type": "book", "title": "B" }\n  ]\n}\n';
    const library = loadLibrary([{ path: 'references/zotero-api.json', text }]);
    expect([...library.entries.values()].map((entry) => [entry.key, entry.location.line])).toEqual([['a2020', 3], ['b2021', 4]]);
    expect(library.diagnostics).toEqual([]);
  });
});

describe("Python's bibtexparser", () => {
  it('names a file of BibTeX entries as bibtexparser writes them (ID, ENTRYTYPE, as in a medical-robotics review on GitHub) for what it is, also when one of its keys is cited, where the key was unknown', () => {
    const text = '[\n    {\n        "year": "2020",\n        "journal": "Advanced Intelligent Systems",\n        "author": "Erin, Onder and Boyvat, Mustafa and Sitti, Metin",\n        "title": "Magnetic resonance imaging system--driven medical robotics",\n        "ENTRYTYPE": "article",\n        "ID": "erin2020magnetic"\n    }\n]\n';
    const library = loadLibrary([{ path: 'references/bibliography.json', text }]);
    expect(library.diagnostics.map((d) => [d.code, d.location?.line, d.key])).toEqual([['invalid-csl-json', 2, 'erin2020magnetic']]);
    expect(library.diagnostics[0]!.message).toBe('Item 1 ("erin2020magnetic") in references/bibliography.json is a BibTeX entry as Python\'s bibtexparser writes it (ID, ENTRYTYPE), not CSL-JSON, so it cannot be cited');
    expect(library.resolve('erin2020magnetic')).toHaveProperty('diagnostic.code', 'invalid-csl-json');
  });
});
