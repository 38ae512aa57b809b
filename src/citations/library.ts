import { parseBibtex, type LibraryEntry, type ParsedFile } from './bibtex.ts';
import { withPrintableNames } from './csl.ts';
import { parseCslJson } from './csl-json.ts';
import { locate, type Diagnostic, type SourceLocation } from './errors.ts';
import { mapText, readableText } from './field-text.ts';
import { withNoteVariables } from './note-variables.ts';
import { withPublicationStatus } from './publication-status.ts';
import { citableKey, identifierKey, identifiersOf, parseIdentifierKey, withBareIdentifiers, withNoteIdentifiers, withoutDoiAddress, withPageIdentifiers, withUnescapedLinks, type Identifier } from './identifiers.ts';
import { parseStoredMetadata, storedFileName, type ParsedStoredFile, type StoredRecord } from './stored.ts';
import { storedWorks, type StoredWork } from './stored-works.ts';
import { withRecordAbbreviation } from './record-abbreviation.ts';
import { suggestKeys } from './suggest.ts';
import { keySlug } from './anchors.ts';

export type { LibraryEntry } from './bibtex.ts';

/** A library file's path (relative to the project, as shown in messages) and its text. */
export interface LibraryFile {
  path: string;
  text: string;
}

export type Resolution = { entry: LibraryEntry } | { diagnostic: Omit<Diagnostic, 'location'> };

// Reference formats that reference managers and PubMed export, which the library does not read.
const UNSUPPORTED_FORMATS: [RegExp, string][] = [
  [/\.ris$/iu, 'RIS'],
  [/\.(nbib|medline)$/iu, 'PubMed (MEDLINE)'],
  [/\.enw$/iu, 'EndNote'],
  [/\.xml$/iu, 'XML'],
  [/\.ya?ml$/iu, 'YAML'],
];

/**
 * Which reader a library file needs, from its path: stored identifier metadata lives in an `identifiers/`
 * folder. A reference format the library cannot read is `unsupported`, so that it is reported, not skipped.
 */
export function libraryFileKind(path: string): 'bibtex' | 'csl-json' | 'stored' | 'unsupported' | undefined {
  if (/\.(bib|bibtex)$/iu.test(path)) return 'bibtex';
  if (UNSUPPORTED_FORMATS.some(([extension]) => extension.test(path))) return 'unsupported';
  // refs.config.json holds the settings of the `refs` command, not references.
  if (!/\.json$/iu.test(path) || /(^|\/)refs\.config\.json$/u.test(path)) return undefined;
  return /(^|\/)identifiers\//u.test(path) ? 'stored' : 'csl-json';
}

/** A file in a reference format the library does not read: none of its entries can be cited, and a cited key may be in it. */
function unsupportedFile(_text: string, file: string): ParsedFile {
  const format = UNSUPPORTED_FORMATS.find(([extension]) => extension.test(file))?.[1] ?? 'this format';
  const problem: Diagnostic = {
    code: 'unsupported-file',
    severity: 'warning',
    message: `${file} is not read: references are read from BibTeX (.bib) and CSL JSON (.json) files, not ${format}, so none of its references can be cited`,
    hint: 'Import the file into Zotero (or another reference manager) and export it as BibTeX or CSL JSON into references/; or cite each work by its PMID or DOI ([@pmid:12345678]) after `npm run refs -- add <id>` while online.',
    location: { file, line: 1, column: 1 },
  };
  return { entries: [], diagnostics: [problem], unreadable: problem };
}

const READERS: Record<NonNullable<ReturnType<typeof libraryFileKind>>, (text: string, file: string) => ParsedStoredFile> = {
  bibtex: parseBibtex,
  'csl-json': parseCslJson,
  stored: parseStoredMetadata,
  unsupported: unsupportedFile,
};

/** Every reference the project knows, by key, by identifier, and as stored identifier metadata. */
export class Library {
  /** Entries from BibTeX and CSL-JSON files, by citation key. */
  readonly entries = new Map<string, LibraryEntry>();
  /** Entries fetched by identifier, keyed `doi:…`, `pmid:…`, `pmcid:…`. */
  readonly stored = new Map<string, LibraryEntry>();
  /** Every stored identifier file, found or not found, by `doi:…`/`pmid:…`/`pmcid:…`. */
  readonly records = new Map<string, StoredRecord>();
  /** Problems found while reading the files. */
  readonly diagnostics: Diagnostic[] = [];
  /** Files none of which could be read: a key cited from one of them is not unknown, only unread. */
  readonly unreadable: Diagnostic[] = [];
  private readonly byIdentifier = new Map<string, LibraryEntry>();
  /** Keys whose definition is broken or ambiguous: citing one fails with the library's own diagnostic. */
  private readonly brokenKeys = new Map<string, Diagnostic>();
  /** Stored records grouped into works, by identifier key; made again after a file is added. */
  private works?: Map<string, StoredWork>;
  /** See formerKeys; made again after a file is added. */
  private formerKeysOfEntries?: Map<string, string[]>;

