import raw from '../../content/site.json?raw';
import { parseSiteConfig, type SiteConfig } from './config.ts';

/** The site's identity for pages and endpoints, validated once when the bundle loads. */
export const site: SiteConfig = parseSiteConfig(raw);

// toLocaleDateString builds a new formatter on every call: lists of thousands of summaries spent
// about half a second of a 1,000-article build there.
const dateFormat = new Intl.DateTimeFormat(site.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A date as readers of this site write it, e.g. "27 November 2026". */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** `YYYY-MM-DD`, for `datetime` attributes and metadata. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
