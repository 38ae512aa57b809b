import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../site/helpers/build.ts';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { serveStatic, type StaticSite } from '../../scripts/browser/static-server.ts';

// The real templates with what a real evidence library holds (tests/fixtures/site-pages): a summary
// citing 120 sources with a table, footnotes and nested lists; a source with 40 authors, a 432-character
// title, titles in Chinese, Japanese, Arabic and Hebrew, no date, only a URL, unbreakable words.
const AXE = createRequire(import.meta.url)('axe-core').source as string;
const outDir = fileURLToPath(new URL('../fixtures/site-pages/dist/', import.meta.url));
let server: StaticSite;
let browser: Browser;

beforeAll(async () => {
  rmSync(outDir, { recursive: true, force: true });
  server = await serveStatic(buildSite('tests/fixtures/site-pages', outDir));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, { width = 1280 } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${server.origin}${path}`);
  return page;
}

const pageTypes = ['/', '/articles/', '/articles/big/', '/conditions/', '/conditions/chronic-pain/', '/references/', '/references/by-journal/',
  '/references/forty2021/', '/references/long2022/', '/references/urlonly/', '/references/longword/', '/references/ar2021/', '/about/', '/404.html'];

describe('a phone', () => {
  it('shows every page type without sideways scrolling, at 320 px (1280 px at 400% zoom) and 390 px', async () => {
    for (const width of [320, 390]) {
      const page = await open('/', { width });
      for (const path of pageTypes) {
        await page.goto(`${server.origin}${path}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} at ${width} px`).toBeLessThanOrEqual(width);
      }
      await page.close();
    }
  });

  it('scrolls a table written in a summary within itself, its first column in view', async () => {
    const page = await open('/articles/big/', { width: 320 });
    const table = page.locator('.article-body .table-scroll').first();
    const box = await table.evaluate((node) => ({ scroll: node.scrollWidth, client: node.clientWidth, right: node.getBoundingClientRect().right, header: getComputedStyle(node.querySelector('th')!).textAlign }));
    expect(box.scroll).toBeGreaterThan(box.client);
    expect(box.right).toBeLessThanOrEqual(320);
    // Column headings line up with their cells, as in the findings table, not centred over them.
    expect(box.header).toBe('start');
    await page.close();
  });

  it('lets a keyboard scroll a table with no link in it, and axe finds no violations on the article', async () => {
    const page = await open('/articles/big/', { width: 320 });
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => (await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string }[] }> } }).axe.run()).violations.map((v) => v.id));
    expect(violations).toEqual([]);
    const doses = page.locator('.table-scroll', { hasText: 'Sessions per week' });
    await doses.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    // Chromium scrolls by key smoothly: on a busy machine the offset arrives a few frames later.
    await expect.poll(() => doses.evaluate((node) => node.scrollLeft)).toBeGreaterThan(0);
    await page.close();
  });
});

describe('a reference list of more than 99 sources', () => {
  it('keeps each number on one line, beside its reference, at phone and desktop widths', async () => {
    for (const width of [390, 1280]) {
      const page = await open('/articles/big/', { width });
      const wrapped = await page.locator('.reference-label').evaluateAll((labels) => labels.filter((label) => {
        const range = document.createRange();
        range.selectNodeContents(label);
        return range.getClientRects().length > 1 || label.scrollWidth > label.clientWidth;
      }).map((label) => label.textContent));
      expect(wrapped, `${width} px`).toEqual([]);
      await page.close();
    }
  });
});

describe('printing', () => {
  it('prints every column of a wide table written in a summary: paper does not scroll', async () => {
    // An A4 page less Chromium's default margins, in CSS pixels.
    const paper = 718;
    const page = await open('/articles/big/', { width: paper });
    await page.emulateMedia({ media: 'print' });
    const tables = await page.locator('.article-body .table-scroll').evaluateAll((nodes) => nodes.map((box) => ({
      hidden: box.scrollWidth - box.clientWidth,
      right: Math.round(box.querySelector('table')!.getBoundingClientRect().right),
    })));
    expect(tables.length).toBe(3);
    for (const table of tables) expect(table.hidden).toBe(0);
    for (const table of tables) expect(table.right).toBeLessThanOrEqual(paper);
    await page.close();
  });

  it('writes out a web address once, also one with "&" in it', async () => {
    const page = await open('/articles/big/');
    await page.emulateMedia({ media: 'print' });
    for (const key of ['who2023', 'urlonly']) {
      const printed = await page.locator(`#ref-${key} .reference-body`).innerText();
      const href = (await page.locator(`#ref-${key} .reference-links a[rel="external"]`).getAttribute('href'))!;
      expect(printed.split(href).length - 1, key).toBe(1);
      expect(printed, key).not.toContain('Web page');
    }
    await page.close();
  });
});

