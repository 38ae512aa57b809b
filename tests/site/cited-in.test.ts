import { describe, expect, it } from 'vitest';
import { citedIn } from '../../src/site/cited-in.ts';
import { sortReferences } from '../../src/site/reference-sort.ts';

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
