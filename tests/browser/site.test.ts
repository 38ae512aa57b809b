import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundledSite } from '../site/helpers/build.ts';
import { item } from '../site/helpers/library.ts';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { serveStatic, type StaticSite } from '../../scripts/browser/static-server.ts';

const AXE = createRequire(import.meta.url)('axe-core').source as string;

let server: StaticSite;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(buildBundledSite());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, options: { javaScript?: boolean; width?: number; touch?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true, viewport: { width: options.width ?? 1280, height: 900 }, hasTouch: options.touch ?? false });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('close', () => expect(errors).toEqual([]));
  await page.goto(`${server.origin}${path}`);
  return page;
}

describe('a clinician following a claim to its source', () => {
  it('goes home → condition → summary → reference page → back to the citing sentence', async () => {
    const page = await open('/', { javaScript: false });
    await page.getByRole('link', { name: 'Chronic low back pain' }).first().click();
    expect(new URL(page.url()).pathname).toBe('/conditions/chronic-low-back-pain/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Chronic low back pain');

    await page.getByRole('link', { name: 'Treatments without drugs for chronic low back pain' }).click();
    expect(new URL(page.url()).pathname).toBe('/articles/non-drug-treatments-chronic-low-back-pain/');

    // Without JavaScript a citation jumps to its entry in the reference list.
    const citation = page.locator('a.citation-link[data-key="cherkin2009randomized"]').first();
    await citation.click();
    expect(new URL(page.url()).hash).toBe('#ref-cherkin2009randomized');
    await page.locator('#ref-cherkin2009randomized').getByRole('link', { name: 'Source page' }).click();
    expect(new URL(page.url()).pathname).toBe('/references/cherkin2009randomized/');

    const citing = page.locator('.citing-article', { hasText: 'Treatments without drugs for chronic low back pain' });
    const passage = citing.locator('.citing-places li', { hasText: '638 adults' });
    await passage.locator('.go-to-citation a').first().click();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/articles/non-drug-treatments-chronic-low-back-pain/');
    const target = page.locator(url.hash);
    await expect(target.getAttribute('data-key')).resolves.toBe('cherkin2009randomized');
    // The citation is in the sentence the reference page quoted, and it is on screen.
    const paragraph = await target.evaluate((node) => node.closest('p, td')!.textContent!.replace(/\s+/gu, ' '));
    expect(paragraph).toContain('638 adults');
    expect(await target.isVisible()).toBe(true);
    await page.close();
  });

  it('lands on the claim from a back-link: its paragraph or cell marked, well down the screen, no preview over it', async () => {
    const page = await open('/articles/non-drug-treatments-chronic-low-back-pain/');
    await page.locator('.references .backlinks a').first().click();
    await page.waitForFunction(() => location.hash.startsWith('#cite-'));
    const landed = await page.evaluate(() => {
      const target = document.querySelector(':target')!;
      const holder = target.closest('p, li, td')!;
      return { top: target.getBoundingClientRect().top, height: innerHeight, marked: getComputedStyle(holder).backgroundColor, plain: getComputedStyle(document.querySelector('.article-body p:not(:has(:target))')!).backgroundColor };
    });
    expect(landed.top).toBeGreaterThan(landed.height / 4);
    expect(landed.marked).not.toBe(landed.plain);
    expect(await page.locator('.citation-preview').count()).toBe(0);
    await page.close();
  });

  it('marks the range a source is collapsed into ("1–3") when a back-link lands on it, not an empty box', async () => {
    const page = await open('/articles/acupuncture-chronic-pain/');
    const hidden = await page.locator('.citation-anchor').first().getAttribute('id');
    await page.locator(`.backlinks a[href="#${hidden}"]`).click();
    await page.waitForFunction((id) => location.hash === `#${id}`, hidden);
    const marked = await page.evaluate(() => {
      const anchor = document.querySelector(':target')!;
      const range = anchor.closest('.citation')!.querySelector(':scope > sup, :scope > span')!;
      return { anchor: getComputedStyle(anchor).outlineStyle, range: getComputedStyle(range).outlineStyle, text: range.textContent };
    });
    expect(marked).toEqual({ anchor: 'none', range: 'solid', text: expect.stringMatching(/^\d+–\d+$/u) });
    await page.close();
  });

  it('copies a link to a key finding', async () => {
    const page = await open('/articles/acupuncture-chronic-pain/');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const row = page.locator('#finding-pain-vs-sham');
    await row.getByRole('link', { name: /Copy link/u }).click();
    await expect(row.getByRole('status').textContent()).resolves.toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.origin}/articles/acupuncture-chronic-pain/#finding-pain-vs-sham`);
    await page.close();
  });
});

