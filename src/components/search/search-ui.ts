import { broaderQuery, standsInFor, withoutEtAl, type BroaderQuery } from './broader-query.ts';
import { SORT_KEY } from './facets.ts';
import { bareIdentifier, identifierQuery } from './identifier-query.ts';
import { withoutQuestionWords } from './question-words.ts';
import { matchedWords, resultCounter, searchEngine, type SearchEngine, type SearchResult } from './result-counter.ts';
import { RANKING } from './ranking.ts';
import { correctedQuery, misspellings, notIndexed, strayMatch, unknownWords, words as wordsOf, type SearchTerms } from './suggest.ts';
import { readSearchState, writeSearchState } from './url-state.ts';

/** The part of a Pagefind Component UI instance this page uses (pagefind.app/docs, "Custom Components"). */
interface PagefindInstance {
  searchTerm: string;
  searchFilters: Record<string, string[]>;
  searchSort: Record<string, 'asc' | 'desc'>;
  on(event: 'search', callback: (term: string, filters: Record<string, string[]>) => void): void;
  on(event: 'results', callback: (result: SearchResult) => void): void;
  triggerSearch(term: string): void;
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
  triggerLoad(): Promise<void>;
  /** The engine the instance has loaded (null before): not in the documented API, so it may be missing (see result-counter.ts). */
  __pagefind__?: SearchEngine | null;
}

declare global {
  interface Window {
    /** Pagefind's Component UI; `configureInstance` sets options before the bundle loads and returns the instance. */
    PagefindComponents?: { configureInstance(name: string, options: { ranking: typeof RANKING }): PagefindInstance };
  }
}

const BY_REVIEWED = { [SORT_KEY]: 'desc' } as const;

