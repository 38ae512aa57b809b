import type { ReservedPages } from '../citations/index.ts';
import { EXPORT_FORMATS } from './exports.ts';

/** The orders the reference list offers; each has its own static page so sorting works without JavaScript. */
export const REFERENCE_SORTS = {
  author: { label: 'First author', path: '/references/' },
  year: { label: 'Year, newest first', path: '/references/by-year/' },
  journal: { label: 'Journal', path: '/references/by-journal/' },
} as const;

export type ReferenceSort = keyof typeof REFERENCE_SORTS;

/** What the site publishes under /references/ besides one page per reference: the sorted lists and each reference's downloads. */
export const RESERVED_REFERENCE_PAGES: ReservedPages = { lists: new Set(['by-year', 'by-journal']), downloads: Object.keys(EXPORT_FORMATS) };

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
