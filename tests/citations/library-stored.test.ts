import { describe, expect, it } from 'vitest';
import { checkArticle, CitationFormatter, citeDocument, identifierLinks, loadLibrary, parseCitations, parseStoredMetadata, serializeStoredMetadata, storedFileName, type StoredMetadata } from '../../src/citations/index.ts';
import { bundledStyle } from './helpers.ts';
import { sourceUpdates } from '../../src/citations/updates.ts';
import { toRis } from '../../src/citations/ris.ts';
import { toBibtex } from '../../src/citations/bibtex-export.ts';
import { readerNote } from '../../src/site/reader-note.ts';
import { identifierRows } from '../../src/site/identifier-rows.ts';

const RECORD: StoredMetadata = {
  identifier: 'doi:10.1000/x',
  source: 'https://doi.org/10.1000/x',
  fetched: '2026-01-15',
  updates: [{ type: 'retraction', identifier: 'doi:10.1000/x.retraction', date: '2020-01-01' }],
  csl: { id: 'ignored', type: 'article-journal', title: 'T', author: [{ given: 'A', family: 'B' }], DOI: '10.1000/x' },
};

describe('stored identifier metadata', () => {
  it('serialises with a fixed top-level order and sorted CSL keys, and reads back what it wrote', () => {
    const text = serializeStoredMetadata(RECORD);
    expect(text).toBe(`{
  "identifier": "doi:10.1000/x",
  "source": "https://doi.org/10.1000/x",
  "fetched": "2026-01-15",
  "updates": [
    {
      "type": "retraction",
      "identifier": "doi:10.1000/x.retraction",
      "date": "2020-01-01"
    }
  ],
  "csl": {
    "DOI": "10.1000/x",
    "author": [
      {
        "family": "B",
        "given": "A"
      }
    ],
    "id": "ignored",
    "title": "T",
    "type": "article-journal"
  }
}
`);
    const parsed = parseStoredMetadata(text, 'references/identifiers/doi-x.json');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.entries.map((e) => [e.key, e.item.id, e.item.title])).toEqual([['doi:10.1000/x', 'doi:10.1000/x', 'T']]);
    expect(parsed.record?.updates).toEqual(RECORD.updates);
  });

  it('names files by identifier, safely on every file system', () => {
    expect(storedFileName({ scheme: 'doi', value: '10.1002/(sici)1097-4571*x' })).toBe('doi-10.1002%2F%28sici%291097-4571%2Ax.json');
    expect(storedFileName({ scheme: 'pmcid', value: 'PMC5927830' })).toBe('pmcid-PMC5927830.json');
  });

  it('keeps "not found" records out of the citable entries and says so when one is cited', () => {
    const library = loadLibrary([{ path: 'references/identifiers/doi-g.json', text: serializeStoredMetadata({ identifier: 'doi:10.1000/ghost', source: 'https://doi.org/10.1000/ghost', fetched: '2026-01-15', status: 'not-found' }) }]);
    expect(library.stored.size).toBe(0);
    const resolution = library.resolve('doi:10.1000/ghost');
    expect('diagnostic' in resolution && resolution.diagnostic).toMatchObject({ code: 'identifier-not-found', message: expect.stringMatching(/^DOI 10\.1000\/ghost does not exist: https:\/\/doi\.org\/10\.1000\/ghost answered "not found" on 2026-01-15/u) });
  });

  it.each([
    ['a bad status', { ...RECORD, status: 'gone' }, /"status" must be "found" or "not-found"/u],
    ['a bad update type', { ...RECORD, updates: [{ type: 'rumour' }] }, /"updates" must be a list/u],
    ['no csl on a found record', { ...RECORD, csl: undefined }, /"csl" must be a CSL-JSON item/u],
  ])('rejects %s with an invalid-metadata diagnostic', (_name, record, message) => {
    const parsed = parseStoredMetadata(JSON.stringify(record), 'x.json');
    expect(parsed.diagnostics.map((d) => [d.code, d.message])).toEqual([['invalid-metadata', expect.stringMatching(message)]]);
  });

  it('finds the updates of an entry through any identifier it shares with a stored record', () => {
    const library = loadLibrary([
      { path: 'references/library.bib', text: '@article{trial, title = {T}, pmid = {123}}\n' },
      { path: 'references/identifiers/doi-x.json', text: serializeStoredMetadata({ ...RECORD, csl: { ...RECORD.csl!, PMID: '123' } }) },
    ]);
    expect(sourceUpdates(library.entries.get('trial')!, library)).toEqual(RECORD.updates);
  });
});

