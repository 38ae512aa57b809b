import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import ama from '../csl-styles/american-medical-association.csl?raw';
import apa from '../csl-styles/apa.csl?raw';
import vancouver from '../csl-styles/vancouver.csl?raw';
import { htmlToText, type CslItem, type CslName } from '../citations/index.ts';
import { safeReferenceHtml } from '../markdown/citation-html.ts';

/** The styles "Cite this summary" offers, in the order shown. */
export const SUMMARY_STYLES = [
  { id: 'ama', label: 'AMA', xml: ama },
  { id: 'vancouver', label: 'Vancouver', xml: vancouver },
  { id: 'apa', label: 'APA', xml: apa },
] as const;

// citation-js keeps templates in a global registry: register each style once per process.
const styles = plugins.config.get('@csl').styles;
for (const style of SUMMARY_STYLES) {
  if (!styles.has(`evidence-${style.id}`)) styles.add(`evidence-${style.id}`, style.xml);
}

/** What a citation of one summary needs to say. */
export interface SummaryCitationInput {
  slug: string;
  title: string;
  /** People as "Family, Given"; organisations as written. */
  authors: string[];
  publisher: string;
  siteName: string;
  /** The date of the version cited: when the summary was last reviewed. */
  date: Date;
  /** When the summary was first published, if the frontmatter says. */
  published?: Date;
  url: string;
}

function cslName(name: string): CslName {
  const [family, given] = name.split(/,\s*/u);
  return given ? { family: family!, given } : { literal: name };
}

const dateParts = (date: Date) => ({ 'date-parts': [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]] });

/** The summary as a CSL-JSON web page, authored by the publisher when it names no one, dated by the version cited. */
export function summaryItem(input: SummaryCitationInput): CslItem {
  return {
    id: input.slug,
    type: 'webpage',
    title: input.title,
    author: (input.authors.length ? input.authors : [input.publisher]).map(cslName),
    'container-title': input.siteName,
    issued: dateParts(input.date),
    URL: input.url,
  };
}

// Numbered styles put the number and the reference in separate divs; author-date styles use one.
const NUMBERED = /<div class="csl-right-inline">([\s\S]*?)<\/div>/u;
const PLAIN = /<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>/u;

// AMA prints a web page's issued date as "Published …": that is the first publication, and the version
// cited follows as "Updated …" (AMA 11th ed., 3.15.1). APA dates a page by its latest update; Vancouver
// by its year of publication, with the update in brackets.
const AMA_PUBLISHED = /(Published [^.<]+\.)/u;
const AMA_DATE = new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
// Citing Medicine gives an updated web page's update in brackets after its year: "2026 [updated 2026 Nov 27]".
const VANCOUVER_YEAR = /(\b\d{4})(?=\. Available from)/u;
const NLM_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const nlmDate = (date: Date) => `${date.getUTCFullYear()} ${NLM_MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;

/** The summary formatted in each style: sanitised HTML to show, plain text to copy. */
export function citeSummary(input: SummaryCitationInput, locale = 'en-US'): { id: string; label: string; html: string; text: string }[] {
  const item = summaryItem(input);
  const first = input.published && input.published.getTime() !== input.date.getTime() ? input.published : undefined;
  const firstPublished = new Cite(first ? { ...item, issued: dateParts(first) } : item);
  const latest = new Cite(item);
  return SUMMARY_STYLES.map((style) => {
    const cite = style.id === 'apa' ? latest : firstPublished;
    const output = cite.format('bibliography', { template: `evidence-${style.id}`, format: 'html', lang: locale }) as string;
    let html = safeReferenceHtml((output.match(NUMBERED) ?? output.match(PLAIN))?.[1]?.trim() ?? output);
    if (style.id === 'ama' && first) html = html.replace(AMA_PUBLISHED, `$1 Updated ${AMA_DATE.format(input.date)}.`);
    if (style.id === 'vancouver' && first) html = html.replace(VANCOUVER_YEAR, `$1 [updated ${nlmDate(input.date)}]`);
    return { id: style.id, label: style.label, html, text: htmlToText(html) };
  });
}
