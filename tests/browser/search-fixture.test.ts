import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import type { Browser, Page } from 'playwright-core';
import { buildSite } from '../search/helpers/build.ts';
import { launchChromium, readResults, searchFromUrl, type Result } from '../search/helpers/search-page.ts';
import { serveStatic, type StaticSite } from '../search/helpers/static-server.ts';

// The fixture site is served under /library with trailingSlash: 'never' (see its astro.config.mjs).
const root = 'tests/fixtures/search-site';
const outDir = fileURLToPath(new URL('../fixtures/search-site/dist/', import.meta.url));
let site: StaticSite;
let browser: Browser;
let page: Page;
let searchPage: string;

const titles = (results: Result[]) => results.map((result) => result.title).sort();
// A condition page's result is titled with its condition; every other result lists its conditions.
const about = (result: Result) => (result.type === 'Condition' ? result.title : result.conditions);

beforeAll(async () => {
  rmSync(outDir, { recursive: true, force: true });
  buildSite(root, outDir);
  site = await serveStatic(outDir, '/library');
  searchPage = `${site.url}search`;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 3000 } });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the built index', () => {
  const htmlFiles = () => readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));

  it('is written to dist/pagefind/ by the build itself', () => {
    expect(existsSync(join(outDir, 'pagefind/pagefind.js'))).toBe(true);
    expect(existsSync(join(outDir, 'pagefind/pagefind-component-ui.js'))).toBe(true);
  });

  it('has <html lang> on every page, and exactly one sort key on every indexed page', () => {
    const pages = htmlFiles().map((file) => ({ file, document: parseHTML(readFileSync(join(outDir, file), 'utf8')).document }));
    const indexed = pages.filter(({ document }) => document.querySelector('[data-pagefind-body]'));
    expect(indexed.map(({ file }) => file.split('/')[0]).sort()).toEqual([...Array(3).fill('articles'), ...Array(2).fill('conditions'), ...Array(4).fill('references')]);
    for (const { file, document } of pages) expect(document.documentElement.getAttribute('lang'), file).toBe('en');
    for (const { file, document } of indexed) {
      const sortKeys = [...document.querySelectorAll('[data-pagefind-sort]')];
      expect(sortKeys.map((element) => element.getAttribute('data-pagefind-sort')), file).toEqual(['reviewed[data-value]']);
      expect(sortKeys[0]?.getAttribute('data-value'), file).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    }
  });
});

describe('search in Chromium', () => {
  it.each(['lumbago', 'LBP', 'low back pain'])('a lay query, "%s", finds the condition page and every summary about it', async (query) => {
    const results = await searchFromUrl(page, searchPage, { q: query });
    expect(titles(results)).toEqual(expect.arrayContaining(['Chronic low back pain', 'Exercise for a sore spine', 'Needle therapy for a sore spine']));
    expect(results.map((result) => result.title)).not.toContain('Needle therapy for painful knees');
  });

  it('finds the knee pages by what patients call the condition', async () => {
    const results = await searchFromUrl(page, searchPage, { q: 'knee arthritis' });
    expect(titles(results)).toEqual(expect.arrayContaining(['Knee osteoarthritis', 'Needle therapy for painful knees']));
  });

  it('shows each result\'s type, conditions and last-reviewed date, linked with the base and without a trailing slash', async () => {
    const results = await searchFromUrl(page, searchPage, { q: 'lumbago', type: 'Evidence summary' });
    expect(results).toContainEqual({
      type: 'Evidence summary',
      title: 'Exercise for a sore spine',
      href: '/library/articles/exercise-back-pain',
      conditions: 'Chronic low back pain',
      reviewed: 'Last reviewed 10 December 2025',
    });
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
    const reviewedDates = (results: Result[]) => results.map((result) => Date.parse(result.reviewed.replace('Last reviewed ', '')));
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

  it('does not index pages without data-pagefind-body', async () => {
    const results = await searchFromUrl(page, searchPage, { q: 'fixture' });
    expect(results.map((result) => result.href)).not.toContain('/library');
  });
});
