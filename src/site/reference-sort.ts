import type { ReservedPages } from '../citations/index.ts';
import { EXPORT_FORMATS } from './exports.ts';
import { listPages, type ListPage } from './list-pages.ts';

/**
 * The orders the reference list offers; each has its own static pages so sorting works without JavaScript.
 * `list` names the folder of its later pages (`/references/by-author/2/`).
 */
export const REFERENCE_SORTS = {
  author: { label: 'First author', path: '/references/', list: 'by-author' },
  year: { label: 'Year, newest first', path: '/references/by-year/', list: 'by-year' },
  journal: { label: 'Journal', path: '/references/by-journal/', list: 'by-journal' },
} as const;

export type ReferenceSort = keyof typeof REFERENCE_SORTS;

/**
 * References on one page of a sorted list (about 400 KB of HTML). A library of 20,000 sources made each list
 * a page of about 8 MB; a site with more than this gets more pages, and one with fewer keeps one.
 */
export const REFERENCES_PER_PAGE = 1000;

/** The address of one page of a sorted list: the first is the list's own, the others `/references/by-year/2/` and on. */
export function referenceListPath(sort: ReferenceSort, page: number): string {
  return page === 1 ? REFERENCE_SORTS[sort].path : `/references/${REFERENCE_SORTS[sort].list}/${page}/`;
}

/** What the site publishes under /references/ besides one page per reference: the sorted lists and each reference's downloads. */
export const RESERVED_REFERENCE_PAGES: ReservedPages = { lists: new Set(Object.values(REFERENCE_SORTS).map((sort) => sort.list)), downloads: Object.keys(EXPORT_FORMATS) };

interface Sortable {
  firstAuthor: string;
  year?: number;
  journal?: string;
  title: string;
}

const text = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });

/** A sorted copy; ties fall back to first author, then year, then title, so the order is stable. */
export function sortReferences<T extends Sortable>(references: T[], by: ReferenceSort): T[] {
  const byAuthor = (a: T, b: T) => text(a.firstAuthor, b.firstAuthor) || (a.year ?? 0) - (b.year ?? 0) || text(a.title, b.title);
  const compare: Record<ReferenceSort, (a: T, b: T) => number> = {
    author: byAuthor,
    year: (a, b) => (b.year ?? 0) - (a.year ?? 0) || byAuthor(a, b),
    // Sources that are not in a journal (guidelines, reports) come last.
    journal: (a, b) => (a.journal ? (b.journal ? text(a.journal, b.journal) : -1) : b.journal ? 1 : 0) || byAuthor(a, b),
  };
  return [...references].sort(compare[by]);
}

const boundary: Record<ReferenceSort, (reference: Sortable) => string> = {
  author: (reference) => reference.firstAuthor,
  year: (reference) => (reference.year ? String(reference.year) : 'no date'),
  journal: (reference) => reference.journal ?? 'not in a journal',
};

/** A sorted list cut into pages of `size`, each labelled by its first and last reference in the list's order. */
export function referenceListPages<T extends Sortable>(sorted: T[], by: ReferenceSort, size = REFERENCES_PER_PAGE): ListPage<T>[] {
  return listPages(sorted, size, boundary[by]);
}
