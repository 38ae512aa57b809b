import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../../src/citations/bibtex.ts';
import { incompleteEntry } from '../../src/citations/completeness.ts';
import { authorLabel, checkLibrary, CitationFormatter, formatDiagnostic, issuedYear, loadLibrary, referenceLinks, toBibtex, toRis } from '../../src/citations/index.ts';
import { arraySteps, bundledStyle } from '../citations/helpers.ts';
import { main } from '../../src/cli/refs.ts';

const MESSY = readFileSync('tests/fixtures/bibtex-messy/messy.bib', 'utf8');

function entry(i: number): string {
  return `@article{key${i},\n  author = {M{\\"u}ller, Hans and Doe, Jane and others},\n  title = {Trial {${i}} of acupuncture for {IBS}},\n  journal = {J Pain},\n  year = {2020},\n  month = mar,\n  pages = {1--10},\n  doi = {10.1000/${i}},\n}\n\n`;
}

describe('reading real-world BibTeX', () => {
  const parsed = parseBibtex(MESSY, 'messy.bib');
  const item = (key: string) => parsed.entries.find((e) => e.key === key)!.item;

  it('reads every entry of the messy corpus, skipping @comment, @preamble, @string and @xdata, and warns only that "and others" shortens a list', () => {
    expect(parsed.diagnostics.map((d) => [d.code, d.key, d.location?.line])).toEqual([['incomplete-entry', 'etal', 31]]);
    expect(parsed.diagnostics[0]!.message).toBe('"etal": the author list ends in "and others", so the reference names those written, then "et al"');
    expect(parsed.entries.map((e) => [e.key, e.location.line])).toEqual([
      ['macros', 8], ['mathy', 17], ['corporate', 24], ['etal', 30], ['unicode', 36], ['child', 42], ['parent', 48], ['shared', 54], ['upper', 64],
    ]);
  });

  it('decodes LaTeX accents, commands, dashes, ties and nested braces', () => {
    expect(item('macros').title).toBe('GERAC: ß, naïve café, ça, ngström – a nested brace test\u00A0ok'); // ~ is a no-break space
    expect(item('macros').author!.map((n) => n.family)).toEqual(['Müller', 'Schäfer', expect.stringMatching(/^Garc/u), 'Østergaard']);
    expect(item('macros').page).toBe('1892-1898');
  });

  it('expands @string macros (also with #), month macros and month names', () => {
    expect(item('macros')['container-title']).toBe('The Journal of Pain');
    expect(item('macros').issued).toEqual({ 'date-parts': [[2007, 9]] });
    expect(item('mathy')['container-title']).toBe('Annals of Internal Medicine (Supplement)');
    expect(item('mathy').issued).toEqual({ 'date-parts': [[2017, 4]] });
  });

  it('turns math into text, keeps corporate authors whole and drops "and others"', () => {
    expect(item('mathy').title).toBe('Effect size d = 0.5 and α< 0.05 with x²');
    expect(item('corporate').author!.map((n) => n.family ?? n.literal)).toEqual(['National Institute for Health and Care Excellence', 'World Health Organization']);
    expect(item('etal').author!.map((n) => n.family)).toEqual(['Vickers', 'Linde']);
  });

  it('inherits crossref and xdata fields', () => {
    expect(item('child')).toMatchObject({ 'container-title': 'Proceedings of the Pain Conference', publisher: 'Pain Society', issued: { 'date-parts': [[2019]] } });
    expect(item('shared')).toMatchObject({ 'container-title': 'Pain', issued: { 'date-parts': [[2017]] } });
  });

  it('reads Unicode as is, and the same file with a BOM and CRLF line ends gives the same entries at the same lines', () => {
    expect(item('unicode').title).toBe('Mechanisms of acupuncture–electroacupuncture on persistent pain — 針灸');
    const windows = parseBibtex(`\uFEFF${MESSY.replace(/\n/gu, '\r\n')}`, 'messy.bib');
    expect(windows).toEqual(parsed);
  });
});

