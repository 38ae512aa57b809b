import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../../src/citations/bibtex.ts';
import { CitationFormatter, loadLibrary, referenceLinks } from '../../src/citations/index.ts';
import { bundledStyle } from '../citations/helpers.ts';
import { readerNote } from '../../src/site/reader-note.ts';

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

describe('Zotero exports', () => {
  it('decodes the HTML entities a title saved from a web page keeps ("for\\&nbsp;research"), which were printed as written', () => {
    const { entries } = parseBibtex(fixture('zotero.bib').text, 'zotero.bib');
    expect(entries[0]!.item.title).toBe('Towards FAIR principles for\u00A0research\u00A0software');
    expect(formatted('zotero.bib', 'lamprecht_towards_2019', 'american-medical-association')).toContain('Towards FAIR principles for research software. Data Science.');
  });

  it('reads braces a user typed into Zotero (exported as `\\{DNA\\}`) as the case protection they were typed as, not as text', () => {
    const { entries } = parseBibtex(fixture('zotero.bib').text, 'zotero.bib');
    expect(entries[1]!.item.author).toEqual([{ family: 'Canada', given: 'Environment and Climate Change' }]);
    const text = '@article{a, author = {Doe, Jane}, title = {\\{DNA\\} repair in \\{COVID\\}-19}, journal = {J}, year = 2020}';
    expect(parseBibtex(text, 'a.bib').entries[0]!.item.title).toBe('DNA repair in COVID-19');
  });

  it('reads a brace Zotero writes as `\\{\\vphantom{\\}}` (its BibTeX translator, and citation-js, for LaTeX), where the entry was lost', () => {
    // Zotero folds a typed pair into `\\{DNA\\}`; a brace left alone, and citation-js's output, keep the phantom.
    const pair = '@article{pair, author = {Doe, Jane}, title = {\\{\\vphantom{\\}}DNA\\vphantom{\\{}\\} repair}, journal = {J}, year = 2020}';
    const lone = '@article{lone, author = {Doe, Jane}, title = {Scores \\{\\vphantom{\\}}0 to 10}, journal = {J}, year = 2020}';
    const parsed = parseBibtex(`${pair}\n${lone}\n`, 'zotero.bib');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.entries.map((entry) => entry.item.title)).toEqual(['DNA repair', 'Scores {0 to 10']);
  });

  it('reads an arXiv preprint whose journal Zotero\'s BibLaTeX export writes in braced words (`{arXiv} preprint {arXiv}:2210.12090`), where AMA printed "arXiv:221012090" with no link', () => {
    const library = loadLibrary([fixture('zotero-biblatex.bib')]);
    const item = library.entries.get('imrie_autoprognosis_2022')!.item;
    expect([item.type, item.URL, item['container-title']]).toEqual(['article', 'https://arxiv.org/abs/2210.12090', undefined]);
    expect(formatted('zotero-biblatex.bib', 'imrie_autoprognosis_2022', 'american-medical-association')).not.toContain('221012090');
  });

  it('shows no note made of the fields Zotero keeps in Extra ("Number: 1", "Publisher: Nature Publishing Group"), and keeps a remark', () => {
    const library = loadLibrary([fixture('zotero-biblatex.bib')]);
    const item = library.entries.get('lauritsen_framing_2021')!.item;
    expect(item.note).toBe('Number: 1 Publisher: Nature Publishing Group');
    expect(readerNote(item)).toBeUndefined();
    expect(readerNote({ ...item, note: 'Trial stopped early for benefit.' })).toBe('Trial stopped early for benefit.');
  });

  it('keeps what BibTeX writes with an ampersand: "R\\&D", "AT\\&T", an address with "&" in it', () => {
    const text = '@article{a, author = {Doe, Jane}, title = {R\\&D at AT\\&T \\&amp; p \\&lt; 0.05}, journal = {J}, year = 2020, url = {https://a.org/?x=1&y=2&amp;z=3}}';
    const item = parseBibtex(text, 'a.bib').entries[0]!.item;
    expect([item.title, item.URL]).toEqual(['R&D at AT&T & p < 0.05', 'https://a.org/?x=1&y=2&z=3']);
  });
});

describe('Google Scholar exports', () => {
  it('prints an accent over nothing (`\\^{}`, `\\~{}`) as the accent, where "undefined" was printed', () => {
    const { entries } = parseBibtex(fixture('scholar.bib').text, 'scholar.bib');
    expect(entries[0]!.item.title).toBe('A method of solving a convex programming problem with convergence rate O (1/k^ 2) O (1/k2)');
    const text = '@article{a, author = {Doe, Jane}, title = {x\\~{}y, a\\\'{}b and c\\"{}d}, journal = {J}, year = 2020}';
    expect(parseBibtex(text, 'a.bib').entries[0]!.item.title).toBe('x~y, a´b and c¨d');
  });
});

