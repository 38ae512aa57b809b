import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { citableKey, formatDiagnostic, identifierKey, identifiersOf, type Identifier, type Library, libraryFileKind, loadLibrary, parseIdentifierKey, serializeStoredMetadata, storedFileName } from '../citations/index.ts';
import { identifierOfPage } from '../citations/identifiers.ts';
import { fetchIdentifier } from './fetchers.ts';
import { mapLimit } from './http.ts';
import { loadProjectLibrary, type Project } from './project.ts';

/**
 * `10.1000/x`, `https://doi.org/10.1000/x` (or `doi.org/…`), `29198932`, `PMC5927830`, the `doi:`/`pmid:`/`pmcid:`
 * forms, or the address of the work's PubMed or PMC page, as copied from the browser.
 */
export function readIdentifierArgument(raw: string): Identifier | undefined {
  const text = raw.trim();
  const page = identifierOfPage(/^https?:/iu.test(text) ? text : `https://${text}`);
  if (page) return page;
  const scheme = /^(doi|pmid|pmcid):/iu.test(text) ? '' : /^((https?:\/\/)?(dx\.|www\.)?doi\.org\/)?10\./iu.test(text) ? 'doi:' : /^pmc/iu.test(text) ? 'pmcid:' : /^\d+$/u.test(text) ? 'pmid:' : '';
  const parsed = parseIdentifierKey(`${scheme}${text}`);
  return parsed && !('invalid' in parsed) ? parsed : undefined;
}

export interface AddOptions {
  offline: boolean;
  force: boolean;
  /** Also every identifier the library names that has no stored file; "not found" answers are stored too. */
  missing: boolean;
}

/**
 * Fetches each identifier's metadata and writes it to references/identifiers/, one reviewed file per
 * identifier. Returns the exit status: 1 when any identifier failed or was not found.
 */
export async function addIdentifiers(project: Project, args: string[], options: AddOptions, log: (text: string) => void): Promise<number> {
  let status = 0;
  const wanted = new Map<string, Identifier>();
  for (const arg of args) {
    const identifier = readIdentifierArgument(arg);
    if (identifier) wanted.set(identifierKey(identifier), identifier);
    else {
      log(`error: "${arg}" is not a DOI (10.…), PMID (digits), PMCID (PMC…), or the address of a doi.org, PubMed or PMC page.`);
      status = 1;
    }
  }
  const { library } = loadProjectLibrary(project);
  const explicit = new Set(wanted.keys());
  if (options.missing) for (const entry of library.entries.values()) for (const id of identifiersOf(entry.item)) wanted.set(identifierKey(id), id);
  const dir = join(project.root, project.references, 'identifiers');
  const todo = [...wanted.values()].filter((identifier) => {
    if (options.force || !library.records.has(identifierKey(identifier))) return true;
    if (args.length) log(`${identifierKey(identifier)}: already stored in ${library.records.get(identifierKey(identifier))!.location.file} (--force fetches it again)`);
    return false;
  });
  if (todo.length === 0) return status;
  if (options.offline) {
    for (const identifier of todo) log(`error: ${identifierKey(identifier)} has no stored metadata, and --offline forbids fetching it.`);
    return 1;
  }
  if (!project.config.contact) {
    log(`error: set "contact" in ${project.references}/refs.config.json to an e-mail address, e.g. { "contact": "editor@example.org" }: doi.org and NCBI ask every client to say who to contact.`);
    return 1;
  }
  mkdirSync(dir, { recursive: true });
  const outcomes = await mapLimit(todo, project.config.concurrency, (identifier) => fetchIdentifier(identifier, project.config));
  outcomes.forEach((outcome, i) => {
    const file = join(project.references, 'identifiers', storedFileName(todo[i]!));
    if (outcome.kind === 'failed') {
      log(`error: ${outcome.message}`);
      status = 1;
      return;
    }
    // A "not found" answer is stored only for identifiers the library names, so check can flag them offline.
    if (outcome.kind === 'not-found') {
      log(`error: ${outcome.message}`);
      status = 1;
      if (explicit.has(identifierKey(todo[i]!))) return;
    }
    writeFileSync(join(project.root, file), serializeStoredMetadata(outcome.metadata));
    if (outcome.kind === 'found') log(`${identifierKey(todo[i]!)}: wrote ${file} (${String(outcome.metadata.csl?.title ?? '').slice(0, 80)})${explicit.has(identifierKey(todo[i]!)) ? `; ${howToCite(library, todo[i]!)}` : ''}${outcome.warnings.map((warning) => `\nwarning: ${warning}`).join('')}`);
    else log(`${identifierKey(todo[i]!)}: recorded "not found" in ${file}`);
  });
  return status;
}

