import { capital, int, makeReference, pick, random, words, type Reference, type Rng } from './references.ts';
import { BODY_WORDS, CONDITIONS, INTERVENTIONS, OUTCOMES } from './words.ts';

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
const humanize = (slug: string) => slug.replace(/-/gu, ' ');
/** The pool holds this many references per article, as in the issue's corpus. */
export const REFERENCES_PER_ARTICLE = 2;
const DISTINCT_PER_ARTICLE = 14;

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
      // Each source once: a citation naming one twice is an error.
      const others = Array.from({ length: int(rng, 1, 2) }, keyOf).filter((ref, i, all) => ref.key !== one.key && all.findIndex((other) => other.key === ref.key) === i);
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
