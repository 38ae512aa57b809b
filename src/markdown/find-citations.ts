import type { Nodes, Parents, Root, Text } from 'mdast';
import { isAbsolute, relative } from 'node:path';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { locate, parseCitations, type KeyTest, type LocatedCluster, type SourceLocation } from '../citations/index.ts';
import { sentenceFinder, textOffsets, textWithOffset, type AuthorsOf } from './citing-sentence.ts';

// Citations are never looked for inside code, links (their text or URL) or raw HTML.
export const SKIPPED = new Set(['code', 'inlineCode', 'link', 'linkReference', 'definition', 'html', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'yaml']);
const BLOCKS = new Set(['paragraph', 'tableCell', 'heading', 'listItem', 'blockquote']);

/** A text node's citations, with the node, its parent and the sentence around each of them. */
export interface Found {
  node: Text;
  parent: Parents;
  clusters: LocatedCluster[];
  /** The citing sentence of each cluster, citations removed. */
  contexts: string[];
  inHeading: boolean;
}

/** The path messages show: relative to the project when the file is inside it, as editors expect. */
export function displayPath(file: VFile): string {
  if (!file.path) return '<input>';
  const inside = relative(file.cwd, file.path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : file.path;
}

/** Where a node starts in the file, as messages show it; the file's first line when the node has no position. */
export function nodeLocation(node: { position?: { start: { offset?: number } } }, file: VFile): SourceLocation {
  const offset = node.position?.start.offset;
  return offset === undefined ? { file: displayPath(file), line: 1, column: 1 } : locate(String(file.value ?? ''), offset, displayPath(file));
}

/** Where `@key` is written in the source from `from`; an apostrophe in the key may be written curled. */
function findKey(source: string, key: string, from: number): { at: number; length: number } | undefined {
  if (!key.includes("'")) {
    const at = source.indexOf(`@${key}`, from);
    return at === -1 ? undefined : { at, length: key.length + 1 };
  }
  const pattern = new RegExp(`@${key.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replaceAll("'", "['‘’]")}`, 'gu');
  pattern.lastIndex = from;
  const match = pattern.exec(source);
  return match ? { at: match.index, length: match[0].length } : undefined;
}

/** Where to look for a text node's keys in the source: from `start` (or a cursor past it) to `end`. */
interface Span { start?: number; end?: number; cursor?: number }

/**
 * Finds citations in a text node and places each item in the source; `\@key` (escaped) is left alone.
 * A node without a position (GFM's autolink step makes its text nodes without one, as in
 * `[@a; @url:https://x.org]`) is looked for in `fallback`, the nearest enclosing node that has one,
 * from where the last such node left off.
 */
function locateClusters(node: Text, source: string, path: string, isKnown: KeyTest, fallback?: Span): LocatedCluster[] {
  const positioned = node.position?.start.offset !== undefined;
  const start = positioned ? node.position!.start.offset : fallback?.start;
  const end = positioned ? node.position!.end.offset : fallback?.end;
  let cursor = (positioned ? start : fallback?.cursor ?? start) ?? 0;
  const located: LocatedCluster[] = [];
  for (const cluster of parseCitations(node.value, isKnown)) {
    let escaped = false;
    const items = cluster.items.map((item) => {
      if (start === undefined || end === undefined) return item;
      const found = findKey(source, item.key, cursor);
      if (!found || found.at >= end) return item;
      const { at } = found;
      cursor = at + found.length;
      if (source[at - 1] === '\\') escaped = true;
      return { ...item, location: locate(source, at, path) };
    });
    if (!escaped) located.push({ ...cluster, items });
  }
  if (!positioned && fallback) fallback.cursor = cursor;
  return located;
}

// A component's attribute that says what its content is about, e.g. <Finding outcome="Pain at 12 weeks">.
const LABEL_ATTRIBUTES = ['outcome', 'title'];

/**
 * What a citing sentence is about when it cannot say so itself: the first cell of its table row, or
 * the outcome or title of the component around it. "Also recommended, on low-quality evidence." is
 * a claim about nothing without the row or finding it belongs to.
 */
function contextLabel(block: Parents, ancestors: Parents[]): string | undefined {
  if (block.type === 'tableCell') {
    const row = ancestors[ancestors.indexOf(block) - 1];
    const first = row?.type === 'tableRow' ? row.children[0] : undefined;
    return first && first !== block ? textWithOffset(first, first).text.trim() : undefined;
  }
  for (const ancestor of [...ancestors].reverse()) {
    if (ancestor.type !== 'mdxJsxFlowElement') continue;
    const label = LABEL_ATTRIBUTES.map((name) => ancestor.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === name)?.value)
      .find((value) => typeof value === 'string' && value.trim() !== '');
    if (typeof label === 'string') return label.trim();
  }
  return undefined;
}

