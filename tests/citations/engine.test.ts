import { describe, expect, it } from 'vitest';
import { CitationFormatter, citationIds, citeDocument, htmlToText, loadLibrary, parseCitations, readStyle, referenceLinks, type RenderedCluster } from '../../src/citations/index.ts';
import { bundledStyle, citeText, fixtureFiles } from './helpers.ts';

/** A rendered cluster as a reader sees it, with each link's target: "[1→vickers]". */
function show(cluster: RenderedCluster | undefined): string {
  if (!cluster) return '<unresolved>';
  const part = (segments: RenderedCluster['segments']) => segments.map((s) =>
    s.type === 'text' ? s.value : s.type === 'anchor' ? `{${s.key}}` : `[${htmlToText(s.html)}→${s.key}]`).join('');
  const body = part(cluster.segments);
  return part(cluster.lead) + (cluster.superscript ? `^(${body})` : body);
}

describe('library loading', () => {
  it('reads BibTeX, CSL-JSON and stored identifier metadata with their locations', () => {
    const { library } = citeText('');
    expect([...library.entries.keys()].sort()).toEqual(['cherkin2009randomized', 'haake2007gerac', 'hinman2014acupuncture', 'nice2016ng59', 'vickers2018acupuncture']);
    expect([...library.stored.keys()]).toEqual(['pmid:22965186']);
    expect(library.entries.get('cherkin2009randomized')!.location).toEqual({ file: 'library/refs.bib', line: 17, column: 1 });
    expect(library.entries.get('hinman2014acupuncture')!.location).toMatchObject({ file: 'library/extra.json', line: 3 });
    expect(library.entries.get('haake2007gerac')!.item.author![1]).toEqual({ family: 'Müller', given: 'Hans-Helge' });
    expect(library.diagnostics).toEqual([]);
  });

  it('resolves identifier keys to the library entry that carries the identifier, else to stored metadata', () => {
    const { library } = citeText('');
    const keyOf = (key: string) => {
      const resolution = library.resolve(key);
      return 'entry' in resolution ? resolution.entry.key : resolution.diagnostic.code;
    };
    expect(keyOf('doi:10.1016/J.JPAIN.2017.11.005')).toBe('vickers2018acupuncture');
    expect(keyOf('pmid:19433697')).toBe('cherkin2009randomized');
    expect(keyOf('pmcid:pmc5927830')).toBe('vickers2018acupuncture');
    expect(keyOf('pmid:22965186')).toBe('pmid:22965186');
    expect(keyOf('doi:10.1001/archinternmed.2012.3654')).toBe('missing-metadata');
    expect(keyOf('pmid:1234567')).toBe('missing-metadata');
  });
});

