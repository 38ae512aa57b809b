import type { LibraryEntry } from './bibtex.ts';
import { identifierKey, identifiersOf, parseIdentifierKey, type Identifier, type IdentifierScheme } from './identifiers.ts';

/** One work as the stored records of its identifiers give it. */
export interface StoredWork {
  /** The record that stands for the work, with the identifiers the other records add. */
  entry: LibraryEntry;
  /** Every record of the work: its DOI's, its PMID's, its PMCID's. */
  members: LibraryEntry[];
  /** Every identifier the records are or name, as `doi:…`/`pmid:…`/`pmcid:…` keys. */
  identifiers: string[];
}

const FIELD: Record<IdentifierScheme, 'DOI' | 'PMID' | 'PMCID'> = { doi: 'DOI', pmid: 'PMID', pmcid: 'PMCID' };
// doi.org gives the publisher's metadata (the journal's name as it prints it, the title's capitals);
// NCBI's record, the PubMed and PMC numbers.
const RANK: Record<IdentifierScheme, number> = { doi: 0, pmid: 1, pmcid: 2 };

function identifiersOfRecord(record: LibraryEntry): Identifier[] {
  const own = parseIdentifierKey(record.key);
  return [...(own && !('invalid' in own) ? [own] : []), ...identifiersOf(record.item)];
}

const schemeOf = (record: LibraryEntry): IdentifierScheme => (parseIdentifierKey(record.key) as Identifier | undefined)?.scheme ?? 'pmcid';

/** The record that stands for the work, given the others' identifiers where it lacks them, so it links to DOI, PubMed and PMC. */
function standIn(members: LibraryEntry[]): LibraryEntry {
  const [first] = [...members].sort((a, b) => RANK[schemeOf(a)] - RANK[schemeOf(b)] || a.key.localeCompare(b.key));
  if (members.length === 1) return first!;
  const item = { ...first!.item };
  for (const identifier of members.flatMap(identifiersOfRecord)) item[FIELD[identifier.scheme]] ??= identifier.value;
  // doi.org often has the first page only ("2019"), or none, where PubMed has the range ("2019-2026").
  const pages = members.map((member) => member.item.page).filter((page) => typeof page === 'string');
  const range = item.page === undefined ? pages[0] : pages.find((page) => ['-', '–'].some((dash) => page.startsWith(`${String(item.page)}${dash}`)));
  if (range) item.page = range;
  return { ...first!, item };
}

/**
 * Stored records grouped into works: `refs add` of a work's DOI, PMID and PMCID writes a file for each,
 * and NCBI's records name the DOI, so the three are one source, with one page and one number, however
 * it is cited. Returns each work by every identifier key its records are or name.
 */
export function storedWorks(records: Iterable<LibraryEntry>): Map<string, StoredWork> {
  const groups = new Map<string, LibraryEntry[]>();
  for (const record of records) {
    const keys = identifiersOfRecord(record).map(identifierKey);
    // Every group this record shares an identifier with becomes one, with the record in it.
    const joined = [...new Set(keys.map((key) => groups.get(key)).filter((group) => group !== undefined))];
    const group = [record, ...joined.flat()];
    for (const member of group) for (const identifier of identifiersOfRecord(member)) groups.set(identifierKey(identifier), group);
  }
  const works = new Map<string, StoredWork>();
  const made = new Map<LibraryEntry[], StoredWork>();
  for (const [key, members] of groups) {
    let work = made.get(members);
    if (!work) made.set(members, (work = { entry: standIn(members), members, identifiers: [] }));
    work.identifiers.push(key);
    works.set(key, work);
  }
  return works;
}