/**
 * What a citation alone in the first cell of a table row (a "Study" column) is cited for: the rest of the
 * row, citations taken out ("20,827 people; Moderate benefit"). Without it each such citation of a source
 * had no words, so one id but for its -2, -3, which moved to another row when a row was added above.
 */
function restOfRow(block: Parents, ancestors: Parents[], isKnown: KeyTest, authorsOf: AuthorsOf | undefined): string {
  const row = ancestors[ancestors.indexOf(block) - 1];
  if (block.type !== 'tableCell' || row?.type !== 'tableRow') return '';
  return row.children.filter((cell) => cell !== block)
    // At an offset where no citation starts, the finder gives the whole cell, citations taken out.
    .map((cell) => sentenceFinder(textOffsets(cell).text, isKnown, authorsOf)(-1))
    .filter(Boolean)
    .join('; ');
}

/** A block's text, where each of its nodes starts in it, and the citing sentence at an offset: read once per block. */
type BlockSentences = Map<Parents, { offsets: Map<Nodes, number>; sentenceAt: (at: number) => string; label?: string; rest?: string }>;

/** The citing sentence of each cluster in a text node, from the paragraph, cell, heading or item around it, after its label. */
function contextsOf(node: Text, ancestors: Parents[], clusters: LocatedCluster[], isKnown: KeyTest, authorsOf: AuthorsOf | undefined, blocks: BlockSentences): string[] {
  const block = [...ancestors].reverse().find((ancestor) => BLOCKS.has(ancestor.type));
  if (!block) return clusters.map(() => '');
  // A paragraph whose citations are in many text nodes (`@a *x* @b *y* …`) was read again for each node.
  let read = blocks.get(block);
  if (!read) {
    const { text, offsets } = textOffsets(block);
    read = { offsets, sentenceAt: sentenceFinder(text, isKnown, authorsOf), label: contextLabel(block, ancestors)?.replace(/[\s:.]+$/u, '') };
    blocks.set(block, read);
  }
  const offset = read.offsets.get(node) ?? -1;
  const sentences = clusters.map((cluster) => read.sentenceAt(offset + cluster.start));
  const { label } = read;
  if (label) return sentences.map((sentence) => (sentence ? `${label}: ${sentence}` : label));
  return sentences.map((sentence) => sentence || (read.rest ??= restOfRow(block, ancestors, isKnown, authorsOf)));
}

/**
 * Every text node with citations, in document order; code, links and raw HTML are skipped. `isKnown`
 * tells a key that ends in "'s" from a possessive (see parseCitations); `authorsOf` names the authors
 * of a narrative citation in its citing sentence.
 */
export function findCitations(tree: Root, file: VFile, isKnown: KeyTest, authorsOf?: AuthorsOf): Found[] {
  const found: Found[] = [];
  // Decoded once: the file's value may be bytes, and a document has dozens of cited text nodes.
  const source = String(file.value ?? '');
  const path = displayPath(file);
  const referenced = footnotesReferenced(tree);
  const spans = new Map<Parents, Span>();
  const blocks: BlockSentences = new Map();
  visitParents(tree, (node: Nodes, ancestors: Parents[]) => {
    if (SKIPPED.has(node.type)) return SKIP;
    // GFM leaves out a footnote nothing refers to, and so the citations in it: they are not numbered either.
    if (node.type === 'footnoteDefinition' && !referenced.has(node.identifier)) return SKIP;
    if (node.type !== 'text' || !node.value.includes('@')) return undefined;
    const enclosing = node.position ? undefined : [...ancestors].reverse().find((ancestor) => ancestor.position?.start.offset !== undefined);
    if (enclosing && !spans.has(enclosing)) spans.set(enclosing, { start: enclosing.position!.start.offset, end: enclosing.position!.end.offset });
    const clusters = locateClusters(node, source, path, isKnown, enclosing && spans.get(enclosing));
    if (clusters.length) found.push({
      node,
      parent: ancestors[ancestors.length - 1]!,
      clusters,
      contexts: contextsOf(node, ancestors, clusters, isKnown, authorsOf, blocks),
      inHeading: ancestors.some((ancestor) => ancestor.type === 'heading'),
    });
    return undefined;
  });
  return found;
}

/** The footnotes the text refers to (`[^1]`), by identifier. */
export function footnotesReferenced(tree: Root): Set<string> {
  const referenced = new Set<string>();
  visitParents(tree, 'footnoteReference', (node) => {
    referenced.add(node.identifier);
  });
  return referenced;
}

/** Each cited key with the place it is written. */
export function citedKeys(found: Found[]): { key: string; location?: SourceLocation }[] {
  return found.flatMap((f) => f.clusters.flatMap((cluster) => cluster.items.map((item) => ({ key: item.key, location: item.location }))));
}
