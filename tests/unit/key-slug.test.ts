import { describe, expect, it } from 'vitest';
import { keySlug, referenceId } from '../../src/citations/anchors.ts';

describe('keySlug', () => {
  it.each([
    ['vickers2018acupuncture', 'vickers2018acupuncture'],
    ['smith:2020', 'smith-2020'],
    ['doi:10.1016/S0140-6736(20)30183-5', 'doi-10.1016-S0140-6736-20-30183-5'],
    ['müller2020', 'muller2020'],
    ['Ångström2019', 'Angstrom2019'],
    ['weiß2021', 'weiss2021'],
    ['sørensen2018', 'sorensen2018'],
    ['łukasz2017', 'lukasz2017'],
    ['王2020', '2020'],
    ['?!', 'ref'],
    ['..', 'ref'],
    ['.', 'ref'],
    ['.hidden2020', 'hidden2020'],
    ['smith2020.', 'smith2020'],
  ])('%s → %s', (key, slug) => {
    expect(keySlug(key)).toBe(slug);
  });

  it('gives anchors the same form', () => {
    expect(referenceId('müller2020')).toBe('ref-muller2020');
  });
});
