import { fromHtml } from 'hast-util-from-html';
import { sanitize, defaultSchema, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { withoutEntities } from '../citations/field-text.ts';
import type { ReferenceLink, RenderedCluster, Segment, SourceUpdate } from '../citations/index.ts';

// Citations and reference lists are built as HTML strings: a reference list is hundreds of elements,
// and building them as trees for every article cost more than formatting the references did.

// citeproc escapes field text, but reference fields are untrusted: allow only the inline markup CSL produces.
const CSL_MARKUP: Schema = {
  ...defaultSchema,
  tagNames: ['i', 'b', 'em', 'strong', 'sup', 'sub', 'span', 'a'],
  attributes: { span: [['style', /^font-(?:style|variant|weight):\s*[\w-]+;?$/u]], a: ['href'] },
  protocols: { href: ['http', 'https'] },
  clobberPrefix: '',
};

const safe = new Map<string, string>();

/** Formatted reference HTML made safe to insert: only CSL's inline markup and http(s) links; sanitised once per distinct string. */
export function safeReferenceHtml(html: string): string {
  let result = safe.get(html);
  if (result === undefined) {
    result = toHtml(sanitize(fromHtml(html, { fragment: true }), CSL_MARKUP));
    safe.set(html, result);
  }
  return result;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text or an attribute value, escaped for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/gu, (character) => ESCAPES[character]!);
}

type Attributes = Record<string, string | undefined>;

/** An element from escaped attributes and already-safe inner HTML; undefined attributes are left out. */
function element(tag: string, attributes: Attributes, inner = ''): string {
  const attrs = Object.entries(attributes).map(([name, value]) => (value === undefined ? '' : ` ${name}="${escapeHtml(value)}"`)).join('');
  return `<${tag}${attrs}>${inner}</${tag}>`;
}

function segmentHtml(segment: Segment): string {
  switch (segment.type) {
    case 'text':
      return escapeHtml(segment.value);
    case 'anchor':
      return element('span', { id: segment.id, class: 'citation-anchor', 'data-key': segment.key });
    case 'cite':
      return element('a', { id: segment.id, href: segment.href, class: 'citation-link', 'data-key': segment.key }, safeReferenceHtml(segment.html));
  }
}

/** A citation's markup in parts: the words a reader reads ("Vickers et al", "(Vickers, 2018)") and the reference numbers after them. */
export interface ClusterParts {
  attributes: { class: string; 'data-cites': string };
  words: string;
  numbers?: string;
  /** Whether a space goes before the numbers, as "(1)" and "[1]" have one and a superscript has none. */
  spaced: boolean;
}

export function clusterParts(cluster: RenderedCluster): ClusterParts {
  const body = cluster.segments.map(segmentHtml).join('');
  const lead = cluster.lead.map(segmentHtml).join('');
  const attributes = { class: 'citation', 'data-cites': cluster.keys.join(' ') };
  // Reference numbers are not words anyone searches for, and in a search result's excerpt they read as
  // stray digits ("low back pain. 5, 12."); nor are they part of a heading's id, which would change when
  // the article is renumbered. A narrative citation's author names stay words.
  if (cluster.superscript) return { attributes, words: lead, numbers: `<sup data-pagefind-ignore>${body}</sup>`, spaced: false };
  if (cluster.numbered) return { attributes, words: lead.trimEnd(), numbers: `<span data-pagefind-ignore>${body}</span>`, spaced: true };
  return { attributes, words: lead + body, spaced: false };
}

/** The markup that replaces `[@a; @b]` in the text, where any space before a bracketed citation is the text's own. */
export function clusterHtml({ attributes, words, numbers = '', spaced }: ClusterParts): string {
  return element('span', attributes, `${words}${words && spaced ? ' ' : ''}${numbers}`);
}

