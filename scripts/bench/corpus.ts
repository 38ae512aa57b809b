import { BODY_WORDS, CONDITIONS, FAMILY_NAMES, GIVEN_NAMES, INTERVENTIONS, JOURNALS, NAME_ENDS, NAME_STARTS, OUTCOMES, TITLE_WORDS } from './words.ts';

/** A synthetic reference: a journal article with the fields a real PubMed record has. */
export interface Reference {
  key: string;
  authors: { family: string; given: string }[];
  title: string;
  journal: [full: string, abbreviation: string];
  year: number;
  volume: number;
  issue: number;
  pages: [number, number];
  doi: string;
  pmid: string;
}

/** One article in two forms that differ only in their citations, and the keys it cites. */
export interface Article {
  slug: string;
  /** The MDX source with 20 citations: single, clustered, with locators and prefixes, narrative. */
  cited: string;
  /** The same text with every citation removed (narrative ones become the authors' names). */
  plain: string;
  keys: string[];
  /** Condition slugs in the frontmatter: the site needs a content/conditions/ entry for each. */
  conditions: string[];
}

export const CITATIONS_PER_ARTICLE = 20;
/** The pool holds this many references per article, as in the issue's corpus. */
export const REFERENCES_PER_ARTICLE = 2;
const DISTINCT_PER_ARTICLE = 14;

/** Mulberry32: a tiny seeded generator, so every run of the same size writes the same corpus. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const words = (rng: Rng, list: readonly string[], min: number, max: number) => Array.from({ length: int(rng, min, max) }, () => pick(rng, list)).join(' ');
const humanize = (slug: string) => slug.replace(/-/gu, ' ');

/** Reference number `index` of the pool; the same index always gives the same reference. */
export function makeReference(index: number): Reference {
  const rng = random(index * 7919 + 17);
  // One author in three has a common surname; the rest come from 500 rarer ones.
  const family = () => (rng() < 1 / 3 ? pick(rng, FAMILY_NAMES) : `${pick(rng, NAME_STARTS)}${pick(rng, NAME_ENDS)}`);
  const authors = Array.from({ length: int(rng, 1, 9) }, () => ({ family: family(), given: pick(rng, GIVEN_NAMES) }));
  const title = capital(words(rng, TITLE_WORDS, 8, 14));
  const year = int(rng, 1995, 2025);
  const first = int(rng, 1, 1800);
  const slug = (authors[0]!.family.normalize('NFD').replace(/[^A-Za-z]/gu, '') || 'anon').toLowerCase();
  return {
    key: `${slug}${year}${title.split(' ')[0]!.toLowerCase().replace(/[^a-z]/gu, '')}${index.toString(36)}`,
    authors,
    title,
    journal: pick(rng, JOURNALS),
    year,
    volume: int(rng, 1, 80),
    issue: int(rng, 1, 12),
    pages: [first, first + int(rng, 3, 20)],
    doi: `10.5555/bench.${index}`,
    pmid: String(30_000_000 + index),
  };
}

