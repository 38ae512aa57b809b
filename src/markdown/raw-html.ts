import type { PhrasingContent, RootContent } from 'mdast';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';

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
