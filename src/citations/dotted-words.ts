import type { CslItem } from './csl.ts';

// A word with a dot in it followed by a lower-case letter: a web site or registry (ClinicalTrials.gov,
// PubMed.gov, medRxiv.org), an R or Python package (data.table, data.frame), a file name. citeproc's title
// case capitalises after every dot, and AMA printed a report or book title as "Results Reporting on
// ClinicalTrials.Gov" or "Data.Table: Extension of Data.Frame"; pandoc keeps such words as written.
const DOTTED_WORD = /(?<![\p{L}\p{N}_.-])[\p{L}\p{N}_-]*[\p{L}\p{N}](?:\.\p{Ll}[\p{L}\p{N}_-]*)+/gu;
// The fields styles print in title case.
const TITLE_FIELDS = ['title', 'title-short', 'container-title', 'collection-title', 'volume-title', 'event-title', 'original-title', 'reviewed-title'];

/** The item with each dotted word of its titles kept as written (CSL's nocase span), for citeproc. */
export function withDottedWordsKept(item: CslItem): CslItem {
  let kept: CslItem | undefined;
  for (const field of TITLE_FIELDS) {
    const value = item[field];
    if (typeof value !== 'string' || !value.includes('.')) continue;
    const changed = value.replace(DOTTED_WORD, '<span class="nocase">$&</span>');
    if (changed !== value) (kept ??= { ...item })[field] = changed;
  }
  return kept ?? item;
}
