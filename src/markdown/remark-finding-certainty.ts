import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { CitationError, type Diagnostic } from '../citations/index.ts';
import { CERTAINTY_LEVELS } from '../components/search/facets.ts';
import { nodeLocation } from './find-citations.ts';

const CERTAINTIES: readonly string[] = [...CERTAINTY_LEVELS, 'not-graded'];
const FINDING_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

type Element = MdxJsxFlowElement | MdxJsxTextElement;

/** A written attribute's text; undefined when it is absent, and null when it is an expression the build cannot read. */
function attribute(element: Element, name: string): string | null | undefined {
  const found = element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!found) return undefined;
  return typeof found.value === 'string' ? found.value : null;
}

/**
 * Each `<Finding>`'s certainty, and what is wrong with it at its place: what the page would otherwise
 * fail on without a line, or print broken.
 */
export function readFindings(tree: Root, file: VFile): { levels: string[]; problems: Diagnostic[] } {
  const levels: string[] = [];
  const problems: Diagnostic[] = [];
  const ids = new Set<string>();
  visitParents(tree, (node, ancestors) => {
    if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || node.name !== 'Finding') return;
    const problem = (message: string, hint: string) => problems.push({ code: 'invalid-finding', severity: 'error', message: `<Finding>: ${message}`, hint, location: nodeLocation(node, file) });
    const id = attribute(node, 'id');
    const outcome = attribute(node, 'outcome');
    const certainty = attribute(node, 'certainty');
    if (id === undefined || (id !== null && !FINDING_ID.test(id))) problem(id === undefined ? 'it has no id, which its link (#finding-<id>) needs' : `id "${id}" is not lower-case words joined by hyphens`, 'Write an id such as id="pain-vs-sham": readers link to the finding by it.');
    else if (id !== null && ids.has(id)) problem(`id "${id}" is used by another finding of this summary`, 'Give every finding its own id: a link would go to the first one.');
    if (id) ids.add(id);
    if (outcome === undefined || outcome?.trim() === '') problem('it has no outcome, the row\'s heading', 'Write what was measured: outcome="Pain at 12 weeks".');
    if (certainty === undefined || (certainty !== null && !CERTAINTIES.includes(certainty))) problem(certainty === undefined ? 'it has no certainty' : `certainty "${certainty}" is not a GRADE level`, `Use one of ${CERTAINTIES.join(', ')}: certainty="moderate".`);
    if (typeof certainty === 'string') levels.push(certainty);
    if (!ancestors.some((ancestor) => (ancestor.type === 'mdxJsxFlowElement' || ancestor.type === 'mdxJsxTextElement') && ancestor.name === 'KeyFindings')) problem('it is outside <KeyFindings>, the table its row belongs in', 'Put the findings inside <KeyFindings> … </KeyFindings>.');
  });
  return { levels, problems };
}

/**
 * Checks every `<Finding>` where it is written (id, outcome, GRADE certainty, inside `<KeyFindings>`) and
 * records their certainty as `remarkPluginFrontmatter.certainty`, so the page can index the article's
 * highest certainty without rendering the MDX twice.
 */
export default function remarkFindingCertainty() {
  return (tree: Root, file: VFile) => {
    const { levels, problems } = readFindings(tree, file);
    if (problems.length) throw new CitationError(problems);
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    ((data.astro ??= {}).frontmatter ??= {}).certainty = levels;
  };
}
