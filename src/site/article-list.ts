import { listPages, type ListPage } from './list-pages.ts';

/**
 * Summaries on one page of the A to Z list (about 250 KB of HTML). At 10,000 summaries the list was one
 * page of 4.5 MB; a site with more than this gets more pages, and one with fewer keeps one.
 */
export const ARTICLES_PER_PAGE = 500;

/** The address of one page of the A to Z list: the first is /articles/, the others /articles/page/2/ and on. */
export function articleListPath(page: number): string {
  return page === 1 ? '/articles/' : `/articles/page/${page}/`;
}

/** The summary slugs that would take the address of a later page of the list (`page/2`). */
export const LIST_PAGE_SLUG = /^page\/\d+$/u;

// A title's first words name it in the list of pages ("Acupuncture for chronic… – Exercise for knee…").
const FIRST_WORDS = 3;

function firstWords(title: string): string {
  const words = title.split(/\s+/u);
  return words.length > FIRST_WORDS ? `${words.slice(0, FIRST_WORDS).join(' ')}…` : title;
}

/** The summaries A to Z by title, cut into pages of ARTICLES_PER_PAGE, each named by its first and last title's first words. */
export function articleListPages<T>(articles: T[], titleOf: (article: T) => string): ListPage<T>[] {
  const sorted = [...articles].sort((a, b) => titleOf(a).localeCompare(titleOf(b), 'en'));
  return listPages(sorted, ARTICLES_PER_PAGE, (article) => firstWords(titleOf(article)));
}
