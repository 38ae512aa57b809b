import type { CslItem, CslName } from './csl.ts';
import type { Diagnostic, SourceLocation } from './errors.ts';
import { argumentOnlyCommands } from './bibtex-argument-commands.ts';
import { nearestName } from './edit-distance.ts';

/** A run of a BibTeX file from one "@type{" or "@type(" to the next. */
export interface Chunk {
  type: string;
  key?: string;
  text: string;
  offset: number;
}

// BibTeX reads whatever lies between entries as a comment, without a word: an entry whose @ went missing
// (or was taken out on purpose) vanishes, and so do fields after a "}" too many closed their entry.
const MISSING_AT = /^[ \t]*(article|book|booklet|collection|conference|dataset|inbook|incollection|inproceedings|manual|mastersthesis|misc|online|patent|periodical|phdthesis|proceedings|report|software|techreport|thesis|unpublished)[ \t]*\{[ \t]*([^\s,{}()"=@]+)[ \t]*,/gimu;
const FIELD = /^[ \t]*(?:,[ \t]*)?([A-Za-z][\w-]*)[ \t]*=/mu;

/**
 * The first "}" from `from` on that closes nothing opened after `from`; escaped \{ and \} do not count,
 * as in citation-js. -1 if there is none. From just after a "{", it is the brace that closes it.
 */
export function strayClose(text: string, from = 0): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '{') depth++;
    else if (text[i] === '}' && depth-- === 0) return i;
  }
  return -1;
}

/**
 * Problems in the text between entries: fields left behind when a "}" too many closed their entry
 * (an error: the entry lost them), and entries whose @ is missing (a warning: it may be on purpose).
 */