describe('printing', () => {
  it('prints an article as a handout: no navigation or controls, source URLs written out', async () => {
    const page = await open('/articles/acupuncture-chronic-pain/');
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.site-footer', '.breadcrumbs', '.copy-button', '.cite-box .downloads', '.backlinks', 'text=For Zotero, EndNote']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    expect(await page.locator('.print-only').textContent()).toContain('https://evidence.example.org/articles/acupuncture-chronic-pain/');
    const written = await page.locator('#ref-vickers2018acupuncture .reference-links a[href^="https://pubmed"]').evaluate((node) => getComputedStyle(node, '::after').content);
    expect(written).toBe('": https://pubmed.ncbi.nlm.nih.gov/29198932/"');
    // The site's own "Source page" link is left out of print, and the separator before it with it.
    const printedLinks = await page.locator('.reference-links').evaluateAll((lists) => lists.map((list) => (list as HTMLElement).innerText.trim()));
    expect(printedLinks.length).toBeGreaterThan(3);
    // Nor is the DOI link, which the printed reference already writes out ("doi:10.…"), nor a web page
    // whose address the reference prints (NICE's guideline was printed with its address twice).
    for (const text of printedLinks) expect(text).not.toMatch(/^·|·$|DOI|Web page/u);
    expect(await page.locator('#ref-nice2016ng59 .reference-text').innerText()).toContain('https://www.nice.org.uk/guidance/ng59');
    await page.close();
  });
});

describe('citation previews', () => {
  it('open on keyboard focus with every source of the cluster, and close with Esc', async () => {
    const page = await open('/articles/acupuncture-chronic-pain/');
    // "…about 90% of the benefit over no acupuncture remained [@macpherson2017persistence; @vickers2018acupuncture]."
    const cluster = page.locator('.citation[data-cites="macpherson2017persistence vickers2018acupuncture"]');
    const first = cluster.locator('a.citation-link').first();

    // Tab to the citation from the start of its paragraph, as a keyboard user would.
    await first.evaluate((node) => {
      const paragraph = node.closest('p')!;
      paragraph.tabIndex = -1;
      paragraph.focus();
    });
    await page.keyboard.press('Tab');
    await expect(first.evaluate((node) => node === document.activeElement)).resolves.toBe(true);
    const dialog = page.getByRole('dialog', { name: '2 sources cited here' });
    await expect(dialog.isVisible()).resolves.toBe(true);
    expect(await dialog.locator('.preview-entry').count()).toBe(2);
    expect(await dialog.textContent()).toContain('The persistence of the effects of acupuncture');
    expect(await dialog.textContent()).toContain('Update of an Individual Patient Data Meta-Analysis');

    // Tab moves through the cluster's other citation, with the preview still open, then on to the next
    // citation, past the preview's links: one stop per citation (they are a click away in the list).
    await page.keyboard.press('Tab');
    await expect(cluster.locator('a.citation-link').nth(1).evaluate((node) => node === document.activeElement)).resolves.toBe(true);
    await expect(dialog.isVisible()).resolves.toBe(true);
    expect(await dialog.locator('a').count()).toBeGreaterThan(2);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement!.closest('.citation-preview') === null && document.activeElement!.classList.contains('citation-link'))).toBe(true);
    expect(await cluster.evaluate((node) => node.contains(document.activeElement))).toBe(false);

    await page.keyboard.press('Escape');
    expect(await page.locator('.citation-preview').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement!.classList.contains('citation-link'))).toBe(true);
    await page.close();
  });

  it('stay open while the pointer moves onto them (WCAG 1.4.13)', async () => {
    const page = await open('/articles/acupuncture-chronic-pain/');
    await page.locator('.citation-link[data-key="hinman2014acupuncture"]').first().hover();
    const dialog = page.getByRole('dialog');
    await expect(dialog.isVisible()).resolves.toBe(true);
    await dialog.hover();
    await page.waitForTimeout(500);
    await expect(dialog.isVisible()).resolves.toBe(true);
    await page.mouse.move(5, 5);
    await page.waitForTimeout(500);
    expect(await dialog.count()).toBe(0);
    await page.close();
  });

  it('open on a tap, and the tap does not jump away; the preview links to the list', async () => {
    const page = await open('/articles/acupuncture-chronic-pain/', { width: 390, touch: true });
    await page.locator('.citation-link[data-key="hinman2014acupuncture"]').first().tap();
    const dialog = page.getByRole('dialog');
    await expect(dialog.isVisible()).resolves.toBe(true);
    expect(new URL(page.url()).hash).toBe('');
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await dialog.getByRole('link', { name: 'Go to the reference list' }).tap();
    expect(new URL(page.url()).hash).toBe('#ref-hinman2014acupuncture');
    await page.close();
  });

  it('keep the article script to a few kilobytes', async () => {
    const page = await open('/articles/acupuncture-chronic-pain/');
    const bytes = await page.evaluate(() => [...document.querySelectorAll('script:not([type="application/ld+json"])')].reduce((n, s) => n + (s.textContent?.length ?? 0), 0));
    expect(bytes).toBeLessThan(6000);
    await page.close();
  });
});

