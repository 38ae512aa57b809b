import type { CslItem } from './csl.ts';
import { nearestName } from './edit-distance.ts';
import type { Diagnostic, SourceLocation } from './errors.ts';

// CSL 1.0.2's variables and item types (https://docs.citationstyles.org/en/stable/specification.html#appendix-iv-variables),
// with the CSL-JSON fields citation-js and Zotero add.
const NAME_VARIABLES = new Set([
  'author', 'chair', 'collection-editor', 'compiler', 'composer', 'container-author', 'contributor', 'curator', 'director',
  'editor', 'editorial-director', 'editor-translator', 'executive-producer', 'guest', 'host', 'illustrator', 'interviewer',
  'narrator', 'organizer', 'original-author', 'performer', 'producer', 'recipient', 'reviewed-author', 'script-writer',
  'series-creator', 'translator',
]);
const DATE_VARIABLES = new Set(['accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted']);
const OTHER_VARIABLES = [
  'abstract', 'annote', 'archive', 'archive_collection', 'archive_location', 'archive-place', 'authority', 'call-number',
  'categories', 'chapter-number', 'citation-key', 'citation-label', 'citation-number', 'collection-number', 'collection-title',
  'container-title', 'container-title-short', 'custom', 'dimensions', 'division', 'DOI', 'edition', 'event', 'event-place',
  'event-title', 'first-reference-note-number', 'genre', 'id', 'ISBN', 'ISSN', 'issue', 'journalAbbreviation', 'jurisdiction',
  'keyword', 'language', 'license', 'locator', 'medium', 'note', 'number', 'number-of-pages', 'number-of-volumes',
  'original-publisher', 'original-publisher-place', 'original-title', 'page', 'page-first', 'part-number', 'part-title',
  'PMCID', 'PMID', 'printing', 'publisher', 'publisher-place', 'references', 'reviewed-genre', 'reviewed-title', 'scale',
  'section', 'shortTitle', 'source', 'status', 'supplement', 'title', 'title-short', 'type', 'URL', 'version', 'volume',
  'volume-title', 'volume-title-short', 'year-suffix',
];
// What doi.org's CSL-JSON adds from Crossref (`curl -H "Accept: application/vnd.citationstyles.csl+json"`):
// never taken for misspellings ("member" is not "number", "published" not "publisher").
const CROSSREF_FIELDS = [
  'alternative-id', 'article-number', 'assertion', 'content-domain', 'created', 'deposited', 'funder', 'indexed', 'isbn-type',
  'is-referenced-by-count', 'issn-type', 'journal-issue', 'link', 'member', 'prefix', 'published', 'published-online',
  'published-print', 'reference', 'reference-count', 'references-count', 'relation', 'resource', 'score', 'short-container-title',
  'short-title', 'subject', 'subtitle', 'update-policy',
];
const VARIABLES = [...NAME_VARIABLES, ...DATE_VARIABLES, ...OTHER_VARIABLES];
const KNOWN = new Set([...VARIABLES, ...CROSSREF_FIELDS]);
const TYPES = [
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter', 'classic',
  'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic',
  'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet',
  'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication', 'post', 'post-weblog', 'regulation',
  'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage',
];
// Crossref's and DataCite's names for CSL types, as doi.org's JSON and hand-copied records carry them.
const TYPE_ALIASES: Record<string, string> = {
  'journal-article': 'article-journal', 'book-chapter': 'chapter', 'posted-content': 'manuscript',
  'proceedings-article': 'paper-conference', dissertation: 'thesis',
};

/**
 * A CSL-JSON item as citeproc should see it, and what would otherwise go missing without a word:
 * variables one typo (or a letter case) away from a CSL variable, which citeproc ignores; an unknown
 * type, which styles print as a bare document; names written as text. Crossref's type names and dates
 * written as text (`"issued": "2020-05"`) are converted, since their meaning is plain.
 */
export function checkedCslItem(item: CslItem, location: SourceLocation): { item: CslItem; diagnostics: Diagnostic[] } {
  const checked: CslItem = { ...item };
  const diagnostics: Diagnostic[] = [];
  const warn = (message: string, hint: string) => diagnostics.push({ code: 'unknown-field', severity: 'warning', message: `"${item.id}": ${message}`, hint, location, key: item.id });
  for (const [field, value] of Object.entries(item)) {
    if (KNOWN.has(field)) {
      if (DATE_VARIABLES.has(field) && (typeof value === 'string' || typeof value === 'number')) checked[field] = { raw: String(value) };
      if (NAME_VARIABLES.has(field) && typeof value === 'string') {
        checked[field] = [{ literal: value }];
        warn(`${field} is text, not a list of names, so it is shown as one name ("${value}")`, `Write ${field} as a list: [{ "family": "Doe", "given": "Jane" }, …].`);
      }
      continue;
    }
    const meant = nearestName(field, VARIABLES.filter((variable) => !(variable in item)));
    if (meant) warn(`"${field}" is not a CSL variable, so its value is left out of the reference; did you mean "${meant}"?`, `Rename the field to ${meant}.`);
  }
  const type = String(item.type);
  if (TYPE_ALIASES[type]) checked.type = TYPE_ALIASES[type];
  else if (!TYPES.includes(type)) {
    const meant = nearestName(type, TYPES);
    warn(`type "${type}" is not a CSL type, so styles format it as a plain document${meant ? `; did you mean "${meant}"?` : ''}`, 'Use one of the CSL types, e.g. article-journal, book, chapter, report, webpage.');
  }
  return { item: checked, diagnostics };
}
