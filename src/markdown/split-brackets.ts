import type { Parents, PhrasingContent, Text } from 'mdast';
import type { CitationCluster, Diagnostic } from '../citations/index.ts';
import { textWithOffset } from './citing-sentence.ts';
import type { Found } from './find-citations.ts';

/** The bracket that comes first in a text, '[' or ']'; undefined when it has none. */
function firstBracket(text: string): '[' | ']' | undefined {
  const at = text.search(/[[\]]/u);
  return at === -1 ? undefined : (text[at] as '[' | ']');
}

/** Of the paragraph's parts before and after a text node: whether a bracket opened before it is left open, and whether the first bracket after it closes. */
interface Around { earlierUnclosed: boolean; laterClosesFirst: boolean }

/**
 * For each child of a parent, what `around` tells of it, from one pass over the children: reading the
 * text of every sibling for each text node took time growing with the square of a paragraph's parts.
 */
function aroundAll(parent: Parents): Map<PhrasingContent, Around> {
  const siblings = parent.children as PhrasingContent[];
  const texts = siblings.map((sibling) => textWithOffset(sibling, sibling).text);
  const result = new Map<PhrasingContent, Around>();
  const unclosedBefore: boolean[] = [];
  let open = false;
  texts.forEach((text, i) => {
    unclosedBefore[i] = open;
    const last = Math.max(text.lastIndexOf('['), text.lastIndexOf(']'));
    if (last !== -1) open = text[last] === '[';
  });
  let closes = false;
  for (let i = texts.length - 1; i >= 0; i--) {
    result.set(siblings[i]!, { earlierUnclosed: unclosedBefore[i]!, laterClosesFirst: closes });
    const first = firstBracket(texts[i]!);
    if (first) closes = first === ']';
  }
  return result;
}

const unclosed = (text: string) => text.lastIndexOf('[') > text.lastIndexOf(']');
const closesFirst = (text: string) => /^[^[]*\]/u.test(text);

/** What `aroundAll` tells of a text node, its parent's parts read once per parent. */
function aroundOf(node: Text, parent: Parents, cache: Map<Parents, Map<PhrasingContent, Around>>): Around {
  let all = cache.get(parent);
  if (!all) cache.set(parent, (all = aroundAll(parent)));
  return all.get(node) ?? { earlierUnclosed: false, laterClosesFirst: false };
}

/**
 * Citations whose brackets Markdown split: `[see *also* @a, p. 3]` reaches the plugin as the text
 * "[see ", an emphasis, then " @a, p. 3]", so @a would read as a narrative citation ("Cherkin et al")
 * between literal brackets, its locator left as text; so does `[@a, data from name@example.org]`,
 * whose address becomes a link. A citation's prefix and suffix are plain text.
 */
export function splitBrackets(found: Found[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const cache = new Map<Parents, Map<PhrasingContent, Around>>();
  for (const { node, parent, clusters } of found) {
    const first = clusters[0];
    const last = clusters[clusters.length - 1];
    if (first?.mode !== 'narrative' && last?.mode !== 'narrative') continue;
    const { earlierUnclosed, laterClosesFirst } = aroundOf(node, parent, cache);
    // A bracket opened before this text node closes after the citation, with none opened in between;
    // or one opened before the citation closes after this text node.
    const openedEarlier = (cluster: CitationCluster) => !/[[\]]/u.test(node.value.slice(0, cluster.start)) && closesFirst(node.value.slice(cluster.end)) && earlierUnclosed;
    const closedLater = (cluster: CitationCluster) => unclosed(node.value.slice(0, cluster.start)) && !/[[\]]/u.test(node.value.slice(cluster.end)) && laterClosesFirst;
    const split = first?.mode === 'narrative' && openedEarlier(first) ? first : last?.mode === 'narrative' && closedLater(last) ? last : undefined;
    if (!split) continue;
    const item = split.items[0]!;
    diagnostics.push({
      code: 'citation-syntax',
      severity: 'error',
      message: `The bracketed citation of "${item.key}" has formatting, a link or code inside its brackets, so Markdown splits it and it would be printed as text around a narrative citation`,
      hint: `Keep the prefix and suffix of a citation plain: [see also @${item.key}, p. 3], with any emphasis outside the brackets.`,
      ...(item.location ? { location: item.location } : {}),
      key: item.key,
    });
  }
  return diagnostics;
}

/**
 * A narrative citation that a bracket before or after it shows was meant to be bracketed, with the
 * other bracket missing: `common after 50 [@a.` printed "[Fransen et al¹" and `harmed @a].` printed
 * "Fransen et al¹]", where nothing said so.
 */
export function unbalancedBrackets(found: Found[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const cache = new Map<Parents, Map<PhrasingContent, Around>>();
  for (const { node, parent, clusters } of found) {
    if (!clusters.some((cluster) => cluster.mode === 'narrative')) continue;
    const { earlierUnclosed, laterClosesFirst } = aroundOf(node, parent, cache);
    clusters.forEach((cluster, i) => {
      if (cluster.mode !== 'narrative') return;
      const before = node.value.slice(clusters[i - 1]?.end ?? 0, cluster.start);
      const after = node.value.slice(cluster.end, clusters[i + 1]?.start ?? node.value.length);
      const isLast = i === clusters.length - 1;
      // A bracket that closes in another part of the paragraph was split by Markdown: splitBrackets says so.
      const opened = unclosed(before) && !(isLast && firstBracket(after) === undefined ? laterClosesFirst : closesFirst(after));
      const closed = /^[.,;:]?\]/u.test(after) && !unclosed(before) && !(i === 0 && earlierUnclosed);
      if (!opened && !closed) return;
      const item = cluster.items[0]!;
      diagnostics.push({
        code: 'citation-syntax',
        severity: 'error',
        message: `The citation of "${item.key}" has ${opened ? 'a [ before it that is never closed' : 'a ] after it that was never opened'}, so it would be printed as a narrative citation ("Smith et al") with a stray bracket`,
        hint: `Write a bracketed citation with both brackets, [@${item.key}], or a narrative one with neither: @${item.key} found….`,
        ...(item.location ? { location: item.location } : {}),
        key: item.key,
      });
    });
  }
  return diagnostics;
}
