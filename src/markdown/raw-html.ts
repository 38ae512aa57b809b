import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { PhrasingContent, RootContent } from 'mdast';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';

// MDX compiles every element of the tree into a JSX call that is then rendered node by node; a
// reference list is hundreds of nodes. Astro renders `<Fragment set:html>` as one string instead,
// which halves what citations cost the MDX pipeline. Plain Markdown takes raw HTML nodes.
function fragment(html: string): { name: string; attributes: MdxJsxAttribute[]; children: [] } {
  return { name: 'Fragment', attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: html }], children: [] };
}

/** An inline element (already sanitised hast) as one pre-rendered node. */
export function rawInline(element: Element, mdx: boolean): PhrasingContent {
  const html = toHtml(element);
  return mdx ? { type: 'mdxJsxTextElement', ...fragment(html) } : { type: 'html', value: html };
}

/** A block element (already sanitised hast) as one pre-rendered node. */
export function rawBlock(element: Element, mdx: boolean): RootContent {
  const html = toHtml(element);
  return mdx ? { type: 'mdxJsxFlowElement', ...fragment(html) } : { type: 'html', value: html };
}
