import type { Nodes, Parents, Root, Text } from 'mdast';
import { isAbsolute, relative } from 'node:path';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { keyWrittenAt, locate, parseCitations, type LocatedCluster, type SourceLocation } from '../citations/index.ts';
import { citingSentences, textWithOffset } from './citing-sentence.ts';

// Citations are never looked for inside code, links (their text or URL) or raw HTML.
const SKIPPED = new Set(['code', 'inlineCode', 'link', 'linkReference', 'definition', 'html', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'yaml']);
const BLOCKS = new Set(['paragraph', 'tableCell', 'heading', 'listItem', 'blockquote']);

/** A text node's citations, with the node, its parent and the sentence around each of them. */
export interface Found {
  node: Text;
  parent: Parents;
  clusters: LocatedCluster[];
  /** The citing sentence of each cluster, citations removed. */
  contexts: string[];
}

/** The path messages show: relative to the project when the file is inside it, as editors expect. */
export function displayPath(file: VFile): string {
  if (!file.path) return '<input>';
  const inside = relative(file.cwd, file.path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : file.path;
}

const CURLY_APOSTROPHE = /[‘’]/u;
const CURLY_APOSTROPHES = /[‘’]/gu;

const POSSESSIVE = /'s?$/u;

/**
 * The longest key, cut at an apostrophe, that names a reference. When none does, the key as written
 * less a possessive, so that the error names what the author wrote ("o'brian2020", not "o").
 */
function wholeKey(written: string, parsed: string, isKnown: (key: string) => boolean): string {
  for (let end = written.length; end > parsed.length; end = written.lastIndexOf("'", end - 1)) {
    if (isKnown(written.slice(0, end))) return written.slice(0, end);
  }
  const unknown = written.replace(POSSESSIVE, '');
  return unknown.length > parsed.length ? unknown : parsed;
}

/**
 * The text node's value with the keys smartypants cut short made whole. Smartypants runs before
 * citations are read and curls the apostrophe of a key such as `o'brien2020`, which then ends at "o".
 * Each citation takes the longest key up to an apostrophe that names a reference, so `@o'brien2020's`
 * cites o'brien2020 and `@smith2020's` smith2020, each followed by "’s", and `@o'brian2020` fails as
 * itself even when a key "o" exists.
 */
function withWholeKeys(value: string, isKnown: (key: string) => boolean): string {
  if (!CURLY_APOSTROPHE.test(value)) return value;
  // Straightening keeps the length, so offsets in one are offsets in the other.
  const straight = value.replace(CURLY_APOSTROPHES, "'");
  let whole = value;
  for (const item of parseCitations(value).flatMap((cluster) => cluster.items)) {
    const key = wholeKey(keyWrittenAt(straight, item.offset) ?? item.key, item.key, isKnown);
    if (key !== item.key) whole = whole.slice(0, item.offset + 1) + key + whole.slice(item.offset + 1 + key.length);
  }
  return whole;
}

/** Finds citations in a text node and places each item in the source; `\@key` (escaped) is left alone. */
function locateClusters(node: Text, source: string, path: string): LocatedCluster[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  let cursor = start ?? 0;
  const located: LocatedCluster[] = [];
  for (const cluster of parseCitations(node.value)) {
    let escaped = false;
    const items = cluster.items.map((item) => {
      if (start === undefined || end === undefined) return item;
      const at = source.indexOf(`@${item.key}`, cursor);
      if (at === -1 || at >= end) return item;
      cursor = at + item.key.length + 1;
      if (source[at - 1] === '\\') escaped = true;
      return { ...item, location: locate(source, at, path) };
    });
    if (!escaped) located.push({ ...cluster, items });
  }
  return located;
}

/** The citing sentence of each cluster in a text node, from the paragraph, cell, heading or item around it. */
function contextsOf(node: Text, ancestors: Parents[], clusters: LocatedCluster[]): string[] {
  const block = [...ancestors].reverse().find((ancestor) => BLOCKS.has(ancestor.type));
  if (!block) return clusters.map(() => '');
  const { text, offset } = textWithOffset(block, node);
  return citingSentences(text, clusters.map((cluster) => offset + cluster.start));
}

/**
 * Every text node with citations, in document order; code, links and raw HTML are skipped. `isKnown`
 * tells which keys name a reference, for keys that typographic apostrophes cut short.
 */
export function findCitations(tree: Root, file: VFile, isKnown: (key: string) => boolean = () => false): Found[] {
  const found: Found[] = [];
  // Decoded once: the file's value may be bytes, and a document has dozens of cited text nodes.
  const source = String(file.value ?? '');
  const path = displayPath(file);
  visitParents(tree, (node: Nodes, ancestors: Parents[]) => {
    if (SKIPPED.has(node.type)) return SKIP;
    if (node.type !== 'text' || !node.value.includes('@')) return undefined;
    node.value = withWholeKeys(node.value, isKnown);
    const clusters = locateClusters(node, source, path);
    if (clusters.length) found.push({ node, parent: ancestors[ancestors.length - 1]!, clusters, contexts: contextsOf(node, ancestors, clusters) });
    return undefined;
  });
  return found;
}

/** Each cited key with the place it is written. */
export function citedKeys(found: Found[]): { key: string; location?: SourceLocation }[] {
  return found.flatMap((f) => f.clusters.flatMap((cluster) => cluster.items.map((item) => ({ key: item.key, location: item.location }))));
}
