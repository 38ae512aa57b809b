import type { Page } from 'playwright-core';

export interface Result {
  type: string;
  title: string;
  href: string;
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
