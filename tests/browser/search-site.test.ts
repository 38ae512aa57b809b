import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildSite } from '../site/helpers/build.ts';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { readResults, readSettledResults, searchFromUrl } from '../search/helpers/search-page.ts';
import { serveStatic, type StaticSite } from '../../scripts/browser/static-server.ts';
import { readPages } from '../site/helpers/html.ts';

// The bundled site (content/ and references/ of this project), built into a folder of its own.
const outDir = mkdtempSync(join(tmpdir(), 'search-site-'));
let site: StaticSite;
let browser: Browser;
let page: Page;
let searchPage: string;
/** For each condition page, the summaries about it, as the built summaries link to it. */
let summariesAbout: Map<string, string[]>;

beforeAll(async () => {
  buildSite('.', outDir);
  const pages = readPages(outDir);
  summariesAbout = new Map([...pages.keys()].filter((path) => /^\/conditions\/[^/]+\/$/u.test(path)).map((path) => [path, []]));
  for (const [path, document] of pages) {
    if (!/^\/articles\/[^/]+\/$/u.test(path)) continue;
    for (const link of document.querySelectorAll('.article-meta a[href^="/conditions/"]')) summariesAbout.get(link.getAttribute('href')!)?.push(path);
  }
  site = await serveStatic(outDir);
  searchPage = `${site.url}search/`;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 3000 } });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(outDir, { recursive: true, force: true });
});

const hrefs = (results: { href: string }[]) => results.map((result) => result.href);

