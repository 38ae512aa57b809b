import type { CslItem, CslName } from './csl.ts';
import { nearestName } from './edit-distance.ts';
import { checkedDate, DATE_VARIABLES, dateProblem } from './dates.ts';
import { withoutEntities } from './field-text.ts';
import { isEtAl, LISTED_ROLES, withMoreNames } from './more-names.ts';
import type { Diagnostic, SourceLocation } from './errors.ts';

// CSL 1.0.2's variables and item types (https://docs.citationstyles.org/en/stable/specification.html#appendix-iv-variables),
// with the CSL-JSON fields citation-js and Zotero add.
export const NAME_VARIABLES = new Set([
  'author', 'chair', 'collection-editor', 'compiler', 'composer', 'container-author', 'contributor', 'curator', 'director',
  'editor', 'editorial-director', 'editor-translator', 'executive-producer', 'guest', 'host', 'illustrator', 'interviewer',
  'narrator', 'organizer', 'original-author', 'performer', 'producer', 'recipient', 'reviewed-author', 'script-writer',
  'series-creator', 'translator',
]);
const DATES = new Set<string>(DATE_VARIABLES);
const OTHER_VARIABLES = [
  'abstract', 'annote', 'archive', 'archive_collection', 'archive_location', 'archive-place', 'authority', 'call-number',
  'categories', 'chapter-number', 'citation-key', 'citation-label', 'citation-number', 'collection-number', 'collection-title',
  'container-title', 'container-title-short', 'custom', 'dimensions', 'division', 'DOI', 'edition', 'event', 'event-place',
  'event-title', 'first-reference-note-number', 'genre', 'id', 'ISBN', 'ISSN', 'issue', 'journalAbbreviation', 'jurisdiction',
  'keyword', 'language', 'license', 'locator', 'medium', 'note', 'number', 'number-of-pages', 'number-of-volumes',
  'original-publisher', 'original-publisher-place', 'original-title', 'page', 'page-first', 'part-number', 'part-title',
  'PMCID', 'PMID', 'printing', 'printing-number', 'publisher', 'publisher-place', 'references', 'reviewed-genre', 'reviewed-title', 'scale',
  'section', 'shortTitle', 'source', 'status', 'supplement', 'supplement-number', 'title', 'title-short', 'type', 'URL', 'version', 'volume',
  'volume-title', 'volume-title-short', 'year-suffix',
];
// What doi.org's CSL-JSON adds from Crossref (`curl -H "Accept: application/vnd.citationstyles.csl+json"`):
// never taken for misspellings ("member" is not "number", "published" not "publisher").
const CROSSREF_FIELDS = [
  'accepted', 'aliases', 'alternative-id', 'approved', 'article-number', 'assertion', 'clinical-trial-number', 'component-number',
  'content-created', 'content-domain', 'content-updated', 'created', 'degree', 'deposited', 'edition-number', 'free-to-read',
  'funder', 'group-title', 'indexed', 'institution', 'is-referenced-by-count', 'isbn-type', 'issn-type', 'journal-issue', 'link',
  'member', 'posted', 'prefix', 'proceedings-subject', 'project', 'published', 'published-online', 'published-other',
  'published-print', 'publisher-location', 'reference', 'reference-count', 'references-count', 'relation', 'resource', 'review',
  'score', 'short-container-title', 'short-title', 'special_numbering', 'standards-body', 'subject', 'subtitle', 'subtype',
  'update-policy', 'update-to', 'updated-by',
];
export const VARIABLES = [...NAME_VARIABLES, ...DATES, ...OTHER_VARIABLES];
const KNOWN = new Set([...VARIABLES, ...CROSSREF_FIELDS]);
export const TYPES = [
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter', 'classic',
  'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic',
  'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet',
  'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication', 'post', 'post-weblog', 'regulation',
  'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage',
];
// Crossref's and DataCite's names for CSL types, as doi.org's JSON and hand-copied records carry them.
const TYPE_ALIASES: Record<string, string> = {
  'journal-article': 'article-journal', 'book-chapter': 'chapter', 'book-section': 'chapter', 'book-part': 'chapter',
  'book-track': 'chapter', 'posted-content': 'article', 'proceedings-article': 'paper-conference', proceedings: 'book',
  dissertation: 'thesis', monograph: 'book', 'edited-book': 'book', 'reference-book': 'book', 'book-set': 'book',
  'book-series': 'book', 'reference-entry': 'entry', 'peer-review': 'review', 'report-component': 'report',
  'report-series': 'report', journal: 'periodical', 'journal-issue': 'periodical', database: 'dataset', other: 'document',
  // Zotero's item types, as its API and some exporters write them.
  journalarticle: 'article-journal', booksection: 'chapter', conferencepaper: 'paper-conference', magazinearticle: 'article-magazine',
  newspaperarticle: 'article-newspaper', preprint: 'article', blogpost: 'post-weblog', computerprogram: 'software',
};