export function structureDiagnostics(text: string, chunks: Chunk[], where: (offset: number) => SourceLocation): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const gaps = [{ text: text.slice(0, chunks[0]?.offset ?? text.length), offset: 0 }];
  for (const chunk of chunks) {
    const open = chunk.text.search(/[{(]/u);
    if (chunk.type === 'comment' || chunk.text[open] !== '{') continue;
    const close = strayClose(chunk.text, open + 1);
    if (close === -1) continue;
    const gap = { text: chunk.text.slice(close + 1), offset: chunk.offset + close + 1 };
    gaps.push(gap);
    // Lost fields end at the entry's own closing brace, which now closes nothing.
    const orphanClose = chunk.key ? strayClose(gap.text) : -1;
    const field = orphanClose === -1 ? null : FIELD.exec(gap.text.slice(0, orphanClose));
    if (!field) continue;
    const closedAt = where(chunk.offset + close);
    diagnostics.push({
      code: 'invalid-bibtex',
      severity: 'error',
      message: `BibTeX entry "${chunk.key}" ends at line ${closedAt.line}, before its field "${field[1]}" on line ${where(gap.offset + field.index + field[0].indexOf(field[1]!)).line}: those fields are lost`,
      hint: `A "}" too many closes the entry early; remove the extra "}" on line ${closedAt.line}.`,
      location: closedAt,
      key: chunk.key,
    });
  }
  for (const gap of gaps) {
    for (const lost of gap.text.matchAll(MISSING_AT)) {
      diagnostics.push({
        code: 'invalid-bibtex',
        severity: 'warning',
        message: `"${lost[0].trim()}" looks like an entry without its @, so BibTeX reads it as a comment and "${lost[2]}" is not in the library`,
        hint: `Write @${lost[1]}{${lost[2]}, at the start of the entry if it should be cited.`,
        location: where(gap.offset + lost.index + lost[0].search(/\S/u)),
      });
    }
  }
  return diagnostics;
}

// Fields a reference list never prints, and addresses or identifiers, where a backslash is no LaTeX.
const UNPRINTED_FIELDS = new Set(['abstract', 'annote', 'keyword', 'URL', 'DOI', 'PMID', 'PMCID', 'ISSN', 'ISBN', 'id', 'citation-key']);

/** Each key's entry as written (the first, for a key defined twice). */
function entryChunks(chunks: Chunk[]): Map<string, Chunk> {
  const found = new Map<string, Chunk>();
  for (const chunk of chunks) if (chunk.key && !found.has(chunk.key)) found.set(chunk.key, chunk);
  return found;
}

// The fields, as BibTeX names them, that UNPRINTED_FIELDS come from.
const UNPRINTED_WRITTEN = new Set(['abstract', 'annote', 'keywords', 'url', 'doi', 'pmid', 'pmcid', 'issn', 'isbn', 'file']);

/**
 * A warning for each entry whose printed fields keep LaTeX commands citation-js does not convert (it
 * keeps \TeX as written). The commands are named as the source writes them: the parser drops their braces.
 * It names the fields as the file writes them (`journal`, not CSL's `container-title`) at the first of
 * them; fields a crossref parent passes on are named as CSL's, at the entry.
 */
export function leftoverLatexWarnings(entries: { key: string; item: CslItem; location: SourceLocation }[], chunks: Chunk[], where: (offset: number) => SourceLocation): Diagnostic[] {
  const sources = entryChunks(chunks);
  // A field may take its LaTeX from a @string macro (Beebe's `@String{j-TUGboat = "{\TUB{}}"}`, then
  // `journal = j-TUGboat`): "\TUB" was printed with no warning.
  const macros = new Map(chunks.flatMap((chunk) => (chunk.type === 'string' ? [[chunk.text.match(STRING_NAME)?.[1]?.toLowerCase() ?? '', chunk.text] as const] : [])));
  const macroCommands = [...macros.values()].flatMap((text) => text.match(/\\[A-Za-z]+/gu) ?? []);
  // A field's value with the macros it names written out, and the first macro that brings a command in.
  const expanded = (value: string) => (macros.size ? concatenated(value).map((part) => macros.get(part.toLowerCase()) ?? part).join(' ') : value);
  const macroWith = (value: string, commands: Set<string>) => concatenated(value).find((part) => [...commands].some((command) => macros.get(part.toLowerCase())?.includes(command)));
  return entries.flatMap((entry): Diagnostic[] => {
    const chunk = sources.get(entry.key);
    const written = new Set([...(chunk?.text ?? '').matchAll(/\\[A-Za-z]+/gu)].map((match) => match[0]).concat(macroCommands));
    if (written.size === 0) return [];
    const fields: string[] = [];
    const commands = new Set<string>();
    for (const [field, value] of Object.entries(entry.item)) {
      if (UNPRINTED_FIELDS.has(field)) continue;
      const text = JSON.stringify(value).replaceAll('\\\\', '\\');
      const left = [...written].filter((command) => text.includes(command));
      if (left.length) fields.push(field);
      for (const command of left) commands.add(command);
    }
    if (fields.length === 0) return [];
    // Through a macro, only fields a reference prints: Beebe's `acknowledgement = ack-nhfb` is not shown.
    const holds = (field: WrittenField, command: string) => field.value.includes(command) || ((PRINTED_FIELDS.includes(field.name) || field.name === 'note') && expanded(field.value).includes(command));
    const keeping = writtenFields(chunk?.text ?? '').filter((field) => !UNPRINTED_WRITTEN.has(field.name) && [...commands].some((command) => holds(field, command)));
    const macro = keeping.length ? macroWith(keeping[0]!.value, commands) : undefined;
    const named = keeping.length ? keeping.map((field) => field.name) : fields;
    const names = [...commands].join(', ');
    // A command with a braced argument prints that argument's text (bibtex-argument-commands.ts).
    const { withArgument } = argumentOnlyCommands(chunk?.text ?? '');
    const shown = [...commands].every((command) => withArgument.has(command))
      ? `(${[...commands].map((command) => `${command}{…}`).join(', ')}), printed as the text in its braces without the command`
      : `(${names}) that readers would see as written`;
    return [{
      code: 'unconverted-latex',
      severity: 'warning',
      message: `"${entry.key}": ${named.join(', ')} ${named.length > 1 ? 'keep' : 'keeps'} LaTeX ${shown}`,
      hint: `Replace ${names}${macro ? ` in @string{${macro} = …}` : ''} with the plain text or Unicode characters ${commands.size > 1 ? 'they stand' : 'it stands'} for.`,
      location: keeping.length ? where(chunk!.offset + keeping[0]!.offset) : entry.location,
      key: entry.key,
    }];
  });
}

// Fields a reference shows, which BibTeX and citation-js read only when spelled exactly so.
const PRINTED_FIELDS = [
  'address', 'author', 'booktitle', 'chapter', 'date', 'doi', 'edition', 'editor', 'eprint', 'eprinttype', 'howpublished',
  'institution', 'isbn', 'issn', 'issue', 'journal', 'journaltitle', 'location', 'month', 'number', 'organization', 'pages',
  'pmcid', 'pmid', 'publisher', 'school', 'series', 'title', 'url', 'urldate', 'volume', 'year',
];
// Other fields of BibTeX, BibLaTeX and the tools that write them (JabRef, Zotero, Mendeley, BibDesk, Web
// of Science, Papers): never taken for misspellings, however close to a printed one.
const OTHER_FIELDS = new Set([
  'abstract', 'addendum', 'afterword', 'annotation', 'annotator', 'annote', 'archiveprefix', 'bdsk-url-1',
  'booksubtitle', 'booktitleaddon', 'commentator', 'copyright', 'crossref', 'day', 'editora', 'editorb', 'editorc',
  'editortype', 'eisbn', 'eissn', 'entryset', 'eprintclass', 'eventdate', 'eventtitle', 'eventtitleaddon', 'file',
  'foreword', 'groups', 'holder', 'hyphenation', 'ids', 'indextitle', 'introduction', 'isan', 'isbn-10', 'isbn-13',
  'isbn10', 'isbn13', 'ismn', 'isrn', 'issn-l', 'issuesubtitle', 'issuetitle', 'iswc', 'journalsubtitle', 'key',
  'keyword', 'keywords', 'label', 'langid', 'language', 'lccn', 'library', 'mainsubtitle', 'maintitle',
  'maintitleaddon', 'medium', 'mendeley-groups', 'mendeley-tags', 'month-numeric', 'mrnumber', 'nameaddon', 'note',
  'notes', 'options', 'origdate', 'origlanguage', 'origlocation', 'origpublisher', 'origtitle', 'owner', 'pagetotal',
  'pagination', 'part', 'pissn', 'primaryclass', 'priority', 'pubstate', 'related', 'relatedtype', 'reprinttitle',
  'review', 'rights', 'shortauthor', 'shorteditor', 'shorthand', 'shortjournal', 'shortseries', 'shorttitle',
  'sortkey', 'sortname', 'sorttitle', 'sortyear', 'subtitle', 'timestamp', 'titleaddon', 'translator', 'type', 'uri',
  'urn', 'venue', 'version', 'volumes', 'xdata', 'xref', 'zmnumber',
]);
const KNOWN_FIELDS = new Set([...PRINTED_FIELDS, ...OTHER_FIELDS]);

const FIELD_NAME = /\s*([A-Za-z_][\w:.+-]*)\s*=\s*/uy;
const BARE_VALUE = /[^\s,#{}()"]+/uy;
const CONCATENATION = /\s*#\s*/uy;
const SEPARATOR = /\s*,/uy;

/** Where the value starting at `from` ends (a braced or quoted part, or a bare word, joined by #); -1 if it never does. */
function valueEnd(text: string, from: number): number {
  let i = from;
  for (;;) {
    if (text[i] === '{') {
      const close = strayClose(text, i + 1);
      if (close === -1) return -1;
      i = close + 1;
    } else if (text[i] === '"') {
      let depth = 0;
      let j = i + 1;
      for (; j < text.length && !(text[j] === '"' && depth === 0); j++) {
        if (text[j] === '\\') j++;
        else if (text[j] === '{') depth++;
        else if (text[j] === '}') depth--;
      }
      if (j >= text.length) return -1;
      i = j + 1;
    } else {
      BARE_VALUE.lastIndex = i;
      if (!BARE_VALUE.test(text)) return -1;
      i = BARE_VALUE.lastIndex;
    }
    CONCATENATION.lastIndex = i;
    if (!CONCATENATION.test(text)) return i;
    i = CONCATENATION.lastIndex;
  }
}

/** An entry's fields: lower-case name, offset of the name in the entry, and the value as written. */
export interface WrittenField {
  name: string;
  offset: number;
  value: string;
}

/** The fields of an entry as written; reading stops where the entry is malformed. */
export function writtenFields(entry: string): WrittenField[] {
  const fields: WrittenField[] = [];
  const keyEnd = entry.indexOf(',', entry.search(/[{(]/u));
  let i = keyEnd === -1 ? entry.length : keyEnd + 1;
  for (;;) {
    FIELD_NAME.lastIndex = i;
    const field = FIELD_NAME.exec(entry);
    if (!field) return fields;
    const end = valueEnd(entry, FIELD_NAME.lastIndex);
    if (end === -1) return fields;
    fields.push({ name: field[1]!.toLowerCase(), offset: i + field[0].indexOf(field[1]!), value: entry.slice(FIELD_NAME.lastIndex, end) });
    SEPARATOR.lastIndex = end;
    if (!SEPARATOR.test(entry)) return fields;
    i = SEPARATOR.lastIndex;
  }
}

// BibLaTeX's names for the same fields: an entry with one of them has the field.
const SAME_FIELD: Record<string, string> = { journal: 'journaltitle', journaltitle: 'journal', year: 'date', date: 'year', address: 'location', location: 'address' };

/** The printed field nearest to a name, one typo away (two in longer names), unless the entry has that field too. */
function meantField(name: string, present: Set<string>): string | undefined {
  if (KNOWN_FIELDS.has(name)) return undefined;
  return nearestName(name, PRINTED_FIELDS.filter((field) => !present.has(field) && !present.has(SAME_FIELD[field] ?? field)));
}

/** A value as written without its braces or quotes, spaces collapsed: `{2001}`, `"2001"` and `2001` agree. */
function plainValue(value: string): string {
  return value.replace(/^([{"])([\s\S]*)[}"]$/u, '$2').replace(/\s+/gu, ' ').trim();
}

// The macros every BibTeX style defines; any other bare word in a value needs an @string.
const MONTHS = new Set(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']);
const STRING_NAME = /^@\s*string\s*[{(]\s*([^\s=#{}(),"]+)\s*=/iu;

/** The parts of a value joined by `#`, outside braces and quotes. */
function concatenated(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const character = value[i];
    if (character === '{') depth++;
    else if (character === '}') depth--;
    else if (character === '"' && depth === 0) quoted = !quoted;
    else if (character === '#' && depth === 0 && !quoted) {
      parts.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  return [...parts, value.slice(start).trim()];
}

/**
 * Fields that name an @string macro the file never defines: citation-js leaves such a field out without
 * a word (`journal = jpain` with no `@string{jpain = …}`).
 */
// Fields no reference or source page shows, where a macro the file does not define loses nothing a reader
// would see: Beebe's bibliographies write every entry's `acknowledgement = ack-nhfb`, defined in another file.
const UNSHOWN_FIELDS = new Set(['abstract', 'annote', 'keywords', 'file', 'acknowledgement', 'bibsource', 'bibdate', 'remark', 'annotation', 'comment', 'owner', 'timestamp', 'keyword', 'fjournal', 'journal-url', 'coden', 'lccn', 'mrclass', 'mrnumber']);

export function undefinedMacroWarnings(chunks: Chunk[], where: (offset: number) => SourceLocation): Diagnostic[] {
  const defined = new Set(chunks.flatMap((chunk) => (chunk.type === 'string' ? [chunk.text.match(STRING_NAME)?.[1]?.toLowerCase() ?? ''] : [])));
  return chunks.filter((chunk) => chunk.key).flatMap((chunk) => writtenFields(chunk.text).filter((field) => !UNSHOWN_FIELDS.has(field.name)).flatMap((field): Diagnostic[] => {
    const macro = concatenated(field.value).find((part) => /^[A-Za-z][^\s{}"#]*$/u.test(part) && !defined.has(part.toLowerCase()) && !MONTHS.has(part.toLowerCase()));
    return macro ? [{
      code: 'unknown-field',
      severity: 'warning',
      message: `"${chunk.key}": field "${field.name}" uses the @string macro "${macro}", which this file does not define, so the field is left out of the reference`,
      hint: `Define it before the entry, @string{${macro} = {…}}, or write the value in braces: ${field.name} = {…}.`,
      location: where(chunk.offset + field.offset),
      key: chunk.key,
    }] : [];
  }));
}

const NAME_FIELDS = new Set(['author', 'editor']);

/**
 * Warnings about fields whose value would silently go missing: a name that misspells a field the
 * reference shows (`volumne`, `jounral`), which BibTeX ignores, and a shown field given more than once
 * with different values, of which citation-js keeps the last and BibTeX the first; and an author or
 * editor list cut short with "and others".
 */
export function fieldWarnings(chunks: Chunk[], where: (offset: number) => SourceLocation): Diagnostic[] {
  return chunks.filter((chunk) => chunk.key).flatMap((chunk) => {
    const fields = writtenFields(chunk.text);
    const present = new Set(fields.map((field) => field.name));
    const lineOf = (field: WrittenField) => where(chunk.offset + field.offset);
    const misspelt = fields.flatMap((field): Diagnostic[] => {
      const meant = meantField(field.name, present);
      return meant ? [{
        code: 'unknown-field',
        severity: 'warning',
        message: `"${chunk.key}": field "${field.name}" is not a BibTeX field, so its value is left out of the reference; did you mean "${meant}"?`,
        hint: `Rename the field to ${meant}.`,
        location: lineOf(field),
        key: chunk.key,
      }] : [];
    });
    const repeated = PRINTED_FIELDS.flatMap((name): Diagnostic[] => {
      const given = fields.filter((field) => field.name === name);
      const last = given.at(-1);
      const other = given.find((field) => plainValue(field.value) !== plainValue(last!.value));
      return last && other ? [{
        code: 'repeated-field',
        severity: 'warning',
        message: `"${chunk.key}": field "${name}" is given ${given.length} times with different values (also on line ${lineOf(other).line}); the last one, here, is used`,
        hint: 'Delete the values that are wrong (BibTeX itself would keep the first).',
        location: lineOf(last),
        key: chunk.key,
      }] : [];
    });
    // Google Scholar and others cut author lists short with "and others", doi.org with "and et al.": the
    // reference names those written and "et al", where AMA and Vancouver name every author of a work by up to six.
    const truncated = fields.flatMap((field) => {
      const cut = NAME_FIELDS.has(field.name) ? plainValue(field.value).match(CUT_SHORT)?.[0].trim() : undefined;
      return cut ? [{ field, cut }] : [];
    }).map(({ field, cut }): Diagnostic => ({
      code: 'incomplete-entry',
      severity: 'warning',
      message: `"${chunk.key}": the ${field.name} list ends in "${cut}", so the reference names those written, then "et al"`,
      hint: 'If the work has six names or fewer, write them all, from the work itself or its PubMed record: AMA and Vancouver name each of them.',
      location: lineOf(field),
      key: chunk.key,
    }));
    return [...misspelt, ...repeated, ...truncated].sort((a, b) => a.location!.line - b.location!.line || a.location!.column - b.location!.column);
  });
}

// The end of a name list that stands for the names left out.
const CUT_SHORT = /\band\s+(?:others|et\.?\s*al\.?)\s*$/iu;

// Words that name an organisation, never a person: "World Health Organization" without its double
// braces is read as the person "Organization, World Health" and printed "Organization WH".
const ORGANISATION_WORDS = /\b(?:Organi[sz]ation|Institute|Association|Society|Council|Agency|Committee|Group|College|Foundation|Cent(?:re|er)|Ministry|Department|Collaboration|Network|Federation|Board|Commission|Academy|Alliance|Consortium|Excellence|Services?)\b/u;
const NEVER_FAMILY_NAMES = /^(?:Organi[sz]ation|Institute|Association|Society|Committee|Foundation|Ministry|Department|Collaboration|Network|Federation|Commission|Academy|Alliance|Consortium|Agency)$/u;

/**
 * A name BibTeX split into a person that is an organisation: written in natural order (no comma), with
 * three words or more (a person may be called Centre) and a word only organisations have, or with two
 * words of which the second is one no family name is ("Cochrane Collaboration", "Al-Khatib Organization").
 */
export function splitOrganisationWarnings(entries: { key: string; item: CslItem; location: SourceLocation }[], chunks: Chunk[]): Diagnostic[] {
  const sources = entryChunks(chunks);
  const whole = (name: CslName) => [name.given, name['dropping-particle'], name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  return entries.flatMap((entry): Diagnostic[] => {
    const split = (['author', 'editor'] as const).flatMap((field) => entry.item[field] ?? [])
      .filter((name) => name.family !== undefined && name.given !== undefined
        && (whole(name).split(' ').length >= 3 ? ORGANISATION_WORDS.test(whole(name)) : NEVER_FAMILY_NAMES.test(name.family))
        && (sources.get(entry.key)?.text ?? '').replace(/\s+/gu, ' ').includes(whole(name)));
    if (split.length === 0) return [];
    return [{
      code: 'split-organisation',
      severity: 'warning',
      message: `"${entry.key}": ${split.map((name) => `"${whole(name)}" is read as a person with family name "${name.family}"`).join('; ')}, and printed so`,
      hint: `Write an organisation in double braces, which also keeps an "and" in its name: author = {{${whole(split[0]!)}}}.`,
      location: entry.location,
      key: entry.key,
    }];
  });
}
