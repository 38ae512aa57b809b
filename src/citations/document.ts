import { backlinkLabel, citationIds, referenceId } from './anchors.ts';
import { authorLabel, type CslItem } from './csl.ts';
import type { Diagnostic, SourceLocation } from './errors.ts';
import type { CitationFormatter } from './formatter.ts';
import { identifierLinks, identifierOfPage } from './identifiers.ts';
import type { Library } from './library.ts';
import { strayKeys, type CitationCluster, type CiteItem, type KeyTest } from './syntax.ts';

/** A citation item with the place it was written, so problems can point at it. */
export type LocatedCiteItem = CiteItem & { location?: SourceLocation };
export type LocatedCluster = Omit<CitationCluster, 'items'> & {
  items: LocatedCiteItem[];
  /** The sentence the citation supports, which its anchors are made from (see citationIds). */
  context?: string;
};

/** A piece of a rendered citation: author/style text, a linked item, or an invisible back-link target. */
export type Segment =
  | { type: 'text'; value: string }
  | { type: 'cite'; key: string; id: string; href: string; html: string }
  | { type: 'anchor'; key: string; id: string };

export interface RenderedCluster {
  /** Text before the superscript, as in narrative citations ("Vickers et al"). */
  lead: Segment[];
  segments: Segment[];
  superscript: boolean;
  /** Whether the segments are reference numbers ("(1,3)", "[1]"), not words such as authors and years. */
  numbered: boolean;
  keys: string[];
}

export interface BibliographyEntry {
  key: string;
  id: string;
  /** "1." in numbered styles, absent in author-date styles. */
  label?: string;
  html: string;
  text: string;
  backlinks: { id: string; label: string }[];
  item: CslItem;
}

export interface CitedDocument {
  clusters: (RenderedCluster | undefined)[];
  bibliography: BibliographyEntry[];
  diagnostics: Diagnostic[];
}

interface Use {
  key: string;
  csl: CslItem;
  item: LocatedCiteItem;
  id: string;
  /** Its ids under the keys the source was cited by before a library entry stood for it (see Library.formerKeys). */
  formerIds: string[];
  number: number;
}

/**
 * Keys written inside an item's prefix or suffix (`[@a, @b]`, `[@a; b]`), which would be printed as text
 * and not cited: the build and `refs check` stop on them.
 */
export function strayKeyError(item: LocatedCiteItem, isKnown: KeyTest): Diagnostic | undefined {
  const stray = strayKeys(`${item.prefix} ${item.suffix}`, isKnown);
  if (!stray.length) return undefined;
  return {
    code: 'citation-syntax',
    severity: 'error',
    message: `${stray.map((word) => `"${word}"`).join(', ')} ${stray.length > 1 ? 'are' : 'is'} written inside the citation of "${item.key}" as its ${item.suffix.includes(stray[0]!) ? 'suffix' : 'prefix'}, so ${stray.length > 1 ? 'they are' : 'it is'} printed as text and not cited`,
    hint: `Separate the sources of one citation with semicolons, each with its @: [@${item.key}; @${stray[0]!.replace(/^-?@/u, '')}].`,
    location: item.location,
    key: item.key,
  };
}

/**
 * Resolves, numbers and renders every citation of one document. Numbers follow first citation (or the
 * order of the style's reference list, when it has its own);
 * a cluster that cites unknown keys renders as undefined and is reported, never silently dropped.
 */
