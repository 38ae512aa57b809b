import { h } from 'hastscript';
import type { BlockContent, PhrasingContent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import {
  CitationError,
  checkArticle,
  citeDocument,
  type CitationFormatter,
  type CitedDocument,
  type Diagnostic,
  type Library,
  sourceUpdates,
} from '../citations/index.ts';
import { clusterElement, entryElement, noticeElement } from './citation-hast.ts';
import { citedKeys, displayPath, findCitations } from './find-citations.ts';
import { rawBlock, rawInline } from './raw-html.ts';
import { spliceCitations } from './splice-citations.ts';

/** What the plugin cites against; a function so the dev server can swap in a reloaded library. */
export interface CitationContext {
  library: Library;
  formatter: CitationFormatter;
}

export interface RemarkCitationsOptions {
  context: () => CitationContext;
  /** Heading of the reference list appended to each article. */
  bibliographyTitle?: string;
  /** The URL of a reference's own page on the site, linked from its entry; no link when absent. */
  referencePage?: (key: string) => string;
  /** Told about every document's citations, e.g. to report unused references after the build. */
  onDocument?: (file: VFile, cited: CitedDocument) => void;
  /** Told about warnings on cited references (no identifier, unverified identifier…); errors fail the document. */
  onWarning?: (diagnostic: Diagnostic) => void;
}

/** What an article's page and the reference pages need to know about its citations. */
export interface CitationSummary {
  references: { key: string; id: string; label?: string; citations: { id: string; context: string }[] }[];
}

/**
 * Turns Pandoc-style citations (`[@key]`, `[@a; @b, p. 3]`, `@key says`) into linked, numbered
 * citations and appends the article's reference list. Unknown keys fail the build with file:line:col.
 */
export default function remarkCitations(options: RemarkCitationsOptions) {
  const title = options.bibliographyTitle ?? 'References';
  return (tree: Root, file: VFile) => {
    const found = findCitations(tree, file);
    const mdx = file.extname === '.mdx';
    if (found.length === 0) return;

    const { library, formatter } = options.context();
    const cited = citeDocument(found.flatMap((f) => f.clusters), library, formatter);
    const frontmatter = (file.data as { astro?: { frontmatter?: { acknowledgedUpdates?: Record<string, string> } } }).astro?.frontmatter;
    const article = { file: displayPath(file), citations: citedKeys(found), acknowledged: frontmatter?.acknowledgedUpdates ?? {} };
    // The same checks as `refs check`, for the references this article cites: errors stop the build.
    const checked = cited.diagnostics.some((d) => d.severity === 'error') ? [] : checkArticle(library, article, { entries: true });
    const errors = [...cited.diagnostics, ...checked].filter((d) => d.severity === 'error');
    if (errors.length) throw new CitationError(errors);
    for (const warning of checked) options.onWarning?.(warning);
    options.onDocument?.(file, cited);

    let index = 0;
    const contextById = new Map<string, string>();
    for (const { node, parent, clusters, contexts } of found) {
      const placements = clusters.map((cluster, i) => {
        const rendered = cited.clusters[index++]!;
        for (const segment of [...rendered.lead, ...rendered.segments]) {
          if (segment.type !== 'text') contextById.set(segment.id, contexts[i]!);
        }
        // A narrative citation starts with words ("Cherkin et al¹"): its space stays.
        const superscript = rendered.superscript && rendered.lead.length === 0;
        return { start: cluster.start, end: cluster.end, node: rawInline(clusterElement(rendered), mdx), superscript };
      });
      const replacement = spliceCitations(node.value, placements);
      const siblings = parent.children as PhrasingContent[];
      siblings.splice(siblings.indexOf(node), 1, ...replacement);
    }

    tree.children.push(bibliographyNode(title, cited, (key) => {
      const entry = library.entries.get(key) ?? library.stored.get(key);
      const note = article.acknowledged[key];
      return entry && note ? noticeElement(sourceUpdates(entry, library), note) : undefined;
    }, options.referencePage, mdx));
    const summary: CitationSummary = {
      references: cited.bibliography.map((entry) => ({
        key: entry.key,
        id: entry.id,
        ...(entry.label ? { label: entry.label } : {}),
        citations: entry.backlinks.map((link) => ({ id: link.id, context: contextById.get(link.id) ?? '' })),
      })),
    };
    // Astro hands file.data.astro.frontmatter to pages as remarkPluginFrontmatter.
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    ((data.astro ??= {}).frontmatter ??= {}).citations = summary;
  };
}

function bibliographyNode(
  title: string,
  cited: CitedDocument,
  notice: (key: string) => ReturnType<typeof noticeElement> | undefined,
  referencePage: ((key: string) => string) | undefined,
  mdx: boolean,
): RootContent {
  const list = h('ol', { className: ['references'] }, cited.bibliography.map((entry) => entryElement(entry, referencePage?.(entry.key), notice(entry.key))));
  return {
    type: 'blockquote',
    data: { hName: 'section', hProperties: { className: ['bibliography'], ariaLabelledby: 'references', dataPagefindIgnore: 'all' } },
    children: [
      { type: 'heading', depth: 2, data: { hProperties: { id: 'references' } }, children: [{ type: 'text', value: title }] },
      rawBlock(list, mdx) as BlockContent,
    ],
  };
}