describe('BibTeX from other projects', () => {
  it('keeps @string macros (hyphenated names too) when another entry of the file is broken, and reads a file of macros alone', () => {
    const macros = '@string{anch-ie = {Angew.~Chem. Int.~Ed.}}\n@STRING{jpain = "The Journal of Pain"}\n\n';
    const good = '@article{good,\n  author = {Doe, Jane},\n  title = {Fine},\n  journal = jpain,\n  year = 2020,\n}\n\n';
    const parsed = parseBibtex(`${macros}${good}@article{bad,\n  title = {Unclosed,\n  year = 2020,\n}\n`, 'mixed.bib');
    expect(parsed.diagnostics.map((d) => [d.key, d.location!.line])).toEqual([['bad', 11]]);
    expect(parsed.entries.map((e) => [e.key, e.item['container-title']])).toEqual([['good', 'The Journal of Pain']]);
    expect(parseBibtex(macros, 'macros.bib')).toEqual({ entries: [], diagnostics: [] });
  });

  it('reports an entry whose @ is missing, which BibTeX would skip as a comment', () => {
    const text = '@article{first,\n  title = {One},\n  year = 2001,\n}\n\narticle{Breslow72, \n  author = {Breslow, N. E.},\n  year = {1972},\n}\n';
    const parsed = parseBibtex(text, 'refer.bib');
    expect(parsed.entries.map((e) => e.key)).toEqual(['first']);
    expect(parsed.diagnostics).toMatchObject([{ code: 'invalid-bibtex', severity: 'warning', location: { line: 6, column: 1 }, hint: 'Write @article{Breslow72, at the start of the entry if it should be cited.' }]);
    expect(parsed.diagnostics[0]!.message).toMatch(/^"article\{Breslow72," looks like an entry without its @/u);
  });

  it('reports fields cut off by a "}" too many, which BibTeX drops without a word', () => {
    const text = '@article{Anderson82,\n    author= {J. R. Anderson and L. Bernstein},\n    title= {Approximate confidence intervals},\n    journal=biom}, volume={38},\n    pages= {407--416},\n}\n\n@article{fine, title = {Fine}, year = 2001}\n';
    const parsed = parseBibtex(`@string{biom = {Biometrics}}\n${text}`, 'refer.bib');
    expect(parsed.diagnostics).toMatchObject([{ code: 'invalid-bibtex', severity: 'error', key: 'Anderson82', location: { line: 5, column: 17 } }]);
    expect(parsed.diagnostics[0]!.message).toBe('BibTeX entry "Anderson82" ends at line 5, before its field "volume" on line 5: those fields are lost');
    expect(loadLibrary([{ path: 'refer.bib', text }]).resolve('Anderson82')).toHaveProperty('diagnostic.key', 'Anderson82');
    expect(parsed.entries.map((entry) => entry.key)).toEqual(['Anderson82', 'fine']);
  });

  it.each([
    ['text between entries', '@article{a,\n  title = {A},\n  year = 2020\n}\nNote to self:\ndoi = wrong, fix later\n@article{b, title = {B}, year = 2021}\n'],
    ['an entry switched off inside @comment', '@comment{\n  article{x,\n  title = {y}\n}\n}\n@article{b, title = {B}, year = 2021}\n'],
    ['an escaped brace in a value', '@article{a,\n  title = {Use \\} to close},\n  year = 2020,\n}\n'],
    ['words like an entry inside a value', '@article{a,\n  abstract = {We compared\nreport{x, y} with others},\n  year = 2020,\n}\n'],
  ])('stays quiet about %s', (_what, text) => {
    expect(parseBibtex(text, 'quiet.bib').diagnostics).toEqual([]);
  });

  it('undoes the LaTeX escapes Mendeley and JabRef write in DOIs and URLs, so the links work', () => {
    const library = loadLibrary([{ path: 'mendeley.bib', text: [
      '@article{esc1, title = {A}, doi = {https://doi.org/10.1000/abc\\_def}, url = {https://example.org/some\\_path/file\\%20name.pdf}}',
      '@article{esc2, title = {B}, doi = {10.1002/(SICI)1097-4679(199711)53:7{\\textless}657::AID-JCLP3{\\textgreater}3.0.CO;2-F}}',
    ].join('\n') }]);
    const esc1 = library.entries.get('esc1')!.item;
    expect([esc1.DOI, esc1.URL]).toEqual(['10.1000/abc_def', 'https://example.org/some_path/file%20name.pdf']);
    expect(library.entries.get('esc2')!.item.DOI).toBe('10.1002/(SICI)1097-4679(199711)53:7<657::AID-JCLP3>3.0.CO;2-F');
    expect(referenceLinks(esc1)[0]!.href).toBe('https://doi.org/10.1000/abc_def');
  });

  it('undoes the escapes when citation-js has percent-encoded them, and Mendeley\'s braced escapes, space-joined URLs and tildes in a url command', () => {
    const library = loadLibrary([{ path: 'mendeley.bib', text: [
      '@article{m1, title = {A}, doi = {10.1016/j.pain.2019{\\_}05{\\_}001}, url = {https://x.org/a{\\_}b}}',
      '@misc{m2, title = {B}, url = {https://www.example.edu/~jsmith/pain\\_2020.pdf}}',
      '@misc{m3, title = {C}, url = {https://x.org/q?a=1\\&b=2}}',
      '@misc{m4, title = {D}, url = {http://www.ncbi.nlm.nih.gov/pubmed/30890000 https://bmc.example.com/articles/x}}',
      '@misc{m5, title = {E}, howpublished = {\\url{https://example.org/pain~info/page%201.html}}}',
    ].join('\n') }]);
    const field = (key: string, name: 'DOI' | 'URL') => library.entries.get(key)!.item[name];
    expect([field('m1', 'DOI'), field('m1', 'URL')]).toEqual(['10.1016/j.pain.2019_05_001', 'https://x.org/a_b']);
    expect(['m2', 'm3', 'm4', 'm5'].map((key) => field(key, 'URL'))).toEqual([
      'https://www.example.edu/~jsmith/pain_2020.pdf',
      'https://x.org/q?a=1&b=2',
      'http://www.ncbi.nlm.nih.gov/pubmed/30890000',
      'https://example.org/pain~info/page%201.html',
    ]);
  });

  it("undoes Mendeley's escaped percent sign in a URL, and splits URLs it joined with a literal \\n", () => {
    const library = loadLibrary([{ path: 'mendeley.bib', text: [
      '@article{sd, title = {A}, url = {https://www.sciencedirect.com/science/article/pii/S0003986197902654?via{\\%}3Dihub}}',
      '@article{wiley, title = {B}, url = {http://onlinelibrary.wiley.com/doi/10.1002/14651858.CD001218.pub3/abstract{\\%}5Cnhttp://www.ncbi.nlm.nih.gov/pubmed/27351677}}',
    ].join('\n') }]);
    expect(['sd', 'wiley'].map((key) => library.entries.get(key)!.item.URL)).toEqual([
      'https://www.sciencedirect.com/science/article/pii/S0003986197902654?via%3Dihub',
      'http://onlinelibrary.wiley.com/doi/10.1002/14651858.CD001218.pub3/abstract',
    ]);
  });

  it('leaves entries commented out inside @comment{…} alone, as biber does', () => {
    const parsed = parseBibtex('@Comment{\n@article{gone2010, author = {Gone, A}, title = {Old}, year = {2010},\n}\n}\n@article{kept2011, author = {Here, B}, title = {Kept}, journal = {J}, year = {2011}}\n', 'c.bib');
    expect(parsed.entries.map((e) => [e.key, e.location.line])).toEqual([['kept2011', 5]]);
    expect(parsed.diagnostics).toEqual([]);
  });

  it("reads a DOI written as a link to another resolver (ACM's, Wiley's), as JabRef and Mendeley libraries keep it", () => {
    const library = loadLibrary([{ path: 'jabref.bib', text: [
      '@inproceedings{acm, author = {Bostr\\"{o}m, Gustav}, title = {Extending XP practices}, booktitle = {SESS}, year = {2006}, doi = {http://doi.acm.org/10.1145/1137627.1137631}}',
      '@article{wiley, author = {Linde, K}, title = {Acupuncture}, journal = {Cochrane Database Syst Rev}, year = {2016}, doi = {http://doi.wiley.com/10.1002/14651858.CD001218.pub3}}',
    ].join('\n') }]);
    expect(['acm', 'wiley'].map((key) => library.entries.get(key)!.item.DOI)).toEqual(['10.1145/1137627.1137631', '10.1002/14651858.CD001218.pub3']);
    expect(checkLibrary(library).filter((d) => d.code === 'invalid-identifier')).toEqual([]);
  });

  it('warns when an organisation without double braces is read as a person, and only then', () => {
    const parsed = parseBibtex([
      '@misc{who2019, author = {World Health Organization}, title = {G}, year = {2019}}',
      '@misc{braced, author = {{World Health Organization}}, title = {G}, year = {2019}}',
      '@article{person, author = {Centre, Jane and Group, Anna Maria}, title = {T}, journal = {J}, year = {2020}}',
      '@misc{cochrane, author = {Cochrane Collaboration}, title = {H}, year = {2011}}',
      '@article{twowords, author = {Jane Centre and Anna Group}, title = {T}, journal = {J}, year = {2020}}',
    ].join('\n'), 'orgs.bib');
    expect(parsed.diagnostics.filter((d) => d.code === 'split-organisation').map((d) => [d.key, d.message, d.hint])).toEqual([[
      'who2019',
      '"who2019": "World Health Organization" is read as a person with family name "Organization", and printed so',
      'Write an organisation in double braces, which also keeps an "and" in its name: author = {{World Health Organization}}.',
    ], [
      'cochrane',
      '"cochrane": "Cochrane Collaboration" is read as a person with family name "Collaboration", and printed so',
      'Write an organisation in double braces, which also keeps an "and" in its name: author = {{Cochrane Collaboration}}.',
    ]]);
  });

  it("gives a chapter its book's title through crossref, as BibLaTeX inherits it", () => {
    const library = loadLibrary([{ path: 'books.bib', text: [
      '@book{melzack1983, editor = {Melzack, Ronald}, title = {Pain Measurement and Assessment}, publisher = {Raven Press}, year = {1983}}',
      '@incollection{katz1983, author = {Katz, Joel}, title = {The McGill Pain Questionnaire}, pages = {41--47}, crossref = {melzack1983}}',
    ].join('\n') }]);
    const formatter = new CitationFormatter(library, bundledStyle('american-medical-association'));
    expect(formatter.entry('katz1983')!.text).toBe('Katz J. The McGill Pain Questionnaire. In: Melzack R, ed. Pain Measurement and Assessment. Raven Press; 1983:41-47.');
    expect(incompleteEntry(library.entries.get('katz1983')!)).toBeUndefined();
  });

  it("reads Mendeley's escaped braces as the case protection they were typed as", () => {
    const library = loadLibrary([{ path: 'mendeley.bib', text: '@article{tcf, author = {Wang, Chenchen}, title = {{Tai chi for fibromyalgia: the {\\{}TCF{\\}} trial}}, journal = {BMJ}, year = {2018}}' }]);
    expect(library.entries.get('tcf')!.item.title).toBe('Tai chi for fibromyalgia: the TCF trial');
  });

  it('prints the TeX letters and dots citation-js leaves as written', () => {
    const parsed = parseBibtex('@article{a1, author = {{\\AA}ngstr{\\"o}m, Lars and {\\aa}se, Bo}, title = {Waiting and\\ldots{} more \\dots}, journal = {J}, year = {2019}}', 'a.bib');
    const { item } = parsed.entries[0]!;
    expect([item.title, item.author!.map((name) => name.family)]).toEqual(['Waiting and… more …', ['Ångström', 'åse']]);
    expect(parsed.diagnostics.filter((d) => d.code === 'unconverted-latex')).toEqual([]);
  });

  it("drops EndNote's reference type, which APA would print as a genre, and keeps a thesis' own", () => {
    const parsed = parseBibtex('@article{RN12, title = {T}, journal = {J}, year = {2019}, type = {Journal Article}}\n@phdthesis{t, title = {T}, school = {S}, year = {2019}, type = {DPhil thesis}}', 'endnote.bib');
    expect(parsed.entries.map((e) => e.item.genre)).toEqual([undefined, 'DPhil thesis']);
  });

  it('rewrites Zotero\'s eprinttype = {pmid} without moving any later line', () => {
    const text = '@article{z,\n  title = {Z},\n  eprint = {29198932},\n  eprinttype = {\n    pmid\n  },\n  year = 2018,\n}\n@article{bad,\n  title = {Unclosed,\n}\n';
    const parsed = parseBibtex(text, 'zotero.bib');
    expect(parsed.diagnostics.map((d) => [d.key, d.location!.line])).toEqual([['bad', 9]]);
  });

  it('reads starred LaTeX commands, which citation-js cannot: csquotes\' inner quotes `\\enquote*{…}` as single quotes (biblatex-examples.bib lost three entries to them)', () => {
    const text = '@book{reese,\n  title = {Georgia},\n  year = 1958,\n  annotation = {The value of the \\texttt{series} field\n    is printed with the string \\enquote*{series}\n    appended},\n}\n@article{quoted, title = {On \\enquote*{Macbeth} and \\enquote*{{King} Lear}}, year = 2001}\n';
    const parsed = parseBibtex(text, 'examples.bib');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.entries.map((entry) => entry.key)).toEqual(['reese', 'quoted']);
    expect(parsed.entries[1]!.item.title).toBe('On ‘Macbeth’ and “King Lear”');
  });

  it.each([
    ['a missing "="', '@article{good1952,\n  title = {T},\n  author{Good, I. J.},\n  year = 1952\n}\n', 3, 9, 'a field name is followed by its value without "=" between them: write name = {value}'],
    ['a missing comma', '@article{good1952,\n  title = {T}\n  year = 1952\n}\n', 3, 3, 'a field starts before the one above it ended: the comma at the end of the field above is missing'],
    ['two commas', '@article{good1952,\n  title = {T},,\n  year = 1952\n}\n', 2, 15, 'a comma stands where a field or a value belongs: two commas in a row, or a field with no value'],
  ])('says what is wrong in an author\'s words, at its line and column: %s', (_what, text, line, column, reason) => {
    const [diagnostic] = parseBibtex(`${text}@article{next, title = {N}, year = 2020}\n`, 'x.bib').diagnostics;
    expect(diagnostic).toMatchObject({ code: 'invalid-bibtex', location: { line, column } });
    expect(diagnostic!.message).toBe(`BibTeX entry "good1952" could not be read: ${reason}`);
  });

  it('warns about a LaTeX command left in a printed field, not in an abstract', () => {
    const text = '@book{knuth,\n  author = {Knuth, Donald E.},\n  title = {The \\tubissue book},\n  abstract = {Where $x \\leq y$},\n  year = 1984,\n}\n@article{plain,\n  title = {Bounds},\n  abstract = {$x \\leq y$},\n  year = 2000,\n}\n';
    const parsed = parseBibtex(text, 'tex.bib');
    expect(parsed.entries).toHaveLength(2);
    expect(parsed.diagnostics).toMatchObject([{ code: 'unconverted-latex', severity: 'warning', key: 'knuth', location: { line: 3, column: 3 } }]);
    expect(parsed.diagnostics[0]!.message).toBe('"knuth": title keeps LaTeX (\\tubissue) that readers would see as written');
    // A warning, not a broken entry: the source can still be cited.
    expect(loadLibrary([{ path: 'tex.bib', text }]).resolve('knuth')).toMatchObject({ entry: { key: 'knuth' } });
  });

  it('warns about a misspelled field, which BibTeX would ignore, at its own line', () => {
    const text = '@article{typo,\n  author = {Doe, Jane},\n  titel = {Typo},\n  jounral = jpain # " Suppl",\n  year = 2020,\n  volumne = "12" # "a",\n  page = {1--10},\n  edtior = {Roe, R.},\n}\n';
    const parsed = parseBibtex(`@string{jpain = {J Pain}}\n${text}`, 'typo.bib');
    expect(parsed.entries).toHaveLength(1);
    const meant = (message: string) => message.match(/field "(\w+)" .* did you mean "(\w+)"\?$/u)?.slice(1);
    expect(parsed.diagnostics.map((d) => [d.code, d.severity, d.location?.line, d.location?.column, meant(d.message)])).toEqual([
      ['unknown-field', 'warning', 4, 3, ['titel', 'title']], // two letters swapped count as one typo
      ['unknown-field', 'warning', 5, 3, ['jounral', 'journal']],
      ['unknown-field', 'warning', 7, 3, ['volumne', 'volume']],
      ['unknown-field', 'warning', 8, 3, ['page', 'pages']],
      ['unknown-field', 'warning', 9, 3, ['edtior', 'editor']], // the nearest field, not edition
    ]);
    expect(parsed.diagnostics[0]!.message).toBe('"typo": field "titel" is not a BibTeX field, so its value is left out of the reference; did you mean "title"?');
    expect(parsed.diagnostics[0]!.hint).toBe('Rename the field to title.');
    // Parentheses delimit an entry as well as braces do.
    expect(parseBibtex('@article(paren,\n  title = {P},\n  yaer = 2020\n)\n', 'p.bib').diagnostics.map((d) => d.location?.line)).toEqual([3]);
  });

  it('warns about a shown field given twice with different values, and not when the values agree', () => {
    const text = '@article{twice,\n  title = {First},\n  year = 2001,\n  title = {Second},\n  year = {2001},\n  year = 2002,\n  journal = {J},\n  keywords = {a},\n  keywords = {b},\n  volume = 3,\n  volume = 4,\n  volume = {3},\n}\n';
    const parsed = parseBibtex(text, 'twice.bib');
    expect(parsed.entries[0]!.item.title).toBe('Second');
    expect(parsed.diagnostics.map((d) => [d.code, d.location?.line, d.message])).toEqual([
      ['repeated-field', 4, '"twice": field "title" is given 2 times with different values (also on line 2); the last one, here, is used'],
      ['repeated-field', 6, '"twice": field "year" is given 3 times with different values (also on line 3); the last one, here, is used'],
      ['repeated-field', 12, '"twice": field "volume" is given 3 times with different values (also on line 11); the last one, here, is used'],
    ]);
  });

  it.each([
    ['BibLaTeX and tool fields one typo from printed ones', '  volumes = {2},\n  editora = {Roe, R.},\n  mrnumber = {12},\n  isrn = {X},\n  eissn = {1526-5900},\n  uri = {https://x.org},\n'],
    ['a near name beside the field itself (MathSciNet\'s fjournal)', '  journal = {J. Pain},\n  fjournal = {The Journal of Pain},\n'],
    ['a near name beside BibLaTeX\'s name for the field', '  journaltitle = {J. Pain},\n  fjournal = {The Journal of Pain},\n'],
    ['names inside values, quoted or braced', '  subtitle = {Pages = 3, volumne = 4},\n  note = "x {\\"o} jounral = y",\n  url = {https://x.org/?page=2},\n'],
  ])('does not warn about %s', (_what, fields) => {
    const parsed = parseBibtex(`@article{fine,\n  author = {Doe, Jane},\n  title = {Fine},\n${fields}  year = 2020,\n}\n`, 'fine.bib');
    expect(parsed.diagnostics).toEqual([]);
  });

  it('reads PubMed identifiers where Zotero writes them: in the note, and as eprinttype = {pmid}', () => {
    const bibtex = '@article{noted,\n  title = {Noted},\n  year = 2018,\n  note = {PMID: 29198932\nPMCID: PMC5927830},\n}\n@article{eprint,\n  title = {Eprint},\n  year = 2018,\n  eprint = {29198932},\n  eprinttype = {pmid},\n}\n@article{stated,\n  title = {Stated},\n  year = 2018,\n  pmid = {19433697},\n  note = {PMID: 29198932},\n}\n';
    const csl = JSON.stringify([{ id: 'zotero', type: 'article-journal', title: 'Zotero', note: 'PMID: 29198932\nPMCID: PMC5927830' }]);
    const library = loadLibrary([{ path: 'zotero.bib', text: bibtex }, { path: 'zotero.json', text: csl }]);
    const links = (key: string) => referenceLinks(library.entries.get(key)!.item).map((link) => link.href);
    expect(links('noted')).toEqual(['https://pubmed.ncbi.nlm.nih.gov/29198932/', 'https://pmc.ncbi.nlm.nih.gov/articles/PMC5927830/']);
    expect(links('eprint')).toEqual(['https://pubmed.ncbi.nlm.nih.gov/29198932/']);
    expect(links('zotero')).toEqual(links('noted'));
    expect(library.entries.get('stated')!.item.PMID).toBe('19433697'); // a field of its own wins over the note
    expect(library.diagnostics).toEqual([]);
  });

  it("reads TeXMed's pubmed and pmc fields, as PubMed's BibTeX export writes them", () => {
    const library = loadLibrary([{ path: 'texmed.bib', text: '@Article{pmid27482379,\n   Author="Smith, A.",\n   Title="{T}",\n   Journal="J",\n   Year="2016",\n   pubmed="27482379",\n   pmc="PMC4968004"\n}\n@article{word, title = {W}, year = 2016, note = {pubmed = no}}\n' }]);
    expect(referenceLinks(library.entries.get('pmid27482379')!.item).map((link) => link.href)).toEqual(['https://pubmed.ncbi.nlm.nih.gov/27482379/', 'https://pmc.ncbi.nlm.nih.gov/articles/PMC4968004/']);
    expect(library.entries.get('word')!.item.note).toBe('pubmed = no');
    expect(library.diagnostics).toEqual([]);
  });

  it('reads the PMID or PMCID of the PubMed or PMC address EndNote and Mendeley give a PubMed import as its URL', () => {
    const bibtex = [
      '@article{endnote, title = {E}, journal = {J Pain}, year = 2018, doi = {10.1016/j.jpain.2017.11.005}, url = {https://www.ncbi.nlm.nih.gov/pubmed/29198932}}',
      '@article{pmc, title = {P}, journal = {J Pain}, year = 2018, url = {https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5927830/}}',
      '@article{own, title = {O}, journal = {J Pain}, year = 2018, pmid = {19433697}, url = {https://pubmed.ncbi.nlm.nih.gov/29198932/}}',
      '@article{other, title = {W}, journal = {J Pain}, year = 2018, url = {https://www.ncbi.nlm.nih.gov/books/NBK1/}}',
    ].join('\n');
    const library = loadLibrary([{ path: 'endnote.bib', text: bibtex }]);
    const links = (key: string) => referenceLinks(library.entries.get(key)!.item).map((link) => `${link.label} ${link.href}`);
    expect(links('endnote')).toEqual(['DOI https://doi.org/10.1016/j.jpain.2017.11.005', 'PubMed https://pubmed.ncbi.nlm.nih.gov/29198932/']);
    expect(links('pmc')).toEqual(['PMC https://pmc.ncbi.nlm.nih.gov/articles/PMC5927830/']);
    expect(links('own')).toEqual(['PubMed https://pubmed.ncbi.nlm.nih.gov/19433697/']); // its own field wins; the address adds no link of its own
    expect(links('other')).toEqual(['Web page https://www.ncbi.nlm.nih.gov/books/NBK1/']);
  });

  it('reads hand-written CSL-JSON as meant, and names what citeproc would drop', () => {
    const items = [
      { id: 'dated', type: 'journal-article', title: 'Dated', author: [{ family: 'Doe', given: 'Jane' }], issued: '2020-05', 'container-title': 'J Pain' },
      { id: 'typo', type: 'Article-Journal', title: 'Typo', author: [{ family: 'Doe', given: 'Jane' }], issued: { raw: 'Spring 2019' }, 'containter-title': 'J Pain', doi: '10.1000/x' },
      { id: 'named', type: 'artcle-journal', title: 'Named', author: 'Doe, Jane', editor: ['Roe, R.', 'World Health Organization'], issued: 2021 },
    ];
    const library = loadLibrary([{ path: 'hand.json', text: JSON.stringify(items, null, 2) }]);
    const item = (key: string) => library.entries.get(key)!.item;
    // Crossref's type name, a type in capitals, dates written as text: read as meant, and their year is known everywhere.
    expect(item('dated')).toMatchObject({ type: 'article-journal', issued: { 'date-parts': [[2020, 5]] } });
    expect(item('typo').type).toBe('article-journal');
    expect(['dated', 'typo', 'named'].map((key) => issuedYear(item(key)))).toEqual([2020, 2019, 2021]);
    expect(item('named').author).toEqual([{ family: 'Doe', given: 'Jane' }]);
    expect(item('named').editor).toEqual([{ family: 'Roe', given: 'R.' }, { literal: 'World Health Organization' }]);
    expect(library.diagnostics.map((d) => [d.code, d.severity, d.key, d.message.replace(/[;,] (?:did you mean|so).*$/u, '')])).toEqual([
      ['unknown-field', 'warning', 'typo', '"typo": "containter-title" is not a CSL variable'],
      ['unknown-field', 'warning', 'typo', '"typo": "doi" is not a CSL variable'],
      ['unknown-field', 'warning', 'named', '"named": author is not a list of names such as [{ "family": "Doe", "given": "Jane" }]'],
      ['unknown-field', 'warning', 'named', '"named": editor is not a list of names such as [{ "family": "Doe", "given": "Jane" }]'],
      ['unknown-field', 'warning', 'named', '"named": type "artcle-journal" is not a CSL type'],
    ]);
    expect(library.diagnostics.map((d) => d.message.match(/did you mean "([^"]+)"/u)?.[1])).toEqual(['container-title', 'DOI', undefined, undefined, 'article-journal']);
    const formatted = new CitationFormatter(library, bundledStyle('american-medical-association'));
    expect(formatted.entry('dated')!.text).toContain('2020');
  });

  it('takes nothing in doi.org\'s CSL-JSON for a misspelling', () => {
    const crossref = { id: 'cr', type: 'article-journal', title: 'T', author: [{ family: 'Doe', given: 'J' }], issued: { 'date-parts': [[2018, 5]] }, member: '78', resource: { primary: { URL: 'https://x.org' } }, published: { 'date-parts': [[2018]] }, accepted: { 'date-parts': [[2017, 11]] }, reference: [], score: 1, prefix: '10.1016', 'short-container-title': ['J Pain'], source: 'Crossref', 'is-referenced-by-count': 512, 'printing-number': '2', 'supplement-number': '1' };
    expect(loadLibrary([{ path: 'cr.json', text: JSON.stringify([crossref]) }]).diagnostics).toEqual([]);
  });

  it.each([
    ['an erratum\'s DOI', 'Erratum in: Lancet. 2020;395:e2. doi: 10.1016/S0140-6736(19)33120-1.'],
    ['a preprint\'s DOI', 'Preprint DOI: 10.1101/2020.01.01.12345'],
  ])('does not take %s from the middle of a note', (_what, note) => {
    const library = loadLibrary([{ path: 'n.json', text: JSON.stringify([{ id: 'n', type: 'article-journal', title: 'N', note }]) }]);
    expect(library.entries.get('n')!.item.DOI).toBeUndefined();
  });

  it('takes a leading identifier without its full stop', () => {
    const library = loadLibrary([{ path: 'n.json', text: JSON.stringify([{ id: 'n', type: 'article-journal', title: 'N', note: 'DOI: 10.1016/j.jpain.2017.11.005. Epub 2017.' }]) }]);
    expect(library.entries.get('n')!.item.DOI).toBe('10.1016/j.jpain.2017.11.005');
  });

  it('keys a Zotero 7 CSL-JSON item by its citation-key, not its item URI', () => {
    const item = { id: 'http://zotero.org/users/local/AbC12/items/QW3RTY78', 'citation-key': 'vickers2018acupuncture', type: 'article-journal', title: 'Acupuncture for Chronic Pain', PMID: '29198932' };
    const library = loadLibrary([{ path: 'zotero.json', text: JSON.stringify([item, { id: 'plain2020', type: 'book', title: 'Plain' }]) }]);
    expect([...library.entries.keys()]).toEqual(['vickers2018acupuncture', 'plain2020']);
    expect(library.resolve('vickers2018acupuncture')).toMatchObject({ entry: { item: { id: 'vickers2018acupuncture', PMID: '29198932' } } });
    expect(library.diagnostics).toEqual([]);
  });

  it('joins BibLaTeX lists that CSL holds as one string, so the entry still formats', () => {
    const text = '@book{cicero,\n  author = {Cicero, Marcus Tullius},\n  title = {De natura deorum},\n  date = 1995,\n  language = {langlatin and langgerman},\n  publisher = {Reclam},\n}\n';
    const library = loadLibrary([{ path: 'examples.bib', text }]);
    expect(library.entries.get('cicero')!.item.language).toBe('langlatin and langgerman');
    const formatter = new CitationFormatter(library, bundledStyle('american-medical-association'));
    expect(formatter.entry('cicero')?.text).toBe('Cicero MT. De natura deorum. Reclam; 1995.');
    expect(formatter.diagnostics).toEqual([]);
  });

  it('keeps "and" in a publisher or institution, which BibLaTeX reads as a list', () => {
    const library = loadLibrary([{ path: 'lists.bib', text: [
      '@book{wiley, author = {Doe, Jo}, title = {Pain}, publisher = {John Wiley and Sons}, address = {Amsterdam and Boston and London}, year = 2020}',
      '@report{nice, author = {{National Institute for Health and Care Excellence}}, title = {Low back pain}, type = {NICE guideline}, number = {NG59}, institution = {National Institute for Health and Care Excellence}, year = 2016}',
    ].join('\n') }]);
    const formatter = new CitationFormatter(library, bundledStyle('american-medical-association'));
    expect(formatter.entry('wiley')!.text).toBe('Doe J. Pain. John Wiley and Sons; 2020.');
    expect(library.entries.get('nice')!.item.publisher).toBe('National Institute for Health and Care Excellence');
    expect(library.entries.get('wiley')!.item['publisher-place']).toBe('Amsterdam, Boston and London');
  });

  it('keeps what a crossref child inherits when a broken entry stands between it and its parent', () => {
    const text = [
      '@incollection{westfahl:space, author = {Westfahl, Gary}, title = {The True Frontier}, pages = {55-65}, crossref = {westfahl:frontier}}',
      '@misc{broken, title {Quoted}, year = {2001}}',
      '@collection{westfahl:frontier, editor = {Westfahl, Gary}, title = {Space and Beyond}, publisher = {Greenwood}, location = {Westport}, year = {2000}}',
    ].join('\n');
    const parsed = parseBibtex(text, 'crossref.bib');
    expect(parsed.diagnostics.map((d) => d.key)).toEqual(['broken']);
    const child = parsed.entries.find((entry) => entry.key === 'westfahl:space')!.item;
    expect([child['container-title'], child.publisher, child.editor?.[0]?.family, child.issued]).toEqual(['Space and Beyond', 'Greenwood', 'Westfahl', { 'date-parts': [[2000]] }]);
  });

  it('warns at its line about a crossref that names no entry of the file', () => {
    const parsed = parseBibtex('@incollection{child,\n  title = {A chapter},\n  crossref = {elsewhere},\n}\n', 'chapters.bib');
    expect(parsed.diagnostics.map((d) => [d.code, d.severity, d.location?.line, d.key])).toEqual([['missing-crossref', 'warning', 3, 'child']]);
    expect(parsed.diagnostics[0]!.message).toBe('"child" takes its book or proceedings from crossref "elsewhere", which is not an entry of this file: its book title, editors and publisher are missing from the reference');
    expect(parsed.entries.map((entry) => entry.key)).toEqual(['child']);
    // DBLP writes the book title with the crossref: only what the entry lacks is named, and nothing when it lacks nothing.
    const dblp = (fields: string) => parseBibtex(`@inproceedings{DBLP:conf/x/A13, title = {A paper}, ${fields}crossref = {DBLP:conf/x/2013}}\n`, 'dblp.bib').diagnostics.map((d) => d.message.split(': ').at(-1));
    expect(dblp('booktitle = {Proc. X}, ')).toEqual(['its editors and publisher are missing from the reference']);
    expect(dblp('booktitle = {Proc. X}, editor = {Doe, Jane}, publisher = {Springer}, ')).toEqual([]);
    const otherCase = parseBibtex('@incollection{child, title = {A chapter}, crossref = {Whole-Book}}\n@book{whole-book, title = {A book}}\n', 'chapters.bib');
    expect(otherCase.diagnostics.map((d) => d.hint)).toEqual(['Write crossref = {whole-book}, exactly as that entry\'s key is written.']);
    // citation-js reads the value as written: spaces are part of it, an extra pair of braces is not.
    const spaced = parseBibtex('@incollection{child, title = {A chapter}, crossref = { book }}\n@book{book, title = {A book}}\n', 'chapters.bib');
    expect(spaced.diagnostics.map((d) => d.hint)).toEqual(['Write crossref = {book}, exactly as that entry\'s key is written.']);
    const doubled = parseBibtex('@incollection{child, title = {A chapter}, crossref = {{book}}}\n@book{book, title = {A book}, publisher = {Greenwood}}\n', 'chapters.bib');
    expect(doubled.diagnostics).toEqual([]);
    // Only the field counts: not a note that mentions one, nor a comment after the entry.
    const mentioned = parseBibtex('@article{a, title = {A}, note = {see crossref = {elsewhere}}}\n% crossref = {elsewhere}\n', 'notes.bib');
    expect(mentioned.diagnostics).toEqual([]);
    expect(doubled.entries[0]!.item.publisher).toBe('Greenwood');
  });

  it('warns when a crossref parent cannot be read, and keeps the inheritance of its readable siblings\' children', () => {
    const text = [
      '@incollection{lost, title = {Chapter one}, crossref = {broken}}',
      '@incollection{kept, title = {Chapter two}, crossref = {book}}',
      '@incollection{kept2, title = {Chapter three}, crossref = {book}}',
      '@book{broken, title {Quoted}, year = {2001}}',
      '@book{book, title = {Space and Beyond}, publisher = {Greenwood}, year = {2000}}',
    ].join('\n');
    const parsed = parseBibtex(text, 'crossref.bib');
    expect(parsed.diagnostics.map((d) => [d.code, d.severity, d.key, d.location?.line])).toEqual([
      ['invalid-bibtex', 'error', 'broken', 4],
      ['missing-crossref', 'warning', 'lost', 1],
    ]);
    expect(parsed.entries.filter((entry) => entry.key.startsWith('kept')).map((entry) => entry.item.publisher)).toEqual(['Greenwood', 'Greenwood']);
  });

  it('reports a circle of crossrefs at each field and lets none of its entries inherit from another', () => {
    const text = [
      '@inproceedings{paper, title = {A paper}, author = {Doe, Jane}, year = {2020}, crossref = {proc}}',
      '@proceedings{proc,\n  crossref = {paper}, title = {The proceedings}, publisher = {ACM}, year = {2020}}',
      '@inproceedings{self, title = {Alone}, author = {Roe, Ann}, year = {2021}, crossref = {self}}',
      '@inproceedings{outside, title = {Another paper}, author = {Poe, Ed}, year = {2020}, crossref = {proc}}',
    ].join('\n');
    const parsed = parseBibtex(text, 'circle.bib');
    // The proceedings took its own paper's title as its book title ("The proceedings. A paper"), without a word.
    expect(parsed.diagnostics.map((d) => [d.code, d.severity, d.key, d.location?.line, d.location?.column])).toEqual([
      ['missing-crossref', 'warning', 'paper', 1, 79],
      ['missing-crossref', 'warning', 'proc', 3, 3],
      ['missing-crossref', 'warning', 'self', 4, 75],
    ]);
    expect(parsed.diagnostics[0]!.message).toBe('"paper" takes its book or proceedings from crossref "proc", which leads back to it ("paper" → "proc" → "paper"): a circle of crossrefs cannot be followed, so none of these entries inherits anything');
    expect(parsed.diagnostics[2]!.message).toBe('"self" names itself as its crossref, so it inherits nothing');
    const item = (key: string) => parsed.entries.find((entry) => entry.key === key)!.item;
    expect([item('paper')['container-title'], item('proc')['container-title']]).toEqual([undefined, undefined]);
    // An entry that only leads into the circle still inherits.
    expect([item('outside')['container-title'], item('outside').publisher]).toEqual(['The proceedings', 'ACM']);
  });

  it('reads one key defined thousands of times in work growing with the entries, each place kept', () => {
    // Each definition copied the list of the places before it: 20,000 definitions of one key (a botched
    // export) took 36 s to read. Work counted, not timed.
    const file = (n: number) => Array.from({ length: n }, () => '@misc{same, title = {T}, year = {2020}}\n').join('');
    const steps = (n: number) => arraySteps(() => parseBibtex(file(n), 'same.bib'));
    expect(steps(4_000) / steps(1_000)).toBeLessThan(5);
    const library = loadLibrary([{ path: 'same.bib', text: file(1_000) }]);
    expect(library.diagnostics.filter((d) => d.code === 'duplicate-key').map((d) => d.location?.line)).toEqual(Array.from({ length: 999 }, (_, i) => i + 2));
    // So did the check of keys differing in case, and of entries sharing a DOI.
    const sharing = (n: number) => loadLibrary([{ path: 'shared.bib', text: Array.from({ length: n }, (_, i) => `@misc{${i % 2 ? 'k' : 'K'}${i >> 1}, title = {T}, year = {2020}, doi = {10.1000/same}}\n`).join('') }]);
    const checking = (n: number) => {
      const shared = sharing(n);
      return arraySteps(() => checkLibrary(shared));
    };
    expect(checking(4_000) / checking(1_000)).toBeLessThan(5);
  });

  it('names braces nested thousands deep as the reason an entry cannot be read, and reads the rest', () => {
    const deep = `@article{deep, title = {T}, abstract = {${'{'.repeat(5_000)}x${'}'.repeat(5_000)}}, year = {2020}}`;
    const parsed = parseBibtex(`@article{before, title = {B}, year = {2020}}\n${deep}\n@article{after, title = {A}, year = {2020}}`, 'deep.bib');
    expect(parsed.entries.map((entry) => entry.key)).toEqual(['before', 'after']);
    // It said "Maximum call stack size exceeded".
    expect(parsed.diagnostics.map((d) => [d.code, d.key, d.location?.line, d.message])).toEqual([
      ['invalid-bibtex', 'deep', 2, 'BibTeX entry "deep" could not be read: its braces nest 5,002 deep, more than can be read (no reference needs more than a few levels)'],
    ]);
  });

  it('reads a long circle of crossrefs entry by entry once, reporting each', () => {
    // Each entry of a circle of 300 was read again with the rest of the circle, each read following it
    // round: about 15 s (1,000 entries: more than 90 s), with no word about the circle.
    const text = Array.from({ length: 300 }, (_, i) => `@inproceedings{c${i}, title = {T${i}}, author = {Doe, Jane}, year = {2020}, crossref = {c${(i + 1) % 300}}}`).join('\n');
    const parsed = parseBibtex(text, 'long-circle.bib');
    expect(parsed.entries).toHaveLength(300);
    expect(parsed.diagnostics).toHaveLength(300);
    expect(parsed.diagnostics[0]!.message).toContain('("c0" → "c1" → "c2" → … (300 entries) → "c0")');
  });

  it("knows a broken entry's key, so citing it gives the entry's own error rather than a shorter key's", () => {
    const library = loadLibrary([{ path: 'broken.bib', text: "@article{smith's,\n  title {Quoted},\n}\n" }]);
    expect(library.has("smith's")).toBe(true);
    expect(library.has('smith')).toBe(false);
  });

  it('reads a key with a zero-width space pasted into it as the key it looks like, with a warning, and names a space in a key', () => {
    const parsed = parseBibtex('@article{smith\u200B2020, author = {Smith, Ann}, title = {T}, journal = {J}, year = {2020}}\n@article{doe\u00A02021, author = {Doe, Jo}, title = {T}, journal = {J}, year = {2021}}\n', 'keys.bib');
    expect(parsed.entries.map((entry) => entry.key)).toEqual(['smith2020']);
    expect(parseBibtex('@article{\n  lee\u200B2022,\n  title = {T}, year = {2022}}', 'next-line.bib').entries.map((entry) => entry.key)).toEqual(['lee2022']);
    expect(parseBibtex('@article{\u200B, title = {T}, year = {2022}}', 'empty.bib').diagnostics.map((d) => d.code)).toEqual(['invalid-bibtex']);
    expect(parsed.diagnostics.map((d) => [d.code, d.severity, d.location?.line, d.message])).toEqual([
      ['invisible-character', 'warning', 1, 'The key "smith2020" is written with characters that cannot be seen (a zero-width space or soft hyphen); they were taken out, so that @smith2020 cites it'],
      ['invalid-bibtex', 'error', 2, 'The key "doe\u00A02021" of this BibTeX @article entry has a space in it (a no-break space)'],
    ]);
    expect(parsed.diagnostics[1]!.hint).toBe('A key is one word: write it without the space, e.g. doe2021.');
  });

  it('names a key without its comma, and reports that error where the key is cited, not an unknown key', () => {
    const library = loadLibrary([{ path: 'references/knee.bib', text: '@article{skou2015total\n  author = {Skou, Søren T.},\n  title = {A trial of total knee replacement},\n  year = 2015\n}\n' }]);
    expect(library.diagnostics.map((d) => [d.code, d.location?.line, d.message, d.hint])).toEqual([[
      'invalid-bibtex', 1, 'The key "skou2015total" of this BibTeX @article entry is not followed by a comma, so the entry cannot be read', 'Write the key right after the opening brace, followed by a comma: @article{skou2015total, …}.',
    ]]);
    expect(library.resolve('skou2015total')).toMatchObject({ diagnostic: { code: 'invalid-bibtex', location: { file: 'references/knee.bib', line: 1 } } });
  });

  it('reads a very long key full of invisible characters and without its comma at once (the key pattern backtracked over it: 25 s for 80 KB)', () => {
    const parsed = parseBibtex(`@article{${'a\u200B'.repeat(100_000)}\n  title = {T}\n}\n@article{next, title = {N}, year = {2020}}\n`, 'long.bib');
    expect(parsed.entries.map((entry) => entry.key)).toEqual(['next']);
  });

  it('prints a work not yet published as in press or forthcoming in every bundled style, however the file says so', () => {
    const library = loadLibrary([{ path: 'pending.bib', text: [
      '@article{year, author = {Doe, Jane}, title = {Yoga for back pain}, journal = {Pain}, year = {in press}}',
      '@article{note, author = {Doe, Jane}, title = {Tai chi for knee pain}, journal = {Lancet}, note = {In press.}}',
      '@article{pubstate, author = {Doe, Jane}, title = {Massage for neck pain}, journaltitle = {BMJ}, date = {2027}, pubstate = {inpress}}',
      '@article{forthcoming, author = {Doe, Jane}, title = {Heat for back pain}, journal = {BMJ}, year = {2027}, pubstate = {forthcoming}}',
      '@article{noted, author = {Doe, Jane}, title = {Cold for back pain}, journal = {BMJ}, year = {2020}, note = {In press at the time of writing}}',
      '@article{both, author = {Roe, Sam}, title = {Rest for back pain}, journal = {Pain}, year = {In Press}, pubstate = {inpress}}',
    ].join('\n') }]);
    const texts = (style: Parameters<typeof bundledStyle>[0]) => {
      const formatter = new CitationFormatter(library, bundledStyle(style));
      return [...library.entries.keys()].map((key) => formatter.entry(key)!.text);
    };
    expect(texts('american-medical-association')).toEqual([
      'Doe J. Yoga for back pain. Pain. In press.',
      'Doe J. Tai chi for knee pain. Lancet. In press.',
      'Doe J. Massage for neck pain. BMJ. In press.',
      'Doe J. Heat for back pain. BMJ. Forthcoming.',
      'Doe J. Cold for back pain. BMJ. Published online 2020.',
      'Roe S. Rest for back pain. Pain. In press.',
    ]);
    expect(texts('vancouver')).toEqual([
      'Doe J. Yoga for back pain. Pain. In press.',
      'Doe J. Tai chi for knee pain. Lancet. In press.',
      'Doe J. Massage for neck pain. BMJ. In press 2027.',
      'Doe J. Heat for back pain. BMJ. Forthcoming 2027.',
      'Doe J. Cold for back pain. BMJ. 2020;',
      'Roe S. Rest for back pain. Pain. In press.',
    ]);
    expect([...library.entries.values()].map(incompleteEntry)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(texts('apa').slice(0, 2)).toEqual(['Doe, J. (in press-b). Yoga for back pain. Pain.', 'Doe, J. (in press-a). Tai chi for knee pain. Lancet.']);
  });

  it('prints a conference paper without a publisher in AMA without a stray semicolon', () => {
    const library = loadLibrary([{ path: 'conference.bib', text: '@inproceedings{lee2019, author = {Lee, Kim}, title = {Acupuncture in primary care}, booktitle = {Proceedings of the World Congress on Pain}, year = {2019}, pages = {12--15}}' }]);
    const formatter = new CitationFormatter(library, bundledStyle('american-medical-association'));
    expect(formatter.entry('lee2019')!.text).toBe('Lee K. Acupuncture in primary care. In: Proceedings of the World Congress on Pain. 2019:12-15.');
  });

  it('keeps the identifier and page of an arXiv preprint, which citation-js drops, and leaves a published article that names one as it is', () => {
    const text = [
      '@misc{prefix, author = {Lee, Kim}, title = {Learning pain trajectories}, year = {2021}, eprint = {2101.00001}, archivePrefix = {arXiv}, primaryClass = {cs.LG}}',
      '@online{eprinttype, author = {Lee, Kim}, title = {Pain in the wild}, date = {2022}, eprinttype = {arxiv}, eprint = {2202.00002v2}}',
      '@unpublished{inline, author = {Lee, Kim}, title = {Old style}, note = {Preprint}, year = {1999}, eprint = {arXiv:hep-th/9901001}}',
      '@article{published, author = {Lee, Kim}, title = {Published}, journal = {Pain}, year = {2023}, doi = {10.1000/1}, eprint = {2301.00003}, archivePrefix = {arXiv}}',
      '@misc{other, author = {Lee, Kim}, title = {Other server}, year = {2023}, eprint = {hal-0123}, eprinttype = {hal}}',
      '@misc{category, author = {Lee, Kim}, title = {With its category}, year = {2020}, eprint = {arXiv:2101.00006 [cs.LG]}}',
      '@misc{oldcategory, author = {Lee, Kim}, title = {Old with a category}, year = {2003}, eprint = {cond-mat.stat-mech/0309136}, archivePrefix = {arXiv}}',
    ].join('\n');
    const library = loadLibrary([{ path: 'preprints.bib', text }]);
    const item = (key: string) => library.entries.get(key)!.item;
    expect(['prefix', 'eprinttype', 'inline'].map((key) => [item(key).type, item(key).number, item(key).URL])).toEqual([
      ['article', 'arXiv:2101.00001', 'https://arxiv.org/abs/2101.00001'],
      ['article', 'arXiv:2202.00002v2', 'https://arxiv.org/abs/2202.00002v2'],
      ['article', 'arXiv:hep-th/9901001', 'https://arxiv.org/abs/hep-th/9901001'],
    ]);
    expect(['prefix', 'eprinttype', 'inline'].map((key) => incompleteEntry(library.entries.get(key)!))).toEqual([undefined, undefined, undefined]);
    expect(referenceLinks(item('prefix'))).toEqual([{ label: 'arXiv', href: 'https://arxiv.org/abs/2101.00001' }]);
    expect([item('category').URL, item('oldcategory').URL]).toEqual(['https://arxiv.org/abs/2101.00006', 'https://arxiv.org/abs/cond-mat.stat-mech/0309136']);
    expect([item('published').type, item('published').URL, item('other').type, item('other').URL]).toEqual(['article-journal', undefined, 'document', undefined]);
    const formatter = new CitationFormatter(library, bundledStyle('apa'));
    expect(formatter.entry('prefix')!.text).toBe('Lee, K. (2021). Learning pain trajectories (arXiv:2101.00001). arXiv. https://arxiv.org/abs/2101.00001');
    expect(new CitationFormatter(library, bundledStyle('american-medical-association')).entry('prefix')!.text).toBe('Lee K. Learning pain trajectories. arXiv. Preprint posted online 2021. https://arxiv.org/abs/2101.00001');
  });

  it('reads an @article that is a preprint as one: INSPIRE\'s empty journal, and the identifier Google Scholar and Zotero write as the journal', () => {
    const library = loadLibrary([{ path: 'preprints.bib', text: [
      '@article{Dorigo:2022gqm, author = "Dorigo, Tommaso", title = "{Toward the End-to-End Optimization of Particle Physics Instruments}", eprint = "2203.13818", archivePrefix = "arXiv", primaryClass = "physics.ins-det", journal = "", month = "3", year = "2022"}',
      '@article{zotero, author = {Ferigo, Diego}, title = {Something}, journal = {arXiv:2107.05616 [cs, eess]}, note = {arXiv: 2107.05616}, year = {2021}}',
      '@article{scholar, title = {Deep learning}, author = {Smith, A}, journal = {arXiv preprint arXiv:1803.02250}, year = {2018}}',
      '@article{published, title = {Published}, author = {Smith, A}, journal = {Nature}, volume = {1}, pages = {1--2}, year = {2018}, eprint = {1803.02250}, archivePrefix = {arXiv}}',
    ].join('\n') }]);
    const ama = new CitationFormatter(library, bundledStyle('american-medical-association'));
    expect(library.all().map((entry) => ama.entry(entry.key)!.text)).toEqual([
      'Dorigo T. Toward the End-to-End Optimization of Particle Physics Instruments. arXiv. Preprint posted online March 2022. https://arxiv.org/abs/2203.13818',
      'Ferigo D. Something. arXiv. Preprint posted online 2021. https://arxiv.org/abs/2107.05616',
      'Smith A. Deep learning. arXiv. Preprint posted online 2018. https://arxiv.org/abs/1803.02250',
      'Smith A. Published. Nature. 2018;1:1-2.',
    ]);
    expect(library.all().map((entry) => incompleteEntry(entry))).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('names theses, reports and patents in words, as pandoc reads the same file', () => {
    const text = [
      '@phdthesis{lee2015, author = {Lee, Kim}, title = {Exercise for knee pain}, school = {University of Leeds}, year = {2015}}',
      '@mastersthesis{roe2018, author = {Roe, Sam}, title = {Acupuncture in primary care}, school = {University of York}, year = {2018}}',
      '@thesis{kay2020, author = {Kay, Lou}, title = {Yoga for back pain}, institution = {University of Bath}, type = {bathesis}, year = {2020}}',
      '@thesis{ash2019, author = {Ash, Jo}, title = {Massage}, institution = {University of Kent}, type = {Doctoral dissertation}, year = {2019}}',
      '@report{nice2016, title = {Low back pain and sciatica in over 16s}, institution = {NICE}, type = {techreport}, year = {2016}}',
      '@patent{kim2017, author = {Kim, Lee}, title = {A brace}, type = {patentus}, number = {123}, year = {2017}}',
      '@misc{rcore2024, author = {{R Core Team}}, title = {R}, type = {software}, year = {2024}}',
    ].join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'genre-'));
    writeFileSync(join(dir, 'types.bib'), text);
    const pandoc = JSON.parse(execFileSync('pandoc', ['-f', 'biblatex', '-t', 'csljson', join(dir, 'types.bib')], { encoding: 'utf8' })) as { id: string; genre?: string }[];
    const library = loadLibrary([{ path: 'types.bib', text }]);
    expect(Object.fromEntries([...library.entries].map(([key, entry]) => [key, entry.item.genre]))).toEqual(Object.fromEntries(pandoc.map((item) => [item.id, item.genre])));
    const formatter = new CitationFormatter(library, bundledStyle('apa'));
    expect(formatter.entry('lee2015')?.text).toBe('Lee, K. (2015). Exercise for knee pain [PhD thesis]. University of Leeds.');
  });
});

describe('large and broken libraries', () => {
  it('reads 10,000 entries (over 1 MB) and reports each bad entry at its line while reading all the others', () => {
    const parts = Array.from({ length: 10_000 }, (_, i) => entry(i));
    parts[10] = parts[10]!.replace('title = {Trial {10}', 'title = {Trial {{10}'); // unbalanced brace
    parts[5_000] = parts[5_000]!.replace('journal = {J Pain},\n', 'journal = {J Pain}\n'); // missing comma
    parts[9_999] = '@article{\n  title = {No key},\n}\n'; // no key
    const text = parts.join('');
    expect(text.length).toBeGreaterThan(1_000_000);
    const { entries, diagnostics: all } = parseBibtex(text, 'big.bib');
    expect(entries).toHaveLength(9_997);
    // Every generated entry ends its authors in "and others", which is warned about.
    const diagnostics = all.filter((d) => d.code !== 'incomplete-entry');
    const lineOf = (i: number) => parts.slice(0, i).join('').split('\n').length;
    expect(diagnostics.map((d) => [d.code, d.key, d.location!.line])).toEqual([
      ['invalid-bibtex', undefined, lineOf(9_999)],
      ['invalid-bibtex', 'key10', lineOf(10)],
      ['invalid-bibtex', 'key5000', lineOf(5_000) + 4], // the year line, where the missing comma shows
    ]);
    expect(diagnostics[1]!.message).toMatch(/its braces do not balance/u);
    expect(diagnostics[2]!.message).toMatch(/^BibTeX entry "key5000" could not be read: /u);
    expect(entries[9_996]!.location.line).toBe(lineOf(9_998));
  });

  it.each([
    ['an empty file', ''],
    ['only comments', '% nothing here\n@comment{x}\n'],
    ['binary noise', '\u0000\u0001@@@{{{\uFFFD'.repeat(1000)],
    ['braces nested 50,000 deep', `@article{deep, title = ${'{'.repeat(50_000)}x${'}'.repeat(50_000)}}\n`],
    ['a field of 2 MB', `@article{long, title = {${'a'.repeat(2_000_000)}}}\n`],
    ['an entry that never closes', '@article{open, title = {x\n'.repeat(200)],
    ['a value of 100,000 LaTeX commands', `@book{r, title = {${'\\ab'.repeat(100_000)} \\href{x}}}\n`],
    ['a line of 200,000 spaces after an entry', `@article{a, title = {A}}\n${' '.repeat(200_000)}x = 1\n}\n`],
    ['100,000 misspelt fields', `@article{many, ${'titel = {x}, '.repeat(100_000)}}\n`],
    ['100,000 names without values', `@article{names, ${'a = '.repeat(100_000)}}\n`],
    ['a quoted value that never closes', `@article{quote, title = "${'{x} # '.repeat(100_000)}\n`],
  ])('survives %s: diagnostics, never an exception', (_name, text) => {
    const library = loadLibrary([{ path: 'odd.bib', text }]);
    for (const diagnostic of library.diagnostics) expect(diagnostic.location?.file).toBe('odd.bib');
  });

  it('shows terminal escape sequences in keys and values as text, never sends them to the terminal', () => {
    const key = 'evil\u001b]0;pwned\u0007\u001b[2J';
    const library = loadLibrary([{ path: 'evil.bib', text: `@article{${key},\n  title = {A},\n  year = 2020,\n}\n@article{${key},\n  title = {B},\n  year = 2020,\n}\n` }]);
    const printed = library.diagnostics.map(formatDiagnostic).join('\n');
    expect(printed).toContain('evil\\u001b]0;pwned\\u0007\\u001b[2J');
    expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u);
  });

  it('refs check reports a broken file with file and line, never a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'refs-messy-'));
    const file = join(dir, 'broken.bib');
    writeFileSync(file, `${entry(1)}@article{bad, title = {x}\n${entry(2)}@article{deep, title = ${'{'.repeat(20_000)}}\n`);
    const lines: string[] = [];
    const status = await main(['check', '--root', dir, file], (t) => lines.push(t), (t) => lines.push(t));
    const output = lines.join('\n');
    expect(status).toBe(1);
    expect(output).toMatch(/^broken\.bib:11:1: error: BibTeX entry "bad" could not be read/mu);
    expect(output).toMatch(/^broken\.bib:22:1: error: BibTeX entry "deep" could not be read/mu);
    expect(output).not.toMatch(/^\s+at /mu);
  });
});

