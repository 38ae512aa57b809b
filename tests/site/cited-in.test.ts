import { describe, expect, it } from 'vitest';
import { citedIn } from '../../src/site/cited-in.ts';
import { sortReferences } from '../../src/site/reference-sort.ts';
import { arraySteps } from '../citations/helpers.ts';

describe('citedIn', () => {
  const index = citedIn([
    { slug: 'a', title: 'A', url: '/library/articles/a', citations: { references: [
      { key: 'k1', label: '1.', citations: [{ id: 'cite-k1-1', context: 'First.' }, { id: 'cite-k1-2', context: 'First.' }, { id: 'cite-k1-3', context: 'Second.' }] },
      { key: 'k2', label: '2.', citations: [{ id: 'cite-k2-1', context: '' }, { id: 'cite-k2-2', context: '' }] },
    ] } },
    { slug: 'b', title: 'B', url: '/library/articles/b', citations: { references: [{ key: 'k1', citations: [{ id: 'cite-k1-1', context: 'Other.' }] }] } },
  ]);

  it('lists every article and passage that cites a key, deep-linked to each citation', () => {
    expect(index.get('k1')).toEqual([
      { slug: 'a', title: 'A', url: '/library/articles/a', label: '1.', passages: [
        { context: 'First.', hrefs: ['/library/articles/a#cite-k1-1', '/library/articles/a#cite-k1-2'] },
        { context: 'Second.', hrefs: ['/library/articles/a#cite-k1-3'] },
      ] },
      { slug: 'b', title: 'B', url: '/library/articles/b', passages: [{ context: 'Other.', hrefs: ['/library/articles/b#cite-k1-1'] }] },
    ]);
  });

  it('keeps citations without a known passage apart', () => {
    expect(index.get('k2')![0]!.passages).toHaveLength(2);
    expect(index.get('k3')).toBeUndefined();
  });
});

describe('citedIn at scale', () => {
  /**
   * The work citedIn does, counted rather than timed: the array elements it steps through (copying a list
   * steps through it) and the citing texts it reads (each comparison reads one).
   */
  function work(articles: Parameters<typeof citedIn>[0]): number {
    let steps = 0;
    for (const reference of articles.flatMap((article) => article.citations.references)) {
      for (const citation of reference.citations) {
        const { context } = citation;
        Object.defineProperty(citation, 'context', { get: () => (steps++, context), enumerable: true });
      }
    }
    steps += arraySteps(() => citedIn(articles));
    return steps;
  }
  const manyArticles = (n: number) => Array.from({ length: n }, (_, i) => ({ slug: `a${i}`, title: `A ${i}`, url: `/a${i}/`, citations: { references: [{ key: 'common', citations: [{ id: `cite-common-${i}`, context: `Claim ${i}.` }] }] } }));
  const manyPassages = (n: number) => [{ slug: 'a', title: 'A', url: '/a/', citations: { references: [{ key: 'common', citations: Array.from({ length: n }, (_, i) => ({ id: `cite-common-${i}`, context: `Claim ${i}.` })) }] } }];

  it('works in proportion to the articles that cite one source, and to its citing passages', () => {
    // The list of a source's citing articles was copied for each article (20,000 summaries citing one
    // source: a minute), and each passage searched for among those before it (20,000 citations: 7 s).
    for (const make of [manyArticles, manyPassages]) expect(work(make(4_000)) / work(make(1_000)), make.name).toBeLessThan(5);
    expect(citedIn(manyArticles(4_000)).get('common')).toHaveLength(4_000);
    expect(citedIn(manyPassages(4_000)).get('common')![0]!.passages).toHaveLength(4_000);
  });
});

describe('sortReferences', () => {
  const refs = [
    { title: 'b', firstAuthor: 'Zhang', year: 2014, journal: 'Anesthesiology' },
    { title: 'a', firstAuthor: 'National Institute', year: 2021 },
    { title: 'c', firstAuthor: 'cherkin', year: 2009, journal: 'Arch Intern Med' },
  ];
  const titles = (list: typeof refs) => list.map((r) => r.title).join('');

  it('sorts by first author, ignoring case', () => expect(titles(sortReferences(refs, 'author'))).toBe('cab'));
  it('sorts by year, newest first', () => expect(titles(sortReferences(refs, 'year'))).toBe('abc'));
  it('sorts by journal, with sources outside journals last', () => expect(titles(sortReferences(refs, 'journal'))).toBe('bca'));
  it('leaves its input alone', () => {
    sortReferences(refs, 'year');
    expect(titles(refs)).toBe('bac');
  });
});
