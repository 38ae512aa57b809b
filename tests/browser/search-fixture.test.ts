import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { buildSite } from '../site/helpers/build.ts';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { readResults, readSettledResults, searchFromUrl, type Result } from '../search/helpers/search-page.ts';
import { serveStatic, type StaticSite } from '../../scripts/browser/static-server.ts';
import { readPages } from '../site/helpers/html.ts';
import { suggestQuery, type SearchTerms } from '../../src/components/search/suggest.ts';
import { checkLinks } from '../site/helpers/links.ts';

// The real templates (src/) with the fixture's own content, served under /library with
// trailingSlash: 'never' (see its astro.config.mjs), the harder case for every URL.
const root = 'tests/fixtures/search-site';
const outDir = fileURLToPath(new URL('../fixtures/search-site/dist/', import.meta.url));
const ORIGIN = 'https://evidence.example.org';
const AXE = createRequire(import.meta.url)('axe-core').source as string;
const locale: string = JSON.parse(readFileSync(new URL('../../content/site.json', import.meta.url), 'utf8')).locale;
let pages: Map<string, Document>;
let site: StaticSite;
let browser: Browser;
let page: Page;
let searchPage: string;

const titles = (results: Result[]) => results.map((result) => result.title).sort();
// A condition page's result is titled with its condition; every other result lists its conditions.
const about = (result: Result) => (result.type === 'Condition' ? result.title : result.conditions);
const built = (path: string) => {
  const document = pages.get(path);
  if (!document) throw new Error(`no page ${path}`);
  return document;
};

