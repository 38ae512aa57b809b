import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import type { Element, Root } from 'hast';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { citationSummaryOf } from './remark-citations.ts';

/**
 * The ids an article page gives its own parts around the summary's text: the skip link's target, the
 * search box, the key findings and red flags boxes, the reference list, the review box and "Cite this
 * summary" with its styles, GFM's notes.
 */
export const PAGE_IDS = [
  'main', 'site-search-q', 'key-findings', 'when-to-see-a-doctor', 'footnote-label', 'references', 'review',
  'cite-this', 'cite-ama', 'cite-vancouver', 'cite-apa',
] as const;

const HEADING = /^h[1-6]$/u;
// The ids generatedIds gives start so: a reference's ref-…, a citing place's cite-…, a finding's finding-….
const GENERATED_ID = /^(?:ref|cite|finding)-/u;
const mightClash = (id: unknown) => typeof id === 'string' && ((PAGE_IDS as readonly string[]).includes(id) || GENERATED_ID.test(id));

/** The ids the page will give this summary's references, citing places and key findings. */
function generatedIds(tree: Root, file: VFile): string[] {
  const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter;
  const references = (frontmatter && citationSummaryOf(frontmatter)?.references) ?? [];
  const ids = references.flatMap((reference) => [reference.id, ...reference.citations.map((citation) => citation.id)]);
  visit(tree, (node) => {
    if (node.type !== 'mdxJsxFlowElement' || node.name !== 'Finding') return;
    const id = node.attributes.find((attribute): attribute is MdxJsxAttribute => attribute.type === 'mdxJsxAttribute' && attribute.name === 'id')?.value;
    if (typeof id === 'string') ids.push(`finding-${id}`);
  });
  return ids;
}

/**
 * Astro's heading ids (github-slugger's, from the words printed), except where a heading's words make
 * an id the page holds already: `## References` took #references from the reference list and
 * `## Cite this` #cite-this, so the links to them landed on the heading. Such a heading gets the next
 * free `-1`, `-2`, as GitHub numbers repeated headings; Astro's own pass keeps ids that are set.
 */
export default function rehypePageHeadingIds() {
  // Astro types it as unified's Transformer, which may be undefined and takes a callback; it is neither.
  const astroHeadingIds = rehypeHeadingIds() as (tree: Root, file: VFile) => void;
  return (tree: Root, file: VFile) => {
    // Headings that come with an id (GFM's "footnote-label") keep it: only the ids made from words move.
    const worded = new Set<Element>();
    visit(tree, 'element', (node: Element) => {
      if (HEADING.test(node.tagName) && typeof node.properties.id !== 'string') worded.add(node);
    });
    astroHeadingIds(tree, file);
    // Most summaries have no heading that could clash: the citing places' ids are read only when one might.
    if (![...worded].some((node) => mightClash(node.properties.id))) return;
    const reserved = new Set<string>([...PAGE_IDS, ...generatedIds(tree, file)]);
    const used = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') used.add(node.properties.id);
    });
    visit(tree, 'element', (node: Element) => {
      const id = node.properties.id;
      if (!worded.has(node) || typeof id !== 'string' || !reserved.has(id)) return;
      let repeat = 1;
      while (used.has(`${id}-${repeat}`) || reserved.has(`${id}-${repeat}`)) repeat += 1;
      node.properties.id = `${id}-${repeat}`;
      used.add(node.properties.id);
    });
  };
}
