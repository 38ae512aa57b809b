import type { ParsedFile } from './bibtex.ts';
import type { CslItem } from './csl.ts';
import { parseJson } from './csl-json.ts';
import { checkedCslItem } from './csl-json-lint.ts';
import { identifierKey, identifiersOf, parseIdentifierKey, type Identifier } from './identifiers.ts';
import type { Diagnostic, SourceLocation } from './errors.ts';

/** A later notice about a work: it was retracted, corrected, or is under an expression of concern. */
export interface SourceUpdate {
  type: 'retraction' | 'correction' | 'expression-of-concern' | 'withdrawal';
  /** The notice itself, when known (`doi:…`, `pmid:…`). */
  identifier?: string;
  /** `YYYY-MM-DD` or `YYYY` when known. */
  date?: string;
  /** The registry's own wording, e.g. "Retraction in: J Pain. 2020;21:1". */
  label?: string;
}

/**
 * One identifier's metadata as kept under references/identifiers/: what was fetched, from where, when.
 * `status: "not-found"` records that the registry answered 404, so an offline check can flag the identifier.
 */
export interface StoredMetadata {
  identifier: string;
  source: string;
  fetched: string;
  status?: 'found' | 'not-found';
  updates?: SourceUpdate[];
  csl?: CslItem;
}

/** A stored record as the library keeps it: parsed identifier, where the file is, and what it says. */
export interface StoredRecord {
  identifier: Identifier;
  location: SourceLocation;
  source: string;
  fetched: string;
  found: boolean;
  updates: SourceUpdate[];
  csl?: CslItem;
}

export type ParsedStoredFile = ParsedFile & { record?: StoredRecord };

const UPDATE_TYPES = new Set<SourceUpdate['type']>(['retraction', 'correction', 'expression-of-concern', 'withdrawal']);

function readUpdates(value: unknown): SourceUpdate[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return undefined;
  const updates: SourceUpdate[] = [];
  for (const raw of value as Partial<SourceUpdate>[]) {
    if (!raw || !UPDATE_TYPES.has(raw.type!)) return undefined;
    const update: SourceUpdate = { type: raw.type! };
    for (const field of ['identifier', 'date', 'label'] as const) if (typeof raw[field] === 'string') update[field] = raw[field];
    updates.push(update);
  }
  return updates;
}

/**
 * The identifier of another work that a record for `identifier` names under the same scheme (doi.org's
 * answer for an alias DOI is the record of the DOI it stands for): it would give this identifier that
 * work's links, so such a record is not stored, nor read.
 */
export function recordOfAnother(item: CslItem, identifier: Identifier): Identifier | undefined {
  const stated = identifiersOf(item).find((other) => other.scheme === identifier.scheme);
  return stated && identifierKey(stated) !== identifierKey(identifier) ? stated : undefined;
}

/**
 * Reads a stored-metadata file. The entry's key is the identifier itself (`doi:10.1000/x`), which is
 * what an article cites when it writes `@doi:10.1000/x`; a not-found record yields no entry.
 */
export function parseStoredMetadata(source: string, file: string): ParsedStoredFile {
  const { value, diagnostic, warnings } = parseJson(source, file, 'invalid-metadata');
  if (diagnostic) return { entries: [], diagnostics: [diagnostic] };
  const record = value as Partial<StoredMetadata> | null;
  const identifier = typeof record?.identifier === 'string' ? parseIdentifierKey(record.identifier) : undefined;
  const location = { file, line: 1, column: 1 };
  const problem = (message: string): ParsedFile => ({
    entries: [],
    diagnostics: [{
      code: 'invalid-metadata',
      severity: 'error',
      message: `${file}: ${message}`,
      hint: 'Stored metadata files are written by `npm run refs -- add <doi|pmid|pmcid>`; fetch the identifier again rather than editing by hand.',
      location,
    } satisfies Diagnostic],
  });
  if (!identifier || 'invalid' in identifier) return problem('"identifier" must be doi:…, pmid:… or pmcid:… with a valid value');
  const found = record?.status !== 'not-found';
  if (record?.status !== undefined && record.status !== 'found' && record.status !== 'not-found') return problem('"status" must be "found" or "not-found"');
  if (found && (!record?.csl || typeof record.csl !== 'object' || typeof record.csl.type !== 'string')) return problem('"csl" must be a CSL-JSON item with a "type"');
  const updates = readUpdates(record?.updates);
  if (!updates) return problem('"updates" must be a list of { "type": "retraction" | "correction" | "expression-of-concern" | "withdrawal", … }');
  const key = identifierKey(identifier);
  const checked = found ? checkedCslItem({ ...record!.csl!, id: key }, location) : undefined;
  const stated = checked && recordOfAnother(checked.item, identifier);
  if (stated) return problem(`"csl" is the record of ${stated.scheme.toUpperCase()} ${stated.value}, not of ${identifier.scheme.toUpperCase()} ${identifier.value}, the identifier the file is for`);
  const fetched = typeof record?.fetched === 'string' && isCalendarDate(record.fetched) ? record.fetched : '';
  // The reference page dates the check by it: a date it cannot read stopped the build with "Invalid time value".
  const undated: Diagnostic[] = record?.fetched !== undefined && !fetched ? [{
    code: 'invalid-metadata',
    severity: 'warning',
    message: `${file}: "fetched" is ${JSON.stringify(record?.fetched).slice(0, 60)}, not a date (YYYY-MM-DD), so the source's page does not say when the record was fetched`,
    hint: `Fetch the identifier again (npm run refs -- add --force ${identifierKey(identifier)}), which writes the date, rather than editing the file by hand.`,
    location,
  }] : [];
  const stored: StoredRecord = {
    identifier, location, found, updates,
    source: typeof record?.source === 'string' ? record.source : '',
    fetched,
    ...(checked ? { csl: checked.item } : {}),
  };
  return { entries: stored.csl ? [{ key, item: stored.csl, location }] : [], diagnostics: [...warnings, ...undated, ...(checked?.diagnostics ?? [])], record: stored };
}

/** Whether text is a day of the calendar written YYYY-MM-DD (not 2026-02-30). */
function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/u.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** Objects with their keys sorted, recursively, so a re-fetch that reorders fields changes no line. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
}

/** The committed text of a stored record: fixed top-level order, sorted CSL keys, two-space indent, final newline. */
export function serializeStoredMetadata(metadata: StoredMetadata): string {
  const ordered: StoredMetadata = {
    identifier: metadata.identifier,
    source: metadata.source,
    fetched: metadata.fetched,
    ...(metadata.status === 'not-found' ? { status: 'not-found' as const } : {}),
    ...(metadata.updates?.length ? { updates: metadata.updates } : {}),
    ...(metadata.csl ? { csl: sortKeys(metadata.csl) as CslItem } : {}),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** `doi-10.1016%2Fj.jpain.2017.11.005.json`: one file name per identifier, safe on every file system. */
export function storedFileName(identifier: Identifier): string {
  const safe = encodeURIComponent(identifier.value).replace(/[!'()*]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${identifier.scheme}-${safe}.json`;
}
