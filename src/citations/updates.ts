import type { CslItem } from './csl.ts';
import { identifierKey, identifiersOf, normalizeDoi } from './identifiers.ts';
import type { LibraryEntry } from './bibtex.ts';
import type { Library } from './library.ts';
import type { SourceUpdate, StoredRecord } from './stored.ts';

// Crossref's update types (and CSL/BibLaTeX status words) that change whether a work can be relied on.
const UPDATE_KINDS: [RegExp, SourceUpdate['type']][] = [
  [/retract|removal/iu, 'retraction'],
  [/withdraw/iu, 'withdrawal'],
  [/concern/iu, 'expression-of-concern'],
  [/correct|errat|corrigend/iu, 'correction'],
];

function kindOf(word: unknown): SourceUpdate['type'] | undefined {
  return typeof word === 'string' ? UPDATE_KINDS.find(([pattern]) => pattern.test(word))?.[1] : undefined;
}

function dateOf(value: unknown): string | undefined {
  const parts = (value as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0];
  return parts?.length ? parts.map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0'))).join('-') : undefined;
}

/**
 * Notices stated in a CSL item itself: Crossref's `updated-by` list and a `status` such as "retracted"
 * (BibLaTeX `pubstate = {retracted}` arrives as status).
 */
export function updatesFromCsl(item: CslItem): SourceUpdate[] {
  const updates: SourceUpdate[] = [];
  const status = kindOf(item.status);
  if (status) updates.push({ type: status, label: String(item.status) });
  for (const raw of Array.isArray(item['updated-by']) ? item['updated-by'] as Record<string, unknown>[] : []) {
    const type = kindOf(raw?.type);
    if (!type) continue;
    const doi = typeof raw.DOI === 'string' ? raw.DOI.toLowerCase() : undefined;
    const date = dateOf(raw.updated);
    updates.push({ type, ...(doi ? { identifier: `doi:${doi}` } : {}), ...(date ? { date } : {}), ...(typeof raw.label === 'string' ? { label: raw.label } : {}) });
  }
  return updates;
}

/**
 * The DOI of the version published since, when a record is a preprint (medRxiv, bioRxiv, Research
 * Square) that Crossref links to it: `"relation": { "is-preprint-of": [{ "id-type": "doi", "id": … }] }`.
 */
export function publishedVersionOf(item: CslItem): string | undefined {
  const relation = item.relation && typeof item.relation === 'object' ? (item.relation as { 'is-preprint-of'?: unknown })['is-preprint-of'] : undefined;
  const links = Array.isArray(relation) ? (relation as { 'id-type'?: unknown; id?: unknown }[]) : [];
  return links.map((link) => (link?.['id-type'] === 'doi' && typeof link.id === 'string' ? normalizeDoi(link.id) : undefined)).find(Boolean);
}

const indexes = new WeakMap<Library, Map<string, StoredRecord[]>>();

/** Stored records by every identifier they name, their own and those in their metadata (a PubMed record names its DOI). */
export function recordsByIdentifier(library: Library): Map<string, StoredRecord[]> {
  let index = indexes.get(library);
  if (!index) {
    index = new Map();
    for (const record of library.records.values()) {
      const keys = new Set([identifierKey(record.identifier), ...(record.csl ? identifiersOf(record.csl).map(identifierKey) : [])]);
      for (const key of keys) index.set(key, [...(index.get(key) ?? []), record]);
    }
    indexes.set(library, index);
  }
  return index;
}

/** Stored records that describe the same work as an entry: any identifier in common. */
export function recordsOf(entry: LibraryEntry, library: Library): StoredRecord[] {
  const index = recordsByIdentifier(library);
  const found = new Set<StoredRecord>();
  for (const identifier of identifiersOf(entry.item)) for (const record of index.get(identifierKey(identifier)) ?? []) found.add(record);
  const own = library.records.get(entry.key);
  if (own) found.add(own);
  return [...found];
}

/** Retractions, corrections and expressions of concern that apply to an entry, from its own fields and its stored records. */
export function sourceUpdates(entry: LibraryEntry, library: Library): SourceUpdate[] {
  const all = [...updatesFromCsl(entry.item), ...recordsOf(entry, library).flatMap((record) => [...record.updates, ...(record.csl ? updatesFromCsl(record.csl) : [])])];
  const seen = new Set<string>();
  return all.filter((update) => {
    const id = `${update.type} ${update.identifier ?? update.label ?? ''}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