export function citeDocument(clusters: LocatedCluster[], library: Library, formatter: CitationFormatter): CitedDocument {
  const diagnostics: Diagnostic[] = [];
  const numbers = new Map<string, number>();
  // Each key's places in document order, with the sentence each supports, which their ids are made from.
  const places = new Map<string, { uses: Use[]; sentences: string[] }>();
  const resolved = clusters.map((cluster) => {
    const uses: Use[] = [];
    for (const item of cluster.items) {
      const stray = strayKeyError(item, library.has);
      if (stray) diagnostics.push(stray);
      const resolution = library.resolve(item.key);
      if ('diagnostic' in resolution) {
        diagnostics.push({ ...resolution.diagnostic, location: item.location });
        continue;
      }
      const key = resolution.entry.key;
      if (uses.some((use) => use.key === key)) {
        // "4,4": the same source twice in one citation, by the same key or by its DOI and its key.
        diagnostics.push({ code: 'citation-syntax', severity: 'error', message: `The citation cites "${key}" twice`, hint: 'Cite each source once in a citation; for two places in it, give both pages: [@key, pp. 3, 12].', location: item.location, key: item.key });
        continue;
      }
      if (!numbers.has(key)) numbers.set(key, numbers.size + 1);
      const use: Use = { key, csl: resolution.entry.item, item, id: '', formerIds: [], number: numbers.get(key)! };
      const ofKey = places.get(key) ?? { uses: [], sentences: [] };
      ofKey.uses.push(use);
      ofKey.sentences.push(cluster.context ?? '');
      places.set(key, ofKey);
      uses.push(use);
    }
    return uses.length === cluster.items.length ? uses : undefined;
  });
  // A numbered style that lists its sources by author numbers them in that order: CSL's citation-number
  // is an entry's place in the reference list.
  const listed = formatter.bibliographyOrder([...numbers.keys()]);
  listed.forEach((key, i) => numbers.set(key, i + 1));
  for (const [key, ofKey] of places) {
    citationIds(key, ofKey.sentences).forEach((id, i) => { ofKey.uses[i]!.id = id; });
    // A link to a claim made while its source was cited by DOI or PMID alone still finds the claim.
    for (const formerKey of library.formerKeys().get(key) ?? []) {
      citationIds(formerKey, ofKey.sentences).forEach((id, i) => { ofKey.uses[i]!.formerIds.push(id); });
    }
    for (const use of ofKey.uses) use.number = numbers.get(key)!;
  }

  const rendered = clusters.map((cluster, index) => {
    const uses = resolved[index];
    return uses && renderCluster(cluster.mode, uses, formatter);
  });

  const bibliography = listed.map((key): BibliographyEntry => {
    const entry = library.entries.get(key) ?? library.stored.get(key)!;
    const formatted = formatter.entry(key) ?? { html: '', text: key };
    return {
      key,
      id: referenceId(key),
      label: formatter.style.numeric ? formatter.numberLabel(numbers.get(key)!) : undefined,
      html: formatted.html,
      text: formatted.text,
      backlinks: places.get(key)!.uses.map((use, i) => ({ id: use.id, label: backlinkLabel(i) })),
      item: entry.item,
    };
  });
  if (!formatter.style.numeric) bibliography.sort((a, b) => a.text.localeCompare(b.text));
  // An entry citeproc could not format fails the documents that cite it, not every document.
  const unformatted = formatter.diagnostics.filter((diagnostic) => diagnostic.key !== undefined && numbers.has(diagnostic.key));
  return { clusters: rendered, bibliography, diagnostics: [...diagnostics, ...unformatted] };
}

/** A labelled link of a reference: "DOI", "PubMed", "PMC", a preprint server ("arXiv") or "Web page". */
export interface ReferenceLink {
  label: string;
  href: string;
}

// A preprint's page is named by its server, which readers recognise, rather than as a web page. A Map: a
// host named as an object's property (`https://constructor/`) was labelled "function Object() { [native code] }".
const PREPRINT_SERVERS = new Map([['arxiv.org', 'arXiv'], ['medrxiv.org', 'medRxiv'], ['biorxiv.org', 'bioRxiv']]);

/** DOI, PubMed and PMC links; a plain web link only when there is no DOI and the URL is http(s). */
export function referenceLinks(item: CslItem): ReferenceLink[] {
  const links: ReferenceLink[] = identifierLinks(item);
  const url = typeof item.URL === 'string' ? safeHttpUrl(item.URL) : undefined;
  // A PubMed or PMC address is the PubMed or PMC link already there.
  if (url && !links.some((link) => link.label === 'DOI') && !identifierOfPage(url)) links.push({ label: PREPRINT_SERVERS.get(new URL(url).hostname.replace(/^www\./u, '')) ?? 'Web page', href: url });
  return links;
}

/** The URL if it is absolute http(s); reference fields are untrusted, so javascript: and friends never become links. */
export function safeHttpUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The empty targets that stand for a citation's place under its former ids, and its link. */
function citeSegment(use: Use, html: string): Segment[] {
  return [...formerAnchors(use), { type: 'cite', key: use.key, id: use.id, href: `#${referenceId(use.key)}`, html }];
}

const formerAnchors = (use: Use): Segment[] => use.formerIds.map((id) => ({ type: 'anchor', key: use.key, id }));

function affixed(use: Use, inner: Segment[]): Segment[] {
  const prefix = use.item.prefix ? [{ type: 'text' as const, value: `${use.item.prefix} ` }] : [];
  const suffix = use.item.suffix ? [{ type: 'text' as const, value: `, ${use.item.suffix}` }] : [];
  return [...prefix, ...inner, ...suffix];
}

/** "’s" after the names of a possessive narrative citation: "Cherkin et al’s¹ trial", "Cherkin et al.’s (2009) trial". */
const possessive = (use: Use) => (use.item.possessive ? '’s' : '');

