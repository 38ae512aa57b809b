import { readFileSync } from 'node:fs';
import type { Nodes, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { locate, parseCitations, type Diagnostic, type KeyTest, type SourceLocation } from '../citations/index.ts';
import { textWithOffset } from './citing-sentence.ts';
import { displayPath, footnotesReferenced, nodeLocation } from './find-citations.ts';

// Frontmatter fields readers see as text: the title and description of a summary.
const SHOWN_FIELDS = ['title', 'description'];

function readSource(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** The library keys a text cites, in the order written. */
function keysCitedIn(text: string, isKnown: KeyTest): string[] {
  return parseCitations(text, isKnown).flatMap((cluster) => cluster.items.map((item) => item.key)).filter(isKnown);
}

/**
 * Citations written where Markdown text is not read for them: a component's attribute
 * (`<Finding outcome="Pain [@a]">`), a link's text or address (`https://example.org[@a]`), an image's alt text, the summary's title or description, or a
 * line that Markdown reads as a link definition (`[@a]: …`, which also turns every `[@a]` into a link).
 * They reach readers as written, with no number and no entry in the reference list. `source` is the
 * whole file, frontmatter included; it is read from the file's path when not given.
 */
export function unreadCitations(tree: Root, file: VFile, isKnown: KeyTest, source?: string): Diagnostic[] {
  const path = displayPath(file);
  const found: Diagnostic[] = [];
  const report = (text: string, where: string, hint: string, at: SourceLocation = { file: path, line: 1, column: 1 }, outcome = 'so readers see it as written, with no number and no reference') => {
    for (const key of new Set(keysCitedIn(text, isKnown))) {
      found.push({
        code: 'unread-citation',
        severity: 'warning',
        message: `@${key} in ${where} is not read as a citation, ${outcome}`,
        hint,
        location: at,
        key,
      });
    }
  };

  const referenced = footnotesReferenced(tree);
  visit(tree, (node: Nodes) => {
    if (node.type === 'footnoteDefinition' && !referenced.has(node.identifier)) report(textWithOffset(node, node).text, `the footnote [^${node.label ?? node.identifier}]`, `Refer to it where it belongs with [^${node.label ?? node.identifier}], or move its text into the summary.`, nodeLocation(node, file), 'and the footnote is left out of the page: the text never refers to it');
    // "[@smith2020]: …" at the start of a line defines a link: every [@smith2020] in the summary then links to "…".
    if (node.type === 'definition' && node.label) report(`[${node.label}]`, `a link definition ("[${node.label}]: …" starts a line)`, 'Reword the line so that it does not start with the citation, or write \\[@key]: to keep it text; every [@key] in the summary is a link to it until then.', nodeLocation(node, file));
    if (node.type === 'image' && node.alt) report(node.alt, 'an image\'s alt text', 'Cite the source in the text or caption next to the image.', nodeLocation(node, file));
    // A web address runs on into "[@key]" written against it, and citations are not read inside links.
    if (node.type === 'link') report(`${textWithOffset(node, node).text} ${node.url}`, 'a link', 'Cite the source outside the link, after a space: [the trial](https://…) [@key].', nodeLocation(node, file));
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const element = node as MdxJsxFlowElement | MdxJsxTextElement;
    for (const attribute of element.attributes) {
      if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
      report(attribute.value, `the ${attribute.name} of <${element.name ?? ''}>`, 'Cite the source in the text between the component\'s tags instead.', nodeLocation(attribute.position ? attribute : element, file));
    }
  });

  const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter ?? {};
  const cited = SHOWN_FIELDS.filter((field) => typeof frontmatter[field] === 'string' && keysCitedIn(frontmatter[field], isKnown).length);
  // The text MDX compiles starts after the frontmatter: its lines are counted in the file itself.
  const whole = cited.length ? source ?? (file.path ? readSource(file.path) : '') : '';
  for (const field of cited) {
    const at = whole.search(new RegExp(`^${field}\\s*:`, 'mu'));
    report(frontmatter[field] as string, `the ${field} in the frontmatter`, 'Titles and descriptions are plain text: cite the source in the summary\'s text.', at === -1 ? undefined : locate(whole, at, path));
  }
  return found;
}
