import type { LibraryEntry } from './bibtex.ts';
import type { CslItem } from './csl.ts';
import type { Diagnostic } from './errors.ts';

/** A field a reference cannot do without, as CSL-JSON and BibTeX name it. */
interface Requirement {
  /** Whether the item has it. */
  has: (item: CslItem) => boolean;
  csl: string;
  bibtex: string;
}

const present = (value: unknown) => (Array.isArray(value) ? value.length > 0 : typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null);
const field = (csl: keyof CslItem & string, bibtex: string): Requirement => ({ has: (item) => present(item[csl]), csl, bibtex });

const TITLE = field('title', 'title');
// A work in press has no date yet: its status stands in for one.
const DATE: Requirement = { has: (item) => present(item.issued?.['date-parts']?.[0]?.[0]) || present(item.issued?.literal) || present(item.issued?.raw) || present(item.status), csl: 'issued', bibtex: 'year (or date)' };
const AUTHORS: Requirement = { has: (item) => present(item.author) || present(item.editor), csl: 'author', bibtex: 'author (or editor)' };
const JOURNAL = field('container-title', 'journal');
const BOOK_TITLE = field('container-title', 'booktitle');
const PUBLISHER = field('publisher', 'publisher');
const URL = field('URL', 'url');

// What readers need to find the work again, by CSL type; other types need a title and a date.
const REQUIRED: Record<string, Requirement[]> = {
  'article-journal': [AUTHORS, TITLE, JOURNAL, DATE],
  book: [AUTHORS, TITLE, PUBLISHER, DATE],
  chapter: [AUTHORS, TITLE, BOOK_TITLE, PUBLISHER, DATE],
  'paper-conference': [AUTHORS, TITLE, BOOK_TITLE, DATE],
  thesis: [AUTHORS, TITLE, PUBLISHER, DATE],
  webpage: [TITLE, URL],
};
const DEFAULT = [TITLE, DATE];

/** The fields an item lacks that its type of reference needs, in CSL-JSON or BibTeX names. */
export function missingFields(item: CslItem, names: 'csl' | 'bibtex'): string[] {
  return ((Object.hasOwn(REQUIRED, item.type) ? REQUIRED[item.type] : undefined) ?? DEFAULT).filter((requirement) => !requirement.has(item)).map((requirement) => requirement[names]);
}

/** A warning for an entry whose reference would be printed with gaps ("Smith J. . 2019"). */
export function incompleteEntry(entry: LibraryEntry): Diagnostic | undefined {
  const bibtex = entry.location.file.endsWith('.bib');
  const missing = missingFields(entry.item, bibtex ? 'bibtex' : 'csl');
  if (!missing.length) return undefined;
  return {
    code: 'incomplete-entry',
    severity: 'warning',
    message: `"${entry.key}" has no ${missing.join(', ')}: its reference is printed without ${missing.length > 1 ? 'them' : 'it'}, and readers need ${missing.length > 1 ? 'them' : 'it'} to find the work`,
    hint: `Add ${missing.length > 1 ? 'the fields' : 'the field'} to the entry, from the work itself or its DOI/PubMed record.`,
    location: entry.location,
    key: entry.key,
  };
}
