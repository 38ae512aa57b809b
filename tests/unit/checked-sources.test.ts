import { describe, expect, it } from 'vitest';
import { everySourceChecked, sourcesLine } from '../../src/site/checked-sources.ts';

describe('sourcesLine', () => {
  it('claims checking only for the sources the build checked', () => {
    expect(sourcesLine(17, 17)).toBe('17 references, each checked against PubMed or the publisher');
    expect(sourcesLine(17, 5)).toBe('17 references, 5 of them checked against PubMed or the publisher');
    expect(sourcesLine(17, 0)).toBe('17 references');
    expect(sourcesLine(1, 1)).toBe('1 reference, checked against PubMed or the publisher');
  });
});

describe('everySourceChecked', () => {
  it('promises checking on the home page only for a library whose every source was checked, not an empty one', () => {
    // A new site with no references yet had said "Every source is checked against PubMed, PubMed Central or its publisher".
    expect(everySourceChecked([])).toBe(false);
    expect(everySourceChecked([{ checkedAgainst: [{}] }, { checkedAgainst: [] }])).toBe(false);
    expect(everySourceChecked([{ checkedAgainst: [{}] }])).toBe(true);
  });
});
