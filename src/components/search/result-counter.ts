/** What a Pagefind search found: the pages, and how many the words match before filters. */
export interface SearchResult {
  /** Each page found; `data()` loads its excerpt, with the matched words in `<mark>`. */
  results: { data?(): Promise<{ excerpt?: string }> }[];
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
 * The engine the Component UI has loaded, which `loaded` returns. The UI does not offer its engine in its
 * documented API; where it has none to give, this makes one of its own from the bundle at `bundle` on first
 * use, without a worker, as the UI runs (see SearchUI.astro), at the cost of loading the index a second time.
 */
export function searchEngine(bundle: string, loaded: () => SearchEngine | null | undefined): () => Promise<SearchEngine> {
  let own: Promise<SearchEngine> | undefined;
  return async () => loaded() ?? await (own ??= (import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<PagefindModule>).then((pagefind) => pagefind.createInstance({ noWorker: true })));
}

/** Counts the pages a query finds under filters. */
export function resultCounter(engine: () => Promise<SearchEngine>): (query: string, filters: Record<string, string[]>) => Promise<number> {
  return async (query, filters) => (await (await engine()).search(query, { filters }))?.results.length ?? 0;
}

/** The words Pagefind marks in the excerpt of the first page a word finds: what it took the word for. None when it finds nothing. */
export function matchedWords(engine: () => Promise<SearchEngine>): (word: string) => Promise<string[]> {
  return async (word) => {
    const first = (await (await engine()).search(word, { filters: {} }))?.results[0];
    const excerpt = (await first?.data?.())?.excerpt ?? '';
    return [...excerpt.matchAll(/<mark>([^<]*)<\/mark>/gu)].map((match) => match[1]!);
  };
}