describe('field text as readers and search expect it', () => {
  it("composes {\\'\\i} into í, turns TeX spaces into spaces, and drops control characters and bidi overrides, from every reader", () => {
    const library = loadLibrary([
      { path: 'references/refs.bib', text: String.raw`@article{garcia2020, author = {Garc{\'\i}a, Luis and Mart{\'{\i}}nez, Ana}, title = {Doses of 5\,mg and 10\;mg, a\ trial}, journal = {J}, year = {2020}}` },
      { path: 'references/items.json', text: JSON.stringify([{ id: 'spoof', type: 'article-journal', title: 'Bell\u0007 and NUL\u0000 in a title', author: [{ family: 'Smith\u202Eevil', given: 'John' }] }]) },
    ]);
    const garcia = library.entries.get('garcia2020')!.item;
    expect(garcia.author!.map((name) => name.family)).toEqual(['Garc\u00EDa', 'Mart\u00EDnez']);
    expect(garcia.title).toBe('Doses of 5\u202Fmg and 10 mg, a trial');
    const spoof = library.entries.get('spoof')!.item;
    expect([spoof.title, spoof.author![0]!.family]).toEqual(['Bell and NUL in a title', 'Smithevil']);
  });
});

describe('author lists cut short', () => {
  it('"and others" prints "et al" after the names written, in every bundled style, in narrative citations and in the BibTeX download', () => {
    const library = loadLibrary([{ path: 'scholar.bib', text: [
      '@article{krupa, author = {Krupa, Jeffrey and others}, title = {GPU coprocessors}, journal = {Comput Softw Big Sci}, volume = 5, pages = {1--10}, year = 2021}',
      '@article{vickers, author = {Vickers, Andrew J. and Vertosick, Emily A. and Lewith, George and others}, title = {Acupuncture}, journal = {J Pain}, volume = 19, pages = {455--474}, year = 2018}',
      '@book{edited, editor = {Melzack, Ronald and others}, title = {Pain Measurement}, publisher = {Raven Press}, year = 1983}',
    ].join('\n') }]);
    const texts = (style: Parameters<typeof bundledStyle>[0]) => library.all().map((entry) => new CitationFormatter(library, bundledStyle(style)).entry(entry.key)!.text);
    expect(texts('american-medical-association')).toEqual([
      'Krupa J, et al. GPU coprocessors. Comput Softw Big Sci. 2021;5:1-10.',
      'Vickers AJ, Vertosick EA, Lewith G, et al. Acupuncture. J Pain. 2018;19:455-474.',
      'Melzack R, et al., eds. Pain Measurement. Raven Press; 1983.',
    ]);
    expect(texts('vancouver')[0]).toBe('Krupa J, et al. GPU coprocessors. Comput Softw Big Sci. 2021;5:1–10.');
    const apa = new CitationFormatter(library, bundledStyle('apa'));
    expect(apa.entry('vickers')!.text).toBe('Vickers, A. J., Vertosick, E. A., Lewith, G., et al. (2018). Acupuncture. J Pain, 19, 455–474.');
    expect(apa.cite({ key: 'krupa' })).toBe('Krupa et al., 2021');
    expect(library.all().map((entry) => authorLabel(entry.item))).toEqual(['Krupa et al', 'Vickers et al', 'Melzack et al']);
    const bib = toBibtex(library.all().map((entry) => entry.item));
    expect(bib).toContain('author = {Krupa, Jeffrey and others},');
    expect(bib).toContain('editor = {Melzack, Ronald and others},');
    expect(loadLibrary([{ path: 'back.bib', text: bib }]).all().map((entry) => authorLabel(entry.item))).toEqual(['Krupa et al', 'Vickers et al', 'Melzack et al']);
  });
});