describe('hand-written BibTeX', () => {
  it('reads a web page\'s access date written as its note ("Accessed: 2010-09-30"), which AMA and Vancouver print', () => {
    expect(formatted('handwritten.bib', 'WinNT', 'american-medical-association')).toBe('MS Windows NT Kernel Description. Accessed September 30, 2010. http://web.archive.org/web/20080207010024/http://www.808multimedia.com/winnt/kernel.htm');
    expect(formatted('handwritten.bib', 'WinNT', 'vancouver')).toContain('[cited 2010 Sep 30]');
    const item = parseBibtex(fixture('handwritten.bib').text, 'handwritten.bib').entries[1]!.item;
    expect([item.accessed, item.note]).toEqual([{ 'date-parts': [[2010, 9, 30]] }, undefined]);
  });

  it('links an address written without its scheme, as Cochrane\'s own citation of its Handbook has it', () => {
    const text = '@manual{cochrane, title = {Cochrane Handbook for Systematic Reviews of Interventions version 6.3}, editor = {Higgins, J. P. T. and Thomas, J.}, organization = {Cochrane}, year = {2022}, url = {www.training.cochrane.org/handbook}}';
    const resolution = loadLibrary([{ path: 'a.bib', text }]).resolve('cochrane');
    expect(resolution).toMatchObject({ entry: { item: { URL: 'https://www.training.cochrane.org/handbook' } } });
    const links = 'entry' in resolution ? referenceLinks(resolution.entry.item) : [];
    expect(links).toEqual([{ label: 'Web page', href: 'https://www.training.cochrane.org/handbook' }]);
  });

  it('keeps a note that says more than the access date, and an urldate over the note', () => {
    const text = '@misc{a, title = {T}, url = {https://a.org}, note = {Accessed 2020-01-02 via the archive}}\n@misc{b, title = {T}, url = {https://a.org}, urldate = {2021-03-04}, note = {Accessed: 2020-01-02}}\n';
    const [a, b] = parseBibtex(text, 'a.bib').entries.map((entry) => entry.item);
    expect([a!.accessed, a!.note]).toEqual([undefined, 'Accessed 2020-01-02 via the archive']);
    expect([b!.accessed, b!.note]).toEqual([{ 'date-parts': [[2021, 3, 4]] }, 'Accessed: 2020-01-02']);
  });

  it('links a home page whose tilde is written `\\~{}` to its address, not to "~%7B%7Duno"', () => {
    const library = loadLibrary([fixture('handwritten.bib')]);
    expect(library.resolve('knuthwebsite')).toMatchObject({ entry: { item: { URL: 'http://www-cs-faculty.stanford.edu/~uno/abcde.html' } } });
    expect(formatted('handwritten.bib', 'knuthwebsite', 'american-medical-association')).toContain('http://www-cs-faculty.stanford.edu/~uno/abcde.html');
  });
});

describe('BibLaTeX as written by hand', () => {
  // An article with only its article number, as BibLaTeX's manual and citation guides on GitHub ("`pages =
  // {10--24}` or `eid = {e0042}`") have it written.
  const text = '@article{bmjopen, author = {Doe, Jane}, title = {Winter pressures}, journaltitle = {BMJ Open}, date = {2019-03}, volume = {9}, number = {3}, eid = {e024123}, doi = {10.1136/bmjopen-2018-024123}}';
  const library = loadLibrary([{ path: 'thesis.bib', text }]);
  const format = (style: Parameters<typeof bundledStyle>[0]) => new CitationFormatter(library, bundledStyle(style)).entry('bmjopen')!.text;

  it('prints an article\'s eid where its pages would be, which AMA and Vancouver left out', () => {
    expect(format('american-medical-association')).toContain('BMJ Open. 2019;9(3):e024123.');
    expect(format('vancouver')).toContain('BMJ Open. 2019 Mar;9(3):e024123.');
    expect(format('apa')).toContain('BMJ Open, 9(3), Article e024123.');
  });

  it('keeps the pages of an article that has both, as NASA ADS writes them', () => {
    const both = '@article{ads, author = {Doe, Jane}, title = {T}, journal = {PASA}, year = 2018, volume = 35, eid = {e011}, pages = {e011--e020}}';
    expect(parseBibtex(both, 'ads.bib').entries[0]!.item.page).toBe('e011-e020');
  });
});

describe('NASA ADS exports', () => {
  it('names the field that keeps an AASTeX journal macro as the file writes it, at its line', () => {
    const { diagnostics } = parseBibtex(fixture('ads.bib').text, 'ads.bib');
    expect(diagnostics).toMatchObject([{ code: 'unconverted-latex', key: 'Hancock_Aegean2_2018', location: { line: 7, column: 3 } }]);
    expect(diagnostics[0]!.message).toBe('"Hancock_Aegean2_2018": journal keeps LaTeX (\\pasa) that readers would see as written');
  });
});

