import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { CslItem } from './csl.ts';
import { locate, type Diagnostic, type SourceLocation } from './errors.ts';

/** A reference as read from a library file, with where it was defined. */
export interface LibraryEntry {
  key: string;
  item: CslItem;
  location: SourceLocation;
}

export interface ParsedFile {
  entries: LibraryEntry[];
  diagnostics: Diagnostic[];
}

interface Chunk {
  type: string;
  key?: string;
  text: string;
  offset: number;
}

// An entry starts with "@type{" or "@type(" at the start of a line. Splitting there, instead of
// trusting brace balance, keeps one unclosed brace from swallowing every entry after it.
const ENTRY_START = /^[ \t]*@([A-Za-z]+)[ \t]*[{(]/gmu;
const NON_ENTRIES = new Set(['comment', 'preamble', 'string']);

function splitEntries(text: string): Chunk[] {
  const starts = [...text.matchAll(ENTRY_START)];
  return starts.map((match, i) => {
    const offset = match.index + match[0].indexOf('@');
    const end = starts[i + 1]?.index ?? text.length;
    const chunkText = text.slice(offset, end);
    const type = match[1]!.toLowerCase();
    const key = NON_ENTRIES.has(type) ? undefined : chunkText.match(/^@[A-Za-z]+\s*[{(]\s*([^\s,{}()"=]+)\s*,/u)?.[1];
    return { type, key, text: chunkText, offset };
  });
}

// The published types mark every option as required; these two are all the parser needs.
const TO_CSL = { target: '@csl/list+object', generateGraph: false } as unknown as Parameters<typeof plugins.input.chain>[1];

function toCsl(text: string): CslItem[] {
  return plugins.input.chain(text, TO_CSL) as CslItem[];
}

/** citation-js reports "… at line 3 col 1:" followed by a code excerpt; keep the sentence, find the line. */
function describeParseError(error: unknown): { reason: string; line?: number } {
  const message = error instanceof Error ? error.message : String(error);
  const position = message.match(/at line (\d+) col (\d+)/u);
  const reason = message.split('\n')[0]!.replace(/\s*at line \d+ col \d+:?$/u, '').trim();
  return { reason: reason || 'unreadable entry', line: position ? Number(position[1]) : undefined };
}

/**
 * Reads a BibTeX or BibLaTeX file. Each bad entry becomes a diagnostic at its own line and the rest
 * of the file is still read, so one typo never hides a whole library.
 */
export function parseBibtex(source: string, file: string): ParsedFile {
  const text = source.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  const chunks = splitEntries(text);
  const diagnostics: Diagnostic[] = [];
  const where = (offset: number) => locate(text, offset, file);

  for (const chunk of chunks) {
    if (!NON_ENTRIES.has(chunk.type) && !chunk.key) {
      diagnostics.push({
        code: 'invalid-bibtex',
        severity: 'error',
        message: `BibTeX @${chunk.type} entry has no citation key`,
        hint: 'Write the key right after the opening brace, followed by a comma: @article{smith2020, …}.',
        location: where(chunk.offset),
      });
    }
  }
  const keyed = chunks.filter((chunk) => chunk.key);
  // A key defined twice keeps both definitions, in file order, so the library can report each place.
  const locations = new Map<string, SourceLocation[]>();
  for (const chunk of keyed) locations.set(chunk.key!, [...(locations.get(chunk.key!) ?? []), where(chunk.offset)]);

  let items: CslItem[];
  try {
    // The whole file in one pass is far faster; entries are parsed one by one only to find the bad ones.
    items = toCsl(text);
  } catch {
    const macros = chunks.filter((chunk) => chunk.type === 'string').map((chunk) => chunk.text).join('\n');
    const macroLines = macros ? macros.split('\n').length : 0;
    items = [];
    for (const chunk of keyed) {
      try {
        items.push(...toCsl(macros ? `${macros}\n${chunk.text}` : chunk.text));
      } catch (error) {
        const { reason, line } = describeParseError(error);
        const start = where(chunk.offset);
        const location = line && line > macroLines ? { file, line: start.line + line - macroLines - 1, column: 1 } : start;
        diagnostics.push({
          code: 'invalid-bibtex',
          severity: 'error',
          message: `BibTeX entry "${chunk.key}" could not be read: ${reason}`,
          hint: `Check the braces, quotes and commas of the entry that starts at line ${start.line}; every field is name = {value}, separated by commas.`,
          location,
          key: chunk.key,
        });
      }
    }
  }

  const entries: LibraryEntry[] = [];
  for (const item of items) {
    const key = String(item['citation-key'] ?? item.id);
    entries.push({ key, item: { ...item, id: key }, location: locations.get(key)?.shift() ?? { file, line: 1, column: 1 } });
  }
  return { entries, diagnostics };
}