describe('names that are no names', () => {
  it('reads "et al" however it is typed into a BibTeX name list as "et al", not as a person, and reports names it cannot read', () => {
    const library = loadLibrary([{ path: 'etal.bib', text: [
      '@article{natural, author = {K. A. Olive et al.}, title = {T}, journal = {J}, year = 2020}',
      '@article{dotted, author = {Asakimori, K. et.al.}, title = {T}, journal = {J}, year = 2020}',
      '@article{endnote, author = {Smith, J. and et, a. l.}, title = {T}, journal = {J}, year = 2020}',
      '@article{swapped, author = {Smith, J. and al, et}, title = {T}, journal = {J}, year = 2020}',
      '@article{typed, author = {Smith, J. and et al.}, title = {T}, journal = {J}, year = 2020}',
      '@article{unreadable, author = {Doe=1, Jane and Roe, Ann}, title = {T}, journal = {J}, year = 2020}',
    ].join('\n') }]);
    const ama = new CitationFormatter(library, bundledStyle('american-medical-association'));
    expect(library.all().map((entry) => ama.entry(entry.key)!.text.split('. T.')[0])).toEqual(['Olive KA, et al', 'Asakimori K, et al', 'Smith J, et al', 'Smith J, et al', 'Smith J, et al', 'Roe A']);
    expect(library.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.location?.line, diagnostic.message])).toEqual([
      ['incomplete-entry', 5, '"typed": the author list ends in "and et al.", so the reference names those written, then "et al"'],
      ['incomplete-entry', 6, '"unreadable": a name in the author list could not be read as a name, so the reference leaves it out'],
    ]);
  });
});