describe('LaTeX math in clinical titles', () => {
  it('prints the relations, operators and degrees written in math as their signs, with no unconverted-latex warning', () => {
    const text = '@article{older, author = {Doe, Jane}, title = {Falls in adults aged {$\\geq$}65 years: $\\leq$2 vs $\\geq$3 drugs, 10 $\\pm$ 2 mg, a 2 $\\times$ 2 design at $37^\\circ$C, $\\alpha < 0.05$}, journal = {J}, year = 2020}';
    const parsed = parseBibtex(text, 'a.bib');
    expect(parsed.entries[0]!.item.title).toBe('Falls in adults aged ≥65 years: ≤2 vs ≥3 drugs, 10 ± 2 mg, a 2 × 2 design at 37°C, α< 0.05');
    expect(parsed.diagnostics).toEqual([]);
  });

  it('keeps a command that only starts like one of them (`\\left`, `\\top`) for the unconverted-latex warning', () => {
    const parsed = parseBibtex('@article{a, author = {Doe, Jane}, title = {$\\left( x \\right)$ and $\\top$}, journal = {J}, year = 2020}', 'a.bib');
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['unconverted-latex']);
  });
});

describe('files kept by hand, with comments between entries', () => {
  it('reads every entry when the text between them has an "@" in it (BibTeX\'s own btxdoc.bib, an e-mail address in a % line)', () => {
    const { entries, diagnostics } = parseBibtex(fixture('btxdoc.bib').text, 'btxdoc.bib');
    expect(diagnostics).toEqual([]);
    expect(entries.map((entry) => entry.key)).toEqual(['prime-number-theorem', 'strunk-and-white', 'van-leunen']);
    const text = '% maintained by jane@example.org\n@string{jp = {Journal of Pain}}\n% from the trial office (trials@example.org)\n@article{a, title = {A}, journal = jp, year = 2020}\n% checked by x@example.org\n@article{b, title = {B}, journal = jp, year = 2021}\n';
    const parsed = parseBibtex(text, 'hand.bib');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.entries.map((entry) => [entry.key, entry.item['container-title'], entry.location.line])).toEqual([['a', 'Journal of Pain', 4], ['b', 'Journal of Pain', 6]]);
  });
});

describe('line breaks written for LaTeX', () => {
  it('reads \\\\ and \\newline as a space, as pandoc does, where the backslashes were printed ("Dept. of Medicine\\ University")', () => {
    const text = '@phdthesis{t, author = {Doe, Jane}, title = {Pain after surgery\\\\ a cohort study}, school = {Dept. of Medicine\\\\\nUniversity of Oxford}, year = 2019}\n@book{b, title = {Part 1\\newline Part 2\\\\[2pt] Part 3}, publisher = {P}, year = 2020}\n';
    const parsed = parseBibtex(text, 'thesis.bib');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.entries.map((entry) => [entry.item.title, entry.item.publisher])).toEqual([['Pain after surgery a cohort study', 'Dept. of Medicine University of Oxford'], ['Part 1 Part 2 Part 3', 'P']]);
  });
});

