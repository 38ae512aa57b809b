import type { Page } from 'playwright-core';

export interface Result {
  type: string;
  title: string;
  href: string;
  /** A source's authors, journal and year ('' for other pages). */
  source: string;
  conditions: string;
  reviewed: string;
  /** The passage shown under the title, with the query's words. */
  excerpt: string;
}

/**
 * Waits until the search page has finished the search it is showing, then reads every rendered
 * result. The viewport is tall enough that Pagefind's lazy results all load.
 */
export async function readResults(page: Page): Promise<Result[]> {
  await page.waitForFunction(() => {
    const summary = document.querySelector('pagefind-summary')?.textContent ?? '';
    const count = /^(\d+) results?/u.exec(summary.trim())?.[1] ?? (/^No results/u.test(summary.trim()) ? '0' : undefined);
    return count !== undefined && document.querySelectorAll('pagefind-results .search-result:not(.search-result-placeholder)').length === Number(count);
  });
  return page.locator('pagefind-results .search-result:not(.search-result-placeholder)').evaluateAll((items) => items.map((item) => ({
    type: item.querySelector('.search-result-type')?.textContent?.trim() ?? '',
    title: item.querySelector('.search-result-link')?.textContent?.trim() ?? '',
    href: item.querySelector('.search-result-link')?.getAttribute('href') ?? '',
    source: item.querySelector('.search-result-source')?.textContent?.trim() ?? '',
    conditions: item.querySelector('.search-result-conditions')?.textContent?.trim() ?? '',
    reviewed: item.querySelector('.search-result-reviewed')?.textContent?.trim() ?? '',
    excerpt: item.querySelector('.search-result-excerpt')?.textContent?.trim() ?? '',
  })));
}

/** Opens the search page with `params` in its URL (as a shared link would) and reads the results. */
export async function searchFromUrl(page: Page, searchPage: string, params: Record<string, string>): Promise<Result[]> {
  await page.goto(`${searchPage}?${new URLSearchParams(params)}`);
  return readResults(page);
}

/**
 * Searches for `query` as a shared link would and reads the results once the page has settled: after
 * any correction or rewrite of the query, with the note the page shows under the count ('' when none).
 */
export async function readSettledResults(page: Page, searchPage: string, query: string): Promise<{ results: Result[]; note: string }> {
  await page.goto(`${searchPage}?${new URLSearchParams({ q: query })}`);
  // The note records the query it answers; a corrected or rewritten query is also the URL's.
  await page.waitForFunction(() => {
    const checked = document.querySelector<HTMLElement>('[data-search-suggestion]')?.dataset.checked;
    return checked !== undefined && checked === new URLSearchParams(window.location.search).get('q');
  });
  const results = await readResults(page);
  const note = await page.locator('[data-search-suggestion]').evaluate((element) => ((element as HTMLElement).hidden ? '' : element.textContent?.trim() ?? ''));
  return { results, note };
}
