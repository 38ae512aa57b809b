import type { LibraryEntry } from './bibtex.ts';
import { compareMetadata } from './compare.ts';
import type { Diagnostic, SourceLocation } from './errors.ts';
import { identifierKey, identifiersOf, normalizeDoi, normalizePmcid, normalizePmid, type IdentifierScheme } from './identifiers.ts';
import type { Library } from './library.ts';
import type { SourceUpdate } from './stored.ts';
import { recordsOf, sourceUpdates } from './updates.ts';

/** One article's citations as the checks need them: each cited key, where it is written, and what the article acknowledges. */
export interface ArticleCitations {
  file: string;
  citations: { key: string; location?: SourceLocation }[];
  /** Frontmatter `acknowledgedUpdates`: key → the note readers see beside a retracted or corrected source. */
  acknowledged?: Record<string, string>;
}

const FIELDS: [IdentifierScheme, 'DOI' | 'PMID' | 'PMCID', (raw: string) => string | undefined, string][] = [
  ['doi', 'DOI', normalizeDoi, 'A DOI starts with 10., a registrant code and a slash: doi = {10.1016/j.jpain.2017.11.005}.'],
  ['pmid', 'PMID', normalizePmid, 'A PMID is a number of up to 9 digits: pmid = {29198932}.'],
  ['pmcid', 'PMCID', normalizePmcid, 'A PMCID is PMC followed by digits: pmcid = {PMC5927830}.'],
];

const ADD_HINT = 'Run `npm run refs -- add --missing` while online and commit the files it writes under references/identifiers/, so entries are checked offline.';

/**
 * Problems with one entry on its own: malformed or missing identifiers, identifiers the registry does not
 * know, and fields that disagree with the stored metadata of the entry's own DOI/PMID/PMCID.
 */
export function checkEntry(entry: LibraryEntry, library: Library): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at = { location: entry.location, key: entry.key };
  for (const [, field, normalizeValue, hint] of FIELDS) {
    const raw = entry.item[field];
    if (raw !== undefined && raw !== '' && !normalizeValue(String(raw))) {
      diagnostics.push({ code: 'invalid-identifier', severity: 'error', message: `"${entry.key}": ${field} "${String(raw)}" is malformed`, hint, ...at });
    }
  }
  const identifiers = identifiersOf(entry.item);
  if (identifiers.length === 0 && !library.records.has(entry.key)) {
    if (!diagnostics.length) diagnostics.push({ code: 'missing-identifier', severity: 'warning', message: `"${entry.key}" has no DOI, PMID or PMCID, so its metadata cannot be checked against a registry`, hint: 'Add the doi, pmid or pmcid field if the work has one; guidelines and web pages may have none.', ...at });
    return diagnostics;
  }
  const records = recordsOf(entry, library);
  const mismatched = new Set<string>();
  // Every record of the work is compared; one diagnostic lists each field once, as the first record showed it.
  const differences = new Map<string, string>();
  const differ = (field: string, text: string) => differences.has(field) || differences.set(field, text);
  const compared = records.filter((record) => record.found);
  for (const record of records) {
    if (record.found || !identifiers.some((id) => identifierKey(id) === identifierKey(record.identifier))) continue;
    diagnostics.push({ code: 'identifier-not-found', severity: 'error', message: `"${entry.key}": ${record.identifier.scheme.toUpperCase()} ${record.identifier.value} does not exist (${record.source || 'the registry'} answered "not found" on ${record.fetched || 'the fetch date'})`, hint: 'Find the work on doi.org or PubMed and correct the identifier; a source nobody can find must not be cited.', related: [record.location], ...at });
  }
  for (const record of compared) {
    // The record names the work's other identifiers too: an entry with the right DOI and the wrong PMID is caught here.
    for (const stated of identifiersOf(record.csl!)) {
      const mine = identifiers.find((id) => id.scheme === stated.scheme);
      if (mine && mine.value !== stated.value) {
        differ(stated.scheme, `${stated.scheme.toUpperCase()} is ${mine.value}, the record says ${stated.value}`);
        mismatched.add(identifierKey(mine));
      }
    }
    for (const d of compareMetadata(entry.item, record.csl!)) differ(d.field, d.field === 'authors' ? `authors: ${d.entry}` : `${d.field} is "${d.entry}", the record says "${d.stored}"`);
  }
  if (differences.size) {
    const names = compared.map((record) => `${record.identifier.scheme.toUpperCase()} ${record.identifier.value}`).join(' and ');
    diagnostics.push({
      code: 'metadata-mismatch',
      severity: 'error',
      message: `"${entry.key}" disagrees with the stored metadata of ${names}: ${[...differences.values()].join('; ')}`,
      hint: `Correct the entry from the stored record (${compared.map((record) => record.location.file).join(', ')}); if an identifier itself is wrong, fix it and fetch the right one.`,
      related: compared.map((record) => record.location),
      ...at,
    });
  }
  const unverified = identifiers.filter((identifier) => !library.records.has(identifierKey(identifier)) && !mismatched.has(identifierKey(identifier)));
  if (unverified.length) {
    const names = unverified.map((identifier) => `${identifier.scheme.toUpperCase()} ${identifier.value}`).join(', ');
    diagnostics.push({ code: 'unverified-identifier', severity: 'warning', message: `"${entry.key}": no stored metadata for ${names}, so the entry is not checked against ${unverified.length > 1 ? 'them' : 'it'}`, hint: ADD_HINT, ...at });
  }
  return diagnostics;
}

function firstOf<T>(groups: Map<string, T[]>): [string, T[]][] {
  return [...groups].filter(([, members]) => members.length > 1);
}