describe('stored metadata for a work the library has', () => {
  const bib = { path: 'references/refs.bib', text: '@article{smith2018, author = {Smith, Ann}, title = {A trial}, journal = {J Pain}, year = {2018}, doi = {https://doi.org/10.1000/ABC}}\n' };
  const twin = { path: 'references/identifiers/doi-10.1000%2Fabc.json', text: serializeStoredMetadata({ identifier: 'doi:10.1000/abc', source: 'https://doi.org/10.1000/abc', fetched: '2026-01-15', csl: { id: 'x', type: 'article-journal', title: 'A trial', author: [{ family: 'Smith', given: 'Ann' }], 'container-title': 'J Pain', issued: { 'date-parts': [[2018]] }, DOI: '10.1000/abc' } }) };
  const alone = { path: 'references/identifiers/pmid-123.json', text: serializeStoredMetadata({ identifier: 'pmid:123', source: 'https://pubmed.ncbi.nlm.nih.gov/123/', fetched: '2026-01-15', csl: { id: 'y', type: 'article-journal', title: 'Another trial', author: [{ family: 'Smith', given: 'Ann' }], issued: { 'date-parts': [[2018]] } } }) };
  const library = loadLibrary([bib, twin, alone]);

  it('is the same work: formatted and published once, as the entry, and cited as the entry by its DOI', () => {
    expect(library.all().map((entry) => entry.key)).toEqual(['smith2018', 'pmid:123']);
    expect(library.resolve('doi:10.1000/ABC')).toMatchObject({ entry: { key: 'smith2018' } });
    expect(library.resolve('pmid:123')).toMatchObject({ entry: { key: 'pmid:123' } });
  });

  it('keeps a DOI written as a link bare, so that styles print their own prefix once', () => {
    expect(library.entries.get('smith2018')!.item.DOI).toBe('10.1000/ABC');
    const formatter = new CitationFormatter(library, bundledStyle('american-medical-association'));
    expect(formatter.entry('smith2018')!.text).toContain('doi:10.1000/ABC');
    expect(formatter.entry('smith2018')!.text).not.toContain('doi.org');
  });

  it("keeps each citing place's anchor from when the work was cited by its DOI alone, beside its new one", () => {
    const other = { path: 'references/other.bib', text: '@article{jones2019, author = {Jones, Bo}, title = {X}, journal = {J}, year = {2019}}\n' };
    const text = 'Pain eased [@doi:10.1000/ABC]. It did not last [@doi:10.1000/ABC; @pmid:123; @jones2019].';
    const anchors = (files: typeof bib[]) => {
      const cited = loadLibrary(files);
      return citeDocument(parseCitations(text), cited, new CitationFormatter(cited, bundledStyle('american-medical-association'))).clusters
        .map((cluster) => cluster!.segments.flatMap((segment) => (segment.type === 'text' ? [] : [`${segment.type} ${segment.id}`])));
    };
    const [firstBefore, secondBefore] = anchors([twin, alone, other]).map((ids) => ids[0]);
    expect(firstBefore).toMatch(/^cite cite-doi-10\.1000-abc-/u);
    expect(anchors([bib, twin, alone, other])).toEqual([
      [firstBefore!.replace('cite', 'anchor'), expect.stringMatching(/^cite cite-smith2018-/u)],
      [secondBefore!.replace('cite', 'anchor'), expect.stringMatching(/^cite cite-smith2018-/u), expect.stringMatching(/^anchor cite-pmid-123-/u), expect.stringMatching(/^cite cite-jones2019-/u)],
    ]);
  });

  it('leaves APA no entry and record to tell apart as 2018a and 2018b', () => {
    const formatter = new CitationFormatter(library, bundledStyle('apa'));
    expect(formatter.cite({ key: 'smith2018' })).toBe('Smith, 2018a');
    expect(formatter.cite({ key: 'pmid:123' })).toBe('Smith, 2018b');
    const withoutOther = loadLibrary([bib, twin]);
    expect(new CitationFormatter(withoutOther, bundledStyle('apa')).cite({ key: 'smith2018' })).toBe('Smith, 2018');
  });
});

