import type { LibraryEntry } from './bibtex.ts';
import type { CslItem, CslName } from './csl.ts';
import type { Diagnostic } from './errors.ts';
import { isEtAl, LISTED_ROLES, withMoreNames } from './more-names.ts';

// "et al" at the end of a name's given names: "Asakimori, K. et.al.".
const TRAILING_ET_AL = /\s*\bet\.?\s*al\.?$/iu;

/** A name with "et al" written into it ("K. A. Olive et al.", "Asakimori, K. et.al."), without it; undefined when it has none. */
function withoutTrailingEtAl(name: CslName): CslName | undefined {
  if (name.given && TRAILING_ET_AL.test(name.given) && name.family) return { ...name, given: name.given.replace(TRAILING_ET_AL, '') };
  // "K. A. Olive et al." in natural order: BibTeX reads "et" as a particle and "al." as the family name.
  const words = name.given?.trim().split(/\s+/u) ?? [];
  if (words.length > 0 && isEtAl({ 'non-dropping-particle': name['non-dropping-particle'], family: name.family })) {
    return { family: words.at(-1)!, ...(words.length > 1 ? { given: words.slice(0, -1).join(' ') } : {}) };
  }
  return undefined;
}

const isEmpty = (name: CslName) => !name.family?.trim() && !name.given?.trim() && !name.literal?.trim();

/** Text to compare names by: TeX accents and braces out, letters without their accents, lower case. */
function comparable(text: string): string {
  return text.replace(/\\[^A-Za-z\s]/gu, '').replace(/\\[A-Za-z]+\s*/gu, '').replace(/[{}]/gu, '').normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * A hyphenated family name as written. citation-js reads "Correa-de-Araujo" and "{\'A}lvarez-Gonz{\'a}lez"
 * as a particle and a family name ("Correa-de" and "Araujo"), which styles print with a space between;
 * a particle is lower case in BibTeX, so one with a capital that the file joins to the name by a hyphen is
 * part of the name.
 */
function withHyphenatedFamily(name: CslName, written: () => string): CslName {
  const particle = name['non-dropping-particle'];
  if (!particle || !name.family || !/^\p{Lu}/u.test(particle) || !written().includes(comparable(`${particle}-${name.family}`))) return name;
  const { 'non-dropping-particle': _particle, ...rest } = name;
  return { ...rest, family: `${particle}-${name.family}` };
}

// A generation written after a name: Jr, Sr, II–IV, 2nd–4th (PubMed's spelling).
const GENERATION = /^(?:jr|sr|ii|iii|iv|2nd|3rd|4th)\.?$/iu;

/**
 * A name with its generation where BibTeX keeps it. BibTeX's three parts are "Family, Jr, Given"; EndNote
 * (from a PubMed import) writes "Long, J. D., 2nd", which BibTeX reads as the given name "2nd" with the
 * suffix "J. D." and styles print as "Long 2nd JD".
 */
function withGenerationAsSuffix(name: CslName): CslName {
  if (!name.suffix || !name.given || !GENERATION.test(name.given.trim()) || GENERATION.test(name.suffix.trim())) return name;
  return { ...name, given: name.suffix, suffix: name.given };
}

/**
 * The entry's author and editor lists as styles should print them: "and others" and "et al", however
 * written, mark the list as going on (styles print "et al", see more-names.ts) instead of being printed
 * as a person; hyphenated family names keep their hyphens, and a generation written last its place; a
 * name BibTeX could not read at all ("Doe=1, Jane") is reported rather than left out silently. `written`
 * gives a field as the file writes it.
 */
export function withReadableNames(entry: LibraryEntry, diagnostics: Diagnostic[], written: (field: string) => string | undefined): LibraryEntry {
  let item: CslItem = entry.item;
  for (const role of LISTED_ROLES) {
    const names = item[role];
    if (!names?.length) continue;
    let more = false;
    let changed = false;
    const read: CslName[] = [];
    // The field as written is read only for a name with a capitalised particle, which few have.
    let text: string | undefined;
    const writtenText = () => (text ??= comparable(written(role) ?? ''));
    for (const parsed of names) {
      const name = withGenerationAsSuffix(withHyphenatedFamily(parsed, writtenText));
      changed ||= name !== parsed;
      if (isEtAl(name)) {
        more = true;
        continue;
      }
      const trimmed = withoutTrailingEtAl(name);
      if (trimmed) more = true;
      if (!isEmpty(trimmed ?? name)) read.push(trimmed ?? name);
    }
    const unread = names.filter(isEmpty).length;
    if (unread) {
      diagnostics.push({
        code: 'incomplete-entry',
        severity: 'warning',
        message: `"${entry.key}": ${unread === 1 ? 'a name' : `${unread} names`} in the ${role} list could not be read as a name, so the reference leaves ${unread === 1 ? 'it' : 'them'} out`,
        hint: 'Write each name as "Family, Given", or a group in double braces: {{World Health Organization}}; "and" separates names.',
        location: entry.location,
        key: entry.key,
      });
    }
    if (!more && !changed && read.length === names.length) continue;
    item = { ...item, [role]: read };
    if (more) item = withMoreNames(item, role);
  }
  return item === entry.item ? entry : { ...entry, item };
}
