import { FACETS, SORT_KEY } from './facets.ts';

/** A search as the search page's URL records it, so a search can be shared and reloaded. */
export interface SearchState {
  query: string;
  /** Selected values by Pagefind filter name. */
  filters: Record<string, string[]>;
  /** Newest-reviewed first instead of by relevance. */
  sortByReviewed: boolean;
}

/** Reads `?q=…&condition=…&type=…&sort=reviewed`; unknown parameters are ignored. */
export function readSearchState(params: URLSearchParams): SearchState {
  const filters: Record<string, string[]> = {};
  for (const facet of FACETS) {
    const values = params.getAll(facet.param).filter((value) => value.trim() !== '');
    if (values.length) filters[facet.key] = values;
  }
  return { query: (params.get('q') ?? '').trim(), filters, sortByReviewed: params.get('sort') === SORT_KEY };
}

/** The URL parameters for a search: the inverse of readSearchState. */
export function writeSearchState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set('q', state.query.trim());
  for (const facet of FACETS) {
    for (const value of state.filters[facet.key] ?? []) params.append(facet.param, value);
  }
  if (state.sortByReviewed) params.set('sort', SORT_KEY);
  return params;
}