describe('one work stored under its DOI, PMID and PMCID, as `refs add 10.… 2… PMC…` writes it', () => {
  const csl = { id: 'x', type: 'article-journal', title: 'Yoga for low back pain', author: [{ family: 'Sherman', given: 'Karen J' }], 'container-title': 'Arch Intern Med', issued: { 'date-parts': [[2011]] } };
  const file = (identifier: string, name: string, item: Record<string, unknown>) => ({ path: `references/identifiers/${name}.json`, text: serializeStoredMetadata({ identifier, source: 'https://example.org', fetched: '2026-01-15', csl: { ...csl, ...item } }) });
  const files = [
    file('doi:10.1001/archinternmed.2011.524', 'doi-10.1001%2Farchinternmed.2011.524', { DOI: '10.1001/archinternmed.2011.524', page: '2019' }),
    file('pmid:22025101', 'pmid-22025101', { DOI: '10.1001/archinternmed.2011.524', PMID: '22025101', PMCID: 'PMC3279296', page: '2019-2026' }),
    file('pmcid:PMC3279296', 'pmcid-PMC3279296', { DOI: '10.1001/archinternmed.2011.524', PMID: '22025101', PMCID: 'PMC3279296', page: '2019-2026' }),
  ];

  it('is one source, by its DOI, with the PubMed and PMC links and the pages of the others, however it is cited', () => {
    // Each record had been a source of its own: three pages, and three entries in the lists, for one trial.
    const library = loadLibrary(files);
    expect(library.all().map((entry) => entry.key)).toEqual(['doi:10.1001/archinternmed.2011.524']);
    for (const key of ['doi:10.1001/archinternmed.2011.524', 'pmid:22025101', 'pmcid:PMC3279296']) {
      expect(library.resolve(key)).toMatchObject({ entry: { key: 'doi:10.1001/archinternmed.2011.524' } });
    }
    expect(identifierLinks(library.all()[0]!.item).map((link) => link.label)).toEqual(['DOI', 'PubMed', 'PMC']);
    expect(library.all()[0]!.item.page).toBe('2019-2026');
    expect(library.formerKeys().get('doi:10.1001/archinternmed.2011.524')).toEqual(['pmcid:PMC3279296', 'pmid:22025101']);
    const noPages = loadLibrary([file('doi:10.1001/archinternmed.2011.524', 'doi-10.1001%2Farchinternmed.2011.524', { DOI: '10.1001/archinternmed.2011.524' }), files[1]!]);
    expect(noPages.all().map((entry) => [entry.key, entry.item.page])).toEqual([['doi:10.1001/archinternmed.2011.524', '2019-2026']]);
  });

  it('cited by two of its identifiers in one summary, is one numbered source, not a duplicate-work error', () => {
    const library = loadLibrary(files);
    const article = { file: 'a.mdx', citations: [{ key: 'doi:10.1001/archinternmed.2011.524' }, { key: 'pmid:22025101' }] };
    expect(checkArticle(library, article, { entries: true })).toEqual([]);
  });
});

