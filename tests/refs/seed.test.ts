import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/citations/index.ts';
import { main } from '../../src/cli/refs.ts';

// The published reference list of the page our first summary is adapted from, checked against the true
// metadata of its identifiers (see tests/fixtures/refs-seed/README.md and shared/references/VERIFICATION.md).
describe('refs check on the seed page\'s published reference list', async () => {
  const lines: string[] = [];
  const status = await main(['check', '--json', '--root', 'tests/fixtures/refs-seed', 'tests/fixtures/refs-seed/references/published.bib'], (t) => lines.push(t), (t) => lines.push(t));
  const found = JSON.parse(lines.join('\n')) as Diagnostic[];
  const errors = (key: string) => found.filter((d) => d.key === key && d.severity === 'error');

  it('fails', () => {
    expect(status).toBe(1);
  });

  it('ref. 1 (Vickers 2018): the wrong PMID and PMCID, and the garbled author list', () => {
    const [mismatch, ...rest] = errors('vickers2018');
    expect(rest).toEqual([]);
    expect(mismatch).toMatchObject({ code: 'metadata-mismatch', location: { file: 'references/published.bib', line: 2, column: 1 } });
    expect(mismatch!.message).toContain('PMID is 29198644, the record says 29198932');
    expect(mismatch!.message).toContain('PMCID is PMC5927814, the record says PMC5927830');
    expect(mismatch!.message).toContain('not in the record: Irvin SC, Bronfort N, Goertz CM, Molsberger CW, Manheimer E, Meissner K, Hammerschlag S');
    expect(mismatch!.message).toMatch(/missing: Irnich D, Witt CM/u);
    expect(mismatch!.message).toContain('Sherman KL (record: KJ)');
    // Correct in the listing: title, journal, year, volume, pages and DOI.
    expect(mismatch!.message).not.toMatch(/title is|journal is|year is|volume is|pages is|DOI is/u);
  });

  it.each([
    ['lin2021', 16, '10.3389/fphar.2021.656122', 'ref. 2 (Lin 2021): a paper that does not exist'],
    ['macpherson2017', 29, '10.1136/bmj.j2879', 'ref. 3 (MacPherson, "BMJ 2017;358:j2879"): no such BMJ item'],
    ['chou2017', 41, '10.7326/m17-0254', 'ref. 4 (Chou 2017): a DOI found nowhere'],
  ])('%s: its DOI does not exist (%s)', (key, line, doi) => {
    expect(errors(key).map((d) => [d.code, d.location?.line, d.message.includes(`DOI ${doi} does not exist`)])).toEqual([['identifier-not-found', line, true]]);
  });

  it('ref. 5 (Qaseem 2017): the wrong DOI, the title without "Practice", the wrong initials', () => {
    const [mismatch, ...rest] = errors('qaseem2017');
    expect(rest).toEqual([]);
    expect(mismatch).toMatchObject({ code: 'metadata-mismatch', location: { line: 55 } });
    expect(mismatch!.message).toContain('DOI is 10.7326/m16-2070, the record says 10.7326/m16-2367');
    expect(mismatch!.message).toContain('the record says "Noninvasive Treatments for Acute, Subacute, and Chronic Low Back Pain: A Clinical Practice Guideline From the American College of Physicians"');
    expect(mismatch!.message).toContain('Wilt FJ (record: TJ), McLean TH (record: RM), Forciea AL (record: MA)');
  });

  it('flags the identifiers nobody has looked up as unverified, not as fine', () => {
    expect(found.filter((d) => d.code === 'unverified-identifier').map((d) => d.key)).toEqual(['lin2021', 'macpherson2017', 'chou2017']);
  });
});
