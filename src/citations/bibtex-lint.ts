import type { CslItem } from './csl.ts';
import type { Diagnostic, SourceLocation } from './errors.ts';

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
function strayClose(text: string, from = 0): number {
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

/**
 * A warning for each entry whose printed fields keep LaTeX commands citation-js does not convert (it
 * keeps \TeX as written). The commands are named as the source writes them: the parser drops their braces.
 */
export function leftoverLatexWarnings(entries: { key: string; item: CslItem; location: SourceLocation }[], chunks: Chunk[]): Diagnostic[] {
  const sources = new Map<string, string>();
  for (const chunk of chunks) if (chunk.key && !sources.has(chunk.key)) sources.set(chunk.key, chunk.text);
  return entries.flatMap((entry): Diagnostic[] => {
    const written = new Set([...(sources.get(entry.key) ?? '').matchAll(/\\[A-Za-z]+/gu)].map((match) => match[0]));
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
    const names = [...commands].join(', ');
    return [{
      code: 'unconverted-latex',
      severity: 'warning',
      message: `"${entry.key}": ${fields.join(', ')} ${fields.length > 1 ? 'keep' : 'keeps'} LaTeX (${names}) that readers would see as written`,
      hint: `Replace ${names} with the plain text or Unicode characters ${commands.size > 1 ? 'they stand' : 'it stands'} for.`,
      location: entry.location,
      key: entry.key,
    }];
  });
}