describe('an entry without its journal\'s abbreviation, and a stored record of its DOI that has it', () => {
  const record = (journal: string, short: string) => ({ path: 'references/identifiers/doi-10.7326%2Fm16-2579.json', text: serializeStoredMetadata({ identifier: 'doi:10.7326/m16-2579', source: 'https://doi.org/10.7326/m16-2579', fetched: '2026-01-15', csl: { id: 'x', type: 'article-journal', title: 'Yoga, physical therapy, or education for chronic low back pain', author: [{ family: 'Saper', given: 'Robert B' }], 'container-title': journal, 'container-title-short': short, issued: { 'date-parts': [[2017]] }, DOI: '10.7326/M16-2579' } }) });
  // A plain Zotero BibTeX export: the journal's full name, no shortjournal.
  const bib = { path: 'references/zotero.bib', text: '@article{saper2017, author = {Saper, Robert B.}, title = {Yoga, Physical Therapy, or Education for Chronic Low Back Pain}, journal = {Annals of Internal Medicine}, year = {2017}, volume = {167}, pages = {85--94}, doi = {10.7326/M16-2579}}\n' };

  it('is printed with the abbreviation AMA and Vancouver ask for, as entries that have it are', () => {
    // AMA had printed "Annals of Internal Medicine" beside other entries' "J Pain", "Arch Intern Med".
    const library = loadLibrary([bib, record('Annals of Internal Medicine', 'Ann Intern Med')]);
    expect(new CitationFormatter(library, bundledStyle('american-medical-association')).entry('saper2017')!.text).toContain('Ann Intern Med. 2017;167:85-94.');
    expect(new CitationFormatter(library, bundledStyle('vancouver')).entry('saper2017')!.text).toContain('Ann Intern Med. 2017;167:85–94.');
  });

  it('keeps its own journal when the record names another one', () => {
    const library = loadLibrary([bib, record('Pain Medicine', 'Pain Med')]);
    expect(new CitationFormatter(library, bundledStyle('american-medical-association')).entry('saper2017')!.text).toContain('Annals of Internal Medicine.');
  });
});

describe('library files that are not UTF-8', () => {
  it('are reported at the first lost letter, with how to convert them', () => {
    const latin1 = Buffer.from('@article{m, author = {M\xfcller, Hans}, title = {T}, journal = {J}, year = {2020}}\n', 'latin1');
    const library = loadLibrary([{ path: 'references/old.bib', text: `\n${latin1.toString('utf8')}` }]);
    const [problem] = library.diagnostics.filter((diagnostic) => diagnostic.code === 'invalid-encoding');
    expect(problem).toMatchObject({ severity: 'error', location: { file: 'references/old.bib', line: 2, column: 24 } });
    expect(problem!.hint).toContain('UTF-8');
  });

  it('fail an article that cites an entry whose letters were lost, naming the entry and its fields', () => {
    const latin1 = Buffer.from('@article{m, author = {M\xfcller, Hans}, title = {Sch\xe4den}, journal = {J}, year = {2020}}\n@article{plain, author = {Smith, Ann}, title = {T}, journal = {J}, year = {2020}}\n', 'latin1');
    const library = loadLibrary([{ path: 'references/old.bib', text: latin1.toString('utf8') }]);
    const cited = (key: string) => checkArticle(library, { file: 'content/articles/a.mdx', citations: [{ key }], acknowledged: {} }, { entries: true });
    expect(cited('m').filter((d) => d.severity === 'error')).toMatchObject([{ code: 'invalid-encoding', key: 'm', location: { file: 'references/old.bib', line: 1 } }]);
    expect(cited('m')[0]!.message).toBe('"m": author, title lost letters to the file\'s encoding and would be printed with \uFFFD in their place');
    expect(cited('plain').filter((d) => d.code === 'invalid-encoding')).toEqual([]);
  });

  it('are told apart as UTF-16, which Latin-1 advice would garble', () => {
    const utf16 = Buffer.from('\uFEFF@article{m, title = {T}, year = {2020}}\n', 'utf16le');
    const library = loadLibrary([{ path: 'references/unicode.bib', text: utf16.toString('utf8') }]);
    const [problem] = library.diagnostics.filter((diagnostic) => diagnostic.code === 'invalid-encoding');
    expect(problem!.message).toContain('references/unicode.bib is UTF-16 text, not UTF-8');
    expect(problem!.hint).toContain('iconv -f utf-16 -t utf-8');
    expect(library.diagnostics).toHaveLength(1);
  });
});

describe('a stored metadata file for one identifier holding the record of another', () => {
  it('is reported, rather than giving the identifier the other work\'s links', () => {
    const stored = (identifier: string, csl: object) => JSON.stringify({ identifier, status: 'found', source: 'https://example.org', fetched: '2026-11-27', csl: { type: 'article-journal', title: 'T', ...csl } });
    const library = loadLibrary([
      { path: 'references/identifiers/pmid-999.json', text: stored('pmid:999', { PMID: '123456' }) },
      { path: 'references/identifiers/doi-10.1000%2Fabc.json', text: stored('doi:10.1000/ABC', { DOI: '10.1000/abc', PMID: '5' }) },
    ]);
    expect(library.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.message])).toEqual([
      ['invalid-metadata', 'references/identifiers/pmid-999.json: "csl" is the record of PMID 123456, not of PMID 999, the identifier the file is for'],
    ]);
    expect(library.resolve('doi:10.1000/abc')).toHaveProperty('entry');
  });
});