describe('numbering (AMA)', () => {
  it('numbers by first citation and reuses numbers for later citations', () => {
    const { clusters, bibliography } = citeText('[@haake2007gerac] then [@cherkin2009randomized] and again [@haake2007gerac].');
    expect(clusters.map(show)).toEqual(['^([1→haake2007gerac])', '^([2→cherkin2009randomized])', '^([1→haake2007gerac])']);
    expect(bibliography.map((entry) => [entry.label, entry.key])).toEqual([['1.', 'haake2007gerac'], ['2.', 'cherkin2009randomized']]);
  });

  it('collapses three or more consecutive numbers into a range whose ends link to their own entries', () => {
    const text = 'a [@vickers2018acupuncture] b [@cherkin2009randomized] c [@haake2007gerac] d [@nice2016ng59] e [@nice2016ng59; @haake2007gerac; @vickers2018acupuncture; @cherkin2009randomized]';
    const { clusters } = citeText(text);
    expect(show(clusters[4])).toBe('^([1→vickers2018acupuncture]{cherkin2009randomized}{haake2007gerac}–[4→nice2016ng59])');
  });

  it('keeps two consecutive numbers and gaps as a list, sorted', () => {
    const { clusters } = citeText('a [@vickers2018acupuncture] b [@cherkin2009randomized] c [@haake2007gerac] d [@haake2007gerac; @vickers2018acupuncture]');
    expect(show(clusters[3])).toBe('^([1→vickers2018acupuncture],[3→haake2007gerac])');
  });

  it('gives each citing place its own id and every entry a back-link to each', () => {
    const { clusters, bibliography } = citeText('[@haake2007gerac] and [@haake2007gerac; @cherkin2009randomized] @haake2007gerac says');
    const ids = clusters.flatMap((c) => c!.segments.flatMap((s) => (s.type === 'text' ? [] : [s.id])));
    // Without citing sentences (as here), a key's places are told apart by -2, -3.
    const haake = citationIds('haake2007gerac', ['', '', '']);
    expect(new Set(haake).size).toBe(3);
    expect(ids).toEqual([haake[0], haake[1], citationIds('cherkin2009randomized', [''])[0], haake[2]]);
    expect(bibliography[0]!.backlinks).toEqual([{ id: haake[0], label: 'a' }, { id: haake[1], label: 'b' }, { id: haake[2], label: 'c' }]);
    expect(bibliography[0]!.id).toBe('ref-haake2007gerac');
  });

  it('fails a citation that names one source twice, by its key or by its key and its PMID, which printed "4,4"', () => {
    for (const text of ['[@haake2007gerac; @haake2007gerac]', '[@cherkin2009randomized; @pmid:19433697]', '[@haake2007gerac] [@haake2007gerac]']) {
      const { diagnostics } = citeText(text);
      expect(diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([['citation-syntax', 'error', expect.stringMatching(/^The citation cites "(haake2007gerac|cherkin2009randomized)" twice$/u)]]);
    }
  });

  it('merges a work cited by key and by identifier into one reference', () => {
    const { bibliography, clusters } = citeText('[@cherkin2009randomized] and [@pmid:19433697]');
    expect(bibliography.map((entry) => entry.key)).toEqual(['cherkin2009randomized']);
    expect(clusters.map(show)).toEqual(['^([1→cherkin2009randomized])', '^([1→cherkin2009randomized])']);
  });
});

describe('formatting', () => {
  it('formats AMA entries, in-text locators and narrative citations', () => {
    const { clusters, bibliography } = citeText('@cherkin2009randomized found [@vickers2018acupuncture, pp. 455--474; see @nice2016ng59].');
    expect(clusters.map(show)).toEqual([
      'Cherkin et al^([1→cherkin2009randomized])',
      '^([2(pp455-474)→vickers2018acupuncture], see [3→nice2016ng59])',
    ]);
    expect(bibliography.map((entry) => `${entry.label} ${entry.text}`)).toEqual([
      '1. Cherkin DC, Sherman KJ, Avins AL, et al. A randomized trial comparing acupuncture, simulated acupuncture, and usual care for chronic low back pain. Arch Intern Med. 2009;169(9):858-866. doi:10.1001/archinternmed.2009.65',
      '2. Vickers AJ, Vertosick EA, Lewith G, et al. Acupuncture for Chronic Pain: Update of an Individual Patient Data Meta-Analysis. J Pain. 2018;19(5):455-474. doi:10.1016/j.jpain.2017.11.005',
      '3. National Institute for Health and Care Excellence. Low back pain and sciatica in over 16s: assessment and management. NICE guideline NG59. Published online 2016. https://www.nice.org.uk/guidance/ng59',
    ]);
    expect(bibliography[1]!.html).toContain('<i>J Pain</i>');
    expect(referenceLinks(bibliography[1]!.item)).toEqual([
      { scheme: 'doi', label: 'DOI', href: 'https://doi.org/10.1016/j.jpain.2017.11.005' },
      { scheme: 'pmid', label: 'PubMed', href: 'https://pubmed.ncbi.nlm.nih.gov/29198932/' },
      { scheme: 'pmcid', label: 'PMC', href: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC5927830/' },
    ]);
  });

  it('formats APA (author-date): clusters, locators, narrative and suppressed author, bibliography sorted by author', () => {
    const { clusters, bibliography } = citeText('[@vickers2018acupuncture; @cherkin2009randomized, p. 860] and @haake2007gerac said [-@nice2016ng59]', 'apa');
    expect(clusters.map(show)).toEqual([
      // By author, as APA (and pandoc) order a citation's sources, not as written.
      '([Cherkin et al., 2009, p. 860→cherkin2009randomized]; [Vickers et al., 2018→vickers2018acupuncture])',
      '[Haake et al. (2007)→haake2007gerac]',
      '([2016→nice2016ng59])',
    ]);
    expect(bibliography.map((entry) => entry.key)).toEqual(['cherkin2009randomized', 'haake2007gerac', 'nice2016ng59', 'vickers2018acupuncture']);
    expect(bibliography[0]!.label).toBeUndefined();
    expect(bibliography[0]!.text).toBe('Cherkin, D. C., Sherman, K. J., Avins, A. L., Erro, J. H., Ichikawa, L., Barlow, W. E., Delaney, K., Hawkes, R., Hamilton, L., Pressman, A., Khalsa, P. S., & Deyo, R. A. (2009). A randomized trial comparing acupuncture, simulated acupuncture, and usual care for chronic low back pain. Archives of Internal Medicine, 169(9), 858–866. https://doi.org/10.1001/archinternmed.2009.65');
  });

  it("prints a possessive narrative citation's ’s with the names: before the year in APA, before the number in AMA", () => {
    expect(citeText("@haake2007gerac's trial", 'apa').clusters.map(show)).toEqual(['[Haake et al.’s (2007)→haake2007gerac]']);
    expect(citeText('@haake2007gerac’s trial').clusters.map(show)).toEqual(['Haake et al’s^([1→haake2007gerac])']);
  });

  it('gives author-date locators the form citeproc gives each source, while formatting each locator once per item type', () => {
    const library = loadLibrary(fixtureFiles('library'));
    const keys = library.all().map((entry) => entry.key);
    const requests = keys.flatMap((key) => ['3', '455–474', '2'].flatMap((locator) => [
      { key, locator },
      { key, locator, suppressAuthor: true },
      { key, locator: `${locator}.1`, label: 'section' as const },
    ]));
    // The first source of each type sets the locator's form for the others: asked in the other order,
    // every source is formatted by citeproc itself, so both orders agree only if the shortcut is right.
    const forward = new CitationFormatter(library, bundledStyle('apa'));
    const backward = new CitationFormatter(library, bundledStyle('apa'));
    const backwardTexts = [...requests].reverse().map((request) => backward.cite(request)).reverse();
    expect(requests.map((request) => forward.cite(request))).toEqual(backwardTexts);
    expect(forward.cite({ key: 'cherkin2009randomized', locator: '860' })).toBe('Cherkin et al., 2009, p. 860');
    expect(forward.counts.citations).toBeLessThan(requests.length);
  });

  it('formats each source with its locator when a style does not put the locator last', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Locator first</title><id>locator-first</id><updated>2026-01-01T00:00:00+00:00</updated>
    <category citation-format="author-date"/></info>
  <citation et-al-min="3" et-al-use-first="1"><layout prefix="(" suffix=")" delimiter="; "><group delimiter=", ">
    <group delimiter=" "><label variable="locator" form="short"/><text variable="locator"/></group>
    <group delimiter=" "><names variable="author"><name form="short"/></names><date variable="issued"><date-part name="year"/></date></group>
  </group></layout></citation>
  <bibliography><layout><text variable="title"/></layout></bibliography>
</style>`;
    const library = loadLibrary(fixtureFiles('library'));
    const formatter = new CitationFormatter(library, readStyle('locator-first', xml));
    expect(formatter.cite({ key: 'vickers2018acupuncture', locator: '3' })).toBe('p. 3, Vickers et al. 2018');
    expect(formatter.cite({ key: 'cherkin2009randomized', locator: '3' })).toBe('p. 3, Cherkin et al. 2009');
  });

  it('formats each distinct reference once per build, however often it is cited', () => {
    const { formatter } = citeText(Array.from({ length: 50 }, () => 'Pain [@vickers2018acupuncture; @cherkin2009randomized].').join(' '));
    expect(formatter.counts.entries).toBe(6);
    // One, to learn what the style puts around a number ("[1]" in IEEE).
    expect(formatter.counts.citations).toBe(1);
  });
});

describe('errors', () => {
  it('reports an unknown key with suggestions and never drops the citation silently', () => {
    const { clusters, diagnostics } = citeText('[@vickers2018]');
    expect(clusters).toEqual([undefined]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'unknown-key', message: 'Unknown citation key "vickers2018"', hint: 'Did you mean "vickers2018acupuncture"?' })]);
  });

  it('says how to write an @ that is not a citation, and cuts a runaway key short', () => {
    expect(citeText('Follow @WHO.').diagnostics[0]!.hint).toContain('An @ that is not a citation (@WHO on social media) is written \\@.');
    const message = citeText(`[@${'x'.repeat(5000)}]`).diagnostics[0]!.message;
    expect(message).toBe(`Unknown citation key "${'x'.repeat(80)}…"`);
  });

  it('names the command that fetches a missing identifier', () => {
    const { diagnostics } = citeText('[@doi:10.1000/xyz123]');
    expect(diagnostics[0]).toMatchObject({ code: 'missing-metadata', message: 'No stored metadata for DOI 10.1000/xyz123' });
    expect(diagnostics[0]!.hint).toContain('npm run refs -- add 10.1000/xyz123');
  });
});

describe('an entry citeproc cannot format', () => {
  it('fails the documents that cite it, at its place, and no other document', () => {
    const library = loadLibrary([{ path: 'references/refs.bib', text: '@article{good, author = {Doe, Jane}, title = {Good}, journal = {J}, year = {2020}}\n@article{bad, author = {Roe, Ann}, title = {Bad}, journal = {J}, year = {2021}}\n' }]);
    // What a malformed record once did to citeproc (an issued date of null); the readers now clean such fields.
    library.entries.get('bad')!.item.issued = null as never;
    const formatter = new CitationFormatter(library, bundledStyle('american-medical-association'));
    expect(citeDocument(parseCitations('Fine [@good].', library.has), library, formatter).diagnostics).toEqual([]);
    expect(citeDocument(parseCitations('Broken [@bad].', library.has), library, formatter).diagnostics).toMatchObject([
      { code: 'format-failed', severity: 'error', key: 'bad', location: { file: 'references/refs.bib', line: 2 } },
    ]);
  });

  it('is found by formatting the library as the build does, without an article (what refs check runs)', () => {
    const library = loadLibrary([{ path: 'references/refs.bib', text: '@article{good, author = {Doe, Jane}, title = {Good}, journal = {J}, year = {2020}}\n@article{bad, author = {Roe, Ann}, title = {Bad}, journal = {J}, year = {2021}}\n' }]);
    library.entries.get('bad')!.item.issued = null as never;
    expect(new CitationFormatter(library, bundledStyle('american-medical-association')).formatEveryEntry()).toMatchObject([{ code: 'format-failed', key: 'bad' }]);
  });
});