// Variables citeproc reads as text (or numbers written as text): any other JSON value makes it fail on the item.
// doi.org's `license` is a list of licence records, which no style prints: it is left out without a word.
const NOT_TEXT = new Set(['id', 'type', 'custom', 'categories', 'keyword', 'license', ...NAME_VARIABLES, ...DATES]);
// PubMed's record states, as NCBI's exporter writes them in `status`: how the work was published, not
// whether it is yet; AMA printed "J Pain. Ppublish;19(5):455-474." and left the year out.
const PUBMED_STATES = new Set(['ppublish', 'epublish', 'aheadofprint', 'ecollection', 'received', 'revised', 'pmc', 'pmcr', 'pubmed', 'pubmedr', 'premedline', 'medline', 'medliner', 'entrez', 'pmc-release']);
const TEXT_VARIABLES = new Set(OTHER_VARIABLES.filter((variable) => !NOT_TEXT.has(variable)));

/** A number or a list of strings as text (Crossref writes some titles as lists); undefined for anything else. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((part) => typeof part === 'string' || typeof part === 'number')) return value.join(', ');
  return undefined;
}

// Fields publishers fill from their JATS XML, which doi.org passes on as written.
const MARKED_UP = ['title', 'title-short', 'container-title', 'container-title-short', 'collection-title', 'original-title', 'volume-title', 'part-title', 'reviewed-title', 'event-title', 'publisher'];
// JATS and MathML elements whose text is the title's (`<mml:mi>β</mml:mi>`), and JATS's names for the
// markup CSL knows.
const JATS_TAG = /<\/?(?:mml:[\w-]+|jats:[\w-]+|inline-formula|alternatives|named-content|styled-content)(?:\s[^<>]*)?>/gu;
const JATS_MARKUP: [RegExp, string][] = [
  [/<(\/?)(?:jats:)?(?:italic|em)>/gu, '<$1i>'],
  [/<(\/?)(?:jats:)?(?:bold|strong)>/gu, '<$1b>'],
  [/<(\/?)jats:(sup|sub)>/gu, '<$1$2>'],
  [/<(?:jats:)?(?:scp|sc)>/gu, '<span style="font-variant:small-caps;">'],
  [/<\/(?:jats:)?(?:scp|sc)>/gu, '</span>'],
];

/**
 * A title as doi.org gives it, as text and the inline markup CSL knows: entities decoded ("Diet &amp;
 * exercise" was printed so), JATS's small capitals, italics and bold as CSL's, MathML as its letters,
 * and line breaks as spaces.
 */
export function fromJats(text: string): string {
  const marked = JATS_MARKUP.reduce((result, [tag, csl]) => result.replace(tag, csl), text).replace(JATS_TAG, '');
  return withoutEntities(marked)
    // Line breaks and runs of spaces, not the no-break and thin spaces of "5\u00A0mg".
    .replace(/[ \t\r\n]+/gu, ' ')
    .trim();
}

/**
 * What doi.org's record holds elsewhere than CSL styles look: `issued` is the earliest date, online
 * ahead of print, while a volume and issue go with the print year ("J Pain. 2017;19(5)" for a May 2018
 * issue); an article number stands where the pages would; a preprint is published by its server; the
 * publisher's place is `publisher-location`.
 */
function crossrefPrint(item: CslItem): Partial<CslItem> {
  const print = item['published-print'] as CslItem['issued'] | undefined;
  const number = item['article-number'];
  // A preprint's server (medRxiv) is its `institution`; its publisher is the server's owner.
  const server = item.type === 'posted-content' && Array.isArray(item.institution) ? (item.institution[0] as { name?: unknown } | undefined)?.name : undefined;
  return {
    ...(item.volume !== undefined && print?.['date-parts']?.[0]?.[0] !== undefined ? { issued: print } : {}),
    ...(item.page === undefined && (typeof number === 'string' || typeof number === 'number') ? { page: String(number) } : {}),
    ...(typeof server === 'string' ? { publisher: server } : {}),
    // Crossref's name for the publisher's place, which Vancouver prints ("Cham: Springer; 2020").
    ...(item['publisher-place'] === undefined && typeof item['publisher-location'] === 'string' ? { 'publisher-place': item['publisher-location'] } : {}),
  };
}

