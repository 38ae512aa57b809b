import { keySlug } from './anchors.ts';
import type { LibraryEntry } from './bibtex.ts';
import { checkEntry } from './check-entry.ts';
import type { Diagnostic, SourceLocation } from './errors.ts';
import { identifierKey, identifiersOf } from './identifiers.ts';
import type { Library } from './library.ts';
import type { SourceUpdate } from './stored.ts';
import { suggestKeys } from './suggest.ts';
import { sourceUpdates } from './updates.ts';

/** One article's citations as the checks need them: each cited key, where it is written, and what the article acknowledges. */
export interface ArticleCitations {
  file: string;
  citations: { key: string; location?: SourceLocation }[];
  /** Frontmatter `acknowledgedUpdates`: key → the note readers see beside a retracted or corrected source. */
  acknowledged?: Record<string, string>;
  /** Where `acknowledgedUpdates` is written; asked only when a warning names it. */
  acknowledgedLocation?: () => SourceLocation | undefined;
}

function firstOf<T>(groups: Map<string, T[]>): [string, T[]][] {
  return [...groups].filter(([, members]) => members.length > 1);
}

/** Entries sharing a DOI/PMID/PMCID: one work under two keys would be numbered twice. */
function duplicateWorks(entries: LibraryEntry[]): Diagnostic[] {
  const byIdentifier = new Map<string, LibraryEntry[]>();
  for (const entry of entries) for (const id of identifiersOf(entry.item)) {
    const key = identifierKey(id);
    const sharing = byIdentifier.get(key);
    if (sharing) sharing.push(entry);
    else byIdentifier.set(key, [entry]);
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
export function caseDuplicates(entries: LibraryEntry[]): Diagnostic[] {
  const byLowerKey = Map.groupBy(entries, (entry) => entry.key.toLowerCase());
  return firstOf(byLowerKey).flatMap(([, [first, ...others]]) => others.map((entry): Diagnostic => ({
    code: 'duplicate-key',
    severity: 'error',
    message: `Citation keys "${entry.key}" and "${first!.key}" differ only in case`,
    hint: 'Reference managers and BibTeX take them for one key, and on a file system that ignores case their pages would be one: rename one and update the articles that cite it.',
    location: entry.location,
    related: [first!.location],
    key: entry.key,
  })));
}

/**
 * Keys that become the same page and anchor (`müller2020` and `mäller2020` are both `m-ller2020`), on a
 * file system that ignores case too; keys that differ only in case are caseDuplicates' report.
 */
export function slugClashes(entries: LibraryEntry[]): Diagnostic[] {
  const bySlug = new Map<string, LibraryEntry[]>();
  for (const entry of entries) {
    const slug = keySlug(entry.key).toLowerCase();
    const others = bySlug.get(slug) ?? [];
    if (!others.some((other) => other.key.toLowerCase() === entry.key.toLowerCase())) bySlug.set(slug, [...others, entry]);
  }
  return firstOf(bySlug).flatMap(([, [first, ...others]]) => others.map((entry): Diagnostic => ({
    code: 'duplicate-key',
    severity: 'error',
    // `müller2020` typed composed and decomposed (u and a combining diaeresis) look the same on every screen.
    message: entry.key.normalize('NFC') === first!.key.normalize('NFC')
      ? `Citation keys "${entry.key}" and "${first!.key}" look the same but are written with different characters (an accented letter as one character in one, as a letter and a combining accent in the other), and would share the page /references/${keySlug(first!.key)}/`
      : `Citation keys "${entry.key}" and "${first!.key}" would share the page /references/${keySlug(first!.key)}/ and its anchor`,
    hint: 'Page addresses keep only letters, digits, "_", "." and "-" of a key: rename one key and update the articles that cite it.',
    location: entry.location,
    related: [first!.location],
    key: entry.key,
  })));
}

/** The addresses the site keeps under /references/ beside one page per reference. */
export interface ReservedPages {
  /** Pages of their own, such as `by-year` (the references sorted by year). */
  lists: ReadonlySet<string>;
  /** Extensions of each reference's downloads: `<slug>.bib` beside `<slug>/`. */
  downloads: readonly string[];
}

/** Keys whose page would be one the site keeps for something else (`/references/by-year/`, another reference's `.bib`). */
export function reservedPages(entries: LibraryEntry[], reserved: ReservedPages): Diagnostic[] {
  const bySlug = new Map(entries.map((entry) => [keySlug(entry.key).toLowerCase(), entry]));
  return entries.flatMap((entry): Diagnostic[] => {
    const slug = keySlug(entry.key);
    const [, base = '', extension = ''] = slug.match(/^(.+)\.([^.]+)$/u) ?? [];
    const owner = reserved.downloads.includes(extension.toLowerCase()) ? bySlug.get(base.toLowerCase()) : undefined;
    const taken = reserved.lists.has(slug.toLowerCase()) ? 'which lists the references sorted' : owner ? `where "${owner.key}" is downloaded as a .${extension.toLowerCase()} file` : undefined;
    if (!taken) return [];
    return [{
      code: 'duplicate-key',
      severity: 'error',
      message: `Reference "${entry.key}" would take the page /references/${slug}/, ${taken}`,
      hint: 'Rename the key and update the articles that cite it.',
      location: entry.location,
      ...(owner ? { related: [owner.location] } : {}),
      key: entry.key,
    }];
  });
}

// A reference's downloads are files named after its key (`<slug>.json`): most file systems hold at most
// 255 bytes in a name, and the build would stop with the system's ENAMETOOLONG.
const MAX_SLUG_LENGTH = 250;

/** Keys too long to name their page and downloads. */
export function overlongKeys(entries: LibraryEntry[]): Diagnostic[] {
  return entries.filter((entry) => keySlug(entry.key).length > MAX_SLUG_LENGTH).map((entry) => ({
    code: 'invalid-key',
    severity: 'error',
    message: `Citation key "${entry.key.slice(0, 40)}…" is ${entry.key.length} characters long: its page and downloads are files named after it, and a file name holds at most 255`,
    hint: `Give the entry a shorter key (at most ${MAX_SLUG_LENGTH} characters), such as first author and year, and update the articles that cite it.`,
    location: entry.location,
    key: entry.key,
  }));
}

// Names Windows keeps for devices, with any extension and in any case: no file or folder may have them, so
// a site with /references/con/ and con.bib could not be built, copied or checked out there.
const DEVICE_NAME = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.|$)/iu;

/** Keys whose page and downloads would be named as a Windows device (`con`, `aux`, `nul`, `com1`). */
export function deviceNameKeys(entries: LibraryEntry[]): Diagnostic[] {
  return entries.filter((entry) => DEVICE_NAME.test(keySlug(entry.key))).map((entry) => ({
    code: 'invalid-key',
    severity: 'error',
    message: `Citation key "${entry.key}" would name its page /references/${keySlug(entry.key)}/ and its downloads as Windows names a device: the site could not be built, copied or checked out on Windows`,
    hint: 'Give the entry a key such as first author and year (con2020), and update the articles that cite it.',
    location: entry.location,
    key: entry.key,
  }));
}

/** Keys that cannot have a page of their own at /references/<key>/: shared, taken, too long or a device's name. */
export function pageProblems(entries: LibraryEntry[], reserved: ReservedPages): Diagnostic[] {
  return [...caseDuplicates(entries), ...slugClashes(entries), ...reservedPages(entries, reserved), ...overlongKeys(entries), ...deviceNameKeys(entries)];
}

/**
 * Every problem in the library itself: unreadable entries, duplicate keys (also in case only), keys that
 * would share a page or take one the site keeps (`reserved`), one work under two keys, and each entry's
 * own checks. `inFile` limits the report to problems in some files, or that name a place in them.
 */
export function checkLibrary(library: Library, inFile: (file: string) => boolean = () => true, reserved: ReservedPages = { lists: new Set(), downloads: [] }): Diagnostic[] {
  const entries = [...library.entries.values()];
  return [
    ...library.diagnostics,
    ...pageProblems(entries, reserved),
    ...duplicateWorks(entries),
    ...entries.flatMap((entry) => checkEntry(entry, library)),
  ].filter((diagnostic) => !diagnostic.location || inFile(diagnostic.location.file) || diagnostic.related?.some((place) => inFile(place.file)));
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
/**
 * The article's note on a source, from `acknowledgedUpdates`. Its own notes only: a key named as a property
 * every object has (`constructor`, `toString`) found that property, a function, which let a retracted source
 * pass as acknowledged and took the page's reference list away.
 */
export function acknowledgedNote(article: Pick<ArticleCitations, 'acknowledged'>, key: string): string | undefined {
  return article.acknowledged && Object.hasOwn(article.acknowledged, key) ? article.acknowledged[key] : undefined;
}

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
    if (updates.length && !acknowledgedNote(article, entry.key)) {
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
    if (options.entries) diagnostics.push(...checkedOnce(entry, library).map((d) => ({ ...d, related: [...(d.related ?? []), ...(location ? [location] : [])] })));
  }
  return [...diagnostics, ...unusedAcknowledgements(library, article, new Set(cited.keys()))];
}

// The build checks each cited entry for every article citing it, and the answer depends only on the library.
const entryChecks = new WeakMap<Library, WeakMap<LibraryEntry, Diagnostic[]>>();

function checkedOnce(entry: LibraryEntry, library: Library): Diagnostic[] {
  let checks = entryChecks.get(library);
  if (!checks) entryChecks.set(library, (checks = new WeakMap()));
  let diagnostics = checks.get(entry);
  if (!diagnostics) checks.set(entry, (diagnostics = checkEntry(entry, library)));
  return diagnostics;
}

/** Notes in `acknowledgedUpdates` for a source the article does not cite: a misspelt key, or a citation since removed. */
function unusedAcknowledgements(library: Library, article: ArticleCitations, cited: Set<string>): Diagnostic[] {
  const unused = Object.keys(article.acknowledged ?? {}).filter((key) => {
    const resolution = library.resolve(key);
    return !('entry' in resolution && cited.has(resolution.entry.key));
  });
  if (unused.length === 0) return [];
  const location = article.acknowledgedLocation?.();
  return unused.map((key): Diagnostic => {
    const [meant] = suggestKeys(key, cited);
    return {
      code: 'unused-acknowledgement',
      severity: 'warning',
      message: `acknowledgedUpdates has a note for "${key}", which ${article.file} does not cite, so readers never see it`,
      hint: meant ? `Did you mean ${meant}? Write the key as the article cites it, or remove the note.` : 'Write the key as the article cites it, or remove the note.',
      ...(location ? { location } : {}),
      key,
    };
  });
}

/** Library entries no article cites: warnings, since a library may hold sources for future articles. */
export function unusedEntries(library: Library, citedKeys: Set<string>): Diagnostic[] {
  return [...library.entries.values()]
    .filter((entry) => !citedKeys.has(entry.key))
    .map((entry) => ({ code: 'unused-reference', severity: 'warning', message: `Reference "${entry.key}" is not cited by any article`, hint: 'Cite it or remove it from the library.', location: entry.location, key: entry.key }));
}