describe('files tidied by bibclean', () => {
  it('reads a control space whose line was wrapped after its backslash (`pp.\\` then a line end) as a space, where the entry was lost', () => {
    const { entries, diagnostics } = parseBibtex(fixture('tugboat.bib').text, 'tugboat.bib');
    expect(diagnostics.filter((d) => d.code === 'invalid-bibtex')).toEqual([]);
    expect(entries.slice(0, 2).map((entry) => [entry.key, entry.location.line])).toEqual([['Eijkhout:TB13-1-75', 7], ['Walden:TB31-2-125', 28]]);
    expect(entries[0]!.item.title).toMatch(/, pp\. 272–276$/u);
  });

  it('reads a control space in a name (`Christina A. L.\\ Thiele`) as a space, where the initial joined the family name ("L. Thiele CA")', () => {
    const library = loadLibrary([fixture('tugboat.bib')]);
    expect(library.entries.get('Thiele:TB14-3-162')!.item.author).toEqual([{ given: 'Christina A. L.', family: 'Thiele' }]);
    expect(formatted('tugboat.bib', 'Thiele:TB14-3-162', 'american-medical-association')).toMatch(/^Thiele CAL\. The future of TeX and TUG\./u);
  });

  it('links the first of the addresses a URL field lists with semicolons across lines, where the link held all of them', () => {
    const library = loadLibrary([fixture('tugboat.bib')]);
    expect(library.entries.get('Anonymous:TB20-1-65')!.item.URL).toBe('https://tug.org/calendar.html');
    const listed = loadLibrary([{ path: 'a.bib', text: '@misc{a, title = {A}, url = {https://a.org/x, https://b.org/y}}\n@misc{b, title = {B}, url = {https://a.org/x;https://b.org/y}}\n' }]);
    expect(['a', 'b'].map((key) => listed.entries.get(key)!.item.URL)).toEqual(['https://a.org/x', 'https://a.org/x;https://b.org/y']);
  });

  it('does not warn about an undefined @string macro in a field no reference shows (`acknowledgement = ack-nhfb`), only where the reader loses something', () => {
    const text = '@Article{Moitra:1979:DAH,\n  author = "Abha Moitra",\n  title = "Hyphenation",\n  journal = j-SPE,\n  year = "1979",\n  acknowledgement = ack-nhfb,\n  bibsource = "http://www.math.utah.edu/pub/tex/bib/typeset.bib",\n}\n';
    expect(parseBibtex(text, 'typeset.bib').diagnostics.map((d) => [d.code, d.location?.line, d.message.replace(/^"[^"]*": /u, '')])).toEqual([['unknown-field', 4, 'field "journal" uses the @string macro "j-SPE", which this file does not define, so the field is left out of the reference']]);
  });

  it('prints a journal with discretionary hyphens and an \\emdash as its name, where AMA printed "Soft\\-ware\\emdash Prac\\-tice"', () => {
    const { entries, diagnostics } = parseBibtex(fixture('typeset.bib').text, 'typeset.bib');
    expect(diagnostics).toEqual([]);
    expect(entries[0]!.item['container-title']).toBe('Software—Practice and Experience');
    expect(formatted('typeset.bib', 'Moitra:1979:DAH', 'american-medical-association')).toContain('Software—Practice and Experience. 1979;9(4):325-337. doi:10.1002/spe.4380090406');
  });

  it('prints the TeX logos, \\slash and italic corrections as their words, where "\\TeX", "Everyone\\/" and "\\slash" were printed', () => {
    const { entries } = parseBibtex(fixture('tugboat.bib').text, 'tugboat.bib');
    expect(entries.map((entry) => entry.item.title)).toEqual([
      'Erratum: Oral TeX, \\tubissue 12(2), pp. 272–276',
      '\\tug 2010 Panel: Don Knuth & Stanford TeX Project members',
      'Calendar',
      'The future of TeX and TUG',
    ]);
    const text = '@book{knuth, author = {Knuth, Donald E.}, title = {The {{\\TeX}book}: {\\LaTeX} for Everyone\\/, \\pdfTeX\\ and \\BibTeX{} input\\slash output, \\LaTeXe}, publisher = {P}, year = 1984}';
    const parsed = parseBibtex(text, 'knuth.bib');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.entries[0]!.item.title).toBe('The TeXbook: LaTeX for Everyone, pdfTeX and BibTeX input/output, LaTeX2ε');
  });
});

describe("BibTeX's own example file", () => {
  it('reads a year written with the \\noopsort sorting trick as the year, which was printed as "\\noopsort1973b1973"', () => {
    const { entries } = parseBibtex(fixture('xampl.bib').text, 'xampl.bib');
    expect(entries.filter((entry) => entry.key !== 'article-minimal').map((entry) => [entry.key, entry.item.issued])).toEqual([
      ['inbook-minimal', { 'date-parts': [[1973]] }],
      ['book-minimal', { 'date-parts': [[1981]] }],
    ]);
    expect(formatted('xampl.bib', 'book-minimal', 'american-medical-association')).toBe('Knuth DE. Seminumerical Algorithms. Addison-Wesley; 1981.');
  });

  it('prints a word kept whole with \\mbox, and text in \\ensuremath, \\text or after \\protect, without the command (printed "\\mboxG-Animal\'s Journal")', () => {
    const { entries, diagnostics } = parseBibtex(fixture('xampl.bib').text, 'xampl.bib');
    expect(diagnostics).toEqual([]);
    expect(entries[0]!.item['container-title']).toBe("G-Animal's Journal");
    // biblatex-examples.bib's kastenholz, with biblatex's breakable hyphen.
    const text = '@article{k, title = {Computation of methodology\\hyphen independent energies in $\\ensuremath{\\geq}$5 \\text{mg} and \\protect\\emph{in vivo}}, journal = {J}, year = 2006}';
    const parsed = parseBibtex(text, 'k.bib');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.entries[0]!.item.title).toBe('Computation of methodology-independent energies in ≥5 mg and <i>in vivo</i>');
  });
});

describe('biblatex packages\' own bibliographies', () => {
  it('names an entry with nothing a style prints by its key, where the reference list showed an empty line', () => {
    expect(['Acc', 'Ael:Ep'].map((key) => formatted('archaeologie.bib', key, 'american-medical-association'))).toEqual(['Acc', 'Aelianus C. Epistulae Rusticae.']);
    const library = loadLibrary([{ path: 'empty.bib', text: '@misc{a<b>&c, note = {}}\n@online{page, url = {https://www.who.int/news-room/fact-sheets}}\n' }]);
    const vancouver = new CitationFormatter(library, bundledStyle('vancouver'));
    expect(['a<b>&c', 'page'].map((key) => vancouver.entry(key)!.html)).toEqual(['a&#60;b&#62;&#38;c', expect.stringContaining('https://www.who.int/news-room/fact-sheets')]);
  });
});

describe('a dollar sign that is money, not math', () => {
  it('reads a field with a lone "$" (a price, a catalogue\'s "$r") as text, where the whole entry was lost ("expected "text", got EOF")', () => {
    const { entries, diagnostics } = parseBibtex(fixture('texbook3.bib').text, 'texbook3.bib');
    expect(diagnostics).toEqual([]);
    expect(entries.map((entry) => [entry.key, entry.location.line])).toEqual([['Anonymous:2017:CMS', 8]]);
    expect(formatted('texbook3.bib', 'Anonymous:2017:CMS', 'american-medical-association')).toBe('Anonymous. The Chicago Manual of Style. 17th ed. University of Chicago Press; 2017:xvi + 1144.');
    const text = '@article{cost, author = {Doe, Jane}, title = {Costs of US$500 per course of care}, journal = {J}, year = 2020, abstract = {Care cost $500 per patient.}}\n@article{math, title = {Pairs $\\alpha$ and $x$ stay math}, year = 2021}\n';
    const parsed = parseBibtex(text, 'money.bib');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.entries.map((entry) => [entry.item.title, entry.item.abstract])).toEqual([['Costs of US$500 per course of care', 'Care cost $500 per patient.'], ['Pairs α and x stay math', undefined]]);
  });
});