/**
 * doi.org's conference, `"event": { "name": …, "location": …, "acronym": … }`, as the text CSL reads:
 * the event's name, and its place where the item has none. citeproc reads only text there, so the
 * conference was left out with advice to edit a record `refs add` wrote.
 */
function crossrefEvent(value: unknown, item: CslItem): Partial<CslItem> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { name, location } = value as { name?: unknown; location?: unknown };
  if (typeof name !== 'string' || !name.trim()) return undefined;
  return { event: name, ...(typeof location === 'string' && location.trim() && item['event-place'] === undefined ? { 'event-place': location } : {}) };
}

/** Crossref's subtitles, as a list of text: `"subtitle": ["A Randomized Clinical Trial"]`. */
export function subtitleOf(item: CslItem): string | undefined {
  const parts = (Array.isArray(item.subtitle) ? item.subtitle : [item.subtitle]).filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  return parts.length ? parts.map((part) => part.trim()).join(': ') : undefined;
}

/**
 * doi.org gives a title's subtitle as a field of its own, which no CSL style prints: "Effect of
 * Mindfulness-Based Stress Reduction vs Cognitive Behavioral Therapy on Chronic Low Back Pain" lost
 * ": A Randomized Clinical Trial". It is joined on as the work itself prints it.
 */
function withSubtitle(item: CslItem): Partial<CslItem> {
  const subtitle = subtitleOf(item);
  const title = typeof item.title === 'string' ? item.title.trim() : '';
  if (!subtitle || !title || title.toLowerCase().endsWith(subtitle.toLowerCase())) return {};
  return { title: `${title}${/[?!:.]$/u.test(title) ? ' ' : ': '}${subtitle}` };
}

// The parts of a name that are text: a boolean there (`"family": true`) failed every reader of the name.
const TEXT_NAME_PARTS = new Set(['family', 'given', 'literal', 'suffix', 'dropping-particle', 'non-dropping-particle', 'name']);

/**
 * A name whose parts are all text: numbers become text, anything else is left out. Crossref's group
 * author, `{ "name": "GTEx Consortium" }`, is the literal name CSL calls it (citeproc would drop it).
 */
function textNameParts(name: CslName): CslName {
  const parts = Object.fromEntries(Object.entries(name).flatMap(([part, text]) => {
    if (typeof text === 'string' || (typeof text === 'boolean' && !TEXT_NAME_PARTS.has(part))) return [[part, text]];
    return typeof text === 'number' ? [[part, String(text)]] : [];
  })) as CslName & { name?: string };
  if (parts.name === undefined) return parts;
  const { name: group, ...rest } = parts;
  return rest.family || rest.given || rest.literal ? rest : { ...rest, literal: group };
}

function isNameList(value: unknown): boolean {
  return Array.isArray(value) && value.every((name) => typeof name === 'object' && name !== null && ('family' in name || 'literal' in name || 'given' in name || 'name' in name));
}

/** "Doe, Jane" as family and given names; any other text (an organisation) as one literal name. */
function nameOf(text: string): CslName {
  const [family, given, ...rest] = text.split(',').map((part) => part.trim());
  return family && given && rest.length === 0 ? { family, given } : { literal: text.trim() };
}

/**
 * A CSL-JSON item as citeproc should see it, and what would otherwise go missing without a word:
 * variables one typo (or a letter case) away from a CSL variable, which citeproc ignores; an unknown
 * type, which styles print as a bare document; names not written as a list of names (they are read as
 * "Family, Given" or as one name). Crossref's type names, a type in capitals and dates written as text
 * (`"issued": "2020-05"`) are converted, since their meaning is plain.
 */
