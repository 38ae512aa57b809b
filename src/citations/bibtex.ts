import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { CslItem } from './csl.ts';
import type { Diagnostic, SourceLocation } from './errors.ts';
import { argumentOnlyCommands, withoutArgumentCommands } from './bibtex-argument-commands.ts';
import { withArxivPreprints } from './bibtex-eprint.ts';
import { withWrittenMonth } from './bibtex-months.ts';
import { withQuietGaps } from './bibtex-gaps.ts';
import { MONEY_DOLLAR, withMoneyDollars } from './bibtex-dollars.ts';
import { itemKey, missingCrossrefs, withCrossrefParents, withoutCircularCrossrefs, withParentTitles } from './bibtex-crossref.ts';
import { fieldWarnings, leftoverLatexWarnings, splitOrganisationWarnings, structureDiagnostics, undefinedMacroWarnings, writtenFields, type Chunk } from './bibtex-lint.ts';
import { withReadableNames } from './bibtex-names.ts';
import { checkedDate, DATE_VARIABLES, dateOfText, dateProblem } from './dates.ts';
import { mapText, withoutEntities } from './field-text.ts';
import { INVISIBLE_IN_KEYS } from './syntax.ts';
import { lineLocator } from './lines.ts';

/** A reference as read from a library file, with where it was defined. */
export interface LibraryEntry {
  key: string;
  item: CslItem;
  location: SourceLocation;
}

export interface ParsedFile {
  entries: LibraryEntry[];
  diagnostics: Diagnostic[];
  /** Why none of the file could be read (a JSON syntax error), when that is so. */
  unreadable?: Diagnostic;
}

