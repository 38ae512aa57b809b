// The reference pool of the synthetic corpus, and the seeded randomness the whole corpus is drawn with.
import { FAMILY_NAMES, GIVEN_NAMES, JOURNALS, NAME_ENDS, NAME_STARTS, TITLE_WORDS } from './words.ts';

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

/** Mulberry32: a tiny seeded generator, so every run of the same size writes the same corpus. */
export function random(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded source of numbers in [0, 1). */
export type Rng = () => number;
/** One item of a list, at random. */
export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
/** A whole number from min to max inclusive. */
export const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
/** The text with its first letter in upper case. */
export const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** min to max words of a list, at random, joined by spaces. */
export const words = (rng: Rng, list: readonly string[], min: number, max: number) => Array.from({ length: int(rng, min, max) }, () => pick(rng, list)).join(' ');

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
