import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { issuedYear, plainText, type CslItem, type CslName } from './csl.ts';
import { mapText } from './field-text.ts';
import { identifiersOf } from './identifiers.ts';
import { hasMoreNames, LISTED_ROLES } from './more-names.ts';

// citation-js swaps a key with any punctuation but "_" for one of its own ("smith:2020" became
// "Smith2020First"), though BibTeX keys hold ":", "-", "." and "/": readers who cite the export in LaTeX
// need the site's keys. Only what a key cannot hold (spaces, commas, braces, TeX specials) is replaced.
// In its default ASCII mode citation-js drops every character it has no TeX command for: "≤ 2" became
// " 2", "TNF‐α" "TNF$\alpha$", authors in Chinese script empty names. biber, biblatex and reference
// managers read UTF-8, so text is written as it is, with TeX's special characters escaped here.
const bibtexConfig = plugins.config.get('@bibtex') as { format: { checkLabel: boolean; asciiOnly: boolean } };
bibtexConfig.format.checkLabel = false;
bibtexConfig.format.asciiOnly = false;

// Fields written as they are: addresses, identifiers and codes, which escapes would break.
const VERBATIM = new Set(['id', 'citation-key', 'type', 'URL', 'DOI', 'PMID', 'PMCID', 'ISSN', 'ISBN', 'language']);
const TEX_SPECIAL = /[\\&%$#_{}~^]/gu;
const TEX_ESCAPES: Record<string, string> = { '\\': '\\textbackslash{}', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}' };
// A line break inside a field could start a line with "@misc{", which line-based readers take for a new entry.
const oneLine = (text: string) => text.replace(/\s+/gu, ' ');
const texText = (text: string) => oneLine(text).replace(TEX_SPECIAL, (character) => TEX_ESCAPES[character] ?? `\\${character}`);
// A brace in a verbatim field would close it early: in addresses and DOIs it is percent-encoded, as URLs allow.
const verbatimText = (text: string) => text.replace(/\s+/gu, '').replace(/[{}\\]/gu, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The item with TeX's special characters escaped in its text and names, for citation-js's UTF-8 output;
 * `plain` also drops CSL's markup (<i>…</i>), which citation-js turns into \textit{…}.
 */
function texEscaped(item: CslItem, plain: boolean): CslItem {
  const escaped = mapText(item, (text) => texText(plain ? plainText(text) : text));
  for (const field of VERBATIM) if (typeof item[field] === 'string') escaped[field] = verbatimText(item[field]);
  return escaped;
}

/**
 * The item with each name's particles in one, as BibTeX's "von" part holds them ("de La Fontaine, Jean"):
 * citation-js writes only the non-dropping particle, and "Jean de la Fontaine" became "Fontaine, Jean".
 */
function vonParts(item: CslItem): CslItem {
  const joined: CslItem = { ...item };
  for (const [field, value] of Object.entries(item)) {
    if (!Array.isArray(value)) continue;
    joined[field] = value.map((name: unknown) => {
      if (!name || typeof name !== 'object' || !('dropping-particle' in name)) return name;
      const { 'dropping-particle': dropping, ...rest } = name as CslName;
      return { ...rest, 'non-dropping-particle': [dropping, rest['non-dropping-particle']].filter(Boolean).join(' ') };
    });
  }
  return joined;
}

// The first word of a title, or of its part after a colon, when a capital follows its first letter: "CDC", "mRNA", "COVID-19".
const LEADING_CAPITALS = /(^|:\s*)([\p{L}\p{N}](?:[\p{L}\p{N}]|-(?=[\p{L}\p{N}]))*)/gu;
const CAPITAL_AFTER_FIRST = /^.\P{Lu}*\p{Lu}/u;

/**
 * The item with its title's first words kept as written: citation-js protects every capitalised word but
 * the first of the title and of each part after a colon, which BibTeX styles lowercase but for their first
 * letter ("Cdc clinical practice guideline"). CSL's nocase span is what citation-js writes as {CDC}.
 */
function leadingCapitalsKept(item: CslItem): CslItem {
  if (typeof item.title !== 'string') return item;
  const title = item.title.replace(LEADING_CAPITALS, (match, start: string, word: string) => (CAPITAL_AFTER_FIRST.test(word) ? `${start}<span class="nocase">${word}</span>` : match));
  return { ...item, title };
}

/** Whether every brace of an entry closes, leaving out escaped ones (\{). */
function balanced(entry: string): boolean {
  let depth = 0;
  for (const brace of entry.replace(/\\[{}]/gu, '').matchAll(/[{}]/gu)) {
    depth += brace[0] === '{' ? 1 : -1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

const UNSAFE_IN_KEY = /[\s,{}%\\#~"]+/gu;

/** A library key as a BibTeX key: the same key, unless it holds what BibTeX cannot read in one. */
export function bibtexKey(key: string): string {
  return key.replace(UNSAFE_IN_KEY, '-') || 'ref';
}

const HOWPUBLISHED = /^(\thowpublished = \{)(.*)(\},?)$/mu;

// citation-js writes the month in braces, `month = {mar}` or with the day, `{mar 15}`, which BibTeX prints
// as written and biblatex rejects: it is written as BibTeX's month macro (mar), and a full date as biblatex's date.
const MONTH = /^\tmonth = \{([a-z]{3}|\d{1,2})(?: \d{1,2})?\},$/mu;
const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** What citation-js leaves out or writes as @misc, as fields BibTeX and biblatex read. */
function completed(entry: string, item: CslItem): string {
  const [year, month, day] = (item.issued?.['date-parts']?.[0] ?? []).map(Number);
  const date = year && month && day ? `\n\tdate = {${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}},` : '';
  let text = entry.replace(MONTH, (line, written: string) => {
    const macro = /^\d+$/u.test(written) ? MONTH_MACROS[Number(written) - 1] : written;
    return macro ? `\tmonth = ${macro},${date}` : line;
  });
  // citation-js copies the URL, kept verbatim, into howpublished, which LaTeX prints as text: escaped
  // there, so that "a_b&c" in an address cannot stop a LaTeX run.
  if (typeof item.URL === 'string') text = text.replace(HOWPUBLISHED, (line, start: string, value: string, end: string) => (value === verbatimText(item.URL as string) ? `${start}${texText(value)}${end}` : line));
  // A preprint (CSL's "article") is @article to citation-js, its server (medRxiv) written as the publisher,
  // which no BibTeX style prints for an article, and its missing journal as an empty field: the server is
  // the journal, as medRxiv and bioRxiv write their own BibTeX.
  if (item.type === 'article' && text.startsWith('@article{') && !item['container-title']) text = text.replace(/^\tjournal = \{\},?\n/mu, '').replace(/^\tpublisher = /mu, '\tjournal = ');
  // BibTeX and biblatex print no publisher for @misc, where citation-js writes a guideline's series and
  // number ("NICE guideline NG59", read from howpublished): howpublished is the field they print.
  if (text.startsWith('@misc{') && !/^\thowpublished = /mu.test(text)) text = text.replace(/^\tpublisher = /mu, '\thowpublished = ');
  // A chapter is @inbook to citation-js, whose title BibTeX styles print as the book's, leaving out the
  // booktitle and editors; @incollection is a titled part of a book in BibTeX and biblatex alike.
  if (/^\tbooktitle = /mu.test(text)) text = text.replace(/^@inbook\{/u, '@incollection{');
  // A thesis is @misc to citation-js; BibTeX has a type for each kind.
  if (item.type === 'thesis') text = text.replace(/^@misc\{/u, /master/iu.test(String(item.genre ?? '')) ? '@mastersthesis{' : '@phdthesis{');
  // "and others" ends a list the work has more names than (more-names.ts).
  for (const role of LISTED_ROLES) {
    if (hasMoreNames(item, role)) text = text.replace(new RegExp(`^(\\t${role} = \\{.*)(\\},?)$`, 'mu'), '$1 and others$2');
  }
  const extra: string[] = [];
  // A date citeproc read from text ("2019 Mar-Apr") has no date parts, which citation-js writes the year from.
  const textYear = item.issued?.['date-parts'] ? undefined : issuedYear(item);
  if (textYear && !/^\tyear = /mu.test(text)) extra.push(`\tyear = {${textYear}},\n`);
  // biblatex's abbreviated journal title, which AMA and Vancouver print.
  if (typeof item['container-title-short'] === 'string') extra.push(`\tshortjournal = {${texText(item['container-title-short'])}},\n`);
  // citation-js writes no PMID or PMCID: the fields JabRef, Zotero and this site read them from.
  for (const identifier of identifiersOf(item)) if (identifier.scheme !== 'doi') extra.push(`\t${identifier.scheme} = {${identifier.value}},\n`);
  return extra.length ? text.replace(/\}\s*$/u, `${extra.join('')}}\n`) : text;
}

/** Items as BibTeX, written by citation-js, each under its library key, with its PubMed identifiers. */
export function toBibtex(items: CslItem[]): string {
  return items.map((item) => {
    // citation-js types CSL `type` as a closed union; these items came from CSL readers.
    const write = (plain: boolean) => completed(String(plugins.output.format('bibtex', [{ ...texEscaped(leadingCapitalsKept(vonParts(item)), plain), 'citation-key': bibtexKey(item.id) }] as unknown as Parameters<typeof plugins.output.format>[1])), item);
    const entry = write(false);
    // Markup that never closes ("<i>Staphylococcus aureus") would leave a \textit{ open, and every entry after it unread.
    return balanced(entry) ? entry : write(true);
  }).join('');
}
