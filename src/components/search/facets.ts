/**
 * What the search index knows about each page: the Pagefind filters (facets), the metadata shown
 * in results, and the sort key. Shared by the build (SearchMeta.astro) and the search page's
 * script, so the URL parameters and the indexed filter names cannot drift apart.
 */
import { ALIASES_META, TREATMENTS_META } from './ranking.ts';

/** The facets, in the order the search page shows them: `key` is the Pagefind filter name readers see, `param` its URL parameter. */
export const FACETS = [
  { param: 'type', key: 'Type' },
  { param: 'condition', key: 'Condition' },
  { param: 'intervention', key: 'Treatment' },
  { param: 'certainty', key: 'Evidence certainty' },
] as const;

export type Facet = (typeof FACETS)[number];

/** The sort key every indexed page carries: its last-reviewed date, `YYYY-MM-DD`. */
export const SORT_KEY = 'reviewed';

export const PAGE_TYPES = { summary: 'Evidence summary', condition: 'Condition', reference: 'Reference' } as const;
export type PageType = keyof typeof PAGE_TYPES;

// Only a summary is reviewed: a source or a condition page is dated by the newest summary about it.
const REVIEWED_LABELS: Record<PageType, string> = {
  summary: 'Last reviewed',
  condition: 'Newest summary reviewed',
  reference: 'Cited in a summary reviewed',
};

/** GRADE certainty levels, lowest first, as the findings tables spell them. */
export const CERTAINTY_LEVELS = ['very-low', 'low', 'moderate', 'high'] as const;
/** A finding's certainty; `not-graded` findings do not count towards the facet. */
export type Certainty = (typeof CERTAINTY_LEVELS)[number] | 'not-graded';

/** A condition or treatment as the index needs it: the name readers see and the other names they might type. */
export interface SearchTopic {
  name: string;
  aliases?: readonly string[];
}

export interface SearchPage {
  type: PageType;
  /** Conditions the page is about (a summary's conditions, a condition page's own condition, the conditions of the summaries citing a reference). */
  conditions?: readonly SearchTopic[];
  /** Treatments, as readers name them, with their other names ("CBT"). */
  interventions?: readonly SearchTopic[];
  /** The GRADE certainty of each finding on the page; the facet holds the highest. */
  certainty?: readonly Certainty[];
  /** Who wrote a source, where and when ("Kolasinski et al · Arthritis Care & Research · 2020"): shown in its result, whatever passage the excerpt shows. */
  source?: string;
  /** Identifiers written out so that they are searchable even where the page shows only links (DOI, PMID, PMCID). */
  identifiers?: readonly string[];
  /**
   * When the evidence was last checked: shown in results and used as the sort key. A source no summary
   * cites has none: its result shows no date, and it sorts last.
   */
  reviewed?: Date | undefined;
  /** The page's own URL, with the site's base and trailing-slash policy, used for result links. */
  url: string;
}

export interface SearchIndexData {
  filters: [key: string, value: string][];
  meta: [key: string, value: string][];
  sort: [key: string, value: string];
}

/** The highest certainty among the findings, or undefined when the page rates none. */
export function highestCertainty(levels: readonly Certainty[]): Certainty | undefined {
  const ranks = levels.map((level) => CERTAINTY_LEVELS.indexOf(level as (typeof CERTAINTY_LEVELS)[number]));
  return CERTAINTY_LEVELS[Math.max(-1, ...ranks)];
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const facetKey = (param: Facet['param']) => FACETS.find((facet) => facet.param === param)!.key;
const unique = (values: readonly string[]) => [...new Set(values)];

// Sorts after every date, newest first: "Cited in a summary reviewed 1 January 1970" was shown for a source no summary cites.
const UNDATED = '0000-00-00';

/** The filters, metadata and sort key Pagefind should record for a page. */
export function searchIndexData(page: SearchPage, formatDate: (date: Date) => string): SearchIndexData {
  if (page.reviewed && Number.isNaN(page.reviewed.getTime())) {
    throw new Error(`The search data of ${page.url} has an invalid last-reviewed date: pass SearchMeta a valid Date (from lastReviewed: YYYY-MM-DD).`);
  }
  const names = unique((page.conditions ?? []).map((condition) => capitalise(condition.name)));
  const treatments = unique((page.interventions ?? []).map((treatment) => capitalise(treatment.name)));
  const certainty = highestCertainty(page.certainty ?? []);
  const aliases = unique((page.conditions ?? []).flatMap((condition) => condition.aliases ?? []));
  const reviewed = page.reviewed?.toISOString().slice(0, 10) ?? UNDATED;
  const filters: SearchIndexData['filters'] = [
    [facetKey('type'), PAGE_TYPES[page.type]],
    ...names.map((name): [string, string] => [facetKey('condition'), name]),
    ...treatments.map((name): [string, string] => [facetKey('intervention'), name]),
    ...(certainty ? [[facetKey('certainty'), capitalise(certainty.replace('-', ' '))] as [string, string]] : []),
  ];
  const meta: SearchIndexData['meta'] = [
    ['url', page.url],
    ['type', PAGE_TYPES[page.type]],
    ...(page.reviewed ? [['reviewed', `${REVIEWED_LABELS[page.type]} ${formatDate(page.reviewed)}`] as [string, string]] : []),
  ];
  // A condition page's title already names its condition.
  if (names.length && page.type !== 'condition') meta.push(['conditions', names.join(', ')]);
  // Pagefind has no synonyms but searches metadata: the other names make "lumbago" find the page.
  // A source is not about a condition, so its page does not answer to the condition's other names.
  if (aliases.length && page.type !== 'reference') meta.push([ALIASES_META, aliases.join(', ')]);
  // A summary is about its treatments even where its title does not name them, and by their other names ("CBT").
  const treatmentNames = unique([...treatments, ...(page.interventions ?? []).flatMap((treatment) => treatment.aliases ?? [])]);
  if (treatments.length && page.type === 'summary') meta.push([TREATMENTS_META, treatmentNames.join(', ')]);
  if (page.source) meta.push(['source', page.source]);
  if (page.identifiers?.length) meta.push(['identifiers', unique(page.identifiers).join(' ')]);
  return { filters, meta, sort: [SORT_KEY, reviewed] };
}