export function checkedCslItem(item: CslItem, location: SourceLocation): { item: CslItem; diagnostics: Diagnostic[] } {
  let checked: CslItem = { ...item };
  const diagnostics: Diagnostic[] = [];
  const cutShort: (typeof LISTED_ROLES)[number][] = [];
  const warn = (message: string, hint: string) => diagnostics.push({ code: 'unknown-field', severity: 'warning', message: `"${item.id}": ${message}`, hint, location, key: item.id });
  for (const [field, value] of Object.entries(item)) {
    // JSON's null is no value: citeproc would fail on the item rather than leave the field out.
    if (value === null) {
      delete checked[field];
      continue;
    }
    const event = field === 'event' ? crossrefEvent(value, item) : undefined;
    if (event) {
      Object.assign(checked, event);
      continue;
    }
    if (TEXT_VARIABLES.has(field) && typeof value !== 'string') {
      const text = textOf(value);
      if (text === undefined) {
        delete checked[field];
        warn(`${field} is ${Array.isArray(value) ? 'a list' : `a${typeof value === 'object' ? 'n object' : ` ${typeof value}`}`}, not text, so it is left out of the reference`, `Write ${field} as a string: "${field}": "…".`);
      } else checked[field] = text;
      continue;
    }
    if (KNOWN.has(field)) {
      if (DATES.has(field)) {
        const { date, problems } = checkedDate(value, { seasons: true });
        if (date) checked[field] = date;
        else delete checked[field];
        if (problems.length) diagnostics.push(dateProblem(item.id, field, value, date, problems, location));
      }
      if (NAME_VARIABLES.has(field) && isNameList(value)) {
        const names = (value as CslName[]).map(textNameParts);
        checked[field] = names.filter((name) => !isEtAl(name));
        // Typed in as a name, "et al" would be printed as one ("Smith, J., & et al."): the list is marked as going on.
        if (names.some(isEtAl)) {
          const role = LISTED_ROLES.find((listed) => listed === field);
          if (role) cutShort.push(role);
          diagnostics.push({
            code: 'incomplete-entry',
            severity: 'warning',
            message: `"${item.id}": the ${field} list has "et al" as a name, so the reference names those written, then "et al"`,
            hint: 'If the work has six names or fewer, write them all, from the work itself or its PubMed record: AMA and Vancouver name each of them.',
            location,
            key: item.id,
          });
        }
      }
      if (NAME_VARIABLES.has(field) && !isNameList(value)) {
        const names = (Array.isArray(value) ? value : [value]).filter((name) => name !== null && name !== undefined && name !== '');
        // A name object among them gets text parts too: `[null, { "family": 1 }]` reached the reference pages with a number for a name.
        checked[field] = names.map((name) => (typeof name === 'string' ? nameOf(name) : typeof name === 'object' ? textNameParts(name as CslName) : nameOf(String(name))));
        warn(`${field} is not a list of names such as [{ "family": "Doe", "given": "Jane" }], so it is read as ${JSON.stringify(checked[field])}`, `Write ${field} as a list of names: [{ "family": "Doe", "given": "Jane" }, { "literal": "World Health Organization" }].`);
      }
      continue;
    }
    const meant = nearestName(field, VARIABLES.filter((variable) => !(variable in item)));
    if (meant) warn(`"${field}" is not a CSL variable, so its value is left out of the reference; did you mean "${meant}"?`, `Rename the field to ${meant}.`);
  }
  for (const role of cutShort) checked = withMoreNames(checked, role);
  Object.assign(checked, withSubtitle(checked));
  for (const field of MARKED_UP) if (typeof checked[field] === 'string') checked[field] = fromJats(checked[field]);
  if (typeof checked.status === 'string' && PUBMED_STATES.has(checked.status.toLowerCase())) delete checked.status;
  if (typeof item.license !== 'string') delete checked.license;
  Object.assign(checked, crossrefPrint(checked));
  const type = String(item.type).trim();
  // Own names only: a type named as an object's property (`constructor`) became a function, and `refs check` crashed on it.
  if (Object.hasOwn(TYPE_ALIASES, type.toLowerCase())) checked.type = TYPE_ALIASES[type.toLowerCase()]!;
  else if (TYPES.includes(type.toLowerCase())) checked.type = type.toLowerCase();
  else if (!TYPES.includes(type)) {
    const meant = nearestName(type, TYPES);
    warn(`type "${type}" is not a CSL type, so styles format it as a plain document${meant ? `; did you mean "${meant}"?` : ''}`, 'Use one of the CSL types, e.g. article-journal, book, chapter, report, webpage.');
  }
  return { item: checked, diagnostics };
}