function renderCluster(mode: CitationCluster['mode'], uses: Use[], formatter: CitationFormatter): RenderedCluster {
  const layout = formatter.layout;
  const keys = uses.map((use) => use.key);
  if (formatter.style.numeric) {
    const lead: Segment[] = mode === 'narrative'
      ? [{ type: 'text', value: `${authorLabel(uses[0]!.csl, formatter.nameTerms)}${possessive(uses[0]!)}${layout.superscript ? '' : ' '}` }]
      : [];
    const body = numberedItems(uses, formatter);
    return { lead, superscript: layout.superscript, numbered: true, keys, segments: wrap(body, layout.prefix, layout.suffix) };
  }
  if (mode === 'narrative') {
    // "Vickers et al. (2018, p. 3)": one link, as Pandoc renders narrative author-date citations.
    const use = uses[0]!;
    const author = formatter.cite({ key: use.key, authorOnly: true });
    const year = formatter.cite({ key: use.key, label: use.item.label, locator: use.item.locator, suppressAuthor: true });
    // MLA's citations print no year: "Cherkin et al. found", not "Cherkin et al. () found".
    return { lead: [], superscript: false, numbered: false, keys, segments: affixed(use, citeSegment(use, `${author}${possessive(use)}${year ? ` (${year})` : ''}`)) };
  }
  const segments: Segment[] = [];
  const order = formatter.citationOrder(uses.map((use) => use.key));
  const ordered = [...uses].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  authorGroups(ordered, formatter).forEach((group, g, groups) => {
    if (g > 0) segments.push({ type: 'text', value: groups[g - 1]!.length > 1 ? formatter.yearGrouping!.after : layout.delimiter });
    group.forEach((use, i) => {
      // Pandoc's rule: a year with a locator is set off by the wider delimiter ("2012, p. 3; 2018").
      if (i > 0) segments.push({ type: 'text', value: use.item.locator || group[i - 1]!.item.locator ? formatter.yearGrouping!.after : formatter.yearGrouping!.between });
      const html = formatter.cite({ key: use.key, label: use.item.label, locator: use.item.locator, suppressAuthor: i > 0 || use.item.suppressAuthor });
      segments.push(...affixed(use, citeSegment(use, html)));
    });
  });
  return { lead: [], superscript: layout.superscript, numbered: false, keys, segments: wrap(segments, layout.prefix, layout.suffix) };
}

/**
 * One author's works in a citation, which styles with collapse="year" print with the names once. As in
 * pandoc, a later work joins the group of the same names where it first appeared (styles that do not
 * sort citations are regrouped so); a prefix starts a new group and a suffix ends one, so that no words
 * land between years.
 */
function authorGroups(ordered: Use[], formatter: CitationFormatter): Use[][] {
  const groups: Use[][] = [];
  // citeproc's names decide; the library's own label first spares it the sources that plainly differ.
  const sameNames = (a: Use, b: Use) => authorLabel(a.csl) === authorLabel(b.csl)
    && formatter.cite({ key: a.key, authorOnly: true }) === formatter.cite({ key: b.key, authorOnly: true });
  for (const use of ordered) {
    const group = formatter.yearGrouping && !use.item.prefix ? groups.findLast((candidate) => sameNames(use, candidate[0]!)) : undefined;
    if (group && !group[0]!.item.suppressAuthor && !group[group.length - 1]!.item.suffix) group.push(use);
    else groups.push([use]);
  }
  return groups;
}

function wrap(segments: Segment[], prefix: string, suffix: string): Segment[] {
  return [...(prefix ? [{ type: 'text' as const, value: prefix }] : []), ...segments, ...(suffix ? [{ type: 'text' as const, value: suffix }] : [])];
}

/**
 * Numbers sorted and runs of three or more collapsed to "1–3" where the style's collapse="citation-number" asks.
 * Items with a locator, prefix or suffix stand alone. A collapsed middle item keeps an invisible anchor so
 * its back-link still lands on this citation.
 */
function numberedItems(uses: Use[], formatter: CitationFormatter): Segment[] {
  const sorted = [...uses].sort((a, b) => a.number - b.number);
  const plain = (use: Use) => !use.item.locator && !use.item.prefix && !use.item.suffix;
  const groups: Use[][] = [];
  for (const use of sorted) {
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    if (group && last && plain(last) && plain(use) && use.number === last.number + 1) group.push(use);
    else groups.push([use]);
  }
  const segments: Segment[] = [];
  const delimiter = formatter.layout.delimiter;
  for (const group of groups) {
    // A prefix is words: "14(p3), also 15", not "14(p3),also 15" (numbered styles join numbers with a bare comma).
    if (segments.length > 0) segments.push({ type: 'text', value: group[0]!.item.prefix && !delimiter.endsWith(' ') ? `${delimiter} ` : delimiter });
    const { before, after } = formatter.numberAffixes;
    const cite = (use: Use) => affixed(use, citeSegment(use, `${before}${use.number}${formatter.cite({ key: use.key, label: use.item.label, locator: use.item.locator })}${after}`));
    if (group.length >= 3 && formatter.layout.collapsesNumbers) {
      segments.push(...cite(group[0]!));
      segments.push(...group.slice(1, -1).flatMap((use): Segment[] => [...formerAnchors(use), { type: 'anchor', key: use.key, id: use.id }]));
      segments.push({ type: 'text', value: '–' }, ...cite(group[group.length - 1]!));
    } else {
      group.forEach((use, i) => {
        if (i > 0) segments.push({ type: 'text', value: delimiter });
        segments.push(...cite(use));
      });
    }
  }
  return segments;
}
