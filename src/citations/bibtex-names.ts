import type { LibraryEntry } from './bibtex.ts';
import type { CslItem, CslName } from './csl.ts';
import type { Diagnostic } from './errors.ts';
import { withMoreNames } from './more-names.ts';

const ROLES = ['author', 'editor'] as const;
const lettersOf = (text: string | undefined) => (text ?? '').toLowerCase().replace(/[^a-z]/gu, '');
// "et al" at the end of a name's given names: "Asakimori, K. et.al.".
const TRAILING_ET_AL = /\s*\bet\.?\s*al\.?$/iu;

/**
 * "others" and "et al" as BibTeX readers split them: `and others`, `and et al.`, EndNote's `et, a. l.`,
 * `al, et`; a name that is only these letters is no person.
 */
function isEtAl(name: CslName): boolean {
  const [given, particle, family] = [lettersOf(name.given), lettersOf(name['non-dropping-particle'] ?? name['dropping-particle']), lettersOf(name.family ?? name.literal)];
  return [given + particle + family, family + given, particle + family + given].includes('etal') || (family === 'others' && !given);
}

/** A name with "et al" written into it ("K. A. Olive et al.", "Asakimori, K. et.al."), without it; undefined when it has none. */
function withoutTrailingEtAl(name: CslName): CslName | undefined {
  if (name.given && TRAILING_ET_AL.test(name.given) && name.family) return { ...name, given: name.given.replace(TRAILING_ET_AL, '') };
  // "K. A. Olive et al." in natural order: BibTeX reads "et" as a particle and "al." as the family name.
  const words = name.given?.trim().split(/\s+/u) ?? [];
  if (lettersOf(name['non-dropping-particle']) + lettersOf(name.family) === 'etal' && words.length > 0) {
    return { family: words.at(-1)!, ...(words.length > 1 ? { given: words.slice(0, -1).join(' ') } : {}) };
  }
  return undefined;
}

const isEmpty = (name: CslName) => !name.family?.trim() && !name.given?.trim() && !name.literal?.trim();

/**
 * The entry's author and editor lists as styles should print them: "and others" and "et al", however
 * written, mark the list as going on (styles print "et al", see more-names.ts) instead of being printed
 * as a person; a name BibTeX could not read at all ("Doe=1, Jane") is reported rather than left out silently.
 */
export function withReadableNames(entry: LibraryEntry, diagnostics: Diagnostic[]): LibraryEntry {
  let item: CslItem = entry.item;
  for (const role of ROLES) {
    const names = item[role];
    if (!names?.length) continue;
    let more = false;
    const read: CslName[] = [];
    for (const name of names) {
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
    if (!more && read.length === names.length) continue;
    item = { ...item, [role]: read };
    if (more) item = withMoreNames(item, role);
  }
  return item === entry.item ? entry : { ...entry, item };
}
