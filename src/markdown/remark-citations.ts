import type { PhrasingContent, Root } from 'mdast';
import type { VFile } from 'vfile';
import { existsSync, readFileSync } from 'node:fs';
import {
  authorLabel,
  backlinkLabel,
  CitationError,
  acknowledgedNote,
  checkArticle,
  citationIds,
  citeDocument,
  type CitationFormatter,
  type CitedDocument,
  type Diagnostic,
  type Library,
  referenceId,
  referenceLinks,
  sourceUpdates,
} from '../citations/index.ts';
import { bibliographyHtml, clusterHtml, clusterParts, referenceNotice, safeReferenceHtml, type ReferenceListEntry, type ReferenceNotice } from './citation-html.ts';
import { bareKeys } from './bare-keys.ts';
import { unreadCitations } from './unread-citations.ts';
import { citedKeys, displayPath, findCitations } from './find-citations.ts';
import { headingCitation, rawBlock, rawInline } from './raw-html.ts';
import { spliceCitations } from './splice-citations.ts';
import { splitBrackets, unbalancedBrackets } from './split-brackets.ts';
import { frontmatterFieldLocation } from './frontmatter.ts';

/** What the plugin cites against; a function so the dev server can swap in a reloaded library. */
export interface CitationContext {
  library: Library;
  formatter: CitationFormatter;
}

export interface RemarkCitationsOptions {
  context: () => CitationContext;
  /** Heading of the reference list appended to each article. */
  bibliographyTitle?: string;
  /**
   * Whether this document gets its reference list appended (the default). A page that renders the list
   * itself from the summary (see citationSummaryOf) says no: the list then stays out of the compiled document.
   */
  appendBibliography?: (file: VFile) => boolean;
  /** The URL of a reference's own page on the site, linked from its entry; no link when absent. */
  referencePage?: (key: string) => string;
  /** Told about every document's citations, e.g. to report unused references after the build. */
  onDocument?: (file: VFile, cited: CitedDocument) => void;
  /** Told about warnings on cited references (no identifier, unverified identifier…); errors fail the document. */
  onWarning?: (diagnostic: Diagnostic) => void;
}

/** A cited source as the reference list shows it, less what the library's record of it holds (its text, links and page). */
export interface CitedReference extends Omit<ReferenceListEntry, 'html' | 'links' | 'pageHref' | 'citations'> {
  /** Each citing place with the sentence that cites it. */
  citations: { id: string; label: string; context: string }[];
}

/** What an article's page and the reference pages need to know about its citations. */
export interface CitationSummary {
  /** Heading of the reference list. */
  title: string;
  references: CitedReference[];
}

// The summary as it travels: anchors and back-link letters follow from each key and the order of its
// citing places (see anchors.ts), so only the key, label, notice and citing sentences are written.
interface StoredReference {
  key: string;
  label?: string;
  notice?: ReferenceNotice;
  contexts: string[];
}

function storedSummary(summary: CitationSummary): string {
  const references = summary.references.map(({ key, label, notice, citations }): StoredReference => ({
    key,
    ...(label ? { label } : {}),
    ...(notice ? { notice } : {}),
    contexts: citations.map((citation) => citation.context),
  }));
  return JSON.stringify({ title: summary.title, references });
}

function isStoredReference(value: unknown): value is StoredReference {
  const reference = value as Partial<StoredReference> | null;
  const notice = reference?.notice;
  return typeof reference?.key === 'string' && ['string', 'undefined'].includes(typeof reference.label) && Array.isArray(reference.contexts) && reference.contexts.every((context) => typeof context === 'string')
    && (notice === undefined || (typeof notice?.label === 'string' && typeof notice.note === 'string'));
}

/**
 * The citation summary the plugin left in a document's frontmatter (`remarkPluginFrontmatter` in pages).
 * It travels as one JSON string: Astro compiles frontmatter into an object literal of the MDX module, and
 * each compiler after it walks every property; as a string it is one literal, which took about 500 MB off
 * the peak memory of a 1,000-article build.
 */
export function citationSummaryOf(frontmatter: Record<string, unknown>): CitationSummary | undefined {
  if (typeof frontmatter.citations !== 'string') return undefined;
  let stored: { title?: unknown; references?: unknown } | null;
  // An article without citations keeps whatever its author wrote under that name.
  try {
    stored = JSON.parse(frontmatter.citations) as typeof stored;
  } catch {
    return undefined;
  }
  if (typeof stored?.title !== 'string' || !Array.isArray(stored.references) || !stored.references.every(isStoredReference)) return undefined;
  return {
    title: stored.title,
    references: stored.references.map(({ key, label, notice, contexts }) => ({
      key,
      id: referenceId(key),
      ...(label ? { label } : {}),
      ...(notice ? { notice } : {}),
      citations: citationIds(key, contexts).map((id, i) => ({ id, label: backlinkLabel(i), context: contexts[i]! })),
    })),
  };
}

