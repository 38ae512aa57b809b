import { describe, expect, it } from 'vitest';
import { bareIdentifier, identifierQuery } from '../../src/components/search/identifier-query.ts';

describe('identifierQuery', () => {
  it.each([
    ['https://doi.org/10.1016/j.jpain.2017.11.005', '10.1016/j.jpain.2017.11.005'],
    ['http://dx.doi.org/10.1001/ARCHINTERNMED.2009.65', '10.1001/archinternmed.2009.65'],
    ['https://www.doi.org/10.1016/j.jpain.2017.11.005', '10.1016/j.jpain.2017.11.005'],
    ['https://doi.org/10.1002/%28SICI%291097-0258', '10.1002/(sici)1097-0258'],
    ['https://doi.org/10.1000/abc%', '10.1000/abc%'], // a broken escape is read as written, never thrown
    ['https://pubmed.ncbi.nlm.nih.gov/29198932/', '29198932'],
    ['https://www.ncbi.nlm.nih.gov/pubmed/29198932', '29198932'],
    ['https://pmc.ncbi.nlm.nih.gov/articles/PMC5927830/', 'PMC5927830'],
    ['https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5927830/?report=reader', 'PMC5927830'],
    // As AMA and Vancouver print it, and so as readers copy it from a reference list: Pagefind reads it
    // as one word and ranked the source 13th of 19 references that hold "doi".
    ['doi:10.1016/j.jpain.2017.11.005', '10.1016/j.jpain.2017.11.005'],
    ['DOI:10.7326/M16-2459', '10.7326/m16-2459'],
    // Glued to its label, as citation keys and exports write it: Pagefind read "pmid:29198932" as one word
    // and listed the twelve sources with a PMID, the one asked for seventh.
    ['pmid:29198932', '29198932'],
    ['PMCID:PMC5927830', 'PMC5927830'],
    ['pmcid:5927830', 'PMC5927830'],
    // Copied without its scheme: "doi.org/10.1001/jama.2014.12660" found 19 sources holding "doi" and "org".
    ['doi.org/10.1001/jama.2014.12660', '10.1001/jama.2014.12660'],
    ['dx.doi.org/10.1001/jama.2014.12660', '10.1001/jama.2014.12660'],
    ['pubmed.ncbi.nlm.nih.gov/19433697/', '19433697'],
    ['www.ncbi.nlm.nih.gov/pmc/articles/PMC5927830/', 'PMC5927830'],
  ])('reads %s as %s', (query, identifier) => {
    expect(identifierQuery(query)).toBe(identifier);
  });

  it.each(['knee pain', '10.1016/j.jpain.2017.11.005', '29198932', 'PMID: 29198932', 'pmid:', 'pmid:abc', 'doi:', 'doi:smith', 'https://example.org/paper', 'https://doi.org/10.1'])('leaves "%s" alone', (query) => {
    expect(identifierQuery(query)).toBeUndefined();
  });
});

describe('bareIdentifier', () => {
  it.each([
    ['10.1016/j.jpain.2017.11.005', { kind: 'DOI', id: '10.1016/j.jpain.2017.11.005' }],
    ['"10.1001/JAMAInternMed.2018.3235"', { kind: 'DOI', id: '10.1001/jamainternmed.2018.3235' }],
    ['29198932', { kind: 'PMID', id: '29198932' }],
    ['PMID 29198932', { kind: 'PMID', id: '29198932' }],
    ['"pmid: 123456"', { kind: 'PMID', id: '123456' }],
    ['pmc5927830', { kind: 'PMCID', id: 'PMC5927830' }],
    ['PMCID PMC5927830', { kind: 'PMCID', id: 'PMC5927830' }],
    ['DOI 10.1016/j.jpain.2017.11.005', { kind: 'DOI', id: '10.1016/j.jpain.2017.11.005' }],
  ])('reads %s as an identifier alone', (query, identifier) => {
    expect(bareIdentifier(query)).toEqual(identifier);
  });

  // An old SICI DOI: how Pagefind splits it is unchecked, so it is searched as any query is.
  it.each(['2018', '282', '123456789', 'acupuncture 29198932', '10.5 mg', '10.1016', 'PMC', 'pmid', 'knee pain', '10.1002/(SICI)1097-0258(19980715)17:13<1495::AID-SIM863>3.0.CO;2-I'])('reads %s as no identifier', (query) => {
    expect(bareIdentifier(query)).toBeUndefined();
  });
});