describe('a source in a right-to-left script', () => {
  // Where on screen each of `parts` starts, left to right, in the first element matching `selector`.
  async function order(page: Page, selector: string, parts: string[]): Promise<number[]> {
    return page.locator(selector).first().evaluate((root, words) => words.map((word) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(word);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        return range.getBoundingClientRect().left;
      }
      throw new Error(`no "${word}" in ${root.textContent}`);
    }), parts);
  }

  it('keeps the year, volume and pages after it in reading order, in the reference list and on its page', async () => {
    const page = await open('/articles/big/');
    // "حداد س. فعالية …. المجلة الطبية العربية. 2021;12:33-41." displayed as "41-12:33;2021." without isolation.
    const [year, volume, pages] = await order(page, '#ref-ar2021 .reference-text', ['2021', ';12', '33-41']);
    expect(year).toBeLessThan(volume!);
    expect(volume).toBeLessThan(pages!);
    await page.goto(`${server.origin}/references/ar2021/`);
    const [pageYear, pagePages] = await order(page, '.formatted-reference', ['2021', '33-41']);
    expect(pageYear).toBeLessThan(pagePages!);
    // The breadcrumb reads "حداد 2021", the name first, not "2021 حداد".
    const [name, crumbYear] = await order(page, '.breadcrumbs [aria-current]', ['حداد', '2021']);
    expect(name).toBeLessThan(crumbYear!);
    await page.close();
  });

  it('sets its title right to left on its page, and a left-to-right title left to right', async () => {
    const page = await open('/references/he2018/');
    expect(await page.locator('h1').evaluate((h1) => getComputedStyle(h1).direction)).toBe('rtl');
    await page.goto(`${server.origin}/references/long2022/`);
    expect(await page.locator('h1').evaluate((h1) => getComputedStyle(h1).direction)).toBe('ltr');
    await page.close();
  });
});

describe('a source in another language', () => {
  it('marks its title with its language, from the record (a code or BibLaTeX langid), and not a title in the page language', async () => {
    const page = await open('/references/ja2019/');
    const lang = () => page.locator('h1').getAttribute('lang');
    expect(await lang()).toBe('ja');
    await page.goto(`${server.origin}/references/zh2020/`);
    expect(await lang()).toBe('zh-CN');
    await page.goto(`${server.origin}/references/long2022/`);
    expect(await lang()).toBeNull();
    await page.goto(`${server.origin}/references/`);
    expect(await page.locator('a.ref-title[href$="/he2018/"]').getAttribute('lang')).toBe('he');
    await page.close();
  });
});

describe('a source with a 432-character title', () => {
  it('sets it small enough on a phone that its reference starts on the first screen', async () => {
    const page = await open('/references/long2022/', { width: 390 });
    const top = await page.locator('.formatted-reference').evaluate((node) => node.getBoundingClientRect().top);
    expect(top).toBeLessThan(900);
    // A title of ordinary length stays a full-size heading.
    const size = (path: string) => page.goto(`${server.origin}${path}`).then(() => page.locator('h1').evaluate((h1) => parseFloat(getComputedStyle(h1).fontSize)));
    expect(await size('/references/forty2021/')).toBeGreaterThan(await size('/references/long2022/'));
    await page.close();
  });
});

describe('the references table on a phone', () => {
  it('labels each value with its column, and shows no label over an empty cell (a web page has no journal)', async () => {
    const page = await open('/references/', { width: 390 });
    const row = page.locator('tr', { has: page.locator('a[href$="/who2023/"]') });
    const cells = await row.locator('td').evaluateAll((tds) => tds.filter((td) => getComputedStyle(td).display !== 'none')
      .map((td) => `${getComputedStyle(td, '::before').content} ${td.textContent!.trim()}`));
    expect(cells).toEqual(['"Source" World Health OrganizationGuidelines for the management of chronic primary low back pain in adults', '"Year" 2023', '"Cited in" 1 summary']);
    const leaflet = await page.locator('tr', { has: page.locator('a[href$="/nodate/"]') }).locator('td').nth(2).evaluate((td) => getComputedStyle(td, '::before').content);
    expect(leaflet).toBe('"Journal or publisher"');
    await page.close();
  });
});

describe('the built pages', () => {
  it("carry no template comments: an editor's note on a template was sent to readers on every page", () => {
    const html = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
    expect(html.length).toBeGreaterThan(100);
    expect(html.filter((file) => readFileSync(join(outDir, file), 'utf8').includes('<!--'))).toEqual([]);
  });
});
