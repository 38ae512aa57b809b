/** What a Pagefind search found: the pages, and how many the words match before filters. */
export interface SearchResult {
  results: unknown[];
  unfilteredResultCount?: number;
}

/** The part of a Pagefind engine (pagefind.app/docs/api) that counts what a query finds. */
export interface SearchEngine {
  search(term: string, options: { filters: Record<string, string[]> }): Promise<SearchResult | null>;
}

interface PagefindModule {
  createInstance(options: { noWorker: boolean }): SearchEngine;
}

/**
 * Counts the pages a query finds under filters, with the engine the Component UI has loaded, which
 * `loaded` returns. The UI does not offer its engine in its documented API; where it has none to give,
 * this makes one of its own from the bundle at `bundle` on first use, without a worker, as the UI runs
 * (see SearchUI.astro), at the cost of loading the index a second time.
 */
export function resultCounter(bundle: string, loaded: () => SearchEngine | null | undefined): (query: string, filters: Record<string, string[]>) => Promise<number> {
  let own: Promise<SearchEngine> | undefined;
  return async (query, filters) => {
    const engine = loaded() ?? await (own ??= (import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<PagefindModule>).then((pagefind) => pagefind.createInstance({ noWorker: true })));
    return (await engine.search(query, { filters }))?.results.length ?? 0;
  };
}