describe('hyphenated family names', () => {
  it('keep their hyphens, with TeX accents too, where citation-js made a particle of their first part', () => {
    const library = loadLibrary([{ path: 'names.bib', text: String.raw`@article{a, author = {Correa-de-Araujo, R. and {\'A}lvarez-Gonz{\'a}lez, Mar{\'i}a and Ortiz-de-Z{\'a}rate, C. and van der Esch, M. and De la Cruz, Maria}, title = {T}, journal = {J}, year = 2020}` }]);
    const names = library.entries.get('a')!.item.author!;
    expect(names.map((name) => [name['non-dropping-particle'], name.family])).toEqual([
      [undefined, 'Correa-de-Araujo'], [undefined, 'Álvarez-González'], [undefined, 'Ortiz-de-Zárate'], ['van der', 'Esch'], ['De la', 'Cruz'],
    ]);
    expect(new CitationFormatter(library, bundledStyle('american-medical-association')).entry('a')!.text).toBe('Correa-de-Araujo R, Álvarez-González M, Ortiz-de-Zárate C, van der Esch M, De la Cruz M. T. J. Published online 2020.');
  });
});

describe('dates that are no dates', () => {
  it('reads date parts written as one list or as text, leaves out impossible months and days with a warning, and the downloads take what is left', () => {
    const library = loadLibrary([
      { path: 'references/dates.json', text: JSON.stringify([
        { id: 'flat', type: 'article-journal', title: 'T', issued: { 'date-parts': [2020] } },
        { id: 'text', type: 'article-journal', title: 'T', issued: { 'date-parts': '2020' } },
        { id: 'strings', type: 'article-journal', title: 'T', issued: { 'date-parts': [['2020', '05']] } },
        { id: 'words', type: 'article-journal', title: 'T', issued: { 'date-parts': [['spring']] } },
        { id: 'season', type: 'article-journal', title: 'T', issued: { 'date-parts': [[2020, 13]] } },
      ]) },
      { path: 'references/dates.bib', text: '@article{day45, title = {T}, date = {2020-13-45}}\n@article{month13, title = {T}, year = {2020}, month = {13}}\n@article{year, title = {T}, year = {99999}}\n@article{feb30, title = {T}, date = {2020-02-30}}\n@article{leap, title = {T}, date = {2020-02-29}}\n@article{range, title = {T}, date = {2020-02-01/2019}}\n' },
    ]);
    const issued = Object.fromEntries(library.all().map((entry) => [entry.key, entry.item.issued]));
    expect(issued).toEqual({
      flat: { 'date-parts': [[2020]] }, text: { 'date-parts': [[2020]] }, strings: { 'date-parts': [[2020, 5]] }, words: undefined, season: { 'date-parts': [[2020, 13]] },
      day45: { 'date-parts': [[2020]] }, month13: { 'date-parts': [[2020]] }, year: undefined, feb30: { 'date-parts': [[2020, 2]] }, leap: { 'date-parts': [[2020, 2, 29]] }, range: { 'date-parts': [[2020, 2, 1]] },
    });
    expect(library.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.location?.line, diagnostic.message])).toEqual([
      ['invalid-date', 1, '"day45": date 2020-13-45: there is no month 13, so the reference gives 2020'],
      ['invalid-date', 2, '"month13": date 2020-13: there is no month 13, so the reference gives 2020'],
      ['invalid-date', 3, '"year": date 99999: 99999 is not a year, so it is left out of the reference'],
      ['invalid-date', 4, '"feb30": date 2020-02-30: month 2 has no day 30, so the reference gives 2020-02'],
      ['invalid-date', 6, '"range": date 2020-02-01/2019: the end of the range is not written like its start, so the reference gives 2020-02-01'],
      ['invalid-date', 1, '"words": issued {"date-parts":[["spring"]]}: its date-parts are not numbers such as [[2020, 5, 1]], so it is left out of the reference'],
    ]);
    const items = library.all().map((entry) => entry.item);
    expect(toBibtex(items)).toContain('@article{flat,');
    expect(toRis(items)).toContain('DA  - 2020/05');
    const ama = new CitationFormatter(library, bundledStyle('american-medical-association'));
    expect(ama.entry('day45')!.text).toContain('2020');
    expect(ama.formatEveryEntry()).toEqual([]); // citeproc failed on the range ("element mismatch")
  });

  it('keeps the start of an open-ended range, as BibLaTeX and Zotero write one, where the whole date was left out', () => {
    const library = loadLibrary([
      { path: 'references/open.bib', text: '@book{living, author = {Doe, John}, title = {T}, publisher = {P}, date = {2014-12-31/}}\n@online{site, author = {{WHO}}, title = {T}, url = {https://who.int}, date = {2019/}}\n' },
      { path: 'references/open.json', text: JSON.stringify([{ id: 'zotero', type: 'book', title: 'T', publisher: 'P', issued: { 'date-parts': [[2014, 12, 31], [0]] } }]) },
    ]);
    const issued = Object.fromEntries(library.all().map((entry) => [entry.key, entry.item.issued]));
    expect(issued).toEqual({ living: { 'date-parts': [[2014, 12, 31]] }, site: { 'date-parts': [[2019]] }, zotero: { 'date-parts': [[2014, 12, 31]] } });
    expect(library.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      '"living": date 2014-12-31/: the range has no end, so the reference gives 2014-12-31',
      '"site": date 2019/: the range has no end, so the reference gives 2019',
      '"zotero": issued 2014-12-31/: the range has no end, so the reference gives 2014-12-31',
    ]);
    expect(new CitationFormatter(library, bundledStyle('american-medical-association')).entry('living')!.text).toBe('Doe J. T. P; 2014.');
  });
});

