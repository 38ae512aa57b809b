import type { LibraryEntry } from './bibtex.ts';
import { compareMetadata } from './compare.ts';
import { identifierKey, identifiersOf } from './identifiers.ts';
import type { StoredRecord } from './stored.ts';

const shortName = (value: unknown): string | undefined => {
  const name = Array.isArray(value) ? value[0] : value;
  return typeof name === 'string' && name.trim() ? name.trim() : undefined;
};

/**
 * The entry with its journal's abbreviation from the stored record of one of its identifiers, where it
 * has none: AMA and Vancouver print the abbreviation (NLM's, as PubMed and doi.org give it), and a
 * plain Zotero BibTeX export writes no `shortjournal`, so one reference list mixed "Ann Intern Med"
 * with "Annals of Internal Medicine". Only from a record that names the same journal.
 */
export function withRecordAbbreviation(entry: LibraryEntry, records: ReadonlyMap<string, StoredRecord>): LibraryEntry {
  const { item } = entry;
  if (!item['container-title'] || shortName(item['container-title-short']) || shortName(item.journalAbbreviation)) return entry;
  for (const identifier of identifiersOf(item)) {
    const csl = records.get(identifierKey(identifier))?.csl;
    const abbreviation = csl && (shortName(csl['container-title-short']) ?? shortName(csl.journalAbbreviation));
    if (abbreviation && !compareMetadata(item, csl).some((difference) => difference.field === 'journal')) {
      return { ...entry, item: { ...item, 'container-title-short': abbreviation } };
    }
  }
  return entry;
}
