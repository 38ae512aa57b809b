import { describe, expect, it } from 'vitest';
import { CITATIONS_PER_ARTICLE, makeArticle } from '../../scripts/bench/corpus.ts';
import { makeReference, toBibtex, toCslJson } from '../../scripts/bench/references.ts';
import { BIBLIOGRAPHY_ONLY_WORD } from '../../scripts/bench/words.ts';
import { loadLibrary, parseCitations } from '../../src/citations/index.ts';

const SIZE = 50;
const articles = Array.from({ length: SIZE }, (_, i) => makeArticle(i, SIZE));
const library = loadLibrary([{ path: 'references/library.bib', text: Array.from({ length: SIZE * 2 }, (_, i) => toBibtex(makeReference(i))).join('\n') }]);
const body = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/u, '');
const wordCount = (text: string) => body(text).split(/\s+/u).filter(Boolean).length;

describe('bench corpus', () => {
  it('writes a BibTeX library the engine reads without a single problem', () => {
    expect(library.diagnostics).toEqual([]);
    expect(library.entries.size).toBe(SIZE * 2);
  });

  it('gives each article 20 citations of every kind, all of which resolve', () => {
    for (const article of articles) {
      const clusters = parseCitations(body(article.cited));
      expect(clusters).toHaveLength(CITATIONS_PER_ARTICLE);
      const items = clusters.flatMap((cluster) => cluster.items);
      expect(clusters.some((cluster) => cluster.mode === 'narrative')).toBe(true);
      expect(clusters.some((cluster) => cluster.items.length > 1)).toBe(true);
      expect(items.some((item) => item.locator && item.label === 'page')).toBe(true);
      expect(items.some((item) => item.prefix === 'see')).toBe(true);
      for (const item of items) expect(library.resolve(item.key), item.key).toHaveProperty('entry');
      expect(new Set(items.map((item) => item.key))).toEqual(new Set(article.keys));
    }
  });

  it('writes about 1,000 words with headings and a table, in valid frontmatter', () => {
    for (const article of articles) {
      expect(wordCount(article.cited)).toBeGreaterThan(900);
      expect(wordCount(article.cited)).toBeLessThan(1400);
      expect(article.cited).toMatch(/^## /mu);
      expect(article.cited).toMatch(/^### /mu);
      expect(article.cited).toMatch(/^\| --- \| --- \| --- \| --- \|$/mu);
      expect(article.cited).toMatch(/^\|[^\n]*\[[^\n\]]*@[^\n]*\|$/mu);
      const frontmatter = article.cited.match(/^---\n([\s\S]*?)\n---\n/u)![1]!;
      expect(frontmatter).toMatch(/^title: \S/mu);
      expect(frontmatter.match(/^description: (.*)$/mu)![1]!.length).toBeGreaterThanOrEqual(20);
      expect(frontmatter).toMatch(new RegExp(`^conditions: \\[${article.conditions.join(', ')}\\]$`, 'mu'));
      expect(frontmatter).toMatch(/^interventions: \[[a-z-]+\]$/mu);
      expect(frontmatter).toMatch(/^lastReviewed: \d{4}-\d\d-\d\d$/mu);
    }
  });

  it('strips citations without touching anything else', () => {
    for (const article of articles) {
      expect(parseCitations(body(article.plain))).toEqual([]);
      expect(article.plain.split('\n\n').length).toBe(article.cited.split('\n\n').length);
      expect(article.plain.match(/^#+ .*$/gmu)).toEqual(article.cited.match(/^#+ .*$/gmu));
    }
  });

  it('writes the same corpus every time, with unique keys and slugs', () => {
    expect(makeArticle(7, SIZE)).toEqual(articles[7]);
    expect(new Set(articles.map((article) => article.slug)).size).toBe(SIZE);
    const keys = Array.from({ length: 5000 }, (_, i) => makeReference(i).key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(toCslJson(makeReference(3))).toMatchObject({ id: makeReference(3).key, type: 'article-journal' });
  });

  it('keeps the search marker word out of article text and in reference titles', () => {
    // Keys may hold the word (they start with a title word), but keys are never page text.
    for (const article of articles) expect(article.plain.toLowerCase()).not.toContain(BIBLIOGRAPHY_ONLY_WORD);
    expect(Array.from({ length: SIZE * 2 }, (_, i) => makeReference(i).title.toLowerCase()).filter((title) => title.includes(BIBLIOGRAPHY_ONLY_WORD)).length).toBeGreaterThan(5);
  });
});
