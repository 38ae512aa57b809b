/** What a Pagefind search found: the pages, and how many the words match before filters. */
export interface SearchResult {
  results: unknown[];
  unfilteredResultCount?: number;
}

/** The part of Pagefind's JS API that counts what a query finds (pagefind.app/docs/api). */
interface PagefindModule {
  createInstance(options: { noWorker: boolean }): { search(term: string, options: { filters: Record<string, string[]> }): Promise<SearchResult | null> };
}

/**
 * Counts the pages a query finds under filters, with the bundle at `bundle`. The Component UI keeps its
 * engine to itself, so this makes one of its own on first use (only when a search finds nothing or has a
 * word to correct),
 * without a worker, as the UI runs (see SearchUI.astro).
 */
export function resultCounter(bundle: string): (query: string, filters: Record<string, string[]>) => Promise<number> {
  let engine: Promise<ReturnType<PagefindModule['createInstance']>> | undefined;
  return async (query, filters) => {
    engine ??= (import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<PagefindModule>).then((pagefind) => pagefind.createInstance({ noWorker: true }));
    return (await (await engine).search(query, { filters }))?.results.length ?? 0;
  };
}