describe('Scopus exports', () => {
  it('reads the article number, journal abbreviation and PMID Scopus writes as art_number, abbrev_source_title and pubmed_id, which were dropped', () => {
    expect(formatted('scopus.bib', 'Steblinski2022', 'american-medical-association')).toBe('Steblinski P, Blachowicz T, Ehrmann A. Analysis of the energy distribution of iron nano-spheres for bit-patterned media. J Magn Magn Mater. 2022;562:169805. doi:10.1016/j.jmmm.2022.169805');
    const library = loadLibrary([{ path: 'scopus.bib', text: '@ARTICLE{Smith2020,\nauthor={Smith, J.},\ntitle={Acupuncture for pain},\njournal={Journal of Pain},\nyear={2020},\npubmed_id={32000000},\nabbrev_source_title={J. Pain},\ndocument_type={Article},\nsource={Scopus},\n}\n' }]);
    const resolution = library.resolve('Smith2020');
    expect('entry' in resolution && referenceLinks(resolution.entry.item).map((link) => link.label)).toEqual(['PubMed']);
  });
});

describe('Web of Science exports', () => {
  it('reads the article number and journal abbreviation Web of Science writes as Article-Number and Journal-ISO, which were dropped', () => {
    expect(formatted('wos.bib', 'WOS:001012921200001', 'american-medical-association')).toContain('2023;161:107037. doi:10.1016/j.compbiomed.2023.107037');
    const text = '@article{ WOS:1,\nAuthor = {Li, A},\nTitle = {Example},\nJournal = {JOURNAL OF PAIN},\nJournal-ISO = {J. Pain},\nYear = {2024},\nVolume = {25},\nArticle-Number = {104512},\nUnique-ID = {WOS:1},\n}\n';
    expect(parseBibtex(text, 'savedrecs.bib').entries[0]!.item).toMatchObject({ 'container-title-short': 'J. Pain', page: '104512' });
  });
});

describe('BibDesk exports', () => {
  it('reads BibDesk\'s @webpage as a web page and its Lastchecked as the access date AMA prints, where it was a document with none', () => {
    const text = '@webpage{who2020,\n\tAuthor = {{World Health Organization}},\n\tDate-Added = {2020-05-03 10:00:00 +0100},\n\tLastchecked = {2020-05-03},\n\tTitle = {Coronavirus disease (COVID-19) advice for the public},\n\tUrl = {https://www.who.int/emergencies/diseases/novel-coronavirus-2019/advice-for-public},\n\tYear = {2020}}\n';
    const library = loadLibrary([{ path: 'bibdesk.bib', text }]);
    expect(library.entries.get('who2020')!.item).toMatchObject({ type: 'webpage', accessed: { 'date-parts': [[2020, 5, 3]] } });
    expect(new CitationFormatter(library, bundledStyle('american-medical-association')).entry('who2020')!.text).toBe('World Health Organization. Coronavirus disease (COVID-19) advice for the public. Published 2020. Accessed May 3, 2020. https://www.who.int/emergencies/diseases/novel-coronavirus-2019/advice-for-public');
  });
});