/** Entries sharing a DOI/PMID/PMCID: one work under two keys would be numbered twice. */
function duplicateWorks(entries: LibraryEntry[]): Diagnostic[] {
  const byIdentifier = new Map<string, LibraryEntry[]>();
  for (const entry of entries) for (const id of identifiersOf(entry.item)) {
    const key = identifierKey(id);
    byIdentifier.set(key, [...(byIdentifier.get(key) ?? []), entry]);
  }
  const reported = new Set<string>();
  return firstOf(byIdentifier).flatMap(([identifier, [first, ...others]]) => others
    .filter((entry) => !reported.has(`${first!.key} ${entry.key}`) && reported.add(`${first!.key} ${entry.key}`))
    .map((entry): Diagnostic => ({
      code: 'duplicate-work',
      severity: 'error',
      message: `"${entry.key}" and "${first!.key}" are the same work (${identifier})`,
      hint: `Keep one entry and cite it everywhere; replace @${entry.key} with @${first!.key}.`,
      location: entry.location,
      related: [first!.location],
      key: entry.key,
    })));
}

/** Keys that differ only in case: BibTeX treats them as one key, and readers cannot tell them apart. */
function caseDuplicates(entries: LibraryEntry[]): Diagnostic[] {
  const byLowerKey = new Map<string, LibraryEntry[]>();
  for (const entry of entries) byLowerKey.set(entry.key.toLowerCase(), [...(byLowerKey.get(entry.key.toLowerCase()) ?? []), entry]);
  return firstOf(byLowerKey).flatMap(([, [first, ...others]]) => others.map((entry): Diagnostic => ({
    code: 'duplicate-key',
    severity: 'error',
    message: `Citation keys "${entry.key}" and "${first!.key}" differ only in case`,
    hint: 'BibTeX treats them as the same key: rename one and update the articles that cite it.',
    location: entry.location,
    related: [first!.location],
    key: entry.key,
  })));
}

/**
 * Every problem in the library itself: unreadable entries, duplicate keys (also in case only), one work
 * under two keys, and each entry's own checks. `inFile` limits the report to some files.
 */
export function checkLibrary(library: Library, inFile: (file: string) => boolean = () => true): Diagnostic[] {
  const entries = [...library.entries.values()];
  return [
    ...library.diagnostics,
    ...caseDuplicates(entries),
    ...duplicateWorks(entries),
    ...entries.flatMap((entry) => checkEntry(entry, library)),
  ].filter((diagnostic) => !diagnostic.location || inFile(diagnostic.location.file));
}

const UPDATE_WORDS: Record<SourceUpdate['type'], string> = {
  retraction: 'retracted',
  withdrawal: 'withdrawn',
  'expression-of-concern': 'under an expression of concern',
  correction: 'corrected',
};

/** How an update is described to readers and authors: "retracted (doi:10.1/x, 2020-01-01)". */
export function describeUpdate(update: SourceUpdate): string {
  const details = [update.identifier, update.date].filter(Boolean).join(', ');
  return `${UPDATE_WORDS[update.type]}${details ? ` (${details})` : ''}`;
}

/**
 * Problems in one article's citations: keys that do not resolve, two keys for one work, and retracted or
 * corrected sources the article does not acknowledge. With `entries`, each cited entry's own checks too,
 * reported once per key (what the build runs).
 */
export function checkArticle(library: Library, article: ArticleCitations, options: { entries?: boolean } = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const cited = new Map<string, { entry: LibraryEntry; location?: SourceLocation }>();
  for (const citation of article.citations) {
    const resolution = library.resolve(citation.key);
    if ('diagnostic' in resolution) diagnostics.push({ ...resolution.diagnostic, location: citation.location, key: citation.key });
    else if (!cited.has(resolution.entry.key)) cited.set(resolution.entry.key, { entry: resolution.entry, location: citation.location });
  }
  const entries = [...cited.values()].map(({ entry }) => entry);
  for (const duplicate of duplicateWorks(entries)) diagnostics.push({ ...duplicate, location: cited.get(duplicate.key!)!.location ?? duplicate.location, related: [duplicate.location!, ...(duplicate.related ?? [])] });
  for (const { entry, location } of cited.values()) {
    const updates = sourceUpdates(entry, library);
    if (updates.length && !article.acknowledged?.[entry.key]) {
      const retracted = updates.some((update) => update.type !== 'correction');
      diagnostics.push({
        code: retracted ? 'retracted-source' : 'corrected-source',
        severity: 'error',
        message: `"${entry.key}" is ${updates.map(describeUpdate).join('; ')}, and ${article.file} does not say so`,
        hint: `Cite another source, or acknowledge it in the article's frontmatter so readers see a notice beside the reference: acknowledgedUpdates: { ${entry.key}: "What changed, and why the article still cites it." }`,
        location,
        related: [entry.location],
        key: entry.key,
      });
    }
    if (options.entries) diagnostics.push(...checkEntry(entry, library).map((d) => ({ ...d, related: [...(d.related ?? []), ...(location ? [location] : [])] })));
  }
  return diagnostics;
}

/** Library entries no article cites: warnings, since a library may hold sources for future articles. */
export function unusedEntries(library: Library, citedKeys: Set<string>): Diagnostic[] {
  return [...library.entries.values()]
    .filter((entry) => !citedKeys.has(entry.key))
    .map((entry) => ({ code: 'unused-reference', severity: 'warning', message: `Reference "${entry.key}" is not cited by any article`, hint: 'Cite it or remove it from the library.', location: entry.location, key: entry.key }));
}
