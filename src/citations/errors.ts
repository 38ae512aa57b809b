import { lineLocator } from './lines.ts';

/** Stable codes for every problem the citation engine reports; tests and `--json` output rely on them. */
export type DiagnosticCode =
  | 'unknown-key'
  | 'duplicate-key'
  | 'invalid-key'
  | 'invalid-url'
  | 'invalid-bibtex'
  | 'unconverted-latex'
  | 'split-organisation'
  | 'unknown-field'
  | 'repeated-field'
  | 'missing-crossref'
  | 'invalid-csl-json'
  | 'invalid-metadata'
  | 'invalid-encoding'
  | 'invisible-character'
  | 'missing-metadata'
  | 'invalid-locator'
  | 'format-failed'
  | 'unused-reference'
  | 'unused-acknowledgement'
  | 'invalid-frontmatter'
  | 'unknown-frontmatter-field'
  | 'bare-key'
  | 'incomplete-entry'
  | 'citation-syntax'
  | 'unread-citation'
  | 'prose-expression'
  | 'invalid-finding'
  | 'invalid-date'
  | 'unsupported-file'
  | 'duplicate-article'
  | 'duplicate-title'
  | 'no-citations'
  | 'unknown-condition'
  | 'published-version'
  | 'duplicate-work' | 'invalid-identifier' | 'missing-identifier' | 'unverified-identifier' | 'identifier-not-found' | 'metadata-mismatch' | 'retracted-source' | 'corrected-source' | 'invalid-article';

export type Severity = 'error' | 'warning';

/** A place in a source file, 1-based like editors show it. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** One problem found in a library file or an article, with where it is and what to do about it. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** What the author should do; shown after the message. */
  hint?: string;
  location?: SourceLocation;
  /** Other places involved, such as the first definition of a duplicated key. */
  related?: SourceLocation[];
  /** The citation key the problem is about, when there is one. */
  key?: string;
}

/** Thrown when a build must stop; carries every diagnostic found so an author can fix them all at once. */
export class CitationError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n\n'));
    this.name = 'CitationError';
    this.diagnostics = diagnostics;
  }

  /** The code of the first diagnostic, for callers that handle one kind of problem. */
  get code(): DiagnosticCode | undefined {
    return this.diagnostics[0]?.code;
  }

  // Astro's MDX and Vite error overlays read line/column from the error to point at the source.
  get line(): number | undefined {
    return this.diagnostics[0]?.location?.line;
  }

  get column(): number | undefined {
    return this.diagnostics[0]?.location?.column;
  }
}

const NOWHERE: SourceLocation = { file: '', line: 0, column: 0 };
const byPlace = (a: SourceLocation, b: SourceLocation) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;

/** Diagnostics in the order of their files and places, as a compiler lists them; at one place, by their first related place. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => byPlace(a.location ?? NOWHERE, b.location ?? NOWHERE) || byPlace(a.related?.[0] ?? NOWHERE, b.related?.[0] ?? NOWHERE));
}

/**
 * Diagnostics that say the same thing (a library entry's problem, reported at every place that cites
 * it) as one, at the first place, the others among its related places: a key defined twice and cited
 * nine times was nine identical errors. Sorted as sortDiagnostics sorts.
 */
export function mergeRepeated(diagnostics: Diagnostic[]): Diagnostic[] {
  const merged: Diagnostic[] = [];
  // Each group's related places are gathered by place and set once at the end: set at each merge, a key
  // defined twice and cited 10,000 times took 19 s (20,000 times: 108 s).
  type Group = { diagnostic: Diagnostic; places: Set<string>; related?: Map<string, SourceLocation> };
  const groups = new Map<string, Group[]>();
  for (const diagnostic of sortDiagnostics([...diagnostics])) {
    const places = [...(diagnostic.location ? [diagnostic.location] : []), ...(diagnostic.related ?? [])];
    // A problem of its own at each place (two brackets left open) is not one problem: only those naming
    // their cause's place (the entry's definition, as the problem's place or a related one) are, and
    // they share that place.
    const same = `${diagnostic.severity} ${diagnostic.code} ${diagnostic.message}`;
    const group = diagnostic.related?.length ? groups.get(same)?.find(({ places: seen }) => places.some((place) => seen.has(formatLocation(place)))) : undefined;
    if (!group) {
      const copy = { ...diagnostic };
      merged.push(copy);
      if (!diagnostic.related?.length) continue;
      const added = { diagnostic: copy, places: new Set(places.map(formatLocation)) };
      const alike = groups.get(same);
      if (alike) alike.push(added);
      else groups.set(same, [added]);
      continue;
    }
    const first = group.diagnostic;
    const firstPlace = first.location && formatLocation(first.location);
    group.related ??= new Map((first.related ?? []).map((place) => [formatLocation(place), place]));
    for (const place of places) {
      if (formatLocation(place) !== firstPlace) group.related.set(formatLocation(place), place);
      group.places.add(formatLocation(place));
    }
  }
  for (const group of [...groups.values()].flat()) if (group.related) group.diagnostic.related = [...group.related.values()];
  return merged;
}

/** `file:line:col: error: message [code]`, the form compilers use, so editors can jump to it. */
export function formatLocation(location: SourceLocation): string {
  return `${location.file}:${location.line}:${location.column}`;
}

/** Renders a diagnostic for a terminal: location, severity, message and code, then the hint and related places. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.location ? `${formatLocation(diagnostic.location)}: ` : '';
  const lines = [`${where}${diagnostic.severity}: ${diagnostic.message} [${diagnostic.code}]`];
  for (const place of diagnostic.related ?? []) lines.push(`  see also ${formatLocation(place)}`);
  if (diagnostic.hint) lines.push(`  hint: ${diagnostic.hint}`);
  return lines.map(visibleControls).join('\n');
}

// Messages quote keys, field names and values from library files, which are untrusted: a terminal would
// obey an escape sequence in them (clear the screen, retitle the window, write the clipboard), and a bidi
// control (U+202E) would show the rest of the line reversed, a key or file name as another.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/gu;

/** Control and bidi characters as `\u001b`-style text, so a message is shown, never executed or reordered, by a terminal. */
function visibleControls(line: string): string {
  return line.replace(CONTROL, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// The line index of the last text located. Readers locate every entry of a library file, so rescanning
// the file from the top each time made a 20,000-item CSL-JSON library quadratic (about a minute).
let last: { text: string; file: string; at: (offset: number) => SourceLocation } | undefined;

/** Line and column (1-based) of a character offset in a text. */
export function locate(text: string, offset: number, file: string): SourceLocation {
  if (last?.text !== text || last.file !== file) last = { text, file, at: lineLocator(text, file) };
  return last.at(offset);
}
