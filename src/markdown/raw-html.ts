import type { ElementContent } from 'hast';
// Declares hast's `raw` node, which remark-rehype turns into HTML in plain Markdown.
import type {} from 'mdast-util-to-hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { PhrasingContent, RootContent } from 'mdast';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import type { ClusterParts } from './citation-html.ts';

// MDX compiles every element of the tree into a JSX call that is then rendered node by node; a
// reference list is hundreds of nodes. Astro renders `<Fragment set:html>` as one string instead,
// which halves what citations cost the MDX pipeline. Plain Markdown takes raw HTML nodes.
function fragment(html: string): { name: string; attributes: MdxJsxAttribute[]; children: [] } {
  return { name: 'Fragment', attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: html }], children: [] };
}

/** Inline HTML (already safe) as one pre-rendered node. */
export function rawInline(html: string, mdx: boolean): PhrasingContent {
  return mdx ? { type: 'mdxJsxTextElement', ...fragment(html) } : { type: 'html', value: html };
}

/** Block HTML (already safe) as one pre-rendered node. */
export function rawBlock(html: string, mdx: boolean): RootContent {
  return mdx ? { type: 'mdxJsxFlowElement', ...fragment(html) } : { type: 'html', value: html };
}

/**
 * A citation in a heading: its words stay text, which the heading's id and the page's list of headings
 * are made from (as one pre-rendered node, `## @vickers2018 compared…` got the id "-compared…"); only
 * its reference numbers are pre-rendered, so that renumbering leaves the id alone. The text before it
 * is left without its space (see spliceCitations).
 */
export function headingCitation(parts: ClusterParts, mdx: boolean): PhrasingContent {
  const words = fromHtml(parts.words, { fragment: true });
  // Its space, too, is pre-rendered, inside its element: as text it would end the heading's id with a
  // hyphen ("back-pain-"), and Astro leaves a raw node out of the id only when it is markup from end to end.
  const rendered = parts.numbers && (parts.spaced ? parts.numbers.replace(/^(<[^>]*>)/u, '$1 ') : parts.numbers);
  const numbers: ElementContent[] = rendered ? [mdx ? { type: 'mdxJsxTextElement', ...fragment(rendered) } : { type: 'raw', value: rendered }] : [];
  return {
    type: 'text',
    value: toText(words),
    data: {
      hName: 'span',
      hProperties: { className: [parts.attributes.class], dataCites: parts.attributes['data-cites'] },
      hChildren: [...(words.children as ElementContent[]), ...numbers],
    },
  };
}