describe('percent escapes in a BibTeX url', () => {
  it('keeps the escapes of reserved characters as written (Scopus\'s `doi=10.1016%2fj…`, ScienceDirect\'s `?via%3Dihub`), which were encoded again (`%252f`, `%253D`)', () => {
    const library = loadLibrary([fixture('scopus.bib'), { path: 'sd.bib', text: '@misc{sd, title = {A}, url = {https://www.sciencedirect.com/science/article/pii/S0140673620301835?via%3Dihub}}\n@misc{sp, title = {B}, url = {https://example.org/file%20name.pdf?q=%E2%9C%93}}\n' }]);
    expect(['Steblinski2022', 'sd', 'sp'].map((key) => library.entries.get(key)!.item.URL)).toEqual([
      'https://www.scopus.com/inward/record.uri?eid=2-s2.0-85135886322&doi=10.1016%2fj.jmmm.2022.169805&partnerID=40&md5=759122e06fc4fd8cc4a87011561de73b',
      'https://www.sciencedirect.com/science/article/pii/S0140673620301835?via%3Dihub',
      'https://example.org/file%20name.pdf?q=%E2%9C%93',
    ]);
  });
});

describe('Web of Science document types', () => {
  it('does not print the document type Web of Science writes as the type (`Type = {Article}`) as a genre, where APA printed "Example [Article]"', () => {
    const text = '@article{ WOS:1,\nAuthor = {Li, A},\nTitle = {Example},\nJournal = {Journal of Pain},\nYear = {2024},\nVolume = {25},\nType = {Article},\nUnique-ID = {WOS:1},\n}\n@inproceedings{ WOS:2,\nAuthor = {Li, A},\nTitle = {Talk},\nBooktitle = {Pain Congress},\nYear = {2024},\nType = {Article; Proceedings Paper},\n}\n';
    const library = loadLibrary([{ path: 'savedrecs.bib', text }]);
    expect([...library.entries.values()].map((entry) => entry.item.genre)).toEqual([undefined, undefined]);
    expect(new CitationFormatter(library, bundledStyle('apa')).entry('WOS:1')!.text).toBe('Li, A. (2024a). Example. Journal of Pain, 25.');
  });
});

describe('Scopus notes', () => {
  it('shows no citation count Scopus wrote as the note ("cited By 0"), and keeps what follows it', () => {
    const library = loadLibrary([fixture('scopus.bib')]);
    expect(readerNote(library.entries.get('Lovaglio201878')!.item)).toBeUndefined();
    expect(readerNote({ id: 'c', type: 'paper-conference', note: 'cited By 3; Conference of the Society for Pain; Conference Date: 12 May 2020' })).toBe('Conference of the Society for Pain; Conference Date: 12 May 2020');
  });
});

describe('other exports, read as written', () => {
  const library = loadLibrary(['refworks.bib', 'bibdesk.bib', 'doi-org.bib', 'epidemiology.bib'].map(fixture));
  const ama = new CitationFormatter(library, bundledStyle('american-medical-association'));
  const links = (key: string) => {
    const resolution = library.resolve(key);
    return 'entry' in resolution ? referenceLinks(resolution.entry.item).map((link) => link.label) : [];
  };

  it('formats them as AMA has them, group authors whole and names with their accents', () => {
    expect(['RefWorks:RefID:204-palmer2010universal', 'Droege_2016', 'gbd2016alcohol', 'simah2025release', 'ruiztagle2026sex'].map((key) => ama.entry(key)!.text)).toEqual([
      'Palmer DS, Frolov AI, Ratkova EL, Fedorov MV. Towards a universal method for calculating hydration free energies: a 3D reference interaction site model with partial molar volume correction. Journal of physics Condensed matter. 2010;22(49):492101.',
      'Droege G, Barker K, Seberg O, et al. The Global Genome Biodiversity Network (GGBN) Data Standard specification. Database. 2016;2016:baw125. doi:10.1093/database/baw125',
      'GBD 2016 Alcohol Collaborators. Alcohol use and burden for 195 countries and territories, 1990–2016: a systematic analysis for the Global Burden of Disease Study 2016. The Lancet. 2018;392(10152):1015-1035. doi:10.1016/S0140-6736(18)31310-2',
      'Probst C, SIMAH team. SIMAH release v0.1.1. Zenodo. Published online 2025. doi:10.5281/zenodo.15641639',
      'Ruiz-Tagle Maturana J, Román Mella F, Castillo-Carniglia Á. Sex and age differences in alcohol-attributable mortality in Chile between 2008 and 2022. Public Health in Practice. 2026;11:100798. doi:10.1016/j.puhip.2026.100798',
    ]);
  });

  it('links the identifiers they hold in fields, notes and addresses', () => {
    expect(links('Warriner2013')).toEqual(['DOI', 'PubMed']);
    expect(links('wyper2023evaluating')).toEqual(['PubMed', 'PMC']);
  });

  it('reports what BibTeX would drop: a bare month name, and "et al." standing for the rest of the authors', () => {
    const codes = ['bibdesk.bib', 'doi-org.bib'].flatMap((name) => parseBibtex(fixture(name).text, name).diagnostics.map((d) => [d.key, d.code, d.location?.line]));
    expect(codes).toEqual([['Warriner2013', 'unknown-field', 11], ['Droege_2016', 'incomplete-entry', 12]]);
  });
});