describe("doi.org's URL, the DOI's own address", () => {
  it('is not shown again as the web page of the source, over http; a publisher\'s page is', () => {
    const stored = (doi: string, URL: string) => ({ path: `references/identifiers/doi-${encodeURIComponent(doi)}.json`, text: serializeStoredMetadata({ identifier: `doi:${doi}`, source: `https://doi.org/${doi}`, fetched: '2026-12-01', csl: { id: 'x', type: 'article-journal', title: 'T', DOI: doi.toUpperCase(), URL } }) });
    const library = loadLibrary([stored('10.1101/2020.03.04.20031104', 'http://dx.doi.org/10.1101/2020.03.04.20031104'), stored('10.5281/zenodo.3678394', 'https://zenodo.org/record/3678394')]);
    const rows = (key: string) => identifierRows(library.stored.get(key)!.item).map((row) => [row.label, row.href]);
    expect(rows('doi:10.1101/2020.03.04.20031104')).toEqual([['DOI', 'https://doi.org/10.1101/2020.03.04.20031104']]);
    expect(rows('doi:10.5281/zenodo.3678394')).toEqual([['DOI', 'https://doi.org/10.5281/ZENODO.3678394'], ['Web', 'https://zenodo.org/record/3678394']]);
  });
});

describe("a DOI holding what ends a citation key (Wiley's SICI DOIs: <, > and ;)", () => {
  const SICI = '10.1002/(sici)1097-0258(19980430)17:8<857::aid-sim777>3.0.co;2-e';
  const record = serializeStoredMetadata({ identifier: `doi:${SICI}`, source: 'https://doi.org/', fetched: '2026-12-01', csl: { id: 'x', type: 'article-journal', title: 'Two-sided confidence intervals for the single proportion', author: [{ family: 'Newcombe', given: 'Robert G.' }], 'container-title': 'Statistics in Medicine', issued: { 'date-parts': [[1998, 4, 30]] }, DOI: SICI } });
  const library = loadLibrary([
    { path: `references/identifiers/doi-${encodeURIComponent(SICI)}.json`, text: record },
    { path: 'references/zotero.json', text: JSON.stringify([{ id: 'agresti1998', type: 'article-journal', title: 'Approximate is better than exact', DOI: 'https://doi.org/10.1002/(SICI)1097-0258(19980430)17:8%3C857::AID-SIM777%3E3.0.CO;2-F' }]) },
  ]);

  it('cut short where the key ends, is named with the key to write, which cites the record', () => {
    const [cited] = parseCitations(`[@doi:${SICI}]`)[0]!.items;
    expect(library.resolve(cited!.key)).toEqual({ diagnostic: {
      code: 'missing-metadata', severity: 'error',
      message: `DOI 10.1002/(sici)1097-0258(19980430)17:8 is DOI ${SICI} cut short: a citation key ends at "<"`,
      hint: 'Cite it as @doi:10.1002/(sici)1097-0258(19980430)17:8%3C857::aid-sim777%3E3.0.co%3B2-e, with the characters that end a key percent-encoded.',
    } });
    const [encoded] = parseCitations('[@doi:10.1002/(sici)1097-0258(19980430)17:8%3C857::aid-sim777%3E3.0.co%3B2-e]')[0]!.items;
    expect(library.resolve(encoded!.key)).toMatchObject({ entry: { key: `doi:${SICI}` } });
  });

  it('copied percent-encoded from an address is read as the DOI, and linked once encoded', () => {
    const entry = library.entries.get('agresti1998')!;
    expect(entry.item.DOI).toBe('10.1002/(SICI)1097-0258(19980430)17:8<857::AID-SIM777>3.0.CO;2-F');
    expect(identifierLinks(entry.item)[0]!.href).toBe('https://doi.org/10.1002/(SICI)1097-0258(19980430)17:8%3C857::AID-SIM777%3E3.0.CO;2-F');
    expect(library.resolve('doi:10.1002/(sici)1097-0258(19980430)17:8%3C857::aid-sim777%3E3.0.co%3B2-f')).toMatchObject({ entry: { key: 'agresti1998' } });
  });
});

