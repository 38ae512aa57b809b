import type { Nodes, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { locate, type Diagnostic, type KeyTest } from '../citations/index.ts';
import { displayPath, SKIPPED } from './find-citations.ts';

// `[smith2020]` and `[see smith2020, p. 3]`: a bracket with no @ in it. `@ smith2020`: an @ cut off from its key.
const BRACKET = /\[([^[\]@]+)\]/gu;
const DETACHED_AT = /@\s+([^\s[\]@;,]+)/gu;

/**
 * Keys of the library written where a citation was meant but without its @ (or with a space after it):
 * Markdown leaves them as text, so readers would see the bare key and the reference would be missing.
 */
export function bareKeys(tree: Root, file: VFile, isKnown: KeyTest): Diagnostic[] {
  const source = String(file.value ?? '');
  const path = displayPath(file);
  const found: Diagnostic[] = [];
  const report = (key: string, written: string, from: number | undefined) => {
    const at = from === undefined ? -1 : source.indexOf(written, from);
    found.push({
      code: 'bare-key',
      severity: 'warning',
      message: `"${written}" names the reference "${key}" without citing it, so readers see the key as text`,
      hint: `Cite it as [@${key}] (or @${key} in a sentence); write \\@ or reword if the text is meant.`,
      ...(at === -1 ? {} : { location: locate(source, at, path) }),
      key,
    });
  };
  visit(tree, (node: Nodes) => {
    if (SKIPPED.has(node.type)) return SKIP;
    if (node.type !== 'text') return undefined;
    const from = node.position?.start.offset;
    for (const [written, inside] of node.value.matchAll(BRACKET)) {
      const key = inside!.split(/[\s;,]+/u).find((word) => word && isKnown(word.replace(/^-/u, '')));
      if (key) report(key.replace(/^-/u, ''), written, from);
    }
    for (const [written, key] of node.value.matchAll(DETACHED_AT)) if (isKnown(key!)) report(key!, written, from);
    return undefined;
  });
  return found;
}