describe('R Markdown and bookdown packages.bib (knitr::write_bib)', () => {
  it('keeps a dotted word as written in a title AMA prints in title case, where it printed "Data.Table: Extension of `data.Frame`" and "ClinicalTrials.Gov"', () => {
    expect(formatted('knitr-packages.bib', 'R-data.table', 'american-medical-association')).toBe('Dowle M, Srinivasan A. data.table: Extension of `data.frame`.; 2021. https://CRAN.R-project.org/package=data.table');
    const text = '@techreport{r, author = {Doe, Jane}, title = {Results reporting on ClinicalTrials.gov and PubMed.gov}, institution = {NIH}, year = 2020}';
    const library = loadLibrary([{ path: 'r.bib', text }]);
    expect(new CitationFormatter(library, bundledStyle('american-medical-association')).entry('r')!.text).toBe('Doe J. Results Reporting on ClinicalTrials.gov and PubMed.gov. NIH; 2020.');
  });
});

describe("LaTeX's text symbols", () => {
  it('prints §, ¶, daggers and currencies written as LaTeX commands (`\\S~24`), and nothing for \\relax, where "\\S 24" and "question\\relax of" were printed', () => {
    const { diagnostics } = parseBibtex(fixture('tex-symbols.bib').text, 'tex-symbols.bib');
    expect(diagnostics).toEqual([]);
    expect(formatted('tex-symbols.bib', 'kkstrr', 'american-medical-association')).toBe('Kodal K, Krämer J. Straßenrecht. 5th ed.; 1995:30-34, § 24.');
    expect(formatted('tex-symbols.bib', 'solymosi2010question', 'american-medical-association')).toMatch(/^Solymosi J, De Zeeuw F\. On a question of Erdős and Ulam\./u);
    const text = '@article{a, author = {Doe, Jane}, title = {\\S 3 and \\P 2 of the \\pounds 5 and \\euro 3 fee\\dag\\ and\\ddag}, journal = {J}, year = 2020}';
    expect(parseBibtex(text, 'a.bib').entries[0]!.item.title).toBe('§3 and ¶2 of the £5 and €3 fee† and‡');
  });
});

describe("commands of a file's own or of packages citation-js does not know", () => {
  it('prints the text in the braces of a command written with an argument (`\\booktitle{The Inland Printer}`, `\\ce{H2O}`), where "\\booktitleThe Inland Printer" was printed, and still warns', () => {
    const { entries, diagnostics } = parseBibtex(fixture('printing-history.bib').text, 'printing-history.bib');
    expect(entries[0]!.item.title).toBe('Early Journals of Interest to APHA, Excerpts from five earlier printing related journals: The Typographic Messenger, The Inland Printer, and The Printing Art');
    expect(diagnostics).toMatchObject([{ code: 'unconverted-latex', key: 'Thompson:1979:EJI', location: { line: 7, column: 3 } }]);
    expect(diagnostics[0]!.message).toBe('"Thompson:1979:EJI": title keeps LaTeX (\\booktitle{…}), printed as the text in its braces without the command');
    const text = '@article{a, author = {Doe, Jane}, title = {\\acro{CD4}\\mkbibsuperscript{+} counts and \\ce{CO2} at 5 \\si{mg} \\MF{} \\TUB}, journal = {J}, year = 2020}';
    const parsed = parseBibtex(text, 'a.bib');
    expect(parsed.entries[0]!.item.title).toBe('CD4+ counts and CO2 at 5 mg \\MF \\TUB');
    expect(parsed.diagnostics[0]!.message).toBe('"a": title keeps LaTeX (\\acro, \\mkbibsuperscript, \\ce, \\si, \\MF, \\TUB) that readers would see as written');
  });
});

