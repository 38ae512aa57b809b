import { fullFamilyName, fullGivenName, issuedYear, plainText, shownIdentifiersOf, type CslItem, type CslName } from '../citations/index.ts';
import { perObject } from './memo.ts';

/** What Zotero and Google Scholar read from an article page. */
export interface HighwireInput {
  title: string;
  /** People as "Family, Given", or organisations. */
  authors: string[];
  date: Date;
  url: string;
  publisher: string;
  locale: string;
  /** The sources the page cites. */
  references: CslItem[];
}

/** A name as `citation_author` carries it: "van der Windt, Daniëlle", "Smith, John, Jr", or an organisation as written. */
export function citationAuthorName(name: CslName): string {
  return plainText(name.literal ?? [fullFamilyName(name), fullGivenName(name), name.suffix].filter(Boolean).join(', '));
}

// Google Scholar's form: "citation_title=…; citation_author=…"; a ";" inside a value would end it.
// Built once per source: every page citing it repeats the same tag.
/** A work's title, authors, journal, year, volume and DOI as `citation_*` name and value. */
function sourcePairs(item: CslItem): [string, string | undefined][] {
  const year = issuedYear(item);
  return [
    ['citation_title', typeof item.title === 'string' ? item.title : undefined],
    ...(item.author ?? []).map((name): [string, string] => ['citation_author', citationAuthorName(name)]),
    ['citation_journal_title', typeof item['container-title'] === 'string' ? item['container-title'] : undefined],
    ['citation_publication_date', year ? String(year) : undefined],
    ['citation_volume', typeof item.volume === 'string' || typeof item.volume === 'number' ? String(item.volume) : undefined],
    ['citation_doi', shownIdentifiersOf(item).find((id) => id.scheme === 'doi')?.value],
  ];
}

const referenceText = perObject((item: CslItem): string => sourcePairs(item)
  .filter((pair): pair is [string, string] => Boolean(pair[1]))
  // A DOI keeps its ";" (SICI DOIs have one) percent-encoded, as doi.org reads it, and so its "%", so that
  // decoding gives the DOI back; in text a comma stands in.
  .map(([name, value]) => `${name}=${name === 'citation_doi' ? value.replace(/%/gu, '%25').replace(/;/gu, '%3B') : plainText(value).replace(/;/gu, ',')}`)
  .join('; '));

// Zotero reads a citation_author without a comma as "Given Family": "Evidence Library editorial team" became
// the person "team, Evidence Library editorial" in readers' bibliographies. An organisation is written as a
// family name with no given name, "Evidence Library editorial team,", which it keeps whole.
const keptWhole = (author: string) => (author.includes(',') ? author : `${author},`);

/** Highwire Press `citation_*` meta tags, as name/content pairs in the order Zotero expects. */
export function highwireTags(input: HighwireInput): { name: string; content: string }[] {
  const date = input.date.toISOString().slice(0, 10).replace(/-/gu, '/');
  return [
    { name: 'citation_title', content: input.title },
    ...(input.authors.length ? input.authors : [input.publisher]).map((author) => ({ name: 'citation_author', content: keptWhole(author) })),
    { name: 'citation_publication_date', content: date },
    { name: 'citation_online_date', content: date },
    { name: 'citation_public_url', content: input.url },
    { name: 'citation_publisher', content: input.publisher },
    { name: 'citation_language', content: input.locale.split('-')[0]! },
    ...input.references.map((item) => ({ name: 'citation_reference', content: referenceText(item) })),
  ];
}

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? plainText(String(value)) : undefined);

/** First and last page of one range, the last written out ("455-74" is 455 to 474); a list of pages gives its first. */
export function pageRange(page: string): { first?: string; last?: string } {
  const range = page.match(/^\s*([A-Za-z]*)(\d+)\s*[-–—]+\s*([A-Za-z]*)(\d+)\s*$/u);
  if (!range) return { first: page.split(/[,;\s]/u).find(Boolean) };
  const [, prefix, first, lastPrefix, last] = range as unknown as [string, string, string, string, string];
  const full = last.length < first.length ? first.slice(0, first.length - last.length) + last : last;
  return { first: prefix + first, last: (lastPrefix || prefix) + full };
}

/**
 * The `citation_*` tags of a source's own page, for Zotero and other reference managers to save the
 * work complete: volume, issue and pages included, as the formatted reference shows them.
 */
export function sourceTags(item: CslItem): { name: string; content: string }[] {
  const pages = pageRange(text(item.page) ?? '');
  const pairs: [string, string | undefined][] = [
    ...sourcePairs(item),
    ['citation_issue', text(item.issue)],
    ['citation_firstpage', pages.first],
    ['citation_lastpage', pages.last],
    ['citation_pmid', shownIdentifiersOf(item).find((id) => id.scheme === 'pmid')?.value],
  ];
  return pairs.filter((pair): pair is [string, string] => Boolean(pair[1]))
    .map(([name, content]) => ({ name, content: name === 'citation_author' ? keptWhole(plainText(content)) : plainText(content) }));
}
