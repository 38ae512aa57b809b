import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium } from '../browser/chromium.ts';
import { serveStatic } from '../browser/static-server.ts';

// What a search downloads: Pagefind's bundle and index, and the search page's vocabulary for "Did you mean".
const SEARCH_FILES = /^\/(?:pagefind\/|search\/terms\.json$)/u;

/** What one search costs a reader who has not searched before, and what it finds. */
export interface SearchCost {
  query: string;
  /**
   * Bytes of every /pagefind/ file the browser fetched for the query (script, wasm, index chunks,
   * fragments), as a server that gzips text sends them: Pagefind's own files are compressed already.
   */
  bytes: number;
  /** The same bytes by kind of file (`pf_fragment`, `pf_index`, `pf_filter`, `pf_meta`, `wasm`, `js`…). */
  byKind: Record<string, number>;
  requests: number;
  results: number;
  /** URLs of the results loaded: the first five, or all of them for an exhaustive query. */
  urls: string[];
  /** Of those, the pages whose indexed text holds the query word itself (Pagefind also returns near matches). */
  containing: string[];
}

/** A query to measure: through Pagefind's JS API from `page`, or on the site's own search page when `searchPage` is set. */
export interface SearchQuery {
  term: string;
  /** Load every result rather than the first five (JS API only). */
  exhaustive?: boolean;
  /** The search page's path: the query is opened there as `?q=`, and counted once its results show. */
  searchPage?: string;
}

/**
 * Runs each query in a fresh Chromium page, either through Pagefind's JS API, loading the first five
 * results as a results list does (all of them when `exhaustive`), or on the site's search page with its
 * UI and facets, and counts the bytes fetched from /pagefind/.
 */
export async function searchCosts(dist: string, page: string, queries: SearchQuery[]): Promise<SearchCost[]> {
  const site = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const costs: SearchCost[] = [];
    for (const { term, exhaustive = false, searchPage } of queries) {
      // A new context has an empty cache: every query is measured cold.
      const context = await browser.newContext();
      const tab = await context.newPage();
      if (!searchPage) await tab.goto(`${site.origin}${page}`);
      let bytes = 0;
      let requests = 0;
      const byKind: Record<string, number> = {};
      const counted: Promise<void>[] = [];
      tab.on('response', (response) => {
        if (!SEARCH_FILES.test(new URL(response.url()).pathname)) return;
        requests++;
        const text = /javascript|json|css/u.test(response.headers()['content-type'] ?? '');
        const kind = new URL(response.url()).pathname.match(/\.(pf_\w+|wasm|js|json|css)\b/u)?.[1] ?? 'other';
        counted.push(response.body().then((body) => {
          const size = text ? gzipSync(body).length : body.length;
          bytes += size;
          byKind[kind] = (byKind[kind] ?? 0) + size;
        }, () => undefined));
      });
      const results = searchPage ? await searchOnPage(tab, `${site.origin}${searchPage}?q=${encodeURIComponent(term)}`) : await tab.evaluate(async ([query, all]) => {
        // A URL the page imports at run time, as Pagefind's own UI does; the bench never bundles it.
        const pagefind = await import(`${location.origin}/pagefind/pagefind.js`);
        // As the site's search page is configured (`no-worker` in SearchUI.astro).
        await pagefind.options({ noWorker: true });
        const search = await pagefind.search(query);
        const shown: { data: () => Promise<{ url: string; content: string }> }[] = all ? search.results : search.results.slice(0, 5);
        const loaded = await Promise.all(shown.map((result) => result.data()));
        const containing = loaded.filter((result) => result.content.toLowerCase().includes(query.toLowerCase()));
        return { count: search.results.length as number, urls: loaded.map((result) => result.url), containing: containing.map((result) => result.url) };
      }, [term, exhaustive] as const);
      await Promise.all(counted);
      costs.push({ query: term, bytes, byKind, requests, results: results.count, urls: results.urls, containing: results.containing });
      await context.close();
    }
    return costs;
  } finally {
    await browser.close();
    await site.close();
  }
}

/** Opens the search page on a query and waits until it says what it found and the network is quiet. */
async function searchOnPage(tab: Page, url: string): Promise<{ count: number; urls: string[]; containing: string[] }> {
  await tab.goto(url);
  // "1,378 results for …" or "No results for …"; while searching it says something else.
  const summary = await tab.waitForFunction(() => {
    const text = document.querySelector('pagefind-summary')?.textContent ?? '';
    return /\bresults? for\b/iu.test(text) && text;
  }, undefined, { timeout: 120_000 });
  if (!/^\s*No results/iu.test(String(await summary.jsonValue()))) await tab.locator('.search-result-link').first().waitFor({ timeout: 120_000 });
  await tab.waitForLoadState('networkidle');
  const urls = await tab.locator('.search-result-link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return { count: urls.length, urls, containing: [] };
}
