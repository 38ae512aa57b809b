import type { ParsedFile } from './bibtex.ts';
import type { CslItem } from './csl.ts';
import { checkedCslItem } from './csl-json-lint.ts';
import { locate, type Diagnostic } from './errors.ts';

// What hand-edited or JavaScript-written JSON holds that JSON does not allow, outside strings.
const NOT_JSON: [RegExp, string, string][] = [
  [/^,\s*[\]}]/u, 'a comma after the last item of a list or object', 'Delete the comma before the closing bracket.'],
  [/^\/[/*]/u, 'a comment', 'Delete the comment: JSON has none.'],
  [/^(?:NaN|-?Infinity|undefined)\b/u, 'a value JSON does not have', 'Write a number, a string or null.'],
  [/^'/u, 'a single-quoted string', 'Put strings in double quotes.'],
  [/^(?:True|False|None)\b/u, 'a value written as Python writes it', 'Write true, false or null.'],
];

/**
 * Calls `visit` with each character of JSON text that is not inside a string (a string's opening quote
 * included), until it returns true: what is written in a title is never taken for structure.
 */
function outsideStrings(text: string, visit: (index: number, character: string) => boolean): void {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const character = text[i]!;
    if (inString) {
      if (character === '\\') i++;
      else if (character === '"') inString = false;
      continue;
    }
    if (character === '"') inString = true;
    if (visit(i, character)) return;
  }
}

/** The first thing in `text`, outside its strings, that JSON does not allow; V8 gives no position for these. */
function notJson(text: string): { offset: number; what: string; hint: string } | undefined {
  let found: { offset: number; what: string; hint: string } | undefined;
  outsideStrings(text, (i, character) => {
    if (!",/NIu-'TFN".includes(character)) return false;
    const construct = NOT_JSON.find(([pattern]) => pattern.test(text.slice(i, i + 12)));
    if (construct) found = { offset: i, what: construct[1], hint: construct[2] };
    return found !== undefined;
  });
  return found;
}

function jsonSyntaxError(error: unknown, text: string, file: string, code: Diagnostic['code']): Diagnostic {
  // V8's message quotes the text around the error, line breaks and all: the first clause is the message.
  const message = (error instanceof Error ? error.message : String(error)).replace(/, (?:\.\.\.)?".*" is not valid JSON$/su, '');
  const position = message.match(/position (\d+)/u)?.[1];
  const scanned = notJson(text);
  // V8 points at the bracket after a trailing comma, or at the letter after a minus sign.
  const found = scanned && (position === undefined || /^[,\s-]*$/u.test(text.slice(scanned.offset, Number(position)))) ? scanned : undefined;
  return {
    code,
    severity: 'error',
    message: `${file} is not valid JSON: ${found ? `it has ${found.what}` : message.replace(/ in JSON at position \d+.*$/u, '')}`,
    hint: found?.hint ?? 'Fix the JSON syntax at this place (a missing comma, quote or bracket is the usual cause).',
    location: locate(text, found?.offset ?? Number(position ?? 0), file),
  };
}

/** Where `text` first has a member named `__proto__`, outside strings' contents, or -1. */
function prototypeKeyOffset(text: string): number {
  let offset = -1;
  outsideStrings(text, (i, character) => {
    if (character === '"' && text.startsWith('"__proto__"', i) && /^\s*:/u.test(text.slice(i + 11, i + 40))) offset = i;
    return offset !== -1;
  });
  return offset;
}

/**
 * Parses JSON, or returns a diagnostic that points at the syntax error. A member named `__proto__` (no
 * CSL variable, and the name of an object's prototype in JavaScript) is left out, with a warning: kept,
 * it stopped the build with a stack trace where Astro stores the references.
 */
export function parseJson(source: string, file: string, code: Diagnostic['code']): { value?: unknown; diagnostic?: Diagnostic; warnings: Diagnostic[]; text: string } {
  const text = source.replace(/^\uFEFF/u, '');
  try {
    const value: unknown = JSON.parse(text, (name, member: unknown) => (name === '__proto__' ? undefined : member));
    const offset = text.includes('__proto__') ? prototypeKeyOffset(text) : -1;
    const warnings: Diagnostic[] = offset === -1 ? [] : [{
      code: 'unknown-field',
      severity: 'warning',
      message: `${file} has a field named "__proto__", which no reference has: it is left out`,
      hint: 'Delete the "__proto__" field (and any other of that name in the file).',
      location: locate(text, offset, file),
    }];
    return { value, warnings, text };
  } catch (error) {
    return { diagnostic: jsonSyntaxError(error, text, file, code), warnings: [], text };
  }
}

/**
 * Where each item of a JSON array starts (the file's own, or one inside the object at `arrayDepth` 1),
 * found by reading its structure: an id written with escapes (`"m\\u00fcller2020"`) or as a number would
 * not be found by searching for it.
 */
function itemStarts(text: string, arrayDepth = 0): number[] {
  const starts: number[] = [];
  let depth = 0;
  let itemNext = false;
  outsideStrings(text, (i, character) => {
    if (itemNext && !/\s/u.test(character)) {
      starts.push(i);
      itemNext = false;
    }
    if (character === '[' || character === '{') itemNext = depth++ === arrayDepth && character === '[';
    else if (character === ']' || character === '}') depth--;
    else if (character === ',' && depth === arrayDepth + 1) itemNext = true;
    return false;
  });
  return starts;
}

// Zotero's item URIs (http://zotero.org/users/…/items/…), which it exports as the id of an item without a key.
const URI = /^[a-z][a-z\d+.-]*:\/\//iu;

/**
 * Reads a CSL-JSON file: an array of items (or one item) whose `citation-key`, or else `id`, is the
 * citation key. Zotero 7 exports its Citation Key field as `citation-key` and an item URI as the id.
 */
export function parseCslJson(source: string, file: string): ParsedFile {
  const { value, diagnostic, warnings, text } = parseJson(source, file, 'invalid-csl-json');
  if (diagnostic) return { entries: [], diagnostics: [diagnostic], unreadable: diagnostic };
  // Zotero's web API wraps the items: { "items": [ … ] }.
  const wrapped = value && typeof value === 'object' && !Array.isArray(value) && !('type' in value) && Array.isArray((value as { items?: unknown }).items) ? (value as { items: unknown[] }).items : undefined;
  const items = wrapped ?? (Array.isArray(value) ? value : [value]);
  const entries: ParsedFile['entries'] = [];
  const diagnostics: Diagnostic[] = [...warnings];
  const starts = wrapped ? itemStarts(text, 1) : Array.isArray(value) ? itemStarts(text) : [text.search(/\S/u)];
  items.forEach((item: unknown, index) => {
    const record = item as Partial<CslItem> | null;
    const id = record && typeof record === 'object' && (typeof record.id === 'string' || typeof record.id === 'number') ? String(record.id) : undefined;
    const citationKey = typeof record?.['citation-key'] === 'string' && record['citation-key'].trim() ? record['citation-key'].trim() : undefined;
    // At the item's id when it is written plainly, else where the item starts.
    const start = Math.max(starts[index] ?? 0, 0);
    const written = id ? text.indexOf(JSON.stringify(id), start) : -1;
    const location = locate(text, written !== -1 && (starts[index + 1] === undefined || written < starts[index + 1]!) ? written : start, file);
    // Python's bibtexparser writes BibTeX entries as JSON with their key and type as `ID` and `ENTRYTYPE`.
    const bibtexparser = record && typeof record === 'object' && !id && typeof (record as { ID?: unknown }).ID === 'string' && typeof (record as { ENTRYTYPE?: unknown }).ENTRYTYPE === 'string' ? (record as { ID: string }).ID : undefined;
    if (bibtexparser) {
      diagnostics.push({
        code: 'invalid-csl-json',
        severity: 'error',
        message: `Item ${index + 1} ("${bibtexparser}") in ${file} is a BibTeX entry as Python's bibtexparser writes it (ID, ENTRYTYPE), not CSL-JSON, so it cannot be cited`,
        hint: 'Save the library as a .bib file (bibtexparser\'s dump writes one) or export CSL JSON from the reference manager, and put that in references/ instead.',
        location,
        key: bibtexparser,
      });
      return;
    }
    if (!id || typeof record?.type !== 'string') {
      diagnostics.push({
        code: 'invalid-csl-json',
        severity: 'error',
        message: `CSL-JSON item ${index + 1} in ${file} needs a string "id" (its citation key) and a "type"`,
        hint: 'Each item looks like { "id": "smith2020", "type": "article-journal", "title": "…" }.',
        location,
      });
      return;
    }
    const key = citationKey ?? id;
    if (!citationKey && URI.test(id)) {
      // Markdown turns the address into a link before citations are read: `[@http://…]` would stay text.
      diagnostics.push({
        code: 'invalid-csl-json',
        severity: 'warning',
        message: `CSL-JSON item "${id}" has no citation key, and its id is an address, which an article cannot cite`,
        hint: 'Give it a key: add "citation-key": "smith2020" to the item, or set the Citation Key field in Zotero 7 (or Better BibTeX) and export again.',
        location,
        key,
      });
    }
    const checked = checkedCslItem({ ...(record as CslItem), id: key }, location);
    diagnostics.push(...checked.diagnostics);
    entries.push({ key, item: checked.item, location });
  });
  return { entries, diagnostics };
}