  /** Whether a key names an entry as it is written, readable or not, without resolving identifiers; a KeyTest. */
  readonly has = (key: string): boolean => this.entries.has(key) || this.stored.has(key) || this.brokenKeys.has(key);

  /**
   * Every reference the site formats and publishes, library entries first. Stored metadata for a work
   * the library already has (what `refs add --missing` fetches to check entries) is the same work: it
   * is left out, or each source would get a second page, and author-date styles would tell the two
   * apart as 2018a and 2018b.
   */
  all(): LibraryEntry[] {
    const works = new Set([...this.stored.values()].map((stored) => this.workOf(stored.key)!).filter((work) => !this.entryFor(work)));
    return [...[...this.entries.values()].map((entry) => withRecordAbbreviation(entry, this.records)), ...[...works].map((work) => work.entry)];
  }

  /**
   * The work a stored record belongs to (its DOI's, PMID's and PMCID's records are one), by any identifier
   * key its records are or name. The record standing for it replaces its own in `stored`, so it carries
   * the others' identifiers wherever it is looked up.
   */
  private workOf(key: string): StoredWork | undefined {
    if (!this.works) {
      this.works = storedWorks(this.stored.values());
      for (const work of new Set(this.works.values())) this.stored.set(work.entry.key, work.entry);
    }
    return this.works.get(key);
  }

  /**
   * The keys (`doi:…`, `pmid:…`) of stored records that a library entry now stands for, by that
   * entry's key: a work cited by identifier alone had its page and anchors under such a key. A key
   * whose page address another entry has is left out.
   */
  formerKeys(): Map<string, string[]> {
    // Every article asks (its citations keep their former anchors too).
    this.formerKeysOfEntries ??= this.findFormerKeys();
    return this.formerKeysOfEntries;
  }

  private findFormerKeys(): Map<string, string[]> {
    const taken = new Set([...this.entries.keys()].map(keySlug));
    const former = new Map<string, string[]>();
    for (const stored of this.stored.values()) {
      const work = this.workOf(stored.key)!;
      const owner = this.entryFor(work) ?? work.entry;
      if (owner.key !== stored.key && !taken.has(keySlug(stored.key))) former.set(owner.key, [...(former.get(owner.key) ?? []), stored.key]);
    }
    return former;
  }

  /** The library entry that carries one of a stored work's identifiers, if any. */
  private entryFor(work: StoredWork): LibraryEntry | undefined {
    return work.identifiers.map((key) => this.byIdentifier.get(key)).find(Boolean);
  }

  add(parsed: ParsedStoredFile, isStored: boolean): void {
    this.formerKeysOfEntries = undefined;
    this.works = undefined;
    this.diagnostics.push(...parsed.diagnostics);
    if (parsed.unreadable) this.unreadable.push(parsed.unreadable);
    if (parsed.record) this.records.set(identifierKey(parsed.record.identifier), parsed.record);
    for (const diagnostic of parsed.diagnostics) {
      if (diagnostic.key && diagnostic.severity === 'error') this.brokenKeys.set(diagnostic.key, diagnostic);
    }
    const target = isStored ? this.stored : this.entries;
    for (const parsedEntry of parsed.entries) {
      const entry = { ...parsedEntry, item: readableItem(parsedEntry.item, isStored) };
      const first = target.get(entry.key);
      if (first) {
        const diagnostic = duplicateKey(entry.key, entry.location, first.location);
        this.diagnostics.push(diagnostic);
        this.brokenKeys.set(entry.key, diagnostic);
        continue;
      }
      target.set(entry.key, entry);
      if (isStored) continue;
      for (const identifier of identifiersOf(entry.item)) {
        const idKey = identifierKey(identifier);
        if (!this.byIdentifier.has(idKey)) this.byIdentifier.set(idKey, entry);
      }
    }
  }

  /** The DOI the library knows that a cited one is the start of, up to a character that ends a citation key (`<`, `;`). */
  private cutShort(identifier: Identifier): Identifier | undefined {
    if (identifier.scheme !== 'doi') return undefined;
    const start = identifierKey(identifier);
    const whole = [...this.records.keys(), ...this.byIdentifier.keys()].find((known) => known.startsWith(start) && citableKey(parseIdentifierKey(known) as Identifier).startsWith(`${start}%`));
    return whole ? parseIdentifierKey(whole) as Identifier : undefined;
  }

