import type { LibraryEntry } from './bibtex.ts';
import { compareMetadata } from './compare.ts';
import { incompleteEntry } from './completeness.ts';
import type { Diagnostic } from './errors.ts';
import { citableKey, identifierKey, identifiersOf, isWebAddress, normalizeDoi, normalizePmcid, normalizePmid, type IdentifierScheme } from './identifiers.ts';
import type { Library } from './library.ts';
import { publishedVersionOf, recordsOf } from './updates.ts';

const FIELDS: [IdentifierScheme, 'DOI' | 'PMID' | 'PMCID', (raw: string) => string | undefined, string][] = [
  ['doi', 'DOI', normalizeDoi, 'A DOI starts with 10., a registrant code and a slash: doi = {10.1016/j.jpain.2017.11.005}.'],
  ['pmid', 'PMID', normalizePmid, 'A PMID is a number of up to 9 digits: pmid = {29198932}.'],
  ['pmcid', 'PMCID', normalizePmcid, 'A PMCID is PMC followed by digits: pmcid = {PMC5927830}.'],
];

const ADD_HINT = 'Run `npm run refs -- add --missing` while online and commit the files it writes under references/identifiers/, so entries are checked offline.';

/**
 * Problems with one entry on its own: letters lost to its file's encoding, fields its reference needs, malformed or missing identifiers,
 * identifiers the registry does not know, and fields that disagree with the stored metadata of the
 * entry's own DOI/PMID/PMCID.
 */
export function checkEntry(entry: LibraryEntry, library: Library): Diagnostic[] {
  return [lostLetters(entry), incompleteEntry(entry), notWebAddress(entry), ...identifierChecks(entry, library), publishedVersion(entry, library)].filter((diagnostic) => diagnostic !== undefined);
}

/** A URL that is no web address (javascript:, data:, vbscript:): the reference prints, links and exports none. */
function notWebAddress(entry: LibraryEntry): Diagnostic | undefined {
  const url = entry.item.URL;
  if (typeof url !== 'string' || !url.trim() || isWebAddress(url)) return undefined;
  const shown = url.length > 60 ? `${url.slice(0, 60)}…` : url;
  return {
    code: 'invalid-url',
    severity: 'warning',
    message: `"${entry.key}": URL "${shown}" is not a web address (http or https), so the reference does not print, link or export it`,
    hint: 'Write the address of the page as it opens in a browser, starting https://, or delete the field.',
    location: entry.location,
    key: entry.key,
  };
}

/** A preprint whose record names the version published since: a clinician should read the peer-reviewed one. */
function publishedVersion(entry: LibraryEntry, library: Library): Diagnostic | undefined {
  const doi = publishedVersionOf(entry.item) ?? recordsOf(entry, library).map((record) => record.csl && publishedVersionOf(record.csl)).find(Boolean);
  if (!doi) return undefined;
  return {
    code: 'published-version',
    severity: 'warning',
    message: `"${entry.key}" is a preprint, and its registry names the version published since: DOI ${doi}`,
    hint: `Cite the published version, @${citableKey({ scheme: 'doi', value: doi })} (\`npm run refs -- add ${doi}\` while online), unless the preprint itself is meant: its results may differ from the peer-reviewed ones.`,
    location: entry.location,
    key: entry.key,
  };
}

// Half of a character that UTF-16 writes as two (an emoji, 𝔸), as CSL-JSON can hold it ("\ud800"): text cut
// between the two halves by the tool that wrote it. JSON.stringify spells a lone half as an escape.
const LONE_SURROGATE = /\\ud[89a-f][0-9a-f]{2}/iu;

/** Fields holding half a character, which pages printed as � with no word to the author. */
function halfCharacters(entry: LibraryEntry, fields: string[]): Diagnostic {
  return {
    code: 'invalid-encoding',
    severity: 'error',
    message: `"${entry.key}": ${fields.join(', ')} ${fields.length > 1 ? 'hold' : 'holds'} half of a character (a lone UTF-16 surrogate, as text cut in the middle of an emoji leaves), which would be printed as ${REPLACEMENT_CHARACTER}`,
    hint: 'Retype the character in the file, or delete what is left of it (written "\\ud83d" and the like in the JSON).',
    location: entry.location,
    key: entry.key,
  };
}

// What a byte that is not UTF-8 becomes when the file is read (see invalid-encoding in library.ts).
const REPLACEMENT_CHARACTER = '\uFFFD';

/** Letters the file's encoding lost: readers would see "M\uFFFDller", so citing the entry fails the build. */
function lostLetters(entry: LibraryEntry): Diagnostic | undefined {
  const halves = Object.entries(entry.item).filter(([, value]) => LONE_SURROGATE.test(JSON.stringify(value))).map(([name]) => name);
  if (halves.length) return halfCharacters(entry, halves);
  const fields = Object.entries(entry.item).filter(([, value]) => JSON.stringify(value).includes(REPLACEMENT_CHARACTER)).map(([name]) => name);
  if (fields.length === 0) return undefined;
  return {
    code: 'invalid-encoding',
    severity: 'error',
    message: `"${entry.key}": ${fields.join(', ')} lost letters to the file's encoding and would be printed with ${REPLACEMENT_CHARACTER} in their place`,
    hint: 'Save the file as UTF-8 (with iconv: iconv -f latin1 -t utf-8), then check the accented letters of this entry.',
    location: entry.location,
    key: entry.key,
  };
}

function identifierChecks(entry: LibraryEntry, library: Library): Diagnostic[] {
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
    if (!diagnostics.length) diagnostics.push({ code: 'missing-identifier', severity: 'warning', message: `"${entry.key}" has no DOI, PMID or PMCID, so its metadata cannot be checked against a registry`, hint: `Add the ${/\.json$/iu.test(entry.location.file) ? '"DOI", "PMID" or "PMCID"' : 'doi, pmid or pmcid'} field if the work has one; guidelines and web pages may have none.`, ...at });
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
  // Checked against the record of one of its identifiers, the entry is checked: its page says so.
  if (unverified.length && compared.length === 0) {
    const names = unverified.map((identifier) => `${identifier.scheme.toUpperCase()} ${identifier.value}`).join(', ');
    diagnostics.push({ code: 'unverified-identifier', severity: 'warning', message: `"${entry.key}": no stored metadata for ${names}, so the entry is not checked against ${unverified.length > 1 ? 'them' : 'it'}`, hint: ADD_HINT, ...at });
  }
  return diagnostics;
}
