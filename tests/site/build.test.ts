import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, buildBundledSite, ROOT } from './helpers/build.ts';
import { readPages } from './helpers/html.ts';
import { checkLinks } from './helpers/links.ts';

let dist: string;
let pages: Map<string, Document>;

beforeAll(() => {
  dist = buildBundledSite();
  pages = readPages(dist);
});

const page = (path: string) => {
  const html = pages.get(path);
  if (!html) throw new Error(`no page ${path}`);
  return html;
};
const articlePaths = () => [...pages.keys()].filter((path) => /^\/articles\/[^/]+\/$/u.test(path));
const referencePaths = () => [...pages.keys()].filter((path) => /^\/references\/[^/]+\/$/u.test(path) && !/by-(year|journal)/u.test(path));

describe('the bundled site', () => {
  it('has every page type', () => {
    for (const path of ['/', '/articles/', '/conditions/', '/conditions/chronic-low-back-pain/', '/references/', '/references/by-year/', '/references/by-journal/', '/references/vickers2018acupuncture/', '/about/', '/404.html']) {
      expect(pages.has(path), path).toBe(true);
    }
    expect(articlePaths().length).toBeGreaterThanOrEqual(3);
    for (const slug of ['chronic-low-back-pain', 'neck-pain', 'knee-osteoarthritis', 'migraine', 'tension-type-headache']) {
      expect(pages.has(`/conditions/${slug}/`), slug).toBe(true);
    }
    expect(page('/conditions/chronic-low-back-pain/').body.textContent).toMatch(/lumbago, LBP/u);
  });

  it('gives every page its own title, the sorted reference lists included', () => {
    const titles = [...pages.keys()].map((path) => page(path).title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('describes each article as a MedicalWebPage in JSON-LD', () => {
    for (const path of articlePaths()) {
      const html = page(path);
      const scripts = html.querySelectorAll('script[type="application/ld+json"]');
      expect(scripts.length).toBe(1);
      const data = JSON.parse(scripts[0]!.textContent!);
      expect(data['@context']).toBe('https://schema.org');
      expect(data['@type']).toBe('MedicalWebPage');
      expect(data.name).toBe(html.querySelector('h1')!.textContent!.trim());
      expect(data.url).toBe(`https://evidence.example.org${path}`);
      expect(data.description).toBe(html.querySelector('meta[name="description"]')!.getAttribute('content'));
      expect(data.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
      expect(data.lastReviewed).toBe(html.querySelector('.article-meta time')!.getAttribute('datetime'));
      expect(data.reviewedBy.name ?? data.reviewedBy[0]?.name).toBeTruthy();
      expect(data.about.length).toBe(html.querySelectorAll('.article-meta a[href^="/conditions/"]').length);
      for (const condition of data.about) expect(condition['@type']).toBe('MedicalCondition');
      expect(data.citation).toHaveLength(html.querySelectorAll('li.reference').length);
      for (const citation of data.citation) expect(citation['@type']).toBe('ScholarlyArticle');
    }
    const acupuncture = JSON.parse(page('/articles/acupuncture-chronic-pain/').querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(acupuncture.about).toContainEqual(expect.objectContaining({ name: 'Chronic low back pain', code: { '@type': 'MedicalCode', codeValue: 'M54.5', codingSystem: 'ICD-10' } }));
    const vickers = acupuncture.citation.find((c: { name: string }) => c.name.startsWith('Acupuncture for Chronic Pain: Update'));
    expect(vickers.identifier).toEqual(expect.arrayContaining([
      { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.1016/j.jpain.2017.11.005' },
      { '@type': 'PropertyValue', propertyID: 'PMID', value: '29198932' },
    ]));
  });

  it('gives each article Highwire tags, a canonical URL and Open Graph data', () => {
    for (const path of articlePaths()) {
      const html = page(path);
      const meta = (name: string) => [...html.querySelectorAll(`meta[name="${name}"]`)].map((m) => m.getAttribute('content'));
      expect(meta('citation_title')).toEqual([html.querySelector('h1')!.textContent!.trim()]);
      expect(meta('citation_author').length).toBeGreaterThan(0);
      expect(meta('citation_publication_date')[0]).toMatch(/^\d{4}\/\d{2}\/\d{2}$/u);
      expect(meta('citation_public_url')).toEqual([`https://evidence.example.org${path}`]);
      expect(meta('citation_reference')).toHaveLength(html.querySelectorAll('li.reference').length);
      expect(html.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(`https://evidence.example.org${path}`);
      expect(html.querySelector('meta[property="og:type"]')!.getAttribute('content')).toBe('article');
    }
  });

  it('lists on every reference page exactly the places that cite it', () => {
    const expected = new Map<string, Set<string>>();
    for (const path of articlePaths()) {
      for (const node of page(path).querySelectorAll('.article-body [id^="cite-"][data-key]')) {
        const key = node.getAttribute('data-key')!;
        expected.set(key, (expected.get(key) ?? new Set()).add(`${path}#${node.id}`));
      }
    }
    expect(expected.size).toBeGreaterThan(15);
    const seen = new Set<string>();
    for (const path of referencePaths()) {
      const html = page(path);
      const key = html.querySelector('.identifiers code')!.textContent!;
      seen.add(key);
      const listed = [...html.querySelectorAll('.cited-in .go-to-citation a')].map((a) => a.getAttribute('href')!);
      expect(new Set(listed).size, `${key} lists a place twice`).toBe(listed.length);
      expect(new Set(listed), key).toEqual(expected.get(key) ?? new Set());
    }
    for (const key of expected.keys()) expect(seen, `no reference page for ${key}`).toContain(key);
  });

  it('quotes a key finding on its sources\' pages with the outcome it is about', () => {
    const finding = page('/articles/non-drug-treatments-chronic-low-back-pain/').querySelector('#finding-low-quality-options')!;
    const outcome = finding.querySelector('th')!.textContent!.trim();
    const key = finding.querySelector('[data-key]')!.getAttribute('data-key')!;
    const quotes = [...page(`/references/${key}/`).querySelectorAll('.citing-places blockquote')].map((quote) => quote.textContent!);
    expect(outcome).toBeTruthy();
    expect(quotes.some((quote) => quote.startsWith(`${outcome}: `)), quotes.join('\n')).toBe(true);
  });

  it('resolves every internal link and fragment', () => {
    const { broken, links, fragments } = checkLinks(dist, pages, { origin: 'https://evidence.example.org', base: '/', trailingSlash: 'always' });
    expect(broken).toEqual([]);
    // Citations, back-links and "cited in" links alone are hundreds of fragments.
    expect(links).toBeGreaterThan(800);
    expect(fragments).toBeGreaterThan(250);
  });

  it('publishes a sitemap and a feed of every summary', () => {
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    for (const path of articlePaths()) {
      // lastmod is the summary's last review, as its page states it.
      const modified = page(path).querySelector('meta[property="article:modified_time"]')?.getAttribute('content');
      expect(modified).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
      expect(sitemap).toContain(`<loc>https://evidence.example.org${path}</loc><lastmod>${modified}`);
    }
    expect(sitemap).toMatch(/<loc>https:\/\/evidence\.example\.org\/<\/loc><lastmod>\d{4}-\d{2}-\d{2}/u);
    // Reference pages change with the library, not with reviews: no date is claimed for them.
    expect(sitemap).toMatch(/<loc>https:\/\/evidence\.example\.org\/references\/[^<]+<\/loc><\/url>/u);
    expect(sitemap).not.toContain('404');
    const feed = readFileSync(join(dist, 'rss.xml'), 'utf8');
    expect(feed.match(/<item>/gu)).toHaveLength(articlePaths().length);
    for (const path of articlePaths()) expect(feed).toContain(`<link>https://evidence.example.org${path}</link>`);
  });

  it('dates each list by what orders it, and calls a first publication one', () => {
    const latest = [...page('/').querySelectorAll('#latest ~ .card-list .card-meta time')];
    expect(latest.length).toBeGreaterThan(1);
    expect(latest.map((time) => time.parentElement!.textContent!.trim().split(' ')[0])).toEqual(latest.map(() => 'Published'));
    const dates = latest.map((time) => time.getAttribute('datetime')!);
    expect(dates).toEqual([...dates].sort().reverse());
    const feed = readFileSync(join(dist, 'rss.xml'), 'utf8');
    expect(feed).toContain('First published');
    expect(feed).not.toMatch(/Updated [^<:]+: First published/u);
  });

  it("keeps a condition page's list of summaries out of the search index, which would match it on their treatments", () => {
    const condition = page('/conditions/migraine/');
    expect(condition.querySelector('[data-pagefind-body] .card-list')?.closest('[data-pagefind-ignore="all"]')).not.toBeNull();
  });

  it('escapes reference fields instead of rendering them as HTML', () => {
    for (const path of referencePaths()) expect(page(path).querySelectorAll('.formatted-reference script, .formatted-reference img').length).toBe(0);
  });
});

describe('reference loading', () => {
  it('fails the build, naming both entries, when two keys would share a reference page', () => {
    const { status, output } = astroBuild(join(ROOT, 'tests/fixtures/site-slug-clash'), join(ROOT, 'tests/fixtures/site-slug-clash/dist'));
    expect(status).not.toBe(0);
    expect(output).toContain('references/library.bib:8:1: error: Citation keys "smith-2020" and "smith:2020" would share the page /references/smith-2020/ and its anchor');
    expect(output).toContain('npm run refs -- check` lists these problems too.');
  });
});
