import { describe, expect, it } from 'vitest';
import { identifierQuery } from '../../src/components/search/identifier-query.ts';

describe('identifierQuery', () => {
  it.each([
    ['https://doi.org/10.1016/j.jpain.2017.11.005', '10.1016/j.jpain.2017.11.005'],
    ['http://dx.doi.org/10.1001/ARCHINTERNMED.2009.65', '10.1001/archinternmed.2009.65'],
    ['doi:10.1016/j.jpain.2017.11.005', '10.1016/j.jpain.2017.11.005'],
    [' DOI: 10.1016/j.jpain.2017.11.005 ', '10.1016/j.jpain.2017.11.005'],
    ['PMID: 29198932', '29198932'],
    ['https://pubmed.ncbi.nlm.nih.gov/29198932/', '29198932'],
    ['https://www.ncbi.nlm.nih.gov/pubmed/29198932', '29198932'],
    ['https://pmc.ncbi.nlm.nih.gov/articles/PMC5927830/', 'PMC5927830'],
    ['https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5927830/?report=reader', 'PMC5927830'],
    ['pmcid 5927830', 'PMC5927830'],
  ])('reads %s as %s', (query, identifier) => {
    expect(identifierQuery(query)).toBe(identifier);
  });

  it.each(['knee pain', '10.1016/j.jpain.2017.11.005', '29198932', 'https://example.org/paper', 'doi', 'PMID: not-a-number'])('leaves "%s" alone', (query) => {
    expect(identifierQuery(query)).toBeUndefined();
  });
});