describe('CSL-JSON fields of the wrong kind', () => {
  it('reads numbers as text, drops nulls and leaves out what is not text, with a warning, instead of failing the build', () => {
    const library = loadLibrary([{ path: 'references/items.json', text: JSON.stringify([
      { id: 'numbers', type: 'article-journal', title: 1984, author: [{ family: 42, given: null }], issued: null, volume: 3, 'container-title': ['Pain', 'Supplement'] },
      { id: 'objects', type: 'book', title: { text: 'T' }, issued: { year: 2020 } },
    ], null, 1) }]);
    expect(library.entries.get('numbers')!.item).toEqual({ id: 'numbers', type: 'article-journal', title: '1984', author: [{ family: '42' }], volume: '3', 'container-title': 'Pain, Supplement' });
    expect(library.diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.message])).toEqual([
      ['warning', '"objects": title is an object, not text, so it is left out of the reference'],
      ['warning', '"objects": issued {"year":2020}: it is not a date such as { "date-parts": [[2020, 5, 1]] } or "2020-05-01", so it is left out of the reference'],
    ]);
    const formatter = new CitationFormatter(library, bundledStyle('american-medical-association'));
    expect(formatter.entry('numbers')!.text).toContain('1984');
    expect(formatter.entry('objects')).toBeDefined();
    expect(formatter.diagnostics).toEqual([]);
  });
});

