import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * Records the `certainty` of every `<Finding>` in an article as `remarkPluginFrontmatter.certainty`,
 * so the page can index the article's highest certainty without rendering the MDX twice.
 */
export default function remarkFindingCertainty() {
  return (tree: Root, file: VFile) => {
    const levels: string[] = [];
    visit(tree, 'mdxJsxFlowElement', (node: MdxJsxFlowElement) => {
      if (node.name !== 'Finding') return;
      const attribute = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'certainty');
      if (typeof attribute?.value === 'string') levels.push(attribute.value);
    });
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    ((data.astro ??= {}).frontmatter ??= {}).certainty = levels;
  };
}
