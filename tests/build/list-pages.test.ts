import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLES_PER_PAGE } from '../../src/site/article-list.ts';
import { REFERENCES_PER_PAGE } from '../../src/site/reference-sort.ts';
import { buildFixture, readPage, scratchSite } from './helpers.ts';

// A library of more sources than one page of a sorted list holds: 2 more than a page, one a year older than the
// next; and more summaries than one page of their list holds, each citing one of them.
const EXTRA = REFERENCES_PER_PAGE + 2;
const MORE_SUMMARIES = ARTICLES_PER_PAGE + 1;
const site = scratchSite('site-basic', (root) => {
  appendFileSync(join(root, 'references/refs.bib'), Array.from({ length: EXTRA }, (_, i) => {
    const n = String(i).padStart(4, '0');
    return `\n@article{zz${n}, author = {Zz${n}, Ann}, title = {Generated trial ${n}}, journal = {Journal ${n}}, year = {${2025 - (i % 50)}}}\n`;
  }).join(''));
  for (let i = 0; i < MORE_SUMMARIES; i++) {
    const n = String(i).padStart(4, '0');
    writeFileSync(join(root, `content/articles/generated-${n}.mdx`), `---\ntitle: Generated summary ${n} of many\ndescription: A summary in a long list.\nconditions: [knee-osteoarthritis]\ninterventions: [acupuncture]\nlastReviewed: 2026-01-01\n---\n\nA finding [@zz${n}].\n`);
  }
});
let dist: string;

beforeAll(async () => {
  dist = await buildFixture(site.root, {}, 'error');
}, 300_000);
afterAll(() => site.cleanup());

const rows = (path: string) => [...readPage(dist, path).querySelectorAll('.reference-table tbody tr')];
const pageLinks = (path: string) => [...readPage(dist, path).querySelectorAll('.page-nav a')].map((link) => ({ href: link.getAttribute('href'), current: link.getAttribute('aria-current'), text: link.textContent?.replace(/\s+/gu, ' ').trim() }));

describe('a reference list longer than a page', () => {
  it('is cut into pages that hold every source once, in the order of each sort', () => {
    for (const [first, second] of [['references/index.html', 'references/by-author/2/index.html'], ['references/by-year/index.html', 'references/by-year/2/index.html'], ['references/by-journal/index.html', 'references/by-journal/2/index.html']]) {
      const keys = [...rows(first!), ...rows(second!)].map((row) => row.querySelector('a.ref-title')?.getAttribute('href'));
      expect(rows(first!)).toHaveLength(REFERENCES_PER_PAGE);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.length).toBeGreaterThan(EXTRA);
    }
    const years = [...rows('references/by-year/index.html'), ...rows('references/by-year/2/index.html')].map((row) => Number(row.querySelector('[data-label="Year"]')?.textContent) || 0);
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it('names each page by the first and last source on it, links every page from every page, and marks the one shown', () => {
    const links = pageLinks('references/by-author/2/index.html');
    expect(links.map((link) => link.href)).toEqual(['/references/', '/references/by-author/2/']);
    expect(links.map((link) => link.current)).toEqual([null, 'page']);
    expect(links[0]!.text).toMatch(/^Page 1 \S+ – Zz\d{4}$/u);
    expect(pageLinks('references/by-year/index.html').map((link) => link.text)).toEqual([expect.stringMatching(/^Page 1 2025 – \d{4}$/u), expect.stringMatching(/^Page 2 \d{4}( – (\d{4}|no date))?$/u)]);
    expect(readPage(dist, 'references/by-year/index.html').querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/references/by-year/2/');
    expect(readPage(dist, 'references/by-year/2/index.html').querySelector('title')?.textContent).toMatch(/^References by year, newest first, page 2 of 2/u);
  });

  it('counts every source of the library, not those of the page', () => {
    const total = rows('references/index.html').length + rows('references/by-author/2/index.html').length;
    expect(readPage(dist, 'references/by-author/2/index.html').querySelector('.lede')?.textContent).toContain(`All ${total.toLocaleString('en')} sources`);
    expect(readPage(dist, 'references/by-author/2/index.html').querySelector('caption')?.textContent).toBe(`References 1,001–${total.toLocaleString('en')} of ${total.toLocaleString('en')}, sorted by first author`);
  });
});

const cards = (path: string) => [...readPage(dist, path).querySelectorAll('.card-list .card-title a')].map((link) => link.getAttribute('href'));

describe('a list of summaries longer than a page', () => {
  it('is cut into pages that hold every summary once, A to Z, each named by its first and last title, with a link to the next', () => {
    const all = [...cards('articles/index.html'), ...cards('articles/page/2/index.html')];
    expect(cards('articles/index.html')).toHaveLength(ARTICLES_PER_PAGE);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(MORE_SUMMARIES + 2);
    expect(all.at(-1)).toBe('/articles/second/');
    expect(pageLinks('articles/page/2/index.html')).toEqual([
      { href: '/articles/', current: null, text: expect.stringMatching(/^Page 1 First summary – Generated summary 0498…$/u) },
      { href: '/articles/page/2/', current: 'page', text: 'Page 2 Generated summary 0499… – Second summary' },
    ]);
    expect(readPage(dist, 'articles/index.html').querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/articles/page/2/');
    expect(readPage(dist, 'articles/page/2/index.html').querySelector('title')?.textContent).toMatch(/^Evidence summaries, page 2 of 2/u);
  });

  it('names a condition with no file by its slug on each card, with no separator left dangling', () => {
    const metas = [...readPage(dist, 'articles/page/2/index.html').querySelectorAll('.card-meta')].map((meta) => meta.textContent?.replace(/\s+/gu, ' ').trim());
    expect(metas[0]).toBe('Last reviewed 1 January 2026 · knee osteoarthritis');
    expect(metas.filter((meta) => meta?.endsWith('·'))).toEqual([]);
  });

  it('counts every summary, and says which of them the page lists', () => {
    expect(readPage(dist, 'articles/page/2/index.html').querySelector('.lede')?.textContent).toMatch(/^\s*503 summaries, A to Z; this page lists 501–503\./u);
  });
});