describe('exports', () => {
  it('download files that citation-js reads back as the same references', async () => {
    const page = await open('/articles/acupuncture-chronic-pain/');
    const keys = await page.locator('li.reference').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-key')!));
    const hrefs = await page.locator('.cite-box .downloads a').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('href')!));
    expect(hrefs.map((h) => h.split('.').pop())).toEqual(['bib', 'ris', 'json']);
    for (const href of hrefs) {
      const text = await (await fetch(`${server.origin}${href}`)).text();
      const back = new Cite(text).data as { title: string; DOI?: string; issued: { 'date-parts': number[][] } }[];
      expect(back.map((r) => r.title), href).toEqual(keys.map((key) => item(key).title));
      expect(back.map((r) => r.DOI?.toLowerCase()), href).toEqual(keys.map((key) => item(key).DOI?.toLowerCase()));
      expect(back.map((r) => r.issued['date-parts'][0]![0]), href).toEqual(keys.map((key) => item(key).issued!['date-parts']![0]![0]));
    }
    const single = await (await fetch(`${server.origin}/references/hinman2014acupuncture.ris`)).text();
    expect(new Cite(single).data[0]!.title).toBe(item('hinman2014acupuncture').title);
    await page.close();
  });
});

describe('accessibility', () => {
  const pageTypes = ['/', '/articles/', '/articles/acupuncture-chronic-pain/', '/conditions/', '/conditions/migraine/', '/references/', '/references/by-year/', '/references/vickers2018acupuncture/', '/about/', '/search/?q=knee+pain', '/no-such-page/'];
  for (const path of pageTypes) {
    it(`axe finds no violations on ${path}, at desktop and phone widths`, async () => {
      for (const width of [1280, 390]) {
        const page = await open(path, { width });
        await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate(async () => {
          const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
          return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        expect(violations, `${path} at ${width}px`).toEqual([]);
        await page.close();
      }
    });
  }

  it('axe finds no violations with a citation preview open', async () => {
    const page = await open('/articles/acupuncture-chronic-pain/');
    await page.locator('.citation-link[data-key="vickers2018acupuncture"]').first().focus();
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => (await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string }[] }> } }).axe.run()).violations.map((v) => v.id));
    expect(violations).toEqual([]);
    await page.close();
  });

  it('reports violations when there are some', async () => {
    const page = await open('/about/');
    await page.setContent('<html lang="en"><title>x</title><main><img src="x.png"></main></html>');
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => (await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string }[] }> } }).axe.run()).violations.map((v) => v.id));
    expect(violations).toContain('image-alt');
    await page.close();
  });

  it('puts the header search box beside the site name, from phone to desktop widths', async () => {
    for (const width of [360, 768, 1280]) {
      const page = await open('/articles/acupuncture-chronic-pain/', { width });
      const name = (await page.locator('.site-name').boundingBox())!;
      const search = (await page.getByRole('button', { name: 'Search' }).boundingBox())!;
      expect(Math.abs((search.y + search.height / 2) - (name.y + name.height / 2)), `${width} px`).toBeLessThan(name.height / 2);
      expect(search.x, `${width} px`).toBeGreaterThan(name.x + name.width);
      await page.close();
    }
  });

  it('fits a 360 px screen without sideways scrolling', async () => {
    for (const path of ['/', '/articles/acupuncture-chronic-pain/', '/references/', '/references/vickers2018acupuncture/']) {
      const page = await open(path, { width: 360 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
      await page.close();
    }
  });
});

describe('readers without JavaScript', () => {
  it('are told on the search page where to browse instead, without empty filters or sorting', async () => {
    const page = await open('/search/', { javaScript: false });
    // Playwright's text queries skip <noscript>, whose content is the page's when scripts are off.
    const notice = page.locator('.search-notice', { hasText: 'Search needs JavaScript' });
    await expect(notice.isVisible()).resolves.toBe(true);
    await expect(notice.getByRole('link', { name: 'conditions' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Filter results').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('combobox', { name: 'Sort' }).isVisible()).resolves.toBe(false);
    await page.close();
  });
});