/** What a reference list shows of one cited source. */
export interface ReferenceListEntry {
  key: string;
  id: string;
  /** Ids the entry had while its source was cited by DOI or PMID alone: links made then still land on it. */
  formerIds?: string[];
  /** "1." in numbered styles. */
  label?: string;
  /** The formatted reference, already safe (see safeReferenceHtml). */
  html: string;
  /** DOI, PubMed, PMC or web links. */
  links: ReferenceLink[];
  /** The source's own page on the site, when it has one. */
  pageHref?: string;
  /** Each place that cites the source, linked back to as a, b, c… */
  citations: { id: string; label: string }[];
  /** A retraction or correction the article acknowledges. */
  notice?: ReferenceNotice;
}

/** "Retracted: the authors' note", shown beside a source the article still cites. */
export interface ReferenceNotice {
  label: string;
  note: string;
}

const NOTICE_LABELS: Record<SourceUpdate['type'], string> = {
  retraction: 'Retracted',
  withdrawal: 'Withdrawn',
  'expression-of-concern': 'Expression of concern',
  correction: 'Corrected',
};

/** The notice for a source's registry updates (retractions, corrections) and the article's note on them. */
export function referenceNotice(updates: SourceUpdate[], note: string): ReferenceNotice {
  const labels = [...new Set(updates.map((update) => NOTICE_LABELS[update.type]))];
  return { label: labels.join(', ') || 'Note', note };
}

/** The text a reader sees of sanitised reference HTML: no tags, and `&#x26;` (as hast writes "&") read as "&", as in an address it prints. */
function printedText(html: string): string {
  return withoutEntities(html.replace(/<[^>]*>/gu, ''));
}

/**
 * One reference list item: number, formatted reference, identifier links, a link to the source's own
 * page, back-links to each citing place, and the notice the article gives.
 */
export function entryHtml(entry: ReferenceListEntry): string {
  const links = [...entry.links, ...(entry.pageHref ? [{ label: 'Source page', href: entry.pageHref }] : [])];
  // "1." and "[1]" are reference 1; an author-date list has no numbers, and a key is no word to read aloud.
  const number = entry.label?.replace(/^\W+|\W+$/gu, '');
  const backlinks = entry.citations.map((link, i) => element('a', { href: `#${link.id}`, 'aria-label': `${link.label}: back to citation ${i + 1}${number ? ` of reference ${number}` : ''}` }, escapeHtml(link.label)));
  const body = [
    element('span', { class: 'reference-text' }, entry.html),
    ...(links.length
      ? [' ', element('span', { class: 'reference-links' }, links.map((link) => element('a', {
        href: link.href,
        rel: link.href === entry.pageHref ? undefined : 'external',
        // The reference prints this address itself: a printout shows it once.
        'data-in-text': printedText(entry.html).includes(link.href) ? '' : undefined,
      }, escapeHtml(link.label))).join('<span class="link-separator" aria-hidden="true"> · </span>'))]
      : []),
    ' ',
    element('span', { class: 'backlinks' }, `<span aria-hidden="true">↩ </span>${backlinks.join(' ')}`),
    // Inside the body, so it lines up with the reference text rather than taking a column of its own.
    ...(entry.notice ? [element('p', { class: 'reference-notice', role: 'note' }, `<strong>${escapeHtml(entry.notice.label)}:</strong> ${escapeHtml(entry.notice.note)}`)] : []),
  ];
  return element('li', { id: entry.id, class: 'reference', 'data-key': entry.key }, [
    ...(entry.formerIds ?? []).map((id) => element('span', { id }, '')),
    ...(entry.label ? [element('span', { class: 'reference-label' }, escapeHtml(entry.label))] : []),
    element('div', { class: 'reference-body' }, body.join('')),
  ].join(''));
}

/** An article's reference list under its heading, kept out of the search index. */
export function bibliographyHtml(title: string, entries: ReferenceListEntry[]): string {
  return element('section', { class: 'bibliography', 'aria-labelledby': 'references', 'data-pagefind-ignore': 'all' },
    element('h2', { id: 'references' }, escapeHtml(title)) + element('ol', { class: 'references' }, entries.map(entryHtml).join('')));
}
