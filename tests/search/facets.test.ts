import { describe, expect, it } from 'vitest';
import { highestCertainty, searchIndexData } from '../../src/components/search/facets.ts';
import { readSearchState, writeSearchState } from '../../src/components/search/url-state.ts';

const reviewed = new Date('2026-03-01');
// The site's formatDate, for a site whose locale is en-GB.
const formatDate = (date: Date) => date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

describe('searchIndexData', () => {
  it('records facets, result metadata with the other names of conditions and treatments, and the last-reviewed sort key of a summary', () => {
    const data = searchIndexData({
      type: 'summary',
      url: '/articles/x/',
      conditions: [{ name: 'Chronic low back pain', aliases: ['lumbago', 'LBP'] }, { name: 'neck pain' }],
      interventions: [{ name: 'acupuncture' }, { name: 'acupuncture', aliases: ['needling'] }, { name: 'psychological therapies', aliases: ['CBT', 'talking therapy'] }],
      certainty: ['low', 'moderate', 'not-graded'],
      reviewed,
    }, formatDate);
    expect(data.filters).toEqual([
      ['Type', 'Evidence summary'],
      ['Condition', 'Chronic low back pain'],
      ['Condition', 'Neck pain'],
      ['Treatment', 'Acupuncture'],
      ['Treatment', 'Psychological therapies'],
      ['Evidence certainty', 'Moderate'],
    ]);
    expect(Object.fromEntries(data.meta)).toEqual({
      url: '/articles/x/',
      type: 'Evidence summary',
      reviewed: 'Last reviewed 1 March 2026',
      conditions: 'Chronic low back pain, Neck pain',
      aliases: 'lumbago, LBP',
      treatments: 'Acupuncture, Psychological therapies, needling, CBT, talking therapy',
    });
    expect(data.sort).toEqual(['reviewed', '2026-03-01']);
  });

  it('does not make a source answer to the other names of the conditions its citers are about, and dates it by them', () => {
    const conditions = [{ name: 'Chronic low back pain', aliases: ['lumbago'] }];
    const reference = Object.fromEntries(searchIndexData({ type: 'reference', url: '/references/v/', conditions, interventions: [{ name: 'acupuncture', aliases: ['needling'] }], reviewed }, formatDate).meta);
    expect(reference).toMatchObject({ conditions: 'Chronic low back pain', reviewed: 'Cited in a summary reviewed 1 March 2026' });
    expect(reference).not.toHaveProperty('aliases');
    expect(reference).not.toHaveProperty('treatments');
    expect(Object.fromEntries(searchIndexData({ type: 'condition', url: '/conditions/c/', conditions, reviewed }, formatDate).meta)).toMatchObject({ aliases: 'lumbago' });
  });

  it('gives a reference its authors, journal and year to show, its identifiers as searchable text and no certainty facet', () => {
    const data = searchIndexData({ type: 'reference', url: '/references/v/', source: 'Vickers et al · J Pain · 2018', identifiers: ['DOI 10.1/x', 'PMID 1'], reviewed }, formatDate);
    expect(data.filters).toEqual([['Type', 'Reference']]);
    expect(Object.fromEntries(data.meta)).toMatchObject({ source: 'Vickers et al · J Pain · 2018', identifiers: 'DOI 10.1/x PMID 1' });
  });

  it('shows no date for a source no summary cites, and sorts it last', () => {
    const data = searchIndexData({ type: 'reference', url: '/references/u/' }, formatDate);
    expect(Object.fromEntries(data.meta)).not.toHaveProperty('reviewed');
    expect(data.sort[1] < '1970-01-01').toBe(true);
  });

  it('says which page has an invalid date', () => {
    expect(() => searchIndexData({ type: 'condition', url: '/conditions/x/', reviewed: new Date('not a date') }, formatDate))
      .toThrow('The search data of /conditions/x/ has an invalid last-reviewed date');
  });
});

describe('highestCertainty', () => {
  it.each([
    [['very-low', 'high', 'low'], 'high'],
    [['very-low'], 'very-low'],
    [['not-graded'], undefined],
    [[], undefined],
  ] as const)('%j → %s', (levels, expected) => {
    expect(highestCertainty(levels)).toBe(expected);
  });
});

describe('search URL state', () => {
  it('reads the query, every facet value and the sort from the URL', () => {
    const state = readSearchState(new URLSearchParams('q=+low+back+pain+&condition=Migraine&condition=Neck+pain&type=Reference&certainty=&sort=reviewed&utm=x'));
    expect(state).toEqual({ query: 'low back pain', filters: { Condition: ['Migraine', 'Neck pain'], Type: ['Reference'] }, sortByReviewed: true });
  });

  it('writes what it reads', () => {
    const params = 'q=lumbago&type=Evidence+summary&condition=Chronic+low+back+pain&intervention=Acupuncture&certainty=High&sort=reviewed';
    expect(writeSearchState(readSearchState(new URLSearchParams(params))).toString()).toBe(params);
  });

  it('leaves an empty search out of the URL', () => {
    expect(writeSearchState({ query: '  ', filters: {}, sortByReviewed: false }).toString()).toBe('');
  });
});
