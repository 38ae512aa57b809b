import type { CslItem } from './csl.ts';

// Commands citation-js does not know, written with a braced argument: a file's own macros (Beebe's
// `\booktitle{The Inland Printer}`, `\acro{PDF}`, `\pkg{hyperref}`), packages' (mhchem's `\ce{H2O}`, siunitx's
// `\si{mg}`, biblatex's `\mkbibacro{HIV}`, `\hologo{pdfTeX}`). citation-js drops their braces and keeps the
// command, so readers saw "\booktitleThe Inland Printer" and "\ceH2O"; such a command prints its argument's
// text, as nearly all of them print it. The unconverted-latex warning still names each. An empty group after
// a command (`\TUB{}`, `\tubissue{}`) only keeps the space after it: such a command is left as written.
const COMMAND = /(?<!\\)\\([A-Za-z]+)(\s*\{(?!\s*\}))?/gu;

/**
 * The commands an entry's text writes, as `\name`: those only ever with a braced argument after them, and
 * every one.
 */
export function argumentOnlyCommands(entryText: string): { withArgument: Set<string>; written: Set<string> } {
  const withArgument = new Set<string>();
  const written = new Set<string>();
  const bare = new Set<string>();
  for (const [, name, brace] of entryText.matchAll(COMMAND)) {
    written.add(`\\${name}`);
    (brace ? withArgument : bare).add(`\\${name}`);
  }
  for (const command of bare) withArgument.delete(command);
  return { withArgument, written };
}

// Addresses and identifiers, where a backslash is no LaTeX.
const LITERAL_FIELDS = new Set(['URL', 'DOI', 'PMID', 'PMCID', 'ISSN', 'ISBN', 'id', 'citation-key']);
const LEFT_COMMAND = /(?<!\\)\\[A-Za-z]+/gu;

/**
 * The item with each command of `withArgument` taken out of its text fields, leaving the argument citation-js
 * kept after it: "\ceH2O" is `\ce` then "H2O", unless the entry writes a command `\ceH` of its own.
 */
export function withoutArgumentCommands(item: CslItem, { withArgument, written }: ReturnType<typeof argumentOnlyCommands>): CslItem {
  if (withArgument.size === 0) return item;
  const longestFirst = [...withArgument].sort((a, b) => b.length - a.length);
  const strip = (token: string) => (written.has(token) && !withArgument.has(token) ? token : token.slice(longestFirst.find((command) => token.startsWith(command))?.length ?? 0));
  let changed: CslItem | undefined;
  for (const [field, value] of Object.entries(item)) {
    if (LITERAL_FIELDS.has(field) || typeof value !== 'string') continue;
    const text = value.replace(LEFT_COMMAND, strip);
    if (text !== value) (changed ??= { ...item })[field] = text;
  }
  return changed ?? item;
}
