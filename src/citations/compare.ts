import { issuedYear, type CslItem, type CslName } from './csl.ts';
import { subtitleOf } from './csl-json-lint.ts';

/** One field where a library entry and the registry's record of its identifier disagree. */
export interface FieldDifference {
  field: 'title' | 'year' | 'first author' | 'authors' | 'journal' | 'volume' | 'pages';
  entry: string;
  stored: string;
}

/** Letters and digits only, lower-case, accents and markup removed: "Acupuncture for Chronic Pain." = "acupuncture for chronic pain". */
function normalize(text: unknown): string {
  return String(text ?? '').normalize('NFKD').replace(/\p{M}/gu, '').replace(/<[^>]*>/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const STOPWORDS = new Set(['the', 'of', 'and', 'for', 'in', 'on', 'a']);

/** "J Pain" abbreviates "The Journal of Pain": each remaining word of the short form starts the matching word of the long one. */
function abbreviates(short: string, long: string): boolean {
  const words = (s: string) => s.split(' ').filter((w) => w && !STOPWORDS.has(w));
  const a = words(short);
  const b = words(long);
  return a.length > 0 && a.length === b.length && a.every((word, i) => b[i]!.startsWith(word));
}

function journalNames(item: CslItem): string[] {
  return ['container-title', 'container-title-short', 'journalAbbreviation'].map((field) => normalize(item[field])).filter(Boolean);
}

function sameJournal(entry: CslItem, stored: CslItem): boolean {
  const mine = journalNames(entry);
  const theirs = journalNames(stored);
  if (mine.length === 0 || theirs.length === 0) return true;
  return mine.some((a) => theirs.some((b) => a === b || abbreviates(a, b) || abbreviates(b, a) || b.startsWith(`${a} `)));
}

function years(item: CslItem): number[] {
  return [item, { issued: item['published-print'] }, { issued: item['published-online'] }, { issued: item['original-date'] }]
    .map((dated) => issuedYear(dated as CslItem))
    .filter((year) => year !== undefined);
}

/** Whether two titles are the same, or one is the other with the stored record's subtitle left off. */
function sameTitle(entry: CslItem, stored: CslItem): boolean {
  const mine = normalize(entry.title);
  const theirs = normalize(stored.title);
  const subtitle = subtitleOf(stored);
  return mine === theirs || (subtitle !== undefined && theirs === `${mine} ${normalize(subtitle)}`);
}

/** "455-474", with en dashes, spaces and abbreviated ends ("1444-53") made comparable. */
function pages(value: unknown): string {
  const [start = '', end] = String(value ?? '').replace(/\s+/gu, '').split(/[-‐‑–—]+/u);
  if (!end) return start.toLowerCase();
  const full = /^\d+$/u.test(start) && /^\d+$/u.test(end) && end.length < start.length ? start.slice(0, start.length - end.length) + end : end;
  return `${start}-${full}`.toLowerCase();
}

/** Registries often hold only an article's first page ("1305" for "1305-1315"): the same pages, one side shorter. */
function firstPageOnly(a: unknown, b: unknown): boolean {
  const [startA, endA] = pages(a).split('-');
  const [startB, endB] = pages(b).split('-');
  return startA === startB && (!endA || !endB);
}

interface Person {
  family: string;
  initials: string;
  shown: string;
}

function people(item: CslItem): Person[] {
  return (item.author ?? []).map((name: CslName & { name?: string; 'non-dropping-particle'?: string }) => {
    const family = name.literal ?? name.name ?? [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
    const initials = (name.given ?? '').split(/[\s.\-‐]+/u).filter(Boolean).map((part) => part[0]!.toUpperCase()).join('');
    return { family: normalize(family).replace(/\s+/gu, ''), initials, shown: `${family}${initials ? ` ${initials}` : ''}` };
  }).filter((person) => person.family);
}

function compareAuthors(entry: CslItem, stored: CslItem): FieldDifference[] {
  const mine = people(entry);
  const theirs = people(stored);
  if (mine.length === 0 || theirs.length === 0) return [];
  const differences: FieldDifference[] = [];
  if (mine[0]!.family !== theirs[0]!.family) differences.push({ field: 'first author', entry: mine[0]!.shown, stored: theirs[0]!.shown });
  const extra = mine.filter((person) => !theirs.some((other) => other.family === person.family));
  // A shorter list that is otherwise right is a truncated one ("and others"), not an error.
  const missing = extra.length || mine.length >= theirs.length ? theirs.filter((person) => !mine.some((other) => other.family === person.family)) : [];
  // Initials conflict only where no author of the record with that family name has initials that fit:
  // "Hu L" and "Hu Z" of one list are two people, not one whose initials differ.
  const fits = (a: Person, b: Person) => !a.initials || !b.initials || a.initials.startsWith(b.initials) || b.initials.startsWith(a.initials);
  const namesakes = (person: Person) => theirs.filter((other) => other.family === person.family);
  const initials = mine.filter((person) => namesakes(person).length > 0 && !namesakes(person).some((other) => fits(person, other)));
  const problems = [
    ...(extra.length ? [`not in the record: ${extra.map((p) => p.shown).join(', ')}`] : []),
    ...(missing.length ? [`missing: ${missing.map((p) => p.shown).join(', ')}`] : []),
    ...(initials.length ? [`initials differ: ${initials.map((p) => `${p.shown} (record: ${namesakes(p).map((o) => o.initials).join(' or ')})`).join(', ')}`] : []),
  ];
  if (problems.length) differences.push({ field: 'authors', entry: problems.join('; '), stored: theirs.map((p) => p.shown).join(', ') });
  return differences;
}

/**
 * The bibliographic fields (title, year, authors, journal, volume, pages) in which an entry disagrees with
 * the stored record of its own identifier. Fields missing on either side are not compared.
 */
export function compareMetadata(entry: CslItem, stored: CslItem): FieldDifference[] {
  const differences: FieldDifference[] = [];
  if (entry.title && stored.title && !sameTitle(entry, stored)) {
    differences.push({ field: 'title', entry: String(entry.title), stored: String(stored.title) });
  }
  const year = issuedYear(entry);
  const storedYears = years(stored);
  if (year && storedYears.length && !storedYears.includes(year)) differences.push({ field: 'year', entry: String(year), stored: storedYears.join(' or ') });
  differences.push(...compareAuthors(entry, stored));
  if (!sameJournal(entry, stored)) differences.push({ field: 'journal', entry: String(entry['container-title'] ?? entry['container-title-short']), stored: String(stored['container-title'] ?? stored['container-title-short']) });
  for (const [field, value] of [['volume', (v: unknown) => normalize(v)], ['pages', pages]] as const) {
    const cslField = field === 'pages' ? 'page' : field;
    if (entry[cslField] && stored[cslField] && value(entry[cslField]) !== value(stored[cslField]) && !(field === 'pages' && firstPageOnly(entry.page, stored.page))) {
      differences.push({ field, entry: String(entry[cslField]), stored: String(stored[cslField]) });
    }
  }
  return differences;
}