// An entry starts with "@type{" or "@type(" at the start of a line. Splitting there, instead of
// trusting brace balance, keeps one unclosed brace from swallowing every entry after it.
const ENTRY_START = /^[ \t]*@([A-Za-z]+)[ \t]*[{(]/gmu;
const NON_ENTRIES = new Set(['comment', 'preamble', 'string']);
// Zotero's BibLaTeX export writes `eprinttype = {pmid}` where BibLaTeX says `pubmed`, the name citation-js
// reads as a PubMed identifier (it drops any other eprint type).
const ZOTERO_PUBMED = /(\beprinttype\s*=\s*[{"]\s*)pmid(?=\s*[}"])/giu;
// TeXMed, PubMed's BibTeX exporter, names the identifiers `pubmed` and `pmc`; citation-js reads `pmid` and `pmcid`.
// The space after a brace or quote is read only after one (`\s*[{"]?\s*` took time growing with the square
// of the spaces after "=" when no number followed, and these run over the whole file).
const TEXMED_PMID = /(^|[,{(]|\s)pubmed(?=\s*=\s*(?:[{"]\s*)?\d{1,9}\s*[}",\n])/gimu;
const TEXMED_PMCID = /(^|[,{(]|\s)pmc(?=\s*=\s*(?:[{"]\s*)?PMC\d+\s*[}",\n])/gimu;

// Scopus and Web of Science, the databases systematic reviews search, name fields their own way: the
// article number (`art_number`, `Article-Number`: BibLaTeX's eid), the journal abbreviation AMA and
// Vancouver print (`abbrev_source_title`, `Journal-ISO`: BibLaTeX's shortjournal) and the PMID
// (`pubmed_id`); so does BibDesk the access date of a web page (`Lastchecked`, BibLaTeX's urldate), which
// AMA and Vancouver print. citation-js dropped them.
const FIELD_ALIASES: Record<string, string> = { art_number: 'eid', 'article-number': 'eid', abbrev_source_title: 'shortjournal', 'journal-iso': 'shortjournal', pubmed_id: 'pmid', lastchecked: 'urldate' };
const FIELD_ALIAS = new RegExp(`(^|[,{(]|\\s)(${Object.keys(FIELD_ALIASES).join('|')})(?=\\s*=)`, 'gimu');
// A bare number with a leading zero, as APS articles' numbers are written (`pages = 011345` in TeX Live's
// iopart-num.bib, Phys. Rev. D): citation-js read it as a number, and AMA printed "58:11345". Braced, it is
// read as the text it is, as BibTeX and pandoc read it.
const LEADING_ZERO_NUMBER = /(=[ \t]*)(0\d+)(?=[ \t]*[,})\n])/gu;
// BibDesk's @webpage, which citation-js reads as a document of no kind: it is BibLaTeX's @online.
const WEBPAGE_TYPE = /^([ \t]*@)webpage(?=\s*[{(])/gimu;

// Mendeley writes the braces an author typed to keep a word's case (`{TCF}`) as escaped literal braces,
// `{\{}TCF{\}}`, which would print as "{TCF}": read as the case protection they were typed as.
const MENDELEY_OPEN = '{\\{}';
const MENDELEY_CLOSE = '{\\}}';

function withMendeleyBraces(text: string): string {
  const opened = text.split(MENDELEY_OPEN).length - 1;
  return opened > 0 && opened === text.split(MENDELEY_CLOSE).length - 1 ? text.replaceAll(MENDELEY_OPEN, '{').replaceAll(MENDELEY_CLOSE, '}') : text;
}

// Zotero's BibTeX export writes a brace typed into a field as `\{\vphantom{\}}` and `\vphantom{\{}\}`
// (each balanced on its own, for LaTeX), which citation-js cannot read: the entry was lost with an error
// about a missing comma. As the escaped braces they stand for, a pair reads as Zotero's case protection.
// Read before Mendeley's braces, whose `{\{}` and `{\}}` these hold.
const ZOTERO_OPEN = '\\{\\vphantom{\\}}';
const ZOTERO_CLOSE = '\\vphantom{\\{}\\}';

function withZoteroBraces(text: string): string {
  return text.includes('\\vphantom') ? text.replaceAll(ZOTERO_OPEN, '\\{').replaceAll(ZOTERO_CLOSE, '\\}') : text;
}

// An entry's key, up to its comma. (Matching only keys with an invisible character in the pattern itself
// took time growing with the square of a long key's length.)
const ENTRY_KEY = /^([ \t]*@[A-Za-z]+[ \t]*[{(]\s*)([^\s,{}()"=]+)(?=\s*,)/gmu;
// A key with a space in it (a pasted no-break space, often), which BibTeX cannot read as a key.
const SPACED_KEY = /^@[A-Za-z]+\s*[{(]\s*([^\s,{}()"=]+(?:[ \t\u00A0]+[^\s,{}()"=]+)+)\s*,/u;
// `@article{skou2015total` then the first field on the next line: the comma after the key is missing.
// The space before the line end excludes line ends: `\s*\n\s*` took time growing with the square of the blank lines after a key.
const KEY_WITHOUT_COMMA = /^@[A-Za-z]+\s*[{(]\s*([^\s,{}()"=]+)[^\S\n]*\n\s*[A-Za-z][\w-]*\s*=/u;

// A control space (`pp.\ 272`, `et al.\ `): wrapped after its backslash, as bibclean and many hand-kept
// files leave it, citation-js cannot read it and the entry was lost ("invalid syntax"); in a name
// (`Christina A. L.\ Thiele`) it joined the initial to the family name ("L. Thiele CA"). The backslash
// becomes the space it stands for, keeping offsets and lines; the second backslash of a line break
// (`\\`) is left alone.
const CONTROL_SPACE = /(?<!\\)((?:\\\\)*)\\(?=[ \t\n])/gu;

// csquotes' inner quotes, `\enquote*{series}` (biblatex-examples.bib writes them in annotations), and any other
// starred command (`\cite*{…}`): citation-js cannot read a star, and the whole entry was lost. The inner
// quotes are printed as single quotes; another command is read without its star.
const INNER_QUOTES = /(?<!\\)\\enquote\*\s*\{([^{}]*)\}/gu;
const STARRED_COMMAND = /(?<!\\)(\\[A-Za-z]+)\*/gu;

function withoutStars(text: string): string {
  return text.includes('*') ? text.replace(INNER_QUOTES, '{\\textquoteleft}$1{\\textquoteright}').replace(STARRED_COMMAND, '$1') : text;
}

// BibTeX's sorting trick, `year = {{\noopsort{1973b}}1973}` (btxdoc and xampl.bib teach it, with a @preamble
// that defines the command to print nothing): citation-js printed "\noopsort1973b1973" as the date.
const SORT_ONLY = /(?<!\\)\\(?:noopsort|SortNoop|sortnoop|noop)\s*\{[^{}\n]*\}/gu;

// Commands that only box or protect their text (`{\mbox{G-Animal's} Journal}` in xampl.bib, `\ensuremath{\geq}`,
// `\text{mg}`, `\protect\emph{…}`) and biblatex's breakable hyphen (`methodology\hyphen independent` in
// biblatex-examples.bib): citation-js printed them as written, "\mboxG-Animal's Journal". A box keeps its
// braces, as the case protection BibTeX reads it as.
const TEXT_BOXES = /(?<!\\)\\(?:(?:mbox|hbox|text|textnormal|ensuremath)\s*(?=\{)|protect(?![A-Za-z])\s*)/gu;
const BREAKABLE_HYPHEN = /(?<!\\)\\hyphen(?![A-Za-z])\s*/gu;

// The TeX world's logos and small commands, in the titles of TUGboat, the TeX FAQ and every LaTeX package's
// bibliography: citation-js printed "The \TeXbook", "\LaTeX for Everyone\/", "input\slash output" and "Soft\-ware".
const TEX_WORDS: Record<string, string> = {
  TeX: 'TeX', LaTeX: 'LaTeX', LaTeXe: 'LaTeX2ε', BibTeX: 'BibTeX', AmSTeX: 'AMS-TeX', AMSTeX: 'AMS-TeX', AmSLaTeX: 'AMS-LaTeX',
  XeTeX: 'XeTeX', XeLaTeX: 'XeLaTeX', LuaTeX: 'LuaTeX', LuaLaTeX: 'LuaLaTeX', pdfTeX: 'pdfTeX', pdfLaTeX: 'pdfLaTeX', ConTeXt: 'ConTeXt',
  METAFONT: 'METAFONT', METAPOST: 'MetaPost', slash: '/', thinspace: '\\,',
  emdash: '—', endash: '–',
  // LaTeX's own text symbols, which citation-js knows only by their \text… names: a statute's section
  // (`\S~24`, `\S 24 SGB V`), a paragraph, footnote daggers, currencies; `\relax` prints nothing.
  S: '§', P: '¶', dag: '†', ddag: '‡', pounds: '£', euro: '€', relax: '',
};
// The discretionary hyphen of hyphenated journal names (`Soft\-ware\emdash Prac\-tice and Experience`).
const DISCRETIONARY_HYPHEN = /(?<!\\)\\-/gu;
// Commands after which TeX drops a space: the others keep it, as their authors meant it.
const JOINING = new Set(['slash', 'thinspace', 'emdash', 'endash', 'S', 'P', 'pounds', 'euro', 'relax']);
const TEX_WORD = new RegExp(`(?<!\\\\)\\\\(${Object.keys(TEX_WORDS).join('|')})(?![A-Za-z])(?:\\{\\})?([ \\t]*)|(?<!\\\\)\\\\/`, 'gu');

// A logo keeps the space after it, as its author meant it; a slash, dash or thin space joins what it stands between.
function withTexWords(text: string): string {
  return text.replace(TEX_WORD, (_command, name?: string, space = '') => (name ? TEX_WORDS[name]! + (JOINING.has(name) ? '' : space) : '')).replace(DISCRETIONARY_HYPHEN, '');
}

// A line break (`Dept. of Medicine\\ University of X`, `Part 1 \\ Part 2`, `\newline`): a space, as pandoc
// reads it; citation-js printed the backslashes ("Dept. of Medicine\ University").
const LINE_BREAK = /(?<!\\)\\\\\*?(?:\[[^\]\n]*\])?|(?<!\\)\\(?:newline|linebreak|par)(?![A-Za-z])/gu;

/**
 * Keys without the zero-width spaces and soft hyphens a copy from a web page or PDF leaves in them:
 * `smith\u200B2020` looks like smith2020 on every screen, but `@smith2020` would not cite it.
 */
function withVisibleKeys(text: string, file: string, diagnostics: Diagnostic[]): string {
  // Lines are indexed only for a file that has such a key: the file's own locator is made after this.
  let where: ReturnType<typeof lineLocator> | undefined;
  if (text.search(INVISIBLE_IN_KEYS) === -1) return text;
  return text.replace(ENTRY_KEY, (match, start: string, key: string, offset: number) => {
    const visible = key.replace(INVISIBLE_IN_KEYS, '');
    if (visible === key) return match;
    // A key of nothing but invisible characters is reported as an entry without a key.
    if (!visible) return start;
    diagnostics.push({
      code: 'invisible-character',
      severity: 'warning',
      message: `The key "${visible}" is written with characters that cannot be seen (a zero-width space or soft hyphen); they were taken out, so that @${visible} cites it`,
      hint: 'Retype the key in the file, so that other tools read it as it looks.',
      location: (where ??= lineLocator(text, file))(offset + start.length),
      key: visible,
    });
    return start + visible;
  });
}

/** Where the brace group opened at `open` closes; undefined when it never does. */
function closingBrace(text: string, open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return undefined;
}

function splitEntries(text: string): Chunk[] {
  const starts: RegExpExecArray[] = [];
  // Entries commented out inside a closed `@comment{…}` are comment, as biber and JabRef read them.
  let commentEnd = -1;
  for (const match of text.matchAll(ENTRY_START)) {
    if (match.index < commentEnd) continue;
    starts.push(match);
    if (match[1]!.toLowerCase() === 'comment' && match[0].endsWith('{')) commentEnd = closingBrace(text, match.index + match[0].length - 1) ?? -1;
  }
  return starts.map((match, i) => {
    const offset = match.index + match[0].indexOf('@');
    const end = starts[i + 1]?.index ?? text.length;
    const chunkText = text.slice(offset, end);
    const type = match[1]!.toLowerCase();
    const key = NON_ENTRIES.has(type) ? undefined : chunkText.match(/^@[A-Za-z]+\s*[{(]\s*([^\s,{}()"=]+)\s*,/u)?.[1];
    return { type, key, text: chunkText, offset };
  });
}

// The published types mark every option as required; these three are all the parser needs. The type is
// forced because citation-js recognises BibTeX by its entries: a lone @string macro, or a file of macros
// only, is "not supported" when it is guessed.
const TO_CSL = { target: '@csl/list+object', generateGraph: false, forceType: '@biblatex/text' } as unknown as Parameters<typeof plugins.input.chain>[1];

function toCsl(text: string): CslItem[] {
  return plugins.input.chain(text, TO_CSL) as CslItem[];
}

// citation-js names the tokens it expected: as an author sees them, with the usual mistake behind each.
const TOKENS: Record<string, string> = { equals: '=', lbrace: '{', rbrace: '}', comma: ',', quote: '"', identifier: 'a field name', number: 'a number', at: '@' };
const LIKELY_MISTAKES: [RegExp, string][] = [
  [/^expected "equals", got "(?:lbrace|quote)"/u, 'a field name is followed by its value without "=" between them: write name = {value}'],
  [/^expected "rbrace", got "identifier"/u, 'a field starts before the one above it ended: the comma at the end of the field above is missing'],
  [/^expected "\w+", got "comma"/u, 'a comma stands where a field or a value belongs: two commas in a row, or a field with no value'],
];

/** citation-js reports "… at line 3 col 1:" followed by a code excerpt; keep the sentence, in the author's words, and find the place. */
/** How deep braces nest in a text at most. */
function braceDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const character of text) {
    if (character === '{') deepest = Math.max(deepest, ++depth);
    else if (character === '}') depth--;
  }
  return deepest;
}

function describeParseError(error: unknown, text = ''): { reason: string; line?: number; column?: number } {
  const message = error instanceof Error ? error.message : String(error);
  // citation-js says only "This format is not supported or recognized" when braces never close.
  const open = text.split('{').length - text.split('}').length;
  // citation-js reads each level of braces with a call of its own: some thousands overflow its stack.
  if (error instanceof RangeError) return { reason: `its braces nest ${braceDepth(text).toLocaleString('en-US')} deep, more than can be read (no reference needs more than a few levels)` };
  if (open !== 0 && /not supported or recognized|EOF/u.test(message)) return { reason: `its braces do not balance (${Math.abs(open)} more "${open > 0 ? '{' : '}'}" than "${open > 0 ? '}' : '{'}")` };
  const position = message.match(/at line (\d+) col (\d+)/u);
  const sentence = message.split('\n')[0]!.replace(/\s*at line \d+ col \d+:?$/u, '').trim();
  const mistake = LIKELY_MISTAKES.find(([pattern]) => pattern.test(sentence))?.[1];
  const tokens = sentence.match(/^expected "(\w+)", got "(\w+)"/u);
  const reason = mistake ?? (tokens ? `${TOKENS[tokens[2]!] ?? tokens[2]} stands where ${TOKENS[tokens[1]!] ?? tokens[1]} belongs` : sentence);
  return { reason: reason || 'unreadable entry', ...(position ? { line: Number(position[1]), column: Number(position[2]) } : {}) };
}

/** Parses a run of entries; fails unless it yields exactly one item per keyed entry, so a swallowed entry is never silent. */
function parseGroup(macros: string, group: Chunk[]): CslItem[] {
  const items = toCsl(`${macros}${group.map((chunk) => chunk.text).join('\n')}`);
  if (items.length !== group.length) throw new Error(`expected ${group.length} entries, read ${items.length}`);
  return items;
}

/**
 * BibLaTeX list fields such as `language = {langlatin and langgerman}` arrive as arrays of strings where
 * CSL expects one string (citeproc then fails on the entry): they are joined as biblatex prints them
 * ("A, B and C"), so that `publisher = {John Wiley and Sons}` and `institution =
 * {National Institute for Health and Care Excellence}` read as written (", " made "John Wiley, Sons").
 * Name lists are objects.
 */
function withJoinedLists(item: CslItem): CslItem {
  for (const [field, value] of Object.entries(item)) {
    if (Array.isArray(value) && value.length > 0 && value.every((part) => typeof part === 'string')) item[field] = value.length > 2 ? `${value.slice(0, -1).join(', ')} and ${value.at(-1)}` : value.join(' and ');
  }
  return item;
}

// BibLaTeX's type keys as its English localisation (and pandoc) print them. citation-js hands CSL the key
// itself as the genre, from `@phdthesis` or `type = {mathesis}`, and styles print it word for word:
// "Exercise for knee pain [Phdthesis]". A @techreport with no type gets "technical report", as BibLaTeX
// prints it (pandoc leaves it out).
const GENRE_WORDS: Record<string, string> = {
  phdthesis: 'PhD thesis',
  mathesis: 'Master’s thesis',
  bathesis: 'Bachelor’s thesis',
  candthesis: 'Candidate thesis',
  techreport: 'technical report',
  resreport: 'research report',
  software: 'computer software',
  datacd: 'CD-ROM',
  audiocd: 'audio CD',
  patent: 'patent',
  patentde: 'German patent',
  patenteu: 'European patent',
  patentfr: 'French patent',
  patentuk: 'British patent',
  patentus: 'U.S. patent',
  patreq: 'patent request',
  patreqde: 'German patent request',
  patreqeu: 'European patent request',
  patreqfr: 'French patent request',
  patrequk: 'British patent request',
  patrequs: 'U.S. patent request',
};

// TeX commands citation-js leaves as written: `5\,mg` is a thin unbreakable space, the others a space;
// `{\AA}ngstr{\"o}m` reaches us as `\AAngström` (its braces gone), so the letters match without a word end.
const TEX_LEFTOVERS: [RegExp, string][] = [
  [new RegExp(MONEY_DOLLAR, 'gu'), '$$'],
  [/\\,/gu, '\u202F'],
  [/\\[;:> ]/gu, ' '],
  [/\\AA/gu, 'Å'],
  [/\\aa/gu, 'å'],
  [/\\(?:ldots|dots|textellipsis)(?![A-Za-z])/gu, '…'],
  // `$37^\circ$C` and `{\textdegree}`: a degree, where `^\circ` reaches us as a superscript.
  [/<sup>\\circ<\/sup>|\\(?:textdegree|degree)(?![A-Za-z])/gu, '°'],
];

// The relations and operators of clinical titles (`{$\geq$}65 years`, `$\pm$`, `2 $\times$ 2`), which
// citation-js knows only as math's Greek letters and keeps as written.
const MATH_SYMBOLS: Record<string, string> = {
  geq: '≥', ge: '≥', leq: '≤', le: '≤', neq: '≠', ne: '≠', pm: '±', mp: '∓', times: '×', div: '÷', cdot: '·',
  approx: '≈', sim: '∼', propto: '∝', infty: '∞', ll: '≪', gg: '≫', to: '→', rightarrow: '→', leftarrow: '←',
};
const MATH_SYMBOL = new RegExp(`\\\\(${Object.keys(MATH_SYMBOLS).join('|')})(?![A-Za-z])`, 'gu');

// An accent over nothing (`\^{}`, `\~{}`), which LaTeX prints as the accent alone (Google Scholar's
// `1/k\^{} 2`): citation-js puts its combining mark on the missing letter, `undefined`.
const LONE_ACCENT = /undefined([\u0300-\u036F])/gu;
const SPACING_ACCENTS: Record<string, string> = { '\u0300': '`', '\u0301': '´', '\u0302': '^', '\u0303': '~', '\u0304': '¯', '\u0306': '˘', '\u0307': '˙', '\u0308': '¨', '\u030A': '˚', '\u030B': '˝', '\u030C': 'ˇ', '\u0327': '¸' };

// Braces a Zotero user typed to keep a word's case (`{DNA} repair`), which Zotero's export escapes as
// literal braces (`\{DNA\} repair`): read as the case protection they were typed as, like Mendeley's.
const TYPED_BRACES = /\{([^{}]*)\}/gu;

// Zotero exports a title saved from a web page with its HTML entities, escaped: `for\&nbsp;research`.
function withTexLeftovers(text: string): string {
  const converted = TEX_LEFTOVERS.reduce((result, [command, replacement]) => result.replace(command, replacement), text)
    .replace(MATH_SYMBOL, (_command, name: string) => MATH_SYMBOLS[name]!);
  return withoutEntities(converted.replace(LONE_ACCENT, (_lone, mark: string) => SPACING_ACCENTS[mark] ?? '').replace(TYPED_BRACES, '$1'));
}

// EndNote's BibTeX export writes its own reference type as `type = {Journal Article}`, which styles
// such as APA would print as a genre: "… back pain [Journal Article]."; so does Web of Science its document
// type (`Type = {Article}`, `{Article; Early Access}`, `{Proceedings Paper}`, `{Editorial Material}`).
const REFERENCE_TYPE_NAMES = new Set(['journal article', 'electronic article', 'magazine article', 'newspaper article', 'book', 'edited book', 'electronic book', 'book section', 'conference proceedings', 'conference paper', 'web page', 'generic',
  'article', 'article; early access', 'article; proceedings paper', 'proceedings paper', 'editorial material', 'meeting abstract']);

function withGenreWords(item: CslItem): CslItem {
  if (typeof item.genre !== 'string') return item;
  if (REFERENCE_TYPE_NAMES.has(item.genre.trim().toLowerCase())) {
    const { genre: _referenceType, ...rest } = item;
    return rest as CslItem;
  }
  return Object.hasOwn(GENRE_WORDS, item.genre) ? { ...item, genre: GENRE_WORDS[item.genre] } : item;
}

/**
 * An article's `eid` (BibLaTeX's article number, the e-locator of BMJ Open or PLOS ONE: `e024123`) where
 * styles look for it: citation-js makes it the CSL `number`, which AMA and Vancouver do not print for an
 * article, so "BMJ Open. 2019;9(3)." lost the one locator the article has. CSL-JSON's `article-number`
 * is read the same way.
 */
function withArticleNumberAsPages(item: CslItem): CslItem {
  if (item.type !== 'article-journal' || item.page !== undefined || typeof item.number !== 'string') return item;
  return { ...item, page: item.number };
}

// A web page's access date written as its note, as the most-read answer on citing a web page in BibTeX
// has it (`note = {Accessed: 2010-09-30}`): AMA and Vancouver print an access date ("Accessed September
// 30, 2010."), and printed none from the note, which only the source's page showed.
const ACCESSED_NOTE = /^\s*\[?(?:last\s+)?(?:accessed|retrieved|visited)(?:\s+on)?\s*:?\s*(\d{4}-\d{1,2}-\d{1,2})\s*\]?\.?\s*$/iu;

function withAccessedNote(item: CslItem): CslItem {
  const accessed = item.accessed === undefined && typeof item.note === 'string' ? item.note.match(ACCESSED_NOTE)?.[1] : undefined;
  if (!accessed) return item;
  const { note: _accessed, ...rest } = item;
  return { ...rest, accessed: dateOfText(accessed) } as CslItem;
}

// The BibTeX fields citation-js reads each CSL date from, as a message names them.
const DATE_FIELDS: Record<string, string> = { issued: 'date', accessed: 'urldate', 'event-date': 'eventdate', 'original-date': 'origdate' };

/** The entry with its dates as styles can print them (see dates.ts); month = {13} is no season in BibTeX. */
function withCheckedDates(entry: LibraryEntry, diagnostics: Diagnostic[]): LibraryEntry {
  let item = entry.item;
  for (const variable of DATE_VARIABLES) {
    if (item[variable] === undefined) continue;
    const { date, problems } = checkedDate(item[variable], { seasons: false });
    if (problems.length === 0) continue;
    const { [variable]: _written, ...rest } = item;
    item = date ? { ...rest, [variable]: date } as CslItem : rest as CslItem;
    diagnostics.push(dateProblem(entry.key, DATE_FIELDS[variable] ?? variable, entry.item[variable], date, problems, entry.location));
  }
  return item === entry.item ? entry : { ...entry, item };
}

/** BibLaTeX `xdata = {a, b}`: fields the entry lacks come from the named @xdata entries (citation-js ignores them). */
function inheritXdata(entries: LibraryEntry[], chunks: Chunk[]): LibraryEntry[] {
  const xdata = new Map(entries.filter((entry) => entry.item.type === 'document' && chunks.some((c) => c.type === 'xdata' && c.key === entry.key)).map((e) => [e.key, e.item]));
  if (xdata.size === 0) return entries;
  const parents = new Map(chunks.map((chunk) => [chunk.key, chunk.text.match(/\bxdata\s*=\s*[{"]([^}"]*)[}"]/iu)?.[1]?.split(',').map((k) => k.trim())]));
  return entries.filter((entry) => !xdata.has(entry.key)).map((entry) => {
    const inherited = (parents.get(entry.key) ?? []).map((key) => xdata.get(key)).filter((item) => item !== undefined);
    if (inherited.length === 0) return entry;
    const item: CslItem = { ...entry.item };
    for (const parent of inherited) for (const [field, value] of Object.entries(parent)) if (!['id', 'type', 'citation-key'].includes(field)) item[field] ??= value;
    return { ...entry, item };
  });
}

/**
 * Reads a BibTeX or BibLaTeX file. Each bad entry becomes a diagnostic at its own line and the rest
 * of the file is still read, so one typo never hides a whole library.
 */
export function parseBibtex(source: string, file: string): ParsedFile {
  const diagnostics: Diagnostic[] = [];
  const cleaned = withVisibleKeys(withMendeleyBraces(withZoteroBraces(withoutStars(withTexWords(source.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n').replace(CONTROL_SPACE, '$1 ').replace(LINE_BREAK, ' ').replace(SORT_ONLY, '').replace(TEXT_BOXES, '').replace(BREAKABLE_HYPHEN, '-').replace(ZOTERO_PUBMED, '$1pubmed').replace(TEXMED_PMID, '$1pmid').replace(TEXMED_PMCID, '$1pmcid').replace(FIELD_ALIAS, (_field, before: string, name: string) => before + FIELD_ALIASES[name.toLowerCase()]!).replace(WEBPAGE_TYPE, '$1online').replace(LEADING_ZERO_NUMBER, '$1{$2}'))))), file, diagnostics);
  const where = lineLocator(cleaned, file);
  const cleanedChunks = splitEntries(cleaned);
  // A circle of crossrefs is reported and cut here; the rest of the reading never sees it.
  const { text: uncircled, diagnostics: circles } = withoutCircularCrossrefs(cleaned, cleanedChunks, where);
  diagnostics.push(...circles);
  const uncircledChunks = uncircled === cleaned ? cleanedChunks : splitEntries(uncircled);
  const quiet = withQuietGaps(uncircled, uncircledChunks);
  const text = withMoneyDollars(quiet, quiet === uncircled ? uncircledChunks : splitEntries(quiet));
  const chunks = text === uncircled ? uncircledChunks : splitEntries(text);

  for (const chunk of chunks) {
    if (!NON_ENTRIES.has(chunk.type) && !chunk.key) {
      const spaced = chunk.text.match(SPACED_KEY)?.[1];
      const commaless = spaced ? undefined : chunk.text.match(KEY_WITHOUT_COMMA)?.[1];
      diagnostics.push({
        code: 'invalid-bibtex',
        severity: 'error',
        message: spaced
          ? `The key "${spaced}" of this BibTeX @${chunk.type} entry has a space in it${/\u00A0/u.test(spaced) ? ' (a no-break space)' : ''}`
          : commaless ? `The key "${commaless}" of this BibTeX @${chunk.type} entry is not followed by a comma, so the entry cannot be read` : `BibTeX @${chunk.type} entry has no citation key`,
        hint: spaced
          ? `A key is one word: write it without the space, e.g. ${spaced.replace(/\s+/gu, '')}.`
          : `Write the key right after the opening brace, followed by a comma: @${chunk.type}{${commaless ?? 'smith2020'}, …}.`,
        location: where(chunk.offset),
        // Citing the key reports this, not an unknown key.
        ...(commaless ? { key: commaless } : {}),
      });
    }
  }
  diagnostics.push(...structureDiagnostics(text, chunks, where), ...fieldWarnings(chunks, where), ...undefinedMacroWarnings(chunks, where), ...missingCrossrefs(chunks, where));
  const keyed = chunks.filter((chunk) => chunk.key);
  // A key defined twice keeps both definitions, in file order, so the library can report each place.
  const locations = new Map<string, SourceLocation[]>();
  // Added to, not copied: a key defined 20,000 times (a botched export) took 36 s to read.
  for (const chunk of keyed) {
    const places = locations.get(chunk.key!);
    if (places) places.push(where(chunk.offset));
    else locations.set(chunk.key!, [where(chunk.offset)]);
  }

  let items: CslItem[];
  try {
    // The whole file in one pass is fastest; on failure, halves are re-parsed until each bad entry stands alone.
    items = toCsl(text);
    // An entry without a key (`@article{` then the next entry's line) takes the next entry's text as its key,
    // "@book{second2020": the count still agrees, so the keys are compared too.
    if (items.length !== keyed.length || items.some((item, i) => itemKey(item) !== keyed[i]!.key)) throw new Error('an entry swallowed another');
  } catch {
    const macros = readMacros(chunks, where, diagnostics);
    const macroLines = macros ? macros.split('\n').length - 1 : 0;
    items = [];
    // Which pass read each entry: a crossref reaches only entries read in the same pass.
    const passOf = new Map<string, number>();
    let passes = 0;
    const bisect = (group: Chunk[]): void => {
      if (group.length === 0) return;
      try {
        items.push(...parseGroup(macros, group));
        for (const chunk of group) passOf.set(chunk.key!, passes);
        passes += 1;
      } catch (error) {
        if (group.length > 1) {
          bisect(group.slice(0, group.length >> 1));
          bisect(group.slice(group.length >> 1));
          return;
        }
        const chunk = group[0]!;
        const parsed = describeParseError(error, chunk.text);
        // jurabib's `@COMMENTED{erm, …}` (a legal commentary): citation-js, like pandoc, reads a type that starts with
        // "comment", "string" or "preamble" as that command, and the entry was lost as "expected 1 entries, read 0".
        const command = chunk.type.match(/^(comment|string|preamble)./u)?.[1];
        const { reason, line, column } = command ? { reason: `its type @${chunk.type} starts with "${command}", so it is read as a @${command}, not as an entry`, line: undefined, column: undefined } : parsed;
        const start = where(chunk.offset);
        const lines = chunk.text.split('\n').length;
        // "got EOF" means the entry never closed: its start is the useful place, not the line after it.
        const inside = line !== undefined && line > macroLines && line - macroLines < lines && !/\bEOF\b/u.test(reason);
        diagnostics.push({
          code: 'invalid-bibtex',
          severity: 'error',
          message: `BibTeX entry "${chunk.key}" could not be read: ${reason}`,
          hint: command ? `Give the entry a standard type (@book, @article, @misc) at line ${start.line}.` : `Check the braces, quotes and commas of the entry that starts at line ${start.line}; every field is name = {value}, separated by commas.`,
          location: inside ? { file, line: start.line + line - macroLines - 1, column: column ?? 1 } : start,
          key: chunk.key,
        });
      }
    };
    bisect(keyed);
    const inherited = withCrossrefParents(items, keyed, passOf, (group) => parseGroup(macros, group), where);
    items = inherited.items;
    diagnostics.push(...inherited.diagnostics);
  }

  const entries: LibraryEntry[] = [];
  for (const item of withArxivPreprints(withParentTitles(items, keyed), keyed)) {
    const key = itemKey(item);
    // citation-js looks entry types up on a plain object: `@constructor{…}` got a function for its type, on
    // which `refs check` crashed; it is a type BibTeX does not know, which citation-js reads as a document.
    const typed = typeof item.type === 'string' ? item : { ...item, type: 'document' };
    entries.push({ key, item: withAccessedNote(withArticleNumberAsPages(withGenreWords(mapText(withJoinedLists({ ...typed, id: key }), withTexLeftovers)))), location: locations.get(key)?.shift() ?? { file, line: 1, column: 1 } });
  }
  const chunkOf = new Map(keyed.map((chunk) => [chunk.key!, chunk]));
  const written = (key: string) => (field: string) => {
    const chunk = chunkOf.get(key);
    return chunk && writtenFields(chunk.text).find((found) => found.name === field)?.value;
  };
  const inherited = inheritXdata(entries, chunks).map((entry) => {
    const named = withReadableNames(entry, diagnostics, written(entry.key));
    const month = withWrittenMonth(named.key, named.item, written(named.key)('month'), named.location, diagnostics);
    return withCheckedDates(month === named.item ? named : { ...named, item: month }, diagnostics);
  });
  diagnostics.push(...leftoverLatexWarnings(inherited, chunks, where), ...splitOrganisationWarnings(inherited, chunks));
  const printed = inherited.map((entry) => {
    const chunk = chunkOf.get(entry.key);
    return chunk && chunk.text.includes('\\') ? { ...entry, item: withoutArgumentCommands(entry.item, argumentOnlyCommands(chunk.text)) } : entry;
  });
  return { entries: printed, diagnostics };
}

/** The file's @string macros as one prefix for re-parsed entries; a macro that cannot be read is reported and left out. */
function readMacros(chunks: Chunk[], where: (offset: number) => SourceLocation, diagnostics: Diagnostic[]): string {
  let macros = '';
  for (const chunk of chunks.filter((c) => c.type === 'string')) {
    try {
      toCsl(chunk.text);
      macros += `${chunk.text.trimEnd()}\n`;
    } catch (error) {
      diagnostics.push({
        code: 'invalid-bibtex',
        severity: 'error',
        message: `BibTeX @string macro could not be read: ${describeParseError(error).reason}`,
        hint: 'A macro looks like @string{jpain = {The Journal of Pain}}.',
        location: where(chunk.offset),
      });
    }
  }
  return macros;
}