/** How a narrative citation reads once the citation is removed: what the reader would have seen. */
function authorText(reference: Reference): string {
  const names = reference.authors.map((author) => author.family);
  if (names.length === 1) return names[0]!;
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names[0]} et al`;
}

const LOCATORS = ['p. 33–35', 'pp. 12-14', 'p. 455--474', 'fig. 2', 'table 3', 'chap. 4', 'sec. 2.1', 'p. 7'];
type Kind = 'single' | 'cluster' | 'locator' | 'prefix' | 'narrative' | 'narrative-locator';
// 20 citations per article; about 26 cited items, since clusters hold two or three.
const KINDS: Kind[] = [
  ...Array<Kind>(8).fill('single'), ...Array<Kind>(4).fill('cluster'), ...Array<Kind>(4).fill('locator'),
  'prefix', 'narrative', 'narrative', 'narrative-locator',
];

interface Citation {
  /** Where the citation goes: after the sentence's words (bracketed) or as its subject (narrative). */
  narrative: boolean;
  cited: string;
  plain: string;
}

function makeCitation(kind: Kind, rng: Rng, keyOf: () => Reference): Citation {
  const one = keyOf();
  switch (kind) {
    case 'single': return { narrative: false, cited: ` [@${one.key}]`, plain: '' };
    case 'cluster': {
      const others = Array.from({ length: int(rng, 1, 2) }, keyOf).filter((ref) => ref.key !== one.key);
      return { narrative: false, cited: ` [${[one, ...others].map((ref) => `@${ref.key}`).join('; ')}]`, plain: '' };
    }
    case 'locator': return { narrative: false, cited: ` [@${one.key}, ${pick(rng, LOCATORS)}]`, plain: '' };
    case 'prefix': return { narrative: false, cited: ` [see @${one.key}, ${pick(rng, LOCATORS)}]`, plain: '' };
    case 'narrative': return { narrative: true, cited: `@${one.key}`, plain: authorText(one) };
    case 'narrative-locator': return { narrative: true, cited: `@${one.key} [${pick(rng, LOCATORS)}]`, plain: authorText(one) };
  }
}

function sentence(rng: Rng, citation?: Citation): [cited: string, plain: string] {
  const body = words(rng, BODY_WORDS, 12, 20);
  if (!citation) return [`${capital(body)}.`, `${capital(body)}.`];
  if (citation.narrative) return [`${citation.cited} ${body}.`, `${citation.plain} ${body}.`];
  return [`${capital(body)}${citation.cited}.`, `${capital(body)}.`];
}

/**
 * Article number `index` of a corpus of `size`: about 1,000 words under five headings, a table, and 20
 * citations of 14 distinct references, two of them the article's own share of the pool.
 */
export function makeArticle(index: number, size: number): Article {
  const rng = random(index + 1);
  const pool = size * REFERENCES_PER_ARTICLE;
  const own = [index * 2, index * 2 + 1].map(makeReference);
  const distinct = [...own, ...Array.from({ length: DISTINCT_PER_ARTICLE - own.length }, () => makeReference(int(rng, 0, pool - 1)))];
  let next = 0;
  // Cite every distinct reference once in order first, then at random, so the own pair is always cited.
  const keyOf = () => (next < distinct.length ? distinct[next++]! : pick(rng, distinct));
  const kinds = [...KINDS].sort(() => rng() - 0.5);
  const citations = kinds.map((kind) => makeCitation(kind, rng, keyOf));
  // A bracketed citation inside a table cell, since cells are scanned like paragraphs.
  const inTable = citations.splice(citations.findIndex((citation) => !citation.narrative), 1)[0]!;
  const cited: string[] = [];
  const plain: string[] = [];
  const add = (a: string, b = a) => { cited.push(a); plain.push(b); };
  const paragraph = (count: number) => {
    const sentences = Array.from({ length: count }, (_, i) => sentence(rng, i % 3 === 0 ? citations.shift() : undefined));
    add(sentences.map((s) => s[0]).join(' '), sentences.map((s) => s[1]).join(' '));
  };

  const conditions = [pick(rng, CONDITIONS), pick(rng, CONDITIONS)].filter((c, i, all) => all.indexOf(c) === i);
  const interventions = [pick(rng, INTERVENTIONS)];
  const title = `${capital(humanize(interventions[0]!))} for ${humanize(conditions[0]!)} (${index + 1})`;
  add(['---', `title: ${title}`,
    `description: What the research says about ${humanize(interventions[0]!)} for people with ${humanize(conditions[0]!)}, in plain language.`,
    `conditions: [${conditions.join(', ')}]`, `interventions: [${interventions.join(', ')}]`,
    `lastReviewed: 2026-${String(int(rng, 1, 12)).padStart(2, '0')}-${String(int(rng, 1, 28)).padStart(2, '0')}`, '---'].join('\n'));
  for (const heading of [`## What is ${humanize(conditions[0]!)}?`, '## What does the research show?', '### Short-term effects', '### Long-term effects', '## Harms and what this means for you']) {
    add(heading);
    paragraph(6);
    paragraph(6);
  }
  const table = ['| Outcome | Treatment | Control | Difference |', '| --- | --- | --- | --- |'];
  const tableCited = [...table];
  for (const outcome of OUTCOMES) {
    const row = `| ${outcome} | ${int(rng, 20, 70)}% | ${int(rng, 10, 50)}% | ${int(rng, 1, 25)} points`;
    table.push(`${row} |`);
    tableCited.push(`${row}${outcome === OUTCOMES[0] ? inTable.cited : ''} |`);
  }
  add(tableCited.join('\n'), table.join('\n'));
  return { slug: `summary-${String(index + 1).padStart(5, '0')}`, cited: `${cited.join('\n\n')}\n`, plain: `${plain.join('\n\n')}\n`, keys: distinct.map((ref) => ref.key), conditions };
}

const bibValue = (value: string) => `{${value.replace(/[{}]/gu, '')}}`;

/** A reference as the BibTeX entry an author would keep in references/library.bib. */
export function toBibtex(reference: Reference): string {
  const fields: [string, string | number][] = [
    ['author', reference.authors.map((a) => `${a.family}, ${a.given}`).join(' and ')],
    ['title', reference.title], ['journal', reference.journal[0]], ['shortjournal', reference.journal[1]],
    ['year', reference.year], ['volume', reference.volume], ['number', reference.issue],
    ['pages', `${reference.pages[0]}--${reference.pages[1]}`], ['doi', reference.doi], ['pmid', reference.pmid],
  ];
  return `@article{${reference.key},\n${fields.map(([name, value]) => `  ${name} = ${bibValue(String(value))}`).join(',\n')}\n}\n`;
}

/** The same reference as CSL-JSON, the bibliography format pandoc reads fastest. */
export function toCslJson(reference: Reference): Record<string, unknown> {
  return {
    id: reference.key,
    type: 'article-journal',
    author: reference.authors,
    title: reference.title,
    'container-title': reference.journal[0],
    'container-title-short': reference.journal[1],
    issued: { 'date-parts': [[reference.year]] },
    volume: String(reference.volume),
    issue: String(reference.issue),
    page: `${reference.pages[0]}-${reference.pages[1]}`,
    DOI: reference.doi,
    PMID: reference.pmid,
  };
}
