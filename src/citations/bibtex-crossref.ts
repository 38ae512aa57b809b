import { writtenFields, type Chunk } from './bibtex-lint.ts';
import type { CslItem } from './csl.ts';
import type { Diagnostic, SourceLocation } from './errors.ts';

// BibTeX `crossref = {parent}`: the child takes the fields it lacks (book title, editors, publisher) from
// the parent. citation-js does the inheriting; what is here makes sure none of it is lost in silence.

// The parent key as citation-js reads it: in braces (one or two levels) or quotes, spaces included.
// The crossref field as written and the separator after it (its value holds no braces or quotes inside).
const FIELD_TO_COMMA = /^crossref\s*=\s*(?:\{\{[^{}]*\}\}|\{[^{}]*\}|"[^"]*")\s*,?/iu;
const PARENT_KEY = /^(?:\{\{([^{}]*)\}\}|\{([^{}]*)\}|"([^"]*)")$/u;

/** The key citation-js gives an item it read: the entry's citation key. */
export function itemKey(item: CslItem): string {
  return String(item['citation-key'] ?? item.id);
}

/** The entry's crossref field as written (not a mention in a note or after the entry), with its place. */
function crossrefOf(chunk: Chunk): { key: string; index: number } | undefined {
  if (!/crossref/iu.test(chunk.text)) return undefined;
  const field = writtenFields(chunk.text).find((written) => written.name === 'crossref');
  const match = field?.value.match(PARENT_KEY);
  return field && match ? { key: (match[1] ?? match[2] ?? match[3])!, index: field.offset } : undefined;
}

/** The chunks an entry inherits from, nearest first (BibTeX allows chains). */
function crossrefParents(chunk: Chunk, byKey: Map<string, Chunk>): Chunk[] {
  const parents: Chunk[] = [];
  for (let key = crossrefOf(chunk)?.key; key !== undefined; key = crossrefOf(parents.at(-1)!)?.key) {
    const parent = byKey.get(key);
    if (!parent || parent === chunk || parents.includes(parent)) break;
    parents.push(parent);
  }
  return parents;
}

/** A child that inherits nothing from `parent`, `why` in words, at its crossref field. */
// What a chapter or paper takes from the book or proceedings it names, as a message names it.
const INHERITED: [string, string][] = [['booktitle', 'book title'], ['editor', 'editors'], ['publisher', 'publisher']];

/** What the entry itself lacks of what its parent would give: "book title, editors and publisher". */
function lacking(chunk: Chunk): string[] {
  const written = new Set(writtenFields(chunk.text).map((field) => field.name));
  return INHERITED.filter(([field]) => !written.has(field) && !(field === 'booktitle' && written.has('journal'))).map(([, words]) => words);
}

function missingParent(chunk: Chunk, parent: string, why: string, hint: string, where: (offset: number) => SourceLocation): Diagnostic | undefined {
  const missing = lacking(chunk);
  // An entry that writes out all its parent would give loses nothing: DBLP writes both.
  if (missing.length === 0) return undefined;
  const list = missing.length > 1 ? `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}` : missing[0];
  return {
    code: 'missing-crossref',
    severity: 'warning',
    message: `"${chunk.key}" takes its book or proceedings from crossref "${parent}", which ${why}: its ${list} ${missing.length > 1 ? 'are' : 'is'} missing from the reference`,
    hint,
    location: where(chunk.offset + crossrefOf(chunk)!.index),
    key: chunk.key,
  };
}

/** Each `crossref` that names no entry of the file: BibTeX and citation-js fill nothing in. */
export function missingCrossrefs(chunks: Chunk[], where: (offset: number) => SourceLocation): Diagnostic[] {
  const keys = new Set(chunks.map((chunk) => chunk.key));
  // BibTeX matches crossref keys in any case and citation-js only as written, spaces included.
  const byLowerKey = new Map(chunks.filter((chunk) => chunk.key).map((chunk) => [chunk.key!.toLowerCase(), chunk.key!]));
  return chunks.flatMap((chunk) => {
    const crossref = chunk.key ? crossrefOf(chunk) : undefined;
    if (!crossref || keys.has(crossref.key)) return [];
    const meant = byLowerKey.get(crossref.key.trim().toLowerCase());
    const missing = missingParent(chunk, crossref.key, 'is not an entry of this file', meant
      ? `Write crossref = {${meant}}, exactly as that entry's key is written.`
      : `Add @…{${crossref.key}, …} to this file (a crossref only reaches entries of the same file), or write booktitle, editor and publisher in the entry itself.`, where);
    return missing ? [missing] : [];
  });
}

// A circle is named in full up to this many entries; a longer one by its start and its length.
const CIRCLE_SHOWN = 5;

/** The circle from its entry `from` round to it again: `"a" → "b" → "a"`. */
function circleWords(circle: string[], from: number): string {
  const at = (step: number) => `"${circle[(from + step) % circle.length]}"`;
  const shown = circle.length <= CIRCLE_SHOWN ? circle.map((_, step) => at(step)) : [at(0), at(1), at(2), `… (${circle.length} entries)`];
  return [...shown, at(0)].join(' → ');
}

/**
 * Crossrefs that lead back to their own entry (`a` → `b` → `a`, or `a` → `a`). citation-js follows
 * such a circle until its stack overflows; the file was then read in parts with the circle cut anywhere,
 * which gave a proceedings its own paper as its book title without a word, and a long circle took time
 * growing with its cube. Each is reported at its field, and the text comes back with those fields
 * blanked (lines and columns kept), so that no entry of a circle inherits from another, as in biber.
 */