  /**
   * Finds the entry a citation key names. `@doi:…`/`@pmid:…` keys resolve to the library entry that
   * carries that identifier, else to stored metadata, so one work cited both ways is one reference.
   */
  resolve(key: string): Resolution {
    const broken = this.brokenKeys.get(key);
    if (broken) return { diagnostic: { ...broken, related: [...(broken.location ? [broken.location] : []), ...(broken.related ?? [])] } };
    const identifier = parseIdentifierKey(key);
    // `@doi:…` names the library's entry for that work when there is one, even where its metadata is stored too.
    const direct = this.entries.get(key) ?? (identifier ? undefined : this.stored.get(key));
    if (direct) return { entry: direct };
    if (identifier && 'invalid' in identifier) {
      return { diagnostic: {
        code: 'unknown-key',
        severity: 'error',
        message: `"${identifier.invalid}" is not a valid ${identifier.scheme.toUpperCase()}`,
        hint: identifier.scheme === 'doi' ? 'A DOI looks like @doi:10.1016/j.jpain.2017.11.005.' : `Write the number only, as in @${identifier.scheme === 'pmid' ? 'pmid:29198932' : 'pmcid:PMC5927830'}.`,
      } };
    }
    if (identifier) {
      const idKey = identifierKey(identifier);
      // Only an identifier with a record of its own: a DOI that a PubMed record names is not yet fetched.
      const work = this.stored.has(idKey) ? this.workOf(idKey) : undefined;
      const entry = this.byIdentifier.get(idKey) ?? (work && (this.entryFor(work) ?? work.entry));
      if (entry) return { entry };
      const record = this.records.get(idKey);
      if (record && !record.found) {
        return { diagnostic: {
          code: 'identifier-not-found',
          severity: 'error',
          message: `${identifier.scheme.toUpperCase()} ${identifier.value} does not exist: ${record.source || 'the registry'} answered "not found" on ${record.fetched || 'the fetch date'} (${record.location.file})`,
          hint: 'Check the identifier against the source itself; cite the work by its correct DOI or PMID.',
        } };
      }
      const unreadable = this.diagnostics.find((diagnostic) => diagnostic.code === 'invalid-metadata' && diagnostic.location?.file.endsWith(`/${storedFileName(identifier)}`));
      if (unreadable) {
        return { diagnostic: {
          code: 'invalid-metadata',
          severity: 'error',
          message: `The stored metadata for ${identifier.scheme.toUpperCase()} ${identifier.value} cannot be read: ${unreadable.message}`,
          hint: `Fetch it again with \`npm run refs -- add ${identifier.value}\` while online, or fix the file where it says.`,
          related: [unreadable.location!],
        } };
      }
      const whole = this.cutShort(identifier);
      if (whole) {
        return { diagnostic: {
          code: 'missing-metadata',
          severity: 'error',
          message: `DOI ${identifier.value} is DOI ${whole.value} cut short: a citation key ends at "${whole.value[identifier.value.length]}"`,
          hint: `Cite it as @${citableKey(whole)}, with the characters that end a key percent-encoded.`,
        } };
      }
      return { diagnostic: {
        code: 'missing-metadata',
        severity: 'error',
        message: `No stored metadata for ${identifier.scheme.toUpperCase()} ${identifier.value}`,
        hint: `The build works offline and reads only references/. Run \`npm run refs -- add ${identifier.value}\` while online, then commit the file it writes under references/identifiers/.`,
      } };
    }
    const suggestions = suggestKeys(key, [...this.entries.keys(), ...this.stored.keys()]);
    // A file that could not be read at all may hold the key: its error is the one to fix first.
    const unreadFiles = this.unreadable.filter((diagnostic) => diagnostic.location !== undefined);
    return { diagnostic: {
      code: 'unknown-key',
      severity: 'error',
      // A pasted key can hold characters no one sees, and a 10,000-character "key" must not fill the terminal.
      message: `Unknown citation key "${shownKey(key)}"`,
      hint: suggestions.length
        ? `Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?`
        : unreadFiles.length
          ? unreadHint(unreadFiles)
          : 'Add an entry with this key to a .bib or CSL-JSON file under references/, or cite a stored identifier such as @doi:10.… . An @ that is not a citation (@WHO on social media) is written \\@.',
      ...(unreadFiles.length ? { related: unreadFiles.map((d) => d.location!) } : {}),
    } };
  }
}