describe('a stored metadata file that cannot be read', () => {
  it('is what citing its identifier reports, not missing metadata', () => {
    const library = loadLibrary([{ path: 'references/identifiers/doi-10.1000%2Fbroken.json', text: '{ "identifier": "doi:10.1000/broken", "csl": { "type": "article-journal", }' }]);
    const resolution = library.resolve('doi:10.1000/broken');
    expect(resolution).toMatchObject({ diagnostic: { code: 'invalid-metadata', related: [{ file: 'references/identifiers/doi-10.1000%2Fbroken.json' }] } });
    expect('diagnostic' in resolution && resolution.diagnostic.message).toMatch(/^The stored metadata for DOI 10\.1000\/broken cannot be read: references\/identifiers\/doi-10\.1000%2Fbroken\.json is not valid JSON/u);
  });
});

describe('characters no reader should get', () => {
  it('a stray NUL in UTF-8 text is dropped, not taken for UTF-16; bidi isolates and marks are dropped like overrides', () => {
    const library = loadLibrary([{ path: 'references/odd.bib', text: '@article{m, author = {Smith, Ann}, title = {Pain\u0000 at \u206712:100, 200\u2069 weeks\u200F}, journal = {J}, year = {2020}}\n' }]);
    expect(library.diagnostics.filter((diagnostic) => diagnostic.code === 'invalid-encoding')).toEqual([]);
    expect(library.entries.get('m')!.item.title).toBe('Pain at 12:100, 200 weeks');
  });

  it('spaces around a field are left out, which a style would print before its full stop ("patterns ." in AMA)', () => {
    const library = loadLibrary([{ path: 'references/spaced.bib', text: '@article{k, author = {Edwards, H. Carter}, title = "Kokkos: access patterns ", journal = "Journal of Parallel and Distributed Computing ", year = {2014}}\n' }]);
    const formatter = new CitationFormatter(library, bundledStyle('american-medical-association'));
    expect(formatter.entry('k')!.text).toBe('Edwards HC. Kokkos: access patterns. Journal of Parallel and Distributed Computing. Published online 2014.');
  });
});

describe('a doi.org record with a subtitle and only a first page', () => {
  const record = (csl: object) => serializeStoredMetadata({ identifier: 'doi:10.1001/jama.2021.2323', source: 'https://doi.org/10.1001/jama.2021.2323', fetched: '2026-11-27', csl: {
    id: 'x', type: 'article-journal', title: 'Effect of Mindfulness-Based Stress Reduction vs Cognitive Behavioral Therapy on Chronic Low Back Pain',
    author: [{ family: 'Cherkin', given: 'Daniel C.' }], 'container-title': 'JAMA', issued: { 'date-parts': [[2016, 3, 22]] }, volume: '315', issue: '12', page: '1240',
    DOI: '10.1001/jama.2021.2323', ...csl,
  } });
  const stored = { path: 'references/identifiers/doi-10.1001%2Fjama.2021.2323.json', text: record({ subtitle: ['A Randomized Clinical Trial'] }) };
  const entry = (title: string) => ({ path: 'references/refs.bib', text: `@article{cherkin2016, author = {Cherkin, Daniel C.}, title = {${title}}, journal = {JAMA}, year = 2016, volume = 315, number = 12, pages = {1240--1249}, doi = {10.1001/jama.2021.2323}}\n` });
  const mismatches = (library: ReturnType<typeof loadLibrary>) => checkArticle(library, { file: 'a.mdx', citations: [{ key: 'cherkin2016' }] }, { entries: true }).filter((d) => d.code === 'metadata-mismatch');

  it('prints the title with its subtitle, as the work does', () => {
    const library = loadLibrary([stored]);
    const formatter = new CitationFormatter(library, bundledStyle('american-medical-association'));
    expect(formatter.entry('doi:10.1001/jama.2021.2323')!.text).toContain('Chronic Low Back Pain: A Randomized Clinical Trial. JAMA.');
    const asked = loadLibrary([{ ...stored, text: record({ title: 'Does acupuncture work?', subtitle: ['A trial'] }) }]);
    expect(asked.stored.get('doi:10.1001/jama.2021.2323')!.item.title).toBe('Does acupuncture work? A trial');
  });

  it('agrees with an entry that writes the title with or without its subtitle, and the pages in full', () => {
    expect(mismatches(loadLibrary([entry('Effect of Mindfulness-Based Stress Reduction vs Cognitive Behavioral Therapy on Chronic Low Back Pain: A Randomized Clinical Trial'), stored]))).toEqual([]);
    expect(mismatches(loadLibrary([entry('Effect of Mindfulness-Based Stress Reduction vs Cognitive Behavioral Therapy on Chronic Low Back Pain'), stored]))).toEqual([]);
    const other = mismatches(loadLibrary([entry('Effect of Mindfulness-Based Stress Reduction vs Cognitive Behavioral Therapy on Chronic Low Back Pain'), { ...stored, text: record({ page: '1250' }) }]));
    expect(other.map((d) => d.message)).toEqual([expect.stringMatching(/pages is "1240-1249", the record says "1250"$/u)]);
  });
});