export function withoutCircularCrossrefs(text: string, chunks: Chunk[], where: (offset: number) => SourceLocation): { text: string; diagnostics: Diagnostic[] } {
  const links = new Map<string, { chunk: Chunk; key: string; index: number }>();
  for (const chunk of chunks) {
    const crossref = chunk.key ? crossrefOf(chunk) : undefined;
    if (crossref) links.set(chunk.key!, { chunk, ...crossref });
  }
  // Each entry names at most one parent: one walk per entry not yet seen finds every circle in linear time.
  const seen = new Map<string, 'walking' | 'done'>();
  const circles: string[][] = [];
  for (const start of links.keys()) {
    const path: string[] = [];
    let key: string | undefined = start;
    for (; key !== undefined && links.has(key) && !seen.has(key); key = links.get(key)!.key) {
      seen.set(key, 'walking');
      path.push(key);
    }
    if (key !== undefined && seen.get(key) === 'walking') circles.push(path.slice(path.indexOf(key)));
    for (const walked of path) seen.set(walked, 'done');
  }
  if (circles.length === 0) return { text, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const blanks: [number, number][] = [];
  for (const circle of circles) {
    for (const [i, key] of circle.entries()) {
      const { chunk, index } = links.get(key)!;
      diagnostics.push({
        code: 'missing-crossref',
        severity: 'warning',
        message: circle.length === 1
          ? `"${key}" names itself as its crossref, so it inherits nothing`
          : `"${key}" takes its book or proceedings from crossref "${circle[(i + 1) % circle.length]}", which leads back to it (${circleWords(circle, i)}): a circle of crossrefs cannot be followed, so none of these entries inherits anything`,
        hint: circle.length === 1
          ? 'Write the key of its book or proceedings in crossref, or remove the field.'
          : 'Keep crossref on the chapter or paper only, naming its book or proceedings, and remove it from the book or proceedings.',
        location: where(chunk.offset + index),
        key,
      });
      // The field and the comma after it, as spaces: `@x{a, crossref = {b}, title…` stays readable.
      const start = chunk.offset + index;
      blanks.push([start, start + (FIELD_TO_COMMA.exec(chunk.text.slice(index))?.[0].length ?? 0)]);
    }
  }
  blanks.sort(([a], [b]) => a - b);
  const parts = blanks.map(([start, end], i) => text.slice(blanks[i - 1]?.[1] ?? 0, start) + text.slice(start, end).replace(/[^\n]/gu, ' '));
  return { text: parts.join('') + text.slice(blanks.at(-1)![1]), diagnostics };
}

/**
 * citation-js fills a child from its parent only when both are read in one pass. After a broken entry
 * split the file into several passes (`passOf`: each key's), the children whose parent went to another
 * pass are read again beside it, once per parent, by `parse`; otherwise they would lose their book
 * title, editors and publisher without a word. A child of an unreadable parent is reported.
 */
export function withCrossrefParents(items: CslItem[], chunks: Chunk[], passOf: Map<string, number>, parse: (group: Chunk[]) => CslItem[], where: (offset: number) => SourceLocation): { items: CslItem[]; diagnostics: Diagnostic[] } {
  const byKey = new Map(chunks.filter((chunk) => chunk.key).map((chunk) => [chunk.key!, chunk]));
  const diagnostics: Diagnostic[] = [];
  const families = new Map<string, { parents: Chunk[]; children: Chunk[] }>();
  for (const item of items) {
    const chunk = byKey.get(itemKey(item));
    const parents = chunk ? crossrefParents(chunk, byKey) : [];
    if (!chunk || parents.every((parent) => passOf.get(parent.key!) === passOf.get(chunk.key!))) continue;
    const unreadable = parents.find((parent) => !passOf.has(parent.key!));
    if (unreadable) {
      const missing = missingParent(chunk, unreadable.key!, 'could not be read', `Fix the entry "${unreadable.key}" (its error is reported at its line).`, where);
      if (missing) diagnostics.push(missing);
      continue;
    }
    const family = parents.map((parent) => parent.key).join(' ');
    const members = families.get(family) ?? { parents, children: [] };
    members.children.push(chunk);
    families.set(family, members);
  }
  const reread = new Map<string, CslItem>();
  for (const { parents, children } of families.values()) {
    const keep = (group: Chunk[]) => {
      const wanted = new Set(group.map((child) => child.key));
      for (const parsed of parse([...group, ...parents])) if (wanted.has(itemKey(parsed))) reread.set(itemKey(parsed), parsed);
    };
    try {
      keep(children);
    } catch {
      // A child that does not parse beside the parent must not cost its siblings their inheritance.
      for (const child of children) {
        try {
          keep([child]);
        } catch {
          // It keeps what its own pass gave it.
        }
      }
    }
  }
  return { items: reread.size ? items.map((item) => reread.get(itemKey(item)) ?? item) : items, diagnostics };
}

/**
 * BibLaTeX's inheritance that citation-js lacks: a chapter or paper takes its book or proceedings title
 * from the parent's `title` (it copies only fields of the same name, and the parent has no booktitle).
 */
export function withParentTitles(items: CslItem[], chunks: Chunk[]): CslItem[] {
  const byKey = new Map(items.map((item) => [itemKey(item), item]));
  const chunkByKey = new Map(chunks.filter((chunk) => chunk.key).map((chunk) => [chunk.key!, chunk]));
  return items.map((item) => {
    const chunk = chunkByKey.get(itemKey(item));
    if (item['container-title'] !== undefined || !chunk) return item;
    const title = crossrefParents(chunk, chunkByKey).map((parent) => byKey.get(parent.key!)?.title).find((parentTitle) => parentTitle !== undefined);
    return title === undefined ? item : { ...item, 'container-title': title };
  });
}