/** Where a key nobody defined may be: in a file that could not be read, or in one of a format the library does not read. */
function unreadHint(unread: Diagnostic[]): string {
  const files = (code?: Diagnostic['code']) => [...new Set(unread.filter((d) => (code ? d.code === code : d.code !== 'unsupported-file')).map((d) => d.location!.file))].join(', ');
  return [
    ...(files() ? [`${files()} could not be read, and may hold this key: fix the error there first (\`npm run refs -- check\` shows it).`] : []),
    ...(files('unsupported-file') ? [`If the key is in ${files('unsupported-file')}, export those references as BibTeX or CSL JSON: the library does not read that format.`] : []),
  ].join(' ');
}

const KEY_SHOWN = 80;

/** A key as a message shows it: invisible characters named (U+200B), and cut short past 80 characters. */
function shownKey(key: string): string {
  const visible = key.replace(/[\u200B-\u200F\u2060\uFEFF\u00AD]/gu, (character) => `<U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
  return visible.length > KEY_SHOWN ? `${visible.slice(0, KEY_SHOWN)}…` : visible;
}

function duplicateKey(key: string, location: SourceLocation, first: SourceLocation): Diagnostic {
  return {
    code: 'duplicate-key',
    severity: 'error',
    message: `Citation key "${key}" is defined twice`,
    hint: 'Keep one definition, or rename one of them and update the articles that cite it.',
    location,
    key,
    related: [first],
  };
}

/**
 * A file read as UTF-8 that was not (Latin-1 from an old reference manager): every byte that is not
 * UTF-8 became U+FFFD, and "Müller" would be printed as "M�ller".
 */
function encodingProblem(file: LibraryFile): Diagnostic | undefined {
  const at = file.text.indexOf('\uFFFD');
  if (at === -1) return undefined;
  return {
    code: 'invalid-encoding',
    severity: 'error',
    message: `${file.path} is not UTF-8 text: its accented letters are lost (first here)`,
    hint: 'Save the file as UTF-8 (in JabRef: File › Properties › Encoding; with iconv: iconv -f latin1 -t utf-8), then check the letters marked here.',
    location: locate(file.text, at, file.path),
  };
}

// UTF-16 (Windows' "Unicode" in some exporters) read as UTF-8 has a NUL beside every ASCII letter; a
// stray NUL in UTF-8 text is a control character like any other, which field-text.ts drops.
function isUtf16(text: string): boolean {
  const sample = text.slice(0, 4096);
  const nuls = sample.split('\u0000').length - 1;
  return nuls > sample.length / 4;
}

/** A UTF-16 file: nothing in it can be read, and Latin-1 advice would garble it. */
function utf16Problem(file: LibraryFile): Diagnostic {
  return {
    code: 'invalid-encoding',
    severity: 'error',
    message: `${file.path} is UTF-16 text, not UTF-8: none of its entries can be read`,
    hint: 'Save the file as UTF-8 (with iconv: iconv -f utf-16 -t utf-8).',
    location: { file: file.path, line: 1, column: 1 },
  };
}

/**
 * An item as every reader of the library gets it: text readable (see field-text.ts), links without LaTeX
 * escapes, a bare DOI and no address that only repeats it, the variables a note starts with (as citeproc reads them), names citeproc can print and a publication status ("in press") styles print;
 * identifiers in a note or a PubMed address count for the library's own entries, not for registry records.
 */
function readableItem(item: LibraryEntry['item'], isStored: boolean): LibraryEntry['item'] {
  const read = mapText(isStored ? item : withNoteIdentifiers(withNoteVariables(item)), readableText);
  const linked = withUnescapedLinks(read);
  return withPublicationStatus(withPrintableNames(withoutDoiAddress(withBareIdentifiers(isStored ? linked : withPageIdentifiers(linked)))));
}

/** Reads every library file into one Library; unreadable entries become diagnostics, never exceptions. */
export function loadLibrary(files: LibraryFile[], options: { inGivenOrder?: boolean } = {}): Library {
  const library = new Library();
  // By path, so that which of two definitions is "the second" never depends on how a folder was listed.
  const sorted = options.inGivenOrder ? files : [...files].sort((a, b) => a.path.localeCompare(b.path));
  for (const file of sorted) {
    const kind = libraryFileKind(file.path);
    if (!kind) continue;
    if (kind !== 'unsupported' && isUtf16(file.text)) {
      const problem = utf16Problem(file);
      library.diagnostics.push(problem);
      library.unreadable.push(problem);
      continue;
    }
    const encoding = kind === 'unsupported' ? undefined : encodingProblem(file);
    if (encoding) library.diagnostics.push(encoding);
    library.add(READERS[kind](file.text, file.path), kind === 'stored');
  }
  return library;
}