describe('a reference file in a format the library does not read', () => {
  it('is reported, and named where a key it may hold is cited, rather than skipped without a word', () => {
    const library = loadLibrary([
      { path: 'references/pubmed.ris', text: 'TY  - JOUR\nTI  - Acupuncture\nER  - \n' },
      { path: 'references/cochrane.nbib', text: 'PMID- 123\n' },
      { path: 'references/notes.txt', text: 'not references' },
    ]);
    expect(library.diagnostics.map((d) => [d.code, d.severity, d.location?.file])).toEqual([
      ['unsupported-file', 'warning', 'references/cochrane.nbib'],
      ['unsupported-file', 'warning', 'references/pubmed.ris'],
    ]);
    expect(library.diagnostics[1]!.message).toBe('references/pubmed.ris is not read: references are read from BibTeX (.bib) and CSL JSON (.json) files, not RIS, so none of its references can be cited');
    const cited = library.resolve('vickers2018');
    expect(cited).toMatchObject({ diagnostic: { code: 'unknown-key', hint: 'If the key is in references/cochrane.nbib, references/pubmed.ris, export those references as BibTeX or CSL JSON: the library does not read that format.' } });
  });
});

describe('identifiers written with their labels', () => {
  it('are kept bare, so the downloads carry the PMID and PMCID as the links do', () => {
    const library = loadLibrary([{ path: 'references/refs.bib', text: '@article{labelled, title = {T}, pmid = {PMID: 30999999}, pmcid = {6543210}, doi = {https://doi.org/10.7326/M16-2367}}\n' }]);
    const { item } = library.entries.get('labelled')!;
    expect([item.PMID, item.PMCID, item.DOI]).toEqual(['30999999', 'PMC6543210', '10.7326/M16-2367']);
    expect(toRis([item])).toMatch(/^AN {2}- PMID:30999999$/mu);
  });
});

describe('dates written as text in CSL-JSON', () => {
  it('reach the downloads: an ISO date in raw as date parts, the year of a literal date', () => {
    const library = loadLibrary([{ path: 'references/x.json', text: JSON.stringify([
      { id: 'literalyear', type: 'article-journal', title: 'T', issued: { literal: '2019 Mar-Apr' } },
      { id: 'rawdate', type: 'article-journal', title: 'T', issued: { raw: '2020-03-15' } },
    ]) }]);
    const items = library.all().map((entry) => entry.item);
    expect(items[1]!.issued).toEqual({ 'date-parts': [[2020, 3, 15]] });
    expect(toBibtex(items)).toMatch(/@article\{literalyear,\n\ttitle = \{T\},\n\tyear = \{2019\},\n\}/u);
    expect(toRis(items)).toMatch(/ID {2}- literalyear\nTI {2}- T\nPY {2}- 2019\n/u);
    expect(toRis(items)).toMatch(/PY {2}- 2020\nDA {2}- 2020\/03\/15\n/u);
  });
});