describe('LaTeX that reaches a field through a @string macro', () => {
  it('warns at the field about a command the macro holds, naming the macro, where "\\TUB" was printed as the journal without a word', () => {
    const { diagnostics } = parseBibtex(fixture('texgraph.bib').text, 'texgraph.bib');
    expect(diagnostics).toMatchObject([{ code: 'unconverted-latex', key: 'Carnes:TB2-3-25', location: { line: 8, column: 3 } }]);
    expect(diagnostics[0]!.message).toBe('"Carnes:TB2-3-25": journal keeps LaTeX (\\TUB) that readers would see as written');
    expect(diagnostics[0]!.hint).toBe('Replace \\TUB in @string{j-TUGboat = …} with the plain text or Unicode characters it stands for.');
  });

  it('does not name a field no reference shows, whose macro holds the same command (`acknowledgement = ack-nhfb`)', () => {
    const text = `@String{ack-nhfb = "Nelson H. F. Beebe, \\path|beebe@math.utah.edu|"}\n${fixture('texgraph.bib').text.replace('year =         "1981",', 'year =         "1981",\n  note =         "See \\path|tex.web|",')}`;
    expect(parseBibtex(text, 'texgraph.bib').diagnostics.map((diagnostic) => diagnostic.message)).toEqual(['"Carnes:TB2-3-25": journal, note keep LaTeX (\\TUB, \\path) that readers would see as written']);
  });
});

describe('months written as text', () => {
  it('reads BibTeX\'s `"8~" # feb`, `{Sept.}`, a PubMed issue\'s `{Mar-Apr}` and a season, where the month was dropped without a word', () => {
    const { entries } = parseBibtex(fixture('btxdoc-month.bib').text, 'btxdoc-month.bib');
    expect(entries[0]!.item.issued).toEqual({ 'date-parts': [[1988, 2, 8]] });
    const text = ['{Sept.}', '{Mar-Apr}', '{Jul/Aug}', '{Spring}', '{März}'].map((month, i) => `@article{m${i}, author = {Doe, Jane}, title = {T}, journal = {J Pain}, year = 2019, month = ${month}, volume = 20, pages = {1--9}}`).join('\n');
    const parsed = parseBibtex(text, 'm.bib');
    expect(parsed.entries.map((entry) => entry.item.issued)).toEqual([
      { 'date-parts': [[2019, 9]] }, { 'date-parts': [[2019, 3], [2019, 4]] }, { 'date-parts': [[2019, 7], [2019, 8]] }, { 'date-parts': [[2019]], season: 1 }, { 'date-parts': [[2019]] },
    ]);
    expect(parsed.diagnostics).toMatchObject([{ code: 'invalid-date', severity: 'warning', key: 'm4', message: '"m4": month {März} is not read as a month, so the reference gives only the year' }]);
    const vancouver = new CitationFormatter(loadLibrary([{ path: 'm.bib', text }]), bundledStyle('vancouver'));
    expect(vancouver.entry('m1')!.text).toBe('Doe J. T. J Pain. 2019 Mar–Apr;20:1–9.');
  });

  it('reads a conference\'s days after the month (`jun # " 12--15"`), and passes over a month left as Beebe\'s placeholder `"????"` without a warning for each', () => {
    const parsed = parseBibtex('@inproceedings{a, author = {Doe, Jane}, title = {T}, booktitle = {B}, year = 2019, month = jun # " 12--15"}\n@article{b, author = {Doe, Jane}, title = {T}, journal = {J}, year = 2019, month = "????"}', 'm.bib');
    expect(parsed.entries.map((entry) => entry.item.issued)).toEqual([{ 'date-parts': [[2019, 6, 12], [2019, 6, 15]] }, { 'date-parts': [[2019]] }]);
    expect(parsed.diagnostics).toEqual([]);
  });
});

describe("jurabib's own entry types", () => {
  it('says why an @COMMENTED entry is lost (read as a @comment) and what to write, where the error was "expected 1 entries, read 0"', () => {
    const { entries, diagnostics } = parseBibtex(fixture('jurabib-commented.bib').text, 'jurabib-commented.bib');
    expect(entries).toEqual([]);
    expect(diagnostics).toMatchObject([{
      code: 'invalid-bibtex',
      severity: 'error',
      key: 'erm',
      location: { line: 3, column: 1 },
      message: 'BibTeX entry "erm" could not be read: its type @commented starts with "comment", so it is read as a @comment, not as an entry',
      hint: 'Give the entry a standard type (@book, @article, @misc) at line 3.',
    }]);
  });
});

describe('bare numbers', () => {
  it('keeps the leading zero of an article number written as a bare number (`pages = 011345`), where AMA printed "58:11345"', () => {
    expect(formatted('iopart-num.bib', 'ex2', 'american-medical-association')).toBe('Carlip S, Vera R. Phys Rev D. 1998;58:011345.');
  });
});