/** Keeps the query, filters and sort in the page URL, and runs the search the URL describes on load. */
async function connect(instance: PagefindInstance, sortControl: HTMLSelectElement | null): Promise<void> {
  const syncUrl = (term: string, filters: Record<string, string[]>) => {
    const params = writeSearchState({ query: term, filters, sortByReviewed: SORT_KEY in instance.searchSort });
    const search = params.size ? `?${params}` : '';
    // replaceState, not pushState: one history entry per search page visit, not one per keystroke.
    if (search !== window.location.search) history.replaceState(history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
  };
  instance.on('search', syncUrl);
  // A pasted DOI, PubMed or PMC link is searched as the bare identifier (see identifier-query.ts), a
  // citation without its "et al" and a question without the words that only ask it, once the search this
  // event announces has started, so that the rewritten search is the later one and wins.
  instance.on('search', (term) => {
    const plain = withoutEtAl(term) ?? term;
    const rewritten = identifierQuery(term) ?? withoutQuestionWords(plain) ?? plain;
    if (rewritten !== term) setTimeout(() => instance.searchTerm === term && instance.triggerSearch(rewritten));
  });

  const state = readSearchState(new URLSearchParams(window.location.search));
  instance.searchSort = state.sortByReviewed ? { ...BY_REVIEWED } : {};
  if (sortControl) {
    sortControl.value = state.sortByReviewed ? SORT_KEY : '';
    sortControl.addEventListener('change', () => {
      instance.searchSort = sortControl.value === SORT_KEY ? { ...BY_REVIEWED } : {};
      instance.triggerSearchWithFilters(instance.searchTerm, instance.searchFilters);
    });
  }
  if (state.query || Object.keys(state.filters).length) {
    // In faceted mode Pagefind runs an empty search once its bundle has loaded, unless a search
    // has already started; loading first keeps that empty search from replacing this one.
    await instance.triggerLoad();
    instance.triggerSearchWithFilters(state.query, state.filters);
  }
}

/**
 * Searches the query with its misspelt words corrected from the site's vocabulary in place of the query as
 * typed, and says so: Pagefind has no typo tolerance, and a word no page holds finds stray matches on a
 * shorter word ("acupunture" finds the sources with "a"). When no page holds every word, searches the query
 * without its rarest words (see broaderQuery) and says which were left out, as a search engine shows what a
 * query matches in part rather than an empty page; when what is left may no longer be what was asked (see
 * standsInFor), offers it instead. A search that finds nothing and has no other query to try says what to
 * try and where to browse instead.
 */
function offerAlternatives(instance: PagefindInstance, root: HTMLElement): void {
  const note = root.querySelector<HTMLElement>('[data-search-suggestion]');
  const vocabularyUrl = root.dataset.vocabulary;
  const bundle = root.dataset.bundle;
  const nothingFound = root.querySelector<HTMLTemplateElement>('template[data-search-empty]');
  if (!note || !vocabularyUrl || !bundle) return;
  // Loaded with the first search, not with the page.
  let vocabulary: Promise<{ words: string[]; everyday: Set<string> }> | undefined;
  const engine = searchEngine(bundle, () => instance.__pagefind__);
  const count = resultCounter(engine);
  const matched = matchedWords(engine);
  const searchLink = (query: string, filters: Record<string, string[]>) => {
    const link = document.createElement('a');
    link.href = `?${writeSearchState({ query, filters, sortByReviewed: SORT_KEY in instance.searchSort })}`;
    link.textContent = query;
    return link;
  };
  const quoted = (words: string[], type: Intl.ListFormatType) => new Intl.ListFormat('en', { type }).format(words.map((word) => `“${word}”`));
  // Each search answers the UI's next results; a later search (new words or filters) makes it moot.
  let latest = 0;
  let answerResults: ((result: SearchResult) => void) | undefined;
  instance.on('results', (result) => answerResults?.(result));
  // The search run in place of a misspelt one: the corrected query, and the typed words no page holds.
  let correction: { query: string; misspelt: string[] } | undefined;
  // The search run as a phrase in place of one with a word no page holds: the phrase, and the query as typed.
  let phrase: { query: string; typed: string } | undefined;
  // The search run in place of one no page holds every word of: the query without the words left out, and
  // the correction the query it broadens was run for.
  let broadening: { query: string; dropped: string[]; corrected?: typeof correction } | undefined;
  instance.on('search', async (term, liveFilters) => {
    const search = ++latest;
    const broadened = broadening?.query === term ? broadening : undefined;
    const corrected = correction?.query === term ? correction : broadened?.corrected;
    const typed = phrase?.query === term ? phrase.typed : term;
    // Each is kept while its query is searched again under other filters or in another order, so the note stays.
    if (correction?.query !== term) correction = undefined;
    if (phrase?.query !== term) phrase = undefined;
    if (broadening?.query !== term) broadening = undefined;
    const results = new Promise<SearchResult>((resolve) => { answerResults = resolve; });
    // The UI changes its filters object in place when a filter is ticked.
    const filters = structuredClone(liveFilters);
    note.hidden = true;
    delete note.dataset.checked;
    if (!term.trim()) return;
    // Pagefind lists the sources whose identifiers start like one no page holds ("10." of a DOI): the
    // identifier is searched as a phrase, which finds nothing, and the note says so.
    const identifier = bareIdentifier(term);
    const missingIdentifier = identifier && (await count(`"${identifier.id}"`, {}).catch(() => 1)) === 0 ? identifier : undefined;
    if (missingIdentifier && !term.trim().startsWith('"')) {
      if (search === latest && instance.searchTerm === term) instance.triggerSearch(`"${missingIdentifier.id}"`);
      return;
    }
    // A terms.json cached from before the everyday words was the list of the site's words alone.
    vocabulary ??= fetch(vocabularyUrl).then((response) => (response.ok ? response.json() as Promise<SearchTerms | string[]> : undefined)).catch(() => undefined)
      .then((terms) => (Array.isArray(terms) ? { words: terms, everyday: new Set<string>() } : { words: terms?.words ?? [], everyday: new Set(terms?.everyday) }));
    const { words, everyday } = await vocabulary;
    // A quoted word is looked up as it is, without Pagefind's matching of beginnings; under any filters.
    const absent = await notIndexed(unknownWords(term, words), (word) => count(`"${word}"`, {}).catch(() => 0));
    const misspelt = new Map([...misspellings(term, words, everyday)].filter(([typed]) => typed.split(' ').some((word) => absent.includes(word))));
    // Pagefind finds a word no page holds by the longest start of it that some page holds, often "a" or "an"
    // ("acupunture" listed 29 sources with "a"): those results are stray, so the corrected query's are shown,
    // or, for a word with no correction, none (below).
    const suggestion = correctedQuery(term, misspelt);
    if (suggestion) {
      if (search === latest && instance.searchTerm === term) {
        correction = { query: suggestion, misspelt: [...misspelt.keys()] };
        instance.triggerSearch(suggestion);
      }
      return;
    }
    let found: number | undefined;
    let broader: BroaderQuery | undefined;
    // The words no page holds that Pagefind matched by mere first letters, or left out.
    let stray: string[] = [];
    if (!identifierQuery(term)) {
      const shown = await results;
      // Words that match pages the filters hide are no reason to leave words out.
      found = shown.unfilteredResultCount ?? shown.results.length;
      const isStray = await Promise.all(absent.map(async (word) => strayMatch(word, await matched(word).catch(() => []))));
      stray = absent.filter((_, index) => isStray[index]);
      // Pagefind leaves out a word that matches nothing, even by its start ("heart attack" found the pages
      // with "attack"), and matches others by their start ("asdfgh" by "as"): no page holds every word, so the
      // query is searched as a phrase, which finds nothing, and then without those words (below).
      if (found > 0 && stray.length && !term.includes('"')) {
        if (search === latest && instance.searchTerm === term) {
          phrase = { query: `"${term.trim()}"`, typed: term };
          // A corrected query searched as a phrase still says what was corrected.
          if (corrected) correction = { ...corrected, query: phrase.query };
          instance.triggerSearch(phrase.query);
        }
        return;
      }
      // The words no page holds count as none, though Pagefind matches them by their start.
      const isStrayWord = (query: string) => {
        const [word, ...more] = wordsOf(query);
        return more.length === 0 && word !== undefined && stray.includes(word);
      };
      const pages = (query: string) => (isStrayWord(query) ? Promise.resolve(0) : count(query, filters));
      if (search === latest && found === 0) broader = await broaderQuery(typed, pages).catch(() => undefined);
      if (broader && standsInFor(broader) && search === latest && instance.searchTerm === term) {
        broadening = { query: broader.query, dropped: broader.dropped, ...(corrected ? { corrected } : {}) };
        instance.triggerSearch(broader.query);
        return;
      }
    }
    if (search !== latest) return;
    // Records which query the note answers, found or not: tests wait for it.
    note.dataset.checked = term;
    const sentences: (string | Node)[][] = [];
    if (corrected) {
      // After a broadening, the results are not the corrected query's: the note says what it was read as.
      const readAs = broadened ? corrected.query.replace(/^"(.*)"$/u, '$1') : typed;
      sentences.push([`No page has ${quoted(corrected.misspelt, 'disjunction')}: ${broadened ? 'read as' : 'showing results for'} `, broadened ? readAs : searchLink(readAs, filters), '.']);
    }
    if (broadened) {
      sentences.push([`No page has every word of ${corrected ? 'it' : 'this search'}: showing results without ${quoted(broadened.dropped, 'conjunction')}, for `, searchLink(term, filters), '.']);
    } else if (broader) {
      const offer = ({ query, dropped, results: pages }: BroaderQuery) => [`Without ${quoted(dropped, 'conjunction')}: `, searchLink(query, filters), ` (${pages} ${pages === 1 ? 'result' : 'results'}).`];
      sentences.push(['No page has every word of this search. ', ...offer(broader)], ...(broader.alternatives ?? []).map(offer));
    } else if (missingIdentifier) {
      sentences.push([`No source on this site has the ${missingIdentifier.kind} ${missingIdentifier.id}. Check it against the source, or search for its title or first author.`]);
    } else if (found === 0 && nothingFound) {
      if (stray.length) sentences.push([`No page has ${quoted(stray, 'disjunction')}.`]);
      sentences.push([nothingFound.content.cloneNode(true)]);
    }
    if (!sentences.length) return;
    note.replaceChildren(...sentences.flatMap((sentence, index) => (index ? [' ', ...sentence] : sentence)));
    note.hidden = false;
  });
}

/**
 * Leaves out the filters and the sort order while a search finds nothing even unfiltered: there is nothing
 * to filter or sort, and the empty filter pane showed as a grey box beside "Nothing on this site matches".
 */
function hideIdleControls(instance: PagefindInstance, root: HTMLElement): void {
  instance.on('results', (result) => root.toggleAttribute('data-nothing-found', (result.unfilteredResultCount ?? result.results.length) === 0));
}

// On a phone the facets would push the results below the fold: they start folded away.
const filters = document.querySelector<HTMLDetailsElement>('details.search-filters');
if (filters && window.matchMedia('(max-width: 47.99rem)').matches) filters.open = false;

const components = window.PagefindComponents;
const root = document.querySelector<HTMLElement>('[data-search]');
if (components && root) {
  const instance = components.configureInstance('default', { ranking: RANKING });
  offerAlternatives(instance, root);
  hideIdleControls(instance, root);
  void connect(instance, root.querySelector('select[name="sort"]'));
} else if (root) {
  root.querySelector('[data-search-unavailable]')?.removeAttribute('hidden');
}
