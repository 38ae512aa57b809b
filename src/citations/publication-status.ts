import type { CslItem } from './csl.ts';

// BibLaTeX's pubstate keys, which citation-js passes on as written ("inpress" would print as "Inpress").
const PUBSTATE_WORDS: Record<string, string> = {
  inpress: 'in press',
  inpreparation: 'in preparation',
  prepublished: 'preprint',
  submitted: 'submitted',
  forthcoming: 'forthcoming',
};

// What authors write in `year` or `note` of a work that is not out yet.
const STATUS_WORDS = /^\s*(in press|forthcoming|accepted|accepted for publication|submitted|in preparation)\.?\s*$/iu;

function statusIn(text: unknown): string | undefined {
  return typeof text === 'string' ? text.match(STATUS_WORDS)?.[1]?.toLowerCase() : undefined;
}

/**
 * A work not yet published, as CSL's `status`: `year = {in press}` became a date that AMA printed as
 * "Published online in press.", and `note = {In press}` was dropped by every bundled style.
 */
export function withPublicationStatus(item: CslItem): CslItem {
  const fromDate = statusIn(item.issued?.literal);
  // A date that only says "in press" is the status again, which styles would print twice.
  const { issued: _literal, ...undated } = item;
  const dated = fromDate ? undated : item;
  const status = typeof item.status === 'string' ? item.status.toLowerCase() : undefined;
  if (status && Object.hasOwn(PUBSTATE_WORDS, status)) return { ...dated, status: PUBSTATE_WORDS[status] };
  if (status) return dated;
  if (fromDate) return { ...undated, status: fromDate };
  const fromNote = statusIn(item.note);
  if (fromNote) {
    const { note: _note, ...rest } = item;
    return { ...rest, status: fromNote };
  }
  return item;
}