/** One problem of one citation: its code and place. */
const problemAt = (d: Diagnostic) => `${d.code} ${d.location?.line}:${d.location?.column}`;

/**
 * Turns Pandoc-style citations (`[@key]`, `[@a; @b, p. 3]`, `@key says`) into linked, numbered
 * citations and appends the article's reference list. Unknown keys fail the build with file:line:col.
 */
export default function remarkCitations(options: RemarkCitationsOptions) {
  const title = options.bibliographyTitle ?? 'References';
  return (tree: Root, file: VFile) => {
    const { library, formatter } = options.context();
    const found = findCitations(tree, file, library.has, (key) => {
      const resolution = library.resolve(key);
      return 'entry' in resolution ? authorLabel(resolution.entry.item, formatter.nameTerms) : undefined;
    });
    for (const warning of [...bareKeys(tree, file, library.has), ...unreadCitations(tree, file, library.has)]) options.onWarning?.(warning);
    const mdx = file.extname === '.mdx';
    if (found.length === 0) return;

    const cited = citeDocument(found.flatMap((f) => f.clusters.map((cluster, i) => ({ ...cluster, context: f.contexts[i] }))), library, formatter);
    const frontmatter = (file.data as { astro?: { frontmatter?: { acknowledgedUpdates?: Record<string, string> } } }).astro?.frontmatter;
    const article = {
      file: displayPath(file),
      citations: citedKeys(found),
      acknowledged: frontmatter?.acknowledgedUpdates ?? {},
      // Astro hands the plugin the source with its frontmatter blanked: the line is read from the file.
      acknowledgedLocation: () => (file.path && existsSync(file.path) ? frontmatterFieldLocation(readFileSync(file.path, 'utf8'), displayPath(file), 'acknowledgedUpdates') : undefined),
    };
    // The same checks as `refs check`, for the references this article cites: errors stop the build. They
    // run beside an unknown key too, so that a retracted source is reported in the same build, not the next;
    // a citation that does not resolve is reported once, by citeDocument.
    const unresolved = new Set(cited.diagnostics.map(problemAt));
    const checked = checkArticle(library, article, { entries: true }).filter((d) => !unresolved.has(problemAt(d)));
    const errors = [...splitBrackets(found), ...unbalancedBrackets(found), ...cited.diagnostics, ...checked].filter((d) => d.severity === 'error');
    if (errors.length) throw new CitationError(errors);
    for (const warning of checked) options.onWarning?.(warning);
    options.onDocument?.(file, cited);

    let index = 0;
    const contextById = new Map<string, string>();
    for (const { node, parent, clusters, contexts, inHeading } of found) {
      const placements = clusters.map((cluster, i) => {
        const rendered = cited.clusters[index++]!;
        for (const segment of [...rendered.lead, ...rendered.segments]) {
          if (segment.type !== 'text') contextById.set(segment.id, contexts[i]!);
        }
        // A narrative citation starts with words ("Cherkin et al¹"): its space stays.
        const superscript = rendered.superscript && rendered.lead.length === 0;
        const parts = clusterParts(rendered);
        const citation = inHeading ? headingCitation(parts, mdx) : rawInline(clusterHtml(parts), mdx);
        return { start: cluster.start, end: cluster.end, node: citation, superscript, hug: inHeading && parts.spaced && !parts.words };
      });
      const replacement = spliceCitations(node.value, placements);
      const siblings = parent.children as PhrasingContent[];
      siblings.splice(siblings.indexOf(node), 1, ...replacement);
    }

    const summary: CitationSummary = {
      title,
      references: cited.bibliography.map((entry) => {
        const source = library.entries.get(entry.key) ?? library.stored.get(entry.key);
        const note = acknowledgedNote(article, entry.key);
        return {
          key: entry.key,
          id: entry.id,
          ...(entry.label ? { label: entry.label } : {}),
          ...(source && note ? { notice: referenceNotice(sourceUpdates(source, library), note) } : {}),
          citations: entry.backlinks.map((link) => ({ ...link, context: contextById.get(link.id) ?? '' })),
        };
      }),
    };
    if (options.appendBibliography?.(file) ?? true) {
      tree.children.push(rawBlock(bibliographyHtml(title, summary.references.map((reference, i) => ({
        ...reference,
        html: safeReferenceHtml(cited.bibliography[i]!.html),
        links: referenceLinks(cited.bibliography[i]!.item),
        ...(options.referencePage ? { pageHref: options.referencePage(reference.key) } : {}),
      }))), mdx));
    }
    // Astro hands file.data.astro.frontmatter to pages as remarkPluginFrontmatter; citationSummaryOf reads it.
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    ((data.astro ??= {}).frontmatter ??= {}).citations = storedSummary(summary);
  };
}