describe('CSL-JSON from Zotero without citation keys', () => {
  it('warns that an item known only by its Zotero address cannot be cited, and how to give it a key', () => {
    const library = loadLibrary([{ path: 'references/zotero.json', text: JSON.stringify([
      { id: 'http://zotero.org/users/local/abc/items/ABC', type: 'article-journal', title: 'No key' },
      { id: 'http://zotero.org/users/local/abc/items/DEF', 'citation-key': 'keyed2020', type: 'article-journal', title: 'Keyed' },
    ]) }]);
    expect(library.diagnostics.map(formatDiagnostic)).toEqual([
      'references/zotero.json:1:8: warning: CSL-JSON item "http://zotero.org/users/local/abc/items/ABC" has no citation key, and its id is an address, which an article cannot cite [invalid-csl-json]\n'
      + '  hint: Give it a key: add "citation-key": "smith2020" to the item, or set the Citation Key field in Zotero 7 (or Better BibTeX) and export again.',
    ]);
    expect(library.has('keyed2020')).toBe(true);
  });
});

describe('@string macros', () => {
  it('warns at the field when a value names a macro the file does not define, which BibTeX readers leave out', () => {
    const { entries, diagnostics } = parseBibtex('@string{jp = {J Pain}}\n@article{defined, author = {Doe, Jane}, title = {T}, journal = jp # { Suppl}, month = jan, year = 2020}\n@article{missing, author = {Doe, Jane}, title = {T},\n  journal = jpian, year = 2020}\n', 'refs.bib');
    expect(entries[0]!.item['container-title']).toBe('J Pain Suppl');
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'refs.bib:4:3: warning: "missing": field "journal" uses the @string macro "jpian", which this file does not define, so the field is left out of the reference [unknown-field]\n'
      + '  hint: Define it before the entry, @string{jpian = {…}}, or write the value in braces: journal = {…}.',
    ]);
  });
});