/** What a newly stored identifier is for: citing the work by it, or checking the library's entry that carries it. */
function howToCite(library: Library, identifier: Identifier): string {
  const resolution = library.resolve(identifierKey(identifier));
  return 'entry' in resolution && library.entries.has(resolution.entry.key)
    ? `it checks the library's entry, cited as [@${resolution.entry.key}]`
    : `cite it as [@${citableKey(identifier)}]`;
}

/**
 * Imports a BibTeX export (Zotero, Better BibTeX…) into references/: reports unreadable entries and keys
 * the library already has, and copies the file only when it is clean (or with --force).
 */
export function importBibtex(project: Project, path: string, force: boolean, log: (text: string) => void): number {
  if (!existsSync(path)) {
    log(`error: ${path} does not exist.`);
    return 1;
  }
  const kind = libraryFileKind(path);
  if (kind !== 'bibtex' && kind !== 'csl-json') {
    log(`error: ${path} is not a BibTeX (.bib) or CSL JSON (.json) export, which is what references/ holds: nothing imported.\n  hint: Import it into Zotero (or another reference manager) and export the references as BibTeX or CSL JSON; or add each work by its PMID or DOI: \`npm run refs -- add <id>\`.`);
    return 1;
  }
  const target = join(project.references, basename(path).replace(/\.bibtex$/iu, '.bib'));
  // Read as the build reads it: its encoding checked too, so what `check` would call an error stops the import here.
  const imported = loadLibrary([{ path, text: readFileSync(path, 'utf8') }]);
  const { library } = loadProjectLibrary(project);
  const byLowerKey = new Map([...library.entries.values()].map((entry) => [entry.key.toLowerCase(), entry]));
  const problems = [...imported.diagnostics];
  for (const entry of imported.entries.values()) {
    const existing = byLowerKey.get(entry.key.toLowerCase());
    if (!existing || existing.location.file === target) continue;
    const message = existing.key === entry.key ? `"${entry.key}" is already defined` : `"${entry.key}" differs only in case from "${existing.key}", which is already defined`;
    problems.push({ code: 'duplicate-key', severity: 'error', message, location: entry.location, related: [existing.location], key: entry.key, hint: 'Rename the key in the export, or drop the entry.' });
  }
  // One work under two keys would be numbered twice in an article that cites both.
  const byIdentifier = new Map([...library.entries.values()].filter((entry) => entry.location.file !== target).flatMap((entry) => identifiersOf(entry.item).map((id) => [identifierKey(id), entry] as const)));
  for (const entry of imported.entries.values()) {
    const id = identifiersOf(entry.item).map(identifierKey).find((key) => byIdentifier.has(key));
    if (!id) continue;
    const existing = byIdentifier.get(id)!;
    problems.push({ code: 'duplicate-work', severity: 'error', message: `"${entry.key}" is "${existing.key}" of the library (${id})`, location: entry.location, related: [existing.location], key: entry.key, hint: `Drop the entry from the export and cite @${existing.key}.` });
  }
  for (const problem of problems) log(formatDiagnostic(problem));
  if (imported.entries.size === 0 && problems.length === 0) {
    log(`error: ${path} holds no references: nothing imported.`);
    return 1;
  }
  if (existsSync(join(project.root, target)) && !force) {
    // Reference managers name every export alike ("Exported Items.bib"): replacing an earlier import's file drops its entries.
    const dropped = [...library.entries.values()].filter((entry) => entry.location.file === target && !imported.entries.has(entry.key)).map((entry) => entry.key);
    log(dropped.length
      ? `error: ${target} already exists, with ${dropped.length} entr${dropped.length === 1 ? 'y' : 'ies'} this export does not have (${dropped.slice(0, 5).join(', ')}${dropped.length > 5 ? ', …' : ''}): nothing imported.\n  hint: To add this export beside it, give the file another name and import that; --force replaces ${target}, and those entries are gone.`
      : `error: ${target} already exists, and this export has all of its entries: use --force to replace it.`);
    return 1;
  }
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length && !force) {
    log(`error: ${errors.length} problem(s): nothing imported. Fix the export, or import anyway with --force.`);
    return 1;
  }
  copyFileSync(path, join(project.root, target));
  const merged = loadLibrary([{ path: target, text: readFileSync(join(project.root, target), 'utf8') }]);
  log(`imported ${merged.entries.size} entries into ${target}; run \`npm run refs -- add --missing\` to fetch their identifiers' metadata, then \`npm run refs -- check\`.`);
  return errors.length ? 1 : 0;
}
