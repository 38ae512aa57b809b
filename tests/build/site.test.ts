import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGE_IDS } from '../../src/markdown/rehype-heading-ids.ts';
import { buildFixture, fixturesDir, readPage } from './helpers.ts';

let dist: string;
beforeAll(async () => {
  dist = await buildFixture(join(fixturesDir, 'site-basic'));
});

const first = () => readPage(dist, 'articles/first/index.html');
const text = (element: Element | null) => element?.textContent?.replace(/\s+/gu, ' ').trim() ?? '';

describe('a built article', () => {
  it('is published at /articles/<slug>/ with lang set', () => {
    expect(readdirSync(join(dist, 'articles')).sort()).toEqual(['first', 'index.html', 'second']);
    expect(first().documentElement.getAttribute('lang')).toBe('en-GB');
  });

  it('resolves every in-page link to an element on the page', () => {
    for (const page of ['articles/first/index.html', 'articles/second/index.html']) {
      const document = readPage(dist, page);
      const fragments = [...document.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href')!.slice(1));
      expect(fragments.length).toBeGreaterThan(3);
      for (const id of fragments) expect(document.getElementById(decodeURIComponent(id)), `#${id} on ${page}`).not.toBeNull();
    }
  });

  it('gives a source whose DOI record is stored (as `refs add` names the file, %2F for the slash) one page, not a second one for the record', () => {
    const pages = readdirSync(join(dist, 'references')).filter((name) => !name.includes('.'));
    expect(pages).toContain('cherkin2009randomized');
    expect(pages.filter((name) => name.includes('archinternmed'))).toEqual([]);
  });

  it('keeps the address a source had while cited by DOI alone: its old page redirects, and its old anchor is on its entry', () => {
    // The work's DOI record is stored, and the library has an entry for it: its page moved to the entry's key.
    const moved = readPage(dist, 'references/doi-10.1001-archinternmed.2009.65/index.html');
    expect(moved.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe('0;url=/references/cherkin2009randomized/');
    expect(moved.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://fixture.example.org/references/cherkin2009randomized/');
    expect(moved.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(first().getElementById('ref-doi-10.1001-archinternmed.2009.65')?.closest('li')?.id).toBe('ref-cherkin2009randomized');
    // …and each citing place its anchor, beside the one it now has under the entry's key.
    const formerPlaces = [...first().querySelectorAll('.citation-anchor[id^="cite-doi-10.1001-archinternmed.2009.65-"]')];
    expect(formerPlaces.length).toBe(first().querySelectorAll('.citation [id^="cite-cherkin2009randomized-"]').length);
    expect(formerPlaces.every((anchor) => anchor.nextElementSibling?.id.startsWith('cite-cherkin2009randomized-'))).toBe(true);
    // A source cited by PMID alone, with no library entry, keeps its own page there.
    const stored = readPage(dist, 'references/pmid-22965186/index.html');
    expect(stored.querySelector('meta[http-equiv="refresh"]')).toBeNull();
    expect(stored.querySelector('h1')).not.toBeNull();
  });

  it('says how many of its sources the build checked against a stored registry record, and no more', () => {
    const sources = [...first().querySelectorAll('.article-meta div')].find((row) => text(row.querySelector('dt')) === 'Sources');
    expect(text(sources?.querySelector('dd') ?? null)).toBe(`${first().querySelectorAll('.references > li').length} references, 2 of them checked against PubMed or the publisher`);
  });

  it('saves each summary\'s reference downloads under its own name', () => {
    expect([...first().querySelectorAll('.cite-downloads a')].map((a) => `${a.getAttribute('href')} ${a.getAttribute('download')}`)).toEqual(
      ['bib', 'ris', 'json'].map((ext) => `/articles/first/references.${ext} first-references.${ext}`),
    );
  });

  it('says on each source\'s page which record it was checked against, and when, or that it was not', () => {
    const checkedRow = (slug: string) => text([...readPage(dist, `references/${slug}/index.html`).querySelectorAll('.identifiers div')].find((row) => text(row.querySelector('dt')) === 'Checked')?.querySelector('dd') ?? null);
    expect(checkedRow('cherkin2009randomized')).toBe('Against its record at doi.org (the publisher), fetched 27 November 2026');
    expect(checkedRow('pmid-22965186')).toBe('Against its record at PubMed, fetched 27 November 2026');
    expect(checkedRow('haake2007gerac')).toBe('Not yet checked against a PubMed or publisher record');
  });

  it("gives a heading with a narrative citation an id from the authors' names, which a link can point to", () => {
    const heading = [...readPage(dist, 'articles/second/index.html').querySelectorAll('.article-body h2')].find((h) => text(h).startsWith('What'));
    expect(text(heading ?? null)).toBe('What Hinman et al1 compared');
    expect(heading?.id).toBe('what-hinman-et-al-compared');
  });

  it("gives a heading worded as a part of the page ('References', 'Cite this', 'Ref <key>') an id of its own, so that links to those parts land on them", () => {
    const second = readPage(dist, 'articles/second/index.html');
    const ids = [...second.querySelectorAll('[id]')].map((element) => element.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(second.getElementById('references')!.closest('section')!.querySelector('.references')).not.toBeNull();
    expect(second.getElementById('ref-hinman2014acupuncture')!.tagName).toBe('LI');
    expect(text(second.getElementById('cite-this'))).toBe('Cite this summary');
    const headings = [...second.querySelectorAll('.article-body h2')].map((h) => `${h.id} ${text(h)}`);
    expect(headings).toEqual(expect.arrayContaining(['references-1 References', 'ref-hinman2014acupuncture-1 Ref hinman2014acupuncture', 'cite-this-1 Cite this']));
  });

  it("keeps from headings every id the page gives its own parts, so that a part added to the page is not left to clash", () => {
    for (const page of ['articles/first/index.html', 'articles/second/index.html']) {
      const document = readPage(dist, page);
      const ownParts = [...document.querySelectorAll('[id]')]
        .filter((element) => !(/^H[1-6]$/u.test(element.tagName) && element.parentElement?.classList.contains('article-body')))
        .map((element) => element.id)
        .filter((id) => !/^(?:ref|cite|finding|user-content-fn(?:ref)?)-/u.test(id) || PAGE_IDS.includes(id as (typeof PAGE_IDS)[number]));
      expect(ownParts.filter((id) => !PAGE_IDS.includes(id as (typeof PAGE_IDS)[number])), page).toEqual([]);
    }
  });

  it('marks notes with letters under a visible "Notes" heading, so that none reads as a citation number', () => {
    const second = readPage(dist, 'articles/second/index.html');
    const paragraph = second.querySelector('.article-body p')!;
    expect([...paragraph.querySelectorAll('sup')].map(text)).toEqual(['1', '2', 'a']);
    const notes = second.querySelector('[data-footnotes]')!;
    expect(text(notes.querySelector('h2'))).toBe('Notes');
    expect(notes.querySelector('ol')!.getAttribute('type')).toBe('a');
  });

  it('prints a `<` that cannot open a tag as text, as authors write p-values and thresholds', () => {
    const paragraphs = [...readPage(dist, 'articles/second/index.html').querySelectorAll('.article-body p')].map(text);
    expect(paragraphs).toContain('<5% of people stopped early; the difference was small (p<0.05, risk ratio <=1.2).');
  });

  it('numbers references by first citation, per article', () => {
    const labels = (document: Document) => [...document.querySelectorAll('.references > li')].map((li) => `${text(li.querySelector('.reference-label'))} ${li.id}`);
    expect(labels(first())).toEqual([
      '1. ref-vickers2018acupuncture',
      '2. ref-cherkin2009randomized',
      '3. ref-haake2007gerac',
      '4. ref-nice2016ng59',
      '5. ref-pmid-22965186',
    ]);
    expect(labels(readPage(dist, 'articles/second/index.html'))).toEqual(['1. ref-hinman2014acupuncture', '2. ref-vickers2018acupuncture']);
  });

  it('renders citations as numbers that link to their entries, collapsing ranges', () => {
    const citations = [...first().querySelectorAll('.citation')].map((c) => ({
      text: text(c),
      links: [...c.querySelectorAll('a')].map((a) => a.getAttribute('href')),
    }));
    expect(citations).toEqual([
      { text: '1', links: ['#ref-vickers2018acupuncture'] },
      { text: 'Cherkin et al2(p860)', links: ['#ref-cherkin2009randomized'] },
      { text: '2,3', links: ['#ref-cherkin2009randomized', '#ref-haake2007gerac'] },
      { text: '1–3', links: ['#ref-vickers2018acupuncture', '#ref-haake2007gerac'] },
      { text: 'see 4(sec1.2)', links: ['#ref-nice2016ng59'] },
      { text: '5', links: ['#ref-pmid-22965186'] },
      { text: '2', links: ['#ref-cherkin2009randomized'] },
    ]);
  });

  it('gives every citing place an id, and back-links from each entry round-trip to them', () => {
    const document = first();
    for (const entry of document.querySelectorAll('.references > li')) {
      const backlinks = [...entry.querySelectorAll('.backlinks a')];
      expect(backlinks.length).toBeGreaterThan(0);
      for (const link of backlinks) {
        const target = document.getElementById(link.getAttribute('href')!.slice(1))!;
        // The citing place is, or sits inside, a citation whose links lead back to this entry.
        const citation = target.closest('.citation')!;
        expect(citation.getAttribute('data-cites')!.split(' ')).toContain(entry.getAttribute('data-key'));
      }
    }
    const cherkin = document.getElementById('ref-cherkin2009randomized')!;
    // In the order the text cites it, each to its own place.
    const places = [...document.querySelectorAll('[id^="cite-cherkin2009randomized-"]')].map((place) => `#${place.id}`);
    expect(places).toHaveLength(4);
    expect([...cherkin.querySelectorAll('.backlinks a')].map((a) => `${text(a)} ${a.getAttribute('href')}`)).toEqual(['a', 'b', 'c', 'd'].map((label, i) => `${label} ${places[i]}`));
  });

  it('links DOI, PubMed and PMC with the right URLs', () => {
    const links = (id: string) => [...first().getElementById(id)!.querySelectorAll('.reference-links a')].map((a) => `${text(a)} ${a.getAttribute('href')}`);
    expect(links('ref-vickers2018acupuncture')).toEqual([
      'DOI https://doi.org/10.1016/j.jpain.2017.11.005',
      'PubMed https://pubmed.ncbi.nlm.nih.gov/29198932/',
      'PMC https://pmc.ncbi.nlm.nih.gov/articles/PMC5927830/',
      'Source page /references/vickers2018acupuncture/',
    ]);
    expect(links('ref-haake2007gerac')).toEqual(['DOI https://doi.org/10.1001/archinte.167.17.1892', 'PubMed https://pubmed.ncbi.nlm.nih.gov/17893311/', 'Source page /references/haake2007gerac/']);
    expect(links('ref-nice2016ng59')).toEqual(['Web page https://www.nice.org.uk/guidance/ng59', 'Source page /references/nice2016ng59/']);
    expect(links('ref-pmid-22965186')).toEqual([
      'DOI https://doi.org/10.1001/archinternmed.2012.3654',
      'PubMed https://pubmed.ncbi.nlm.nih.gov/22965186/',
      'PMC https://pmc.ncbi.nlm.nih.gov/articles/PMC3658605/',
      'Source page /references/pmid-22965186/',
    ]);
  });

  it('formats entries in AMA with the journal abbreviation', () => {
    expect(text(first().querySelector('#ref-vickers2018acupuncture .reference-text'))).toBe(
      'Vickers AJ, Vertosick EA, Lewith G, et al. Acupuncture for Chronic Pain: Update of an Individual Patient Data Meta-Analysis. J Pain. 2018;19(5):455-474. doi:10.1016/j.jpain.2017.11.005',
    );
  });
});