describe('search on the bundled site', () => {
  // How a patient might put each bundled condition, as its file's alsoKnownAs or name has it.
  it.each([
    ['chronic-low-back-pain', 'lumbago'],
    ['chronic-low-back-pain', 'LBP'],
    ['chronic-low-back-pain', 'low back pain'],
    ['chronic-low-back-pain', 'sore back'],
    ['knee-osteoarthritis', 'knee arthritis'],
    ['knee-osteoarthritis', 'osteoarthritis of the knee'],
    ['migraine', 'migraine'],
    ['tension-type-headache', 'tension headache'],
    ['neck-pain', 'sore neck'],
    ['neck-pain', 'neck pain'],
  ])('puts the %s page and every summary about it first when a reader types "%s"', async (slug, query) => {
    const condition = `/conditions/${slug}/`;
    const summaries = summariesAbout.get(condition)!;
    expect(summaries.length).toBeGreaterThan(0);
    const results = await searchFromUrl(page, searchPage, { q: query });
    // Before any source, and before pages about other conditions.
    expect(hrefs(results.slice(0, summaries.length + 1)).sort()).toEqual([condition, ...summaries].sort());
    expect(await page.locator('pagefind-input input').inputValue()).toBe(query);
  });

  // Names a summary's text does not use, given in content/treatments/.
  it.each(['CBT', 'talking therapy', 'counselling', 'chiropractor', 'osteopath', 'meditation'])('puts the summary assessing the treatment first when a reader types "%s"', async (query) => {
    const results = await searchFromUrl(page, searchPage, { q: query });
    expect(results[0]?.href).toBe('/articles/non-drug-treatments-chronic-low-back-pain/');
  });

  it('covers every bundled condition above', () => {
    expect([...summariesAbout.keys()].sort()).toEqual(['chronic-low-back-pain', 'knee-osteoarthritis', 'migraine', 'neck-pain', 'tension-type-headache'].map((slug) => `/conditions/${slug}/`));
  });

  it.each([
    ['a DOI', '10.1016/j.jpain.2017.11.005', ['/references/vickers2018acupuncture/']],
    ['a PMID', '19433697', ['/references/cherkin2009randomized/']],
    ['an author', 'Vickers', ['/references/vickers2012acupuncture/', '/references/vickers2018acupuncture/']],
  ])('finds the source by %s ("%s")', async (_what, query, expected) => {
    const results = await searchFromUrl(page, searchPage, { q: query });
    expect(hrefs(results.slice(0, expected.length)).sort()).toEqual(expected);
    expect(results[0]?.type).toBe('Reference');
  });

  it.each([
    ['a Cochrane review number', 'CD001218', ['/references/linde2016migraine/']],
    ['a NICE guideline number', 'NG59', ['/references/nice2016ng59/']],
    ['a journal', 'Anesthesiology', ['/references/zhang2014mechanisms/']],
  ])('finds the source by %s ("%s")', async (_what, query, expected) => {
    const results = await searchFromUrl(page, searchPage, { q: query });
    expect(hrefs(results)).toEqual(expect.arrayContaining(expected));
  });

  // "migrane" too, before the search page searched its correction (below).
  it.each(['paediatric', 'CBT'])('finds no source by an author\'s initial for a word the site does not have ("%s")', async (query) => {
    const results = await searchFromUrl(page, searchPage, { q: query });
    expect(results.filter((result) => result.type === 'Reference')).toEqual([]);
  });

  it('answers a question by its subject, not by the page that happens to say "best"', async () => {
    const { results } = await readSettledResults(page, searchPage, 'best treatment for knee osteoarthritis');
    expect(results[0]?.href).toBe('/articles/acupuncture-knee-osteoarthritis/');
  });

  it('answers a question about a relative\'s pain by its subject', async () => {
    const { results, note } = await readSettledResults(page, searchPage, 'what helps my husbands back pain');
    expect(note).toBe('');
    expect(hrefs(results.slice(0, 2)).sort()).toEqual(['/articles/non-drug-treatments-chronic-low-back-pain/', '/conditions/chronic-low-back-pain/']);
  });

  it('shows a symptom without the word no page holds and without the words that only joined it', async () => {
    const { results, note } = await readSettledResults(page, searchPage, 'stiff knees in the morning');
    expect(note).toBe('No page has every word of this search: showing results without “morning”, for stiff knees.');
    expect(results.slice(0, 3).map((result) => result.href)).toContain('/conditions/knee-osteoarthritis/');
    expect(await page.locator('[data-search-suggestion] a').getAttribute('href')).toBe('?q=stiff+knees');
    // Narrowed by a filter, the results are still those of the shortened query, and the note says so.
    await page.getByRole('checkbox', { name: /Knee osteoarthritis/u }).check();
    await page.waitForURL(/q=stiff\+knees&condition=Knee\+osteoarthritis/u);
    await expect.poll(() => page.locator('[data-search-suggestion]').evaluate((element) => ((element as HTMLElement).hidden ? '' : element.textContent))).toBe(note);
  });

  it('leaves an everyday word the site lacks as typed, rather than "correcting" it to a word one letter away', async () => {
    // The site has "might" and no "night": the search was "neck pain at might".
    const { results, note } = await readSettledResults(page, searchPage, 'neck pain at night');
    expect(note).toBe('No page has every word of this search: showing results without “night”, for neck pain.');
    expect(results.slice(0, 3).map((result) => result.href)).toContain('/conditions/neck-pain/');
  });

  it('offers each word alone when two words are each on pages but never together', async () => {
    const { results, note } = await readSettledResults(page, searchPage, 'sciatica exercises');
    expect(results).toEqual([]);
    expect(note).toMatch(/^No page has every word of this search\. Without “sciatica”: exercises \(\d+ results?\)\. Without “exercises”: sciatica \(\d+ results?\)\.$/u);
    expect(await page.locator('[data-search-suggestion] a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(['?q=exercises', '?q=sciatica']);
  });

  it('offers, rather than shows, a single word left of a condition no page is about', async () => {
    // "heart attack" without "heart" is "attack", which migraine pages hold.
    const { results, note } = await readSettledResults(page, searchPage, 'heart attack');
    expect(results).toEqual([]);
    expect(note).toMatch(/^No page has every word of this search\. Without “heart”: attack \(\d+ results?\)\.$/u);
  });

  it('keeps a long query clear of the search box\'s Clear button', async () => {
    await searchFromUrl(page, searchPage, { q: 'best treatment for knee osteoarthritis in older people' });
    const { textEnd, clearStart } = await page.locator('pagefind-input').evaluate((box) => {
      const input = box.querySelector('input')!;
      return { textEnd: input.getBoundingClientRect().right - parseFloat(getComputedStyle(input).paddingInlineEnd), clearStart: box.querySelector('.pf-input-clear')!.getBoundingClientRect().left };
    });
    expect(textEnd).toBeLessThanOrEqual(clearStart);
  });

  it('reads a compound typed as two words as the one word the site has', async () => {
    const { results, note } = await readSettledResults(page, searchPage, 'pain killers');
    expect(note).toBe('No page has “pain killers”: showing results for painkillers.');
    expect(results[0]?.href).toBe('/articles/non-drug-treatments-chronic-low-back-pain/');
  });

  it('reads words typed without their spaces as the site\'s words', async () => {
    const { results, note } = await readSettledResults(page, searchPage, 'lowerbackpain');
    expect(note).toBe('No page has “lowerbackpain”: showing results for lower back pain.');
    expect(hrefs(results.slice(0, 2)).sort()).toEqual(['/articles/non-drug-treatments-chronic-low-back-pain/', '/conditions/chronic-low-back-pain/']);
  });

  it('reads a patient\'s word for a symptom as the word the pages use', async () => {
    const { results, note } = await readSettledResults(page, searchPage, 'back hurts');
    expect(note).toBe('No page has “hurts”: showing results for back pain.');
    expect(hrefs(results.slice(0, 2)).sort()).toEqual(['/articles/non-drug-treatments-chronic-low-back-pain/', '/conditions/chronic-low-back-pain/']);
  });

  it('corrects a misspelling to a word that only a source\'s title has', async () => {
    const { results, note } = await readSettledResults(page, searchPage, 'sciatia');
    expect(note).toBe('No page has “sciatia”: showing results for sciatica.');
    expect(hrefs(results.slice(0, 2)).sort()).toEqual(['/references/bernstein2017nice/', '/references/nice2016ng59/']);
  });

  it('runs a search typed in the header on any page, summaries before their sources', async () => {
    await page.goto(`${site.url}conditions/`);
    await page.fill('#site-search-q', 'acupuncture');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(`${searchPage}?q=acupuncture`);
    const results = await readResults(page);
    expect(results[0]).toMatchObject({ type: 'Evidence summary', title: 'Acupuncture for chronic pain', href: '/articles/acupuncture-chronic-pain/' });
    expect(results[0]?.conditions).toMatch(/Chronic low back pain/u);
    expect(results[0]?.reviewed).toMatch(/^Last reviewed \d{1,2} \w+ \d{4}$/u);
    const types = results.map((result) => result.type);
    expect(types.lastIndexOf('Evidence summary')).toBeLessThan(types.indexOf('Reference'));
    expect(await page.locator('pagefind-input input').inputValue()).toBe('acupuncture');
  });

  it('narrows results with a facet and keeps it in the URL', async () => {
    const all = await searchFromUrl(page, searchPage, { q: 'acupuncture' });
    await page.getByRole('checkbox', { name: /^Migraine/u }).check();
    await page.waitForURL(/condition=Migraine/u);
    await expect.poll(async () => (await readResults(page)).length).toBeLessThan(all.length);
    const narrowed = await readResults(page);
    expect(hrefs(narrowed)).toContain('/articles/acupuncture-chronic-pain/');
    expect(hrefs(narrowed)).not.toContain('/articles/acupuncture-knee-osteoarthritis/');
    expect(narrowed.every((result) => result.type === 'Condition' ? result.title === 'Migraine' : result.conditions.includes('Migraine'))).toBe(true);
  });

  // Pagefind found "acupunture" by its longest start that some page holds, "a": the sources with "a" in their
  // titles came first, and "migrane" found nothing, under a "Did you mean".
  it.each([
    ['acupunture', 'acupuncture', '/articles/acupuncture-chronic-pain/'],
    ['migrane', 'migraine', '/conditions/migraine/'],
    // A journal's name in the other spelling: Zhang 2014 is in Anesthesiology.
    ['anaesthesiology', 'anesthesiology', '/references/zhang2014mechanisms/'],
  ])('shows the results of the corrected word in place of a misspelling\'s ("%s"), and says so', async (query, corrected, first) => {
    await page.goto(`${searchPage}?${new URLSearchParams({ q: query })}`);
    const note = page.locator(`[data-search-suggestion][data-checked="${corrected}"]`);
    await note.waitFor({ state: 'attached' });
    expect(await note.textContent()).toBe(`No page has “${query}”: showing results for ${corrected}.`);
    const results = await readResults(page);
    expect(results[0]?.href).toBe(first);
    expect(hrefs(results)).toEqual(hrefs(await searchFromUrl(page, searchPage, { q: corrected })));
  });

  // Counting what other queries find made a second engine, which fetched the wasm and index chunks again:
  // 59 KB more on a cold misspelt search.
  it('loads the search engine and its index once for a misspelt query and the queries it counts', async () => {
    const fresh = await browser.newPage();
    const from = site.requests.length;
    await fresh.goto(`${searchPage}?q=acupunture+spaceship`);
    // Searched as a phrase: Pagefind matched "spaceship" by its first letters.
    await fresh.locator('[data-search-suggestion][data-checked=\'"acupuncture spaceship"\']').waitFor({ state: 'attached' });
    expect(await fresh.locator('[data-search-suggestion]').textContent()).toMatch(/^No page has “acupunture”: showing results for acupuncture spaceship\. No page has every word of this search\. Without “spaceship”: acupuncture \(\d+ results\)\.$/u);
    const paths = site.requests.slice(from).map((request) => request.path).filter((path) => /\/pagefind\/(wasm\.|index\/|pagefind\.)/u.test(path));
    expect(paths.filter((path) => path.includes('/wasm.'))).toHaveLength(1);
    expect(paths.length).toBe(new Set(paths).size);
    await fresh.close();
  });

  // The words the search page corrects are the summaries' own; these are on source pages only (an author,
  // a word of a title), one or two letters from "standard", "german" and "meta-analyses".
  it.each(['Stannard', 'Berman', 'meta-analysis'])('offers no correction for a word a source page holds ("%s")', async (query) => {
    const results = await searchFromUrl(page, searchPage, { q: query });
    expect(results.filter((result) => result.type === 'Reference').length).toBeGreaterThan(0);
    await page.locator(`[data-search-suggestion][data-checked="${query}"]`).waitFor({ state: 'attached' });
    expect(await page.locator('[data-search-suggestion]').isHidden()).toBe(true);
  });

  it('shows who wrote a source, where and when, though the excerpt starts in the middle of its author list', async () => {
    const results = await searchFromUrl(page, searchPage, { q: 'Bennell' });
    const trial = results.find((result) => result.href === '/references/hinman2014acupuncture/');
    expect(trial?.excerpt).not.toMatch(/^Acupuncture|Hinman/u);
    expect(trial?.source).toBe('Hinman et al · JAMA · 2014');
    expect(results.filter((result) => result.type !== 'Reference').map((result) => result.source)).toEqual(results.filter((result) => result.type !== 'Reference').map(() => ''));
  });

  it('keeps citation numbers out of result excerpts', async () => {
    // The summary's low back pain section ends "…for low back pain.⁵,¹²" just before "Knee pain".
    const results = await searchFromUrl(page, searchPage, { q: 'knee pain' });
    const summary = results.find((result) => result.href === '/articles/acupuncture-chronic-pain/');
    expect(summary?.excerpt).toMatch(/low back pain\. Knee pain/u);
  });

  it('keeps the bibliography out of the index', async () => {
    // "Vertosick" appears only in the reference list of the summary.
    const results = await searchFromUrl(page, searchPage, { q: 'Vertosick' });
    expect(hrefs(results)).toContain('/references/vickers2018acupuncture/');
    expect(hrefs(results)).not.toContain('/articles/acupuncture-chronic-pain/');
  });
});
