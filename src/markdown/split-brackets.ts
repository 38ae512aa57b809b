import type { PhrasingContent } from 'mdast';
import type { Diagnostic } from '../citations/index.ts';
import { textWithOffset } from './citing-sentence.ts';
import type { Found } from './find-citations.ts';

/**
 * Citations whose brackets Markdown split: `[see *also* @a, p. 3]` reaches the plugin as the text
 * "[see ", an emphasis, then " @a, p. 3]", so @a would read as a narrative citation ("Cherkin et al")
 * between literal brackets, its locator left as text. A citation's prefix and suffix are plain text.
 */
export function splitBrackets(found: Found[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { node, parent, clusters } of found) {
    const first = clusters[0];
    if (first?.mode !== 'narrative') continue;
    const between = node.value.slice(0, first.start);
    // A bracket opened before this text node closes after the citation, with none opened in between.
    if (between.includes(']') || between.includes('[') || !/^[^[]*\]/u.test(node.value.slice(first.end))) continue;
    const siblings = parent.children as PhrasingContent[];
    const before = siblings.slice(0, siblings.indexOf(node)).map((sibling) => textWithOffset(sibling, sibling).text).join('');
    if (before.lastIndexOf('[') <= before.lastIndexOf(']')) continue;
    const item = first.items[0]!;
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