beforeAll(async () => {
  rmSync(outDir, { recursive: true, force: true });
  buildSite(root, outDir);
  pages = readPages(outDir);
  site = await serveStatic(outDir, '/library');
  searchPage = `${site.url}search`;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 3000 } });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('a site under a base path, without trailing slashes', () => {
  it('resolves every internal link and fragment under /library, with no trailing slash', () => {
    const { broken, links, fragments } = checkLinks(outDir, pages, { origin: ORIGIN, base: '/library', trailingSlash: 'never' });
    expect(broken).toEqual([]);
    expect(links).toBeGreaterThan(300);
    expect(fragments).toBeGreaterThan(20);
  });

  it('links each reference entry to its source page, and each source page to the exact citations', () => {
    const sourcePages = [...built('/articles/acupuncture-back-pain/').querySelectorAll('.bibliography a')]
      .filter((a) => a.textContent === 'Source page').map((a) => a.getAttribute('href'));
    expect(sourcePages).toEqual(['/library/references/cherkin2009randomized', '/library/references/vickers2018acupuncture']);
    const citedIn = [...built('/references/cherkin2009randomized/').querySelectorAll('.cited-in a')].map((a) => a.getAttribute('href'));
    const places = [...built('/articles/acupuncture-back-pain/').querySelectorAll('[id^="cite-cherkin2009randomized-"]')].map((place) => `/library/articles/acupuncture-back-pain#${place.id}`);
    expect(places).toHaveLength(2);
    expect(citedIn).toEqual(['/library/articles/acupuncture-back-pain', ...places]);
  });

  it('writes absolute URLs with the base: canonical, Open Graph, JSON-LD, Highwire and the printed address', () => {
    const url = `${ORIGIN}/library/articles/acupuncture-back-pain`;
    const article = built('/articles/acupuncture-back-pain/');
    const content = (selector: string) => article.querySelector(selector)?.getAttribute('content');
    expect(article.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(url);
    expect(content('meta[property="og:url"]')).toBe(url);
    expect(content('meta[name="citation_public_url"]')).toBe(url);
    const jsonLd = JSON.parse(article.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(jsonLd.url).toBe(url);
    expect(jsonLd.publisher.url).toBe(`${ORIGIN}/library`);
    expect(jsonLd.about.map((condition: { url: string }) => condition.url)).toEqual([`${ORIGIN}/library/conditions/chronic-low-back-pain`]);
    expect(article.querySelector('.print-only')?.textContent).toContain(`Printed from ${url}.`);
    expect(built('/references/hayden2021exercise/').querySelector('.export .meta a')?.textContent).toBe(`${ORIGIN}/library/references/hayden2021exercise`);
  });

  it('lists every page in the sitemap and every summary in the feed with the base', () => {
    const locs = [...readFileSync(join(outDir, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/gu)].map((match) => match[1]!);
    expect(locs).toContain(`${ORIGIN}/library/articles/exercise-back-pain`);
    expect(locs.every((loc) => loc.startsWith(`${ORIGIN}/library`))).toBe(true);
    // Under the base and without trailing slashes, a summary still gets its last review as lastmod.
    const modified = built('/articles/exercise-back-pain/').querySelector('meta[property="article:modified_time"]')?.getAttribute('content');
    expect(readFileSync(join(outDir, 'sitemap-0.xml'), 'utf8')).toContain(`<loc>${ORIGIN}/library/articles/exercise-back-pain</loc><lastmod>${modified}`);
    const links = [...readFileSync(join(outDir, 'rss.xml'), 'utf8').matchAll(/<item>.*?<link>([^<]+)<\/link>/gsu)].map((match) => match[1]).sort();
    expect(links).toEqual(['acupuncture-back-pain', 'acupuncture-knee', 'exercise-back-pain'].map((slug) => `${ORIGIN}/library/articles/${slug}`));
  });

  it('builds the search index into dist/pagefind/ and loads the bundle from under the base', () => {
    expect(existsSync(join(outDir, 'pagefind/pagefind.js'))).toBe(true);
    expect(built('/search/').querySelector('pagefind-config')?.getAttribute('bundle-path')).toBe('/library/pagefind/');
    expect(built('/').querySelector('form[role="search"]')?.getAttribute('action')).toBe('/library/search');
  });

  it('has <html lang> on every page, and exactly one sort key on every indexed page', () => {
    const indexed = [...pages].filter(([, document]) => document.querySelector('[data-pagefind-body]'));
    expect(indexed.map(([path]) => path.split('/')[1]).sort()).toEqual([...Array(3).fill('articles'), ...Array(2).fill('conditions'), ...Array(4).fill('references')]);
    for (const [path, document] of pages) expect(document.documentElement.getAttribute('lang'), path).toBe(locale);
    for (const [path, document] of indexed) {
      const sortKeys = [...document.querySelectorAll('[data-pagefind-sort]')];
      expect(sortKeys.map((element) => element.getAttribute('data-pagefind-sort')), path).toEqual(['reviewed[data-value]']);
      expect(sortKeys[0]?.getAttribute('data-value'), path).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    }
  });
});

describe('search in Chromium', () => {
  it.each(['lumbago', 'LBP', 'low back pain'])('a lay query, "%s", finds the condition page and every summary about it, before any source', async (query) => {
    const results = await searchFromUrl(page, searchPage, { q: query });
    const explaining = ['Chronic low back pain', 'Exercise for a sore spine', 'Needle therapy for a sore spine'];
    expect(titles(results.slice(0, 3))).toEqual(explaining);
    expect(results.map((result) => result.title)).not.toContain('Needle therapy for painful knees');
  });

  it('finds a summary by its treatment\'s other names in content/treatments/, which its text does not use', async () => {
    // The disclaimer, which the index leaves out, names physiotherapists.
    const indexedText = [...built('/articles/exercise-back-pain/').querySelectorAll('.article-header, .article-body')].map((part) => part.textContent).join(' ');
    expect(indexedText).not.toMatch(/physio/iu);
    for (const query of ['physio', 'physiotherapy']) {
      const results = await searchFromUrl(page, searchPage, { q: query });
      expect(results.map((result) => result.title)).toEqual(['Exercise for a sore spine']);
    }
  });

  it('finds the knee pages by what patients call the condition', async () => {
    const results = await searchFromUrl(page, searchPage, { q: 'knee arthritis' });
    expect(titles(results.slice(0, 2))).toEqual(['Knee osteoarthritis', 'Needle therapy for painful knees']);
  });

  it('shows each result\'s type, conditions and last-reviewed date, linked with the base and without a trailing slash', async () => {
    const results = await searchFromUrl(page, searchPage, { q: 'lumbago', type: 'Evidence summary' });
    expect(results).toContainEqual(expect.objectContaining({
      type: 'Evidence summary',
      title: 'Exercise for a sore spine',
      href: '/library/articles/exercise-back-pain',
      conditions: 'Chronic low back pain',
      reviewed: 'Last reviewed 10 December 2025',
    }));
    await page.click('a[href="/library/articles/exercise-back-pain"]');
    expect(await page.locator('h1').textContent()).toBe('Exercise for a sore spine');
  });

  it.each([
    ['a DOI', '10.1016/j.jpain.2017.11.005', 'Acupuncture for Chronic Pain: Update of an Individual Patient Data Meta-Analysis'],
    ['a PMID shown only as a link', '19433697', 'A randomized trial comparing acupuncture, simulated acupuncture, and usual care for chronic low back pain'],
    ['an author', 'Hinman', 'Acupuncture for chronic knee pain: a randomized clinical trial'],
  ])('%s finds the reference page first', async (_what, query, title) => {
    const [first] = await searchFromUrl(page, searchPage, { q: query });
    expect(first).toMatchObject({ type: 'Reference', title });
  });

  it.each([
    ['https://doi.org/10.1016/j.jpain.2017.11.005', '10.1016/j.jpain.2017.11.005', 'Acupuncture for Chronic Pain: Update of an Individual Patient Data Meta-Analysis'],
    ['https://pubmed.ncbi.nlm.nih.gov/19433697/', '19433697', 'A randomized trial comparing acupuncture, simulated acupuncture, and usual care for chronic low back pain'],
    // As AMA and Vancouver reference lists print it; searched as it is, it ranked every page with "doi" first.
    ['doi:10.1016/j.jpain.2017.11.005', '10.1016/j.jpain.2017.11.005', 'Acupuncture for Chronic Pain: Update of an Individual Patient Data Meta-Analysis'],
  ])('searches a pasted link, %s, as the bare identifier and finds its reference page first', async (link, identifier, title) => {
    await page.goto(`${searchPage}?${new URLSearchParams({ q: link })}`);
    await page.waitForURL(`${searchPage}?${new URLSearchParams({ q: identifier })}`);
    await expect.poll(async () => (await readResults(page))[0]?.title).toBe(title);
    expect(await page.locator('pagefind-input input').inputValue()).toBe(identifier);
  });

  it.each([
    ['a DOI', '10.9999/not.on.this.site', 'DOI 10.9999/not.on.this.site'],
    ['a DOI link', 'https://doi.org/10.9999/not.on.this.site', 'DOI 10.9999/not.on.this.site'],
    ['a PMID', 'PMID 99999999', 'PMID 99999999'],
    ['a PMCID', 'PMC1234567', 'PMCID PMC1234567'],
  ])('lists no sources for %s no source has, rather than those whose identifiers start like it, and says so', async (_what, query, named) => {
    const { results, note } = await readSettledResults(page, searchPage, query);
    expect(results).toEqual([]);
    expect(note).toBe(`No source on this site has the ${named}. Check it against the source, or search for its title or first author.`);
  });

  it.each(['"10.1016/j.jpain.2017.11.005"', 'DOI 10.1016/j.JPAIN.2017.11.005', 'PMID 29198932', '"PMC5927830"'])('finds the source for an identifier it has, quoted, labelled or in capitals (%s), and says nothing is missing', async (query) => {
    const { results, note } = await readSettledResults(page, searchPage, query);
    expect(results[0]?.title).toBe('Acupuncture for Chronic Pain: Update of an Individual Patient Data Meta-Analysis');
    expect(note).toBe('');
  });

  // No page spells out "et al": it found nothing, with a link to "Vickers 2018" under "No page has every word".
  it('searches a citation without its "et al" and finds its reference page first', async () => {
    await page.goto(`${searchPage}?${new URLSearchParams({ q: 'Vickers et al., 2018' })}`);
    await page.waitForURL(`${searchPage}?q=Vickers+2018`);
    await expect.poll(async () => (await readResults(page))[0]?.title).toBe('Acupuncture for Chronic Pain: Update of an Individual Patient Data Meta-Analysis');
  });

  it('finds "Vickers" on the reference page', async () => {
    const results = await searchFromUrl(page, searchPage, { q: 'Vickers', type: 'Reference' });
    expect(results.map((result) => result.href)).toEqual(['/library/references/vickers2018acupuncture']);
  });

  it('narrows results with a facet, keeps it in the URL, and restores it from a shared link', async () => {
    const all = await searchFromUrl(page, searchPage, { q: 'needle therapy' });
    expect(new Set(all.map(about))).toEqual(new Set(['Chronic low back pain', 'Knee osteoarthritis']));
    await page.getByRole('checkbox', { name: /Knee osteoarthritis/u }).focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/condition=Knee\+osteoarthritis/u);
    await expect.poll(async () => (await readResults(page)).length).toBeLessThan(all.length);
    const narrowed = await readResults(page);
    expect(titles(narrowed)).toContain('Needle therapy for painful knees');
    expect(narrowed.every((result) => about(result).includes('Knee osteoarthritis'))).toBe(true);
    const shared = new URL(page.url());
    expect(shared.searchParams.get('q')).toBe('needle therapy');
    const reopened = await searchFromUrl(page, `${shared.origin}${shared.pathname}`, Object.fromEntries(shared.searchParams));
    expect(titles(reopened)).toEqual(titles(narrowed));
    expect(await page.getByRole('checkbox', { name: /Knee osteoarthritis/u }).isChecked()).toBe(true);
  });

  it('filters by highest evidence certainty without a query', async () => {
    const results = await searchFromUrl(page, searchPage, { certainty: 'High' });
    expect(titles(results)).toEqual(['Exercise for a sore spine']);
  });

  it('sorts by last reviewed, newest first, and keeps the sort in the URL', async () => {
    // "Last reviewed 1 March 2026" on a summary; a source or condition is dated by its newest summary.
    const reviewedDates = (results: Result[]) => results.map((result) => Date.parse(result.reviewed.match(/\d{1,2} \w+ \d{4}$/u)![0]));
    const newestFirst = (dates: number[]) => dates.every((date, i) => i === 0 || date <= dates[i - 1]!);
    const byRelevance = await searchFromUrl(page, searchPage, { q: 'spine' });
    expect(newestFirst(reviewedDates(byRelevance))).toBe(false);
    await page.selectOption('select[name="sort"]', 'reviewed');
    await page.waitForURL(/q=spine&sort=reviewed/u);
    await expect.poll(async () => newestFirst(reviewedDates(await readResults(page)))).toBe(true);
    expect(titles(await readResults(page))).toEqual(titles(byRelevance));
  });

  it('applies a query from the header form and shows it in the search box', async () => {
    await page.goto(site.url);
    await page.fill('#site-search-q', 'lumbago');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(`${searchPage}?q=lumbago`);
    expect(titles(await readResults(page))).toContain('Chronic low back pain');
    expect(await page.locator('pagefind-input input').inputValue()).toBe('lumbago');
  });

  it('searches the corrected words in place of a misspelt query, says so, and keeps the filters', async () => {
    await page.goto(`${searchPage}?${new URLSearchParams({ q: 'acupunture osteoarthritus', condition: 'Knee osteoarthritis' })}`);
    await page.waitForURL(`${searchPage}?q=acupuncture+osteoarthritis&condition=Knee+osteoarthritis`);
    const note = page.locator('[data-search-suggestion][data-checked="acupuncture osteoarthritis"]');
    await note.waitFor({ state: 'attached' });
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toBe('No page has “acupunture” or “osteoarthritus”: showing results for acupuncture osteoarthritis.');
    expect(await note.locator('a').getAttribute('href')).toBe('?q=acupuncture+osteoarthritis&condition=Knee+osteoarthritis');
    const corrected = await readResults(page);
    expect(corrected.length).toBeGreaterThan(0);
    expect(corrected.every((result) => about(result).includes('Knee osteoarthritis'))).toBe(true);
    expect(titles(corrected)).toEqual(titles(await searchFromUrl(page, searchPage, { q: 'acupuncture osteoarthritis', condition: 'Knee osteoarthritis' })));
  });

  it('offers the corrected query without its rarest words when no page holds them all', async () => {
    await page.goto(`${searchPage}?${new URLSearchParams({ q: 'lumbgao osteoarthritus', condition: 'Knee osteoarthritis' })}`);
    const note = page.locator('[data-search-suggestion][data-checked="lumbago osteoarthritis"]');
    await note.waitFor({ state: 'attached' });
    expect(await note.textContent()).toBe('No page has “lumbgao” or “osteoarthritus”: showing results for lumbago osteoarthritis. No page has every word of this search. Without “lumbago”: osteoarthritis (2 results).');
  });

  it('offers the query without its rarest words when no page holds them all, and its link searches it', async () => {
    await searchFromUrl(page, searchPage, { q: 'lumbago spaceship' });
    const suggestion = page.locator('[data-search-suggestion]');
    await page.locator('[data-search-suggestion][data-checked="lumbago spaceship"]').waitFor({ state: 'attached' });
    expect(await suggestion.isVisible()).toBe(true);
    expect(await suggestion.textContent()).toMatch(/^No page has every word of this search\. Without “spaceship”: lumbago \(\d+ results?\)\.$/u);
    await suggestion.locator('a').click();
    await page.waitForURL(`${searchPage}?q=lumbago`);
    expect(titles(await readResults(page))).toContain('Chronic low back pain');
    await page.locator('[data-search-suggestion][data-checked="lumbago"]').waitFor({ state: 'attached' });
    expect(await suggestion.isHidden()).toBe(true);
  });

  it('lists no pages Pagefind matched by the first letters of a word no page holds, and offers the rest of the query when one word is left', async () => {
    // Pagefind took "orthopaedic" for "or": it listed pages.
    const { results, note } = await readSettledResults(page, searchPage, 'orthopaedic lumbago');
    expect(results).toEqual([]);
    expect(note).toMatch(/^No page has every word of this search\. Without “orthopaedic”: lumbago \(\d+ results?\)\.$/u);
  });

  it('shows what the rest of the query finds when it keeps two words, and says which word was left out', async () => {
    // Pagefind left out "heart", which nothing starts like, and listed the pages with the rest unasked.
    const { results, note } = await readSettledResults(page, searchPage, 'heart needle therapy');
    expect(page.url()).toBe(`${searchPage}?q=needle+therapy`);
    expect(note).toBe('No page has every word of this search: showing results without “heart”, for needle therapy.');
    expect(results.length).toBeGreaterThan(0);
    expect(titles(results)).toEqual(titles(await searchFromUrl(page, searchPage, { q: 'needle therapy' })));
  });

  it('says what a misspelt query was read as when the rest of it is shown without a word', async () => {
    const { results, note } = await readSettledResults(page, searchPage, 'acupunture needle therapy spaceship');
    expect(note).toBe('No page has “acupunture”: read as acupuncture needle therapy spaceship. No page has every word of it: showing results without “spaceship”, for acupuncture needle therapy.');
    expect(titles(results)).toEqual(titles(await searchFromUrl(page, searchPage, { q: 'acupuncture needle therapy' })));
  });

  it('says what to try, and where to browse, when a search finds nothing and there is nothing else to offer', async () => {
    await searchFromUrl(page, searchPage, { q: 'zzyzx' });
    const note = page.locator('[data-search-suggestion][data-checked="zzyzx"]');
    await note.waitFor({ state: 'attached' });
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toBe('No page has “zzyzx”. Nothing on this site matches this search. Check the spelling, try fewer words, or try the everyday name of a condition or treatment. Or browse the evidence summaries, the conditions and the references.');
    expect(await note.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(['/library/articles', '/library/conditions', '/library/references']);
    // Nothing to filter or sort: no empty filter pane beside the note.
    expect(await page.locator('.search-filters').isVisible()).toBe(false);
    expect(await page.locator('.search-sort').isVisible()).toBe(false);
    await searchFromUrl(page, searchPage, { q: 'lumbago' });
    await page.locator('[data-search-suggestion][data-checked="lumbago"]').waitFor({ state: 'attached' });
    expect(await page.locator('[data-search-suggestion]').isHidden()).toBe(true);
    expect(await page.locator('.search-filters').isVisible()).toBe(true);
    expect(await page.locator('.search-sort').isVisible()).toBe(true);
  });

  it('axe finds no violations on the search page with results, facets and a corrected query', async () => {
    await searchFromUrl(page, searchPage, { q: 'osteoarthritus' });
    await page.locator('[data-search-suggestion]:not([hidden])').waitFor();
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
  });

  it('corrects from the site\'s own words, authors among them, and leaves correct queries alone', async () => {
    const { words: vocabulary }: SearchTerms = JSON.parse(readFileSync(join(outDir, 'search', 'terms.json'), 'utf8'));
    // "simulated" is only in a summary's text, neither in a title nor in a description.
    expect(vocabulary).toEqual(expect.arrayContaining(['lumbago', 'osteoarthritis', 'acupuncture', 'hinman', 'vickers', 'simulated']));
    for (const query of ['knee arthritis', 'Hinman', 'Vickers', 'needle therapy']) expect(suggestQuery(query, vocabulary)).toBeUndefined();
    await searchFromUrl(page, searchPage, { q: 'Hinman' });
    await page.locator('[data-search-suggestion][data-checked="Hinman"]').waitFor({ state: 'attached' });
    expect(await page.locator('[data-search-suggestion]').isHidden()).toBe(true);
  });

  it('does not index pages without data-pagefind-body', async () => {
    // "fixture" is in every summary's description, which the home page and the lists show too.
    const results = await searchFromUrl(page, searchPage, { q: 'fixture' });
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((result) => /^\/library\/(articles|conditions|references)\/[^/]+$/u.test(result.href))).toBe(true);
  });
});