describe('identifiers in a note on lines of their own', () => {
  it('give the PubMed and PMC links wherever they stand, as Zotero\'s Extra keeps them, but a DOI further on does not', () => {
    const library = loadLibrary([{ path: 'references/x.json', text: JSON.stringify([
      { id: 'extra', type: 'article-journal', title: 'T', note: 'tex.ids: doe2020a\npmid: 31111111\nPMCID: PMC3111111\nDOI: 10.1000/erratum' },
    ]) }]);
    const { item } = library.entries.get('extra')!;
    expect([item.PMID, item.PMCID, item.DOI]).toEqual(['31111111', 'PMC3111111', undefined]);
    expect(readerNote(item)).toBe('DOI: 10.1000/erratum');
  });
});

describe('authors who share a family name', () => {
  it('are matched each to the record author whose initials fit, so a correct list is not a mismatch', () => {
    const csl = { type: 'article-journal', title: 'Tai chi for knee osteoarthritis', author: [{ family: 'Hu', given: 'Liang' }, { family: 'Wang', given: 'Yi' }, { family: 'Hu', given: 'Zhen' }], DOI: '10.1177/0269215520954343' };
    const stored = { path: 'references/identifiers/doi-10.1177%2F0269215520954343.json', text: serializeStoredMetadata({ identifier: 'doi:10.1177/0269215520954343', source: 'https://doi.org/10.1177/0269215520954343', fetched: '2026-11-27', csl: { id: 'x', ...csl } }) };
    const mismatches = (author: object[]) => checkArticle(loadLibrary([{ path: 'references/x.json', text: JSON.stringify([{ id: 'hu2021', ...csl, author }]) }, stored]), { file: 'a.mdx', citations: [{ key: 'hu2021' }] }, { entries: true })
      .filter((d) => d.code === 'metadata-mismatch').map((d) => d.message);
    expect(mismatches(csl.author)).toEqual([]);
    expect(mismatches([{ family: 'Hu', given: 'Liang' }, { family: 'Wang', given: 'Yi' }, { family: 'Hu', given: 'Qing' }])).toEqual([expect.stringContaining('initials differ: Hu Q (record: L or Z)')]);
  });
});

describe('an entry checked against the record of one of its identifiers', () => {
  it('is not reported as unchecked for its others, as its page says it was checked', () => {
    const stored = { path: 'references/identifiers/pmid-17893311.json', text: serializeStoredMetadata({ identifier: 'pmid:17893311', source: 'https://pubmed.ncbi.nlm.nih.gov/17893311/', fetched: '2026-11-27', csl: { id: 'x', type: 'article-journal', title: 'German Acupuncture Trials', PMID: '17893311' } }) };
    const bib = (fields: string) => ({ path: 'references/refs.bib', text: `@article{haake2007, title = {German Acupuncture Trials}, ${fields}}\n` });
    const codes = (files: { path: string; text: string }[]) => checkArticle(loadLibrary(files), { file: 'a.mdx', citations: [{ key: 'haake2007' }] }, { entries: true }).map((d) => d.code);
    expect(codes([bib('pmid = {17893311}, doi = {10.1001/archinte.167.17.1892}'), stored])).not.toContain('unverified-identifier');
    expect(codes([bib('doi = {10.1001/archinte.167.17.1892}'), stored])).toContain('unverified-identifier');
  });
});

describe("TeXMed's note of identifiers", () => {
  it('gives the DOI, PubMed and PMC links, and is not shown to readers', () => {
    const library = loadLibrary([{ path: 'references/texmed.bib', text: '@Article{pmid19877092,\n   Author="Wang, C.  and Schmid, C. H.",\n   Title="{{T}ai {C}hi for knee osteoarthritis}",\n   Journal="Arthritis Rheum",\n   Year="2009",\n   Note="[PubMed Central:\\href{https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3023169}{PMC3023169}] [DOI:\\href{https://dx.doi.org/10.1002/art.24832}{10.1002/art.24832}] [PubMed:\\href{https://www.ncbi.nlm.nih.gov/pubmed/19877092}{19877092}] "\n}\n' }]);
    const { item } = library.entries.get('pmid19877092')!;
    expect([item.DOI, item.PMID, item.PMCID]).toEqual(['10.1002/art.24832', '19877092', 'PMC3023169']);
    expect(readerNote(item)).toBeUndefined();
  });
});
