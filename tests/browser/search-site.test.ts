import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildSite } from '../search/helpers/build.ts';
import { launchChromium, readResults, searchFromUrl } from '../search/helpers/search-page.ts';
import { serveStatic, type StaticSite } from '../search/helpers/static-server.ts';

// The bundled site, built from the repository root into a folder of its own.
const outDir = mkdtempSync(join(tmpdir(), 'search-site-'));
let site: StaticSite;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  buildSite('.', outDir);
  site = await serveStatic(outDir);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 3000 } });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe('search on the bundled site', () => {
  // How a patient might put each bundled condition; the summary must come up for every one.
  it.each([
    ['chronic low back pain', 'back pain'],
    ['neck pain', 'neck pain'],
    ['knee osteoarthritis', 'knee pain'],
    ['migraine', 'migraine'],
    ['tension-type headache', 'headache'],
  ])('finds the summary about %s when a reader types "%s"', async (_condition, query) => {
    const results = await searchFromUrl(page, `${site.url}search/`, { q: query });
    expect(results.map((result) => result.href)).toContain('/articles/acupuncture-chronic-pain/');
  });

  it('runs a search typed in the header on any page, and shows the result with its conditions and review date', async () => {
    await page.goto(site.url);
    await page.fill('#site-search-q', 'acupuncture');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(`${site.url}search/?q=acupuncture`);
    const [first] = await readResults(page);
    expect(first).toMatchObject({ type: 'Evidence summary', title: 'Acupuncture for chronic pain', href: '/articles/acupuncture-chronic-pain/' });
    expect(first?.conditions).toMatch(/Chronic low back pain/u);
    expect(first?.reviewed).toMatch(/^Last reviewed \d{1,2} \w+ \d{4}$/u);
    expect(await page.locator('pagefind-input input').inputValue()).toBe('acupuncture');
  });

  it('keeps the bibliography out of the index', async () => {
    // "Vertosick" appears only in the reference list of the summary.
    const results = await searchFromUrl(page, `${site.url}search/`, { q: 'Vertosick' });
    expect(results.map((result) => result.href)).not.toContain('/articles/acupuncture-chronic-pain/');
  });
});
