import type { ElementContent, Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize, defaultSchema, type Schema } from 'hast-util-sanitize';
import { h } from 'hastscript';
import type { BibliographyEntry, RenderedCluster, Segment, SourceUpdate } from '../citations/index.ts';

// citeproc escapes field text, but reference fields are untrusted: allow only the inline markup CSL produces.
const CSL_MARKUP: Schema = {
  ...defaultSchema,
  tagNames: ['i', 'b', 'em', 'strong', 'sup', 'sub', 'span', 'a'],
  attributes: { span: [['style', /^font-(?:style|variant|weight):\s*[\w-]+;?$/u]], a: ['href'] },
  protocols: { href: ['http', 'https'] },
  clobberPrefix: '',
};

const fragments = new Map<string, ElementContent[]>();

// A copy for each use, since later plugins may change the tree. CSL_MARKUP leaves only string-valued
// properties, so a plain copy is complete, and it costs a fifth of structuredClone (about 1 ms per article).
function copy(node: ElementContent): ElementContent {
  return node.type === 'element' ? { ...node, properties: { ...node.properties }, children: node.children.map(copy) } : { ...node };
}

/** Formatted reference HTML as hast, sanitised; parsed once per distinct string and copied per use. */
export function htmlFragment(html: string): ElementContent[] {
  let nodes = fragments.get(html);
  if (!nodes) {
    const root = sanitize(fromHtml(html, { fragment: true }), CSL_MARKUP);
    nodes = root.type === 'root' ? (root.children as ElementContent[]) : [];
    fragments.set(html, nodes);
  }
  return nodes.map(copy);
}

function segmentNode(segment: Segment): ElementContent {
  switch (segment.type) {
    case 'text':
      return { type: 'text', value: segment.value };
    case 'anchor':
      return h('span', { id: segment.id, className: ['citation-anchor'], dataKey: segment.key });
    case 'cite':
      return h('a', { id: segment.id, href: segment.href, className: ['citation-link'], dataKey: segment.key }, htmlFragment(segment.html));
  }
}

/** The element that replaces `[@a; @b]` in the text. */
export function clusterElement(cluster: RenderedCluster): Element {
  const body = cluster.segments.map(segmentNode);
  return h('span', { className: ['citation'], dataCites: cluster.keys.join(' ') }, [
    ...cluster.lead.map(segmentNode),
    ...(cluster.superscript ? [h('sup', body)] : body),
  ]);
}

/**
 * One bibliography entry: number, formatted reference, identifier links, a link to the source's own
 * page when the site has one (`pageHref`), and back-links to each citing place.
 */
export function entryElement(entry: BibliographyEntry, pageHref?: string, notice?: Element): Element {
  const links = [...entry.links, ...(pageHref ? [{ label: 'Source page', href: pageHref }] : [])];
  return h('li', { id: entry.id, className: ['reference'], dataKey: entry.key }, [
    ...(entry.label ? [h('span', { className: ['reference-label'] }, entry.label)] : []),
    h('div', { className: ['reference-body'] }, [
      h('span', { className: ['reference-text'] }, htmlFragment(entry.html)),
      ...(links.length
        ? [{ type: 'text' as const, value: ' ' }, h('span', { className: ['reference-links'] }, links.flatMap((link, i) => [
            ...(i > 0 ? [{ type: 'text' as const, value: ' · ' }] : []),
            h('a', { href: link.href, ...(link.href === pageHref ? {} : { rel: 'external' }) }, link.label),
          ]))]
        : []),
      { type: 'text', value: ' ' },
      h('span', { className: ['backlinks'] }, [
        h('span', { ariaHidden: 'true' }, '↩ '),
        ...entry.backlinks.flatMap((link, i) => [
          ...(i > 0 ? [{ type: 'text' as const, value: ' ' }] : []),
          h('a', { href: `#${link.id}`, ariaLabel: `Back to citation ${i + 1} of reference ${entry.label?.replace(/\W+$/u, '') ?? entry.key}` }, link.label),
        ]),
      ]),
      // Inside the body, so it lines up with the reference text rather than taking a column of its own.
      ...(notice ? [notice] : []),
    ]),
  ]);
}

const NOTICE_LABELS: Record<SourceUpdate['type'], string> = {
  retraction: 'Retracted',
  withdrawal: 'Withdrawn',
  'expression-of-concern': 'Expression of concern',
  correction: 'Corrected',
};

/** The visible notice beside a retracted or corrected reference that the article acknowledges: the label, then the author's note, as text. */
export function noticeElement(updates: SourceUpdate[], note: string): Element {
  const labels = [...new Set(updates.map((update) => NOTICE_LABELS[update.type]))];
  return h('p', { className: ['reference-notice'], role: 'note' }, [h('strong', `${labels.join(', ') || 'Note'}:`), ` ${note}`]);
}
