import { describe, expect, it } from 'vitest';
import { loadLibrary, parseStoredMetadata, serializeStoredMetadata, storedFileName, type StoredMetadata } from '../../src/citations/index.ts';
import { sourceUpdates } from '../../src/citations/updates.ts';

const RECORD: StoredMetadata = {
  identifier: 'doi:10.1000/x',
  source: 'https://doi.org/10.1000/x',
  fetched: '2026-01-15',
  updates: [{ type: 'retraction', identifier: 'doi:10.1000/x.retraction', date: '2020-01-01' }],
  csl: { id: 'ignored', type: 'article-journal', title: 'T', author: [{ given: 'A', family: 'B' }], DOI: '10.1000/x' },
};

describe('stored identifier metadata', () => {
  it('serialises with a fixed top-level order and sorted CSL keys, and reads back what it wrote', () => {
    const text = serializeStoredMetadata(RECORD);
    expect(text).toBe(`{
  "identifier": "doi:10.1000/x",
  "source": "https://doi.org/10.1000/x",
  "fetched": "2026-01-15",
  "updates": [
    {
      "type": "retraction",
      "identifier": "doi:10.1000/x.retraction",
      "date": "2020-01-01"
    }
  ],
  "csl": {
    "DOI": "10.1000/x",
    "author": [
      {
        "family": "B",
        "given": "A"
      }
    ],
    "id": "ignored",
    "title": "T",
    "type": "article-journal"
  }
}
`);
    const parsed = parseStoredMetadata(text, 'references/identifiers/doi-x.json');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.entries.map((e) => [e.key, e.item.id, e.item.title])).toEqual([['doi:10.1000/x', 'doi:10.1000/x', 'T']]);
    expect(parsed.record?.updates).toEqual(RECORD.updates);
  });

  it('names files by identifier, safely on every file system', () => {
    expect(storedFileName({ scheme: 'doi', value: '10.1002/(sici)1097-4571*x' })).toBe('doi-10.1002%2F%28sici%291097-4571%2Ax.json');
    expect(storedFileName({ scheme: 'pmcid', value: 'PMC5927830' })).toBe('pmcid-PMC5927830.json');
  });

  it('keeps "not found" records out of the citable entries and says so when one is cited', () => {
    const library = loadLibrary([{ path: 'references/identifiers/doi-g.json', text: serializeStoredMetadata({ identifier: 'doi:10.1000/ghost', source: 'https://doi.org/10.1000/ghost', fetched: '2026-01-15', status: 'not-found' }) }]);
    expect(library.stored.size).toBe(0);
    const resolution = library.resolve('doi:10.1000/ghost');
    expect('diagnostic' in resolution && resolution.diagnostic).toMatchObject({ code: 'identifier-not-found', message: expect.stringMatching(/^DOI 10\.1000\/ghost does not exist: https:\/\/doi\.org\/10\.1000\/ghost answered "not found" on 2026-01-15/u) });
  });

  it.each([
    ['a bad status', { ...RECORD, status: 'gone' }, /"status" must be "found" or "not-found"/u],
    ['a bad update type', { ...RECORD, updates: [{ type: 'rumour' }] }, /"updates" must be a list/u],
    ['no csl on a found record', { ...RECORD, csl: undefined }, /"csl" must be a CSL-JSON item/u],
  ])('rejects %s with an invalid-metadata diagnostic', (_name, record, message) => {
    const parsed = parseStoredMetadata(JSON.stringify(record), 'x.json');
    expect(parsed.diagnostics.map((d) => [d.code, d.message])).toEqual([['invalid-metadata', expect.stringMatching(message)]]);
  });

  it('finds the updates of an entry through any identifier it shares with a stored record', () => {
    const library = loadLibrary([
      { path: 'references/library.bib', text: '@article{trial, title = {T}, pmid = {123}}\n' },
      { path: 'references/identifiers/doi-x.json', text: serializeStoredMetadata({ ...RECORD, csl: { ...RECORD.csl!, PMID: '123' } }) },
    ]);
    expect(sourceUpdates(library.entries.get('trial')!, library)).toEqual(RECORD.updates);
  });
});
