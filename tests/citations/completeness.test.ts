import { describe, expect, it } from 'vitest';
import { checkEntry, formatDiagnostic, loadLibrary, type Diagnostic } from '../../src/citations/index.ts';

function incomplete(path: string, text: string): Diagnostic[] {
  const library = loadLibrary([{ path, text }]);
  return [...library.entries.values()].flatMap((entry) => checkEntry(entry, library)).filter((d) => d.code === 'incomplete-entry');
}

describe('entries missing what their reference needs', () => {
  it('are warned about by their BibTeX field names, at the entry', () => {
    const warnings = incomplete('references/real.bib', [
      '@article{complete, author = {Smith, Jo}, title = {A trial}, journal = {Pain}, year = {2020}}',
      '',
      '@article{nojournal, author = {Smith, Jo}, title = {A trial}, year = {2020}}',
      '',
      '@book{nopublisher, editor = {Smith, Jo}, title = {A book}, date = {2019-05}}',
      '',
      '@misc{undated, title = {A leaflet}}',
    ].join('\n'));
    expect(warnings.map((d) => [d.key, d.severity, d.location?.line])).toEqual([['nojournal', 'warning', 3], ['nopublisher', 'warning', 5], ['undated', 'warning', 7]]);
    expect(formatDiagnostic(warnings[0]!)).toContain('"nojournal" has no journal: its reference is printed without it');
    expect(warnings[1]!.message).toContain('has no publisher:');
    expect(warnings[2]!.message).toContain('has no year (or date):');
  });

  it('are named by their CSL-JSON fields in a CSL-JSON library', () => {
    const warnings = incomplete('references/items.json', JSON.stringify([
      { id: 'page', type: 'webpage', title: 'Back pain advice' },
      { id: 'chapter', type: 'chapter', title: 'Pain', author: [{ family: 'Smith' }], issued: { 'date-parts': [[2018]] } },
    ]));
    expect(warnings.map((d) => d.message)).toEqual([
      '"page" has no URL: its reference is printed without it, and readers need it to find the work',
      '"chapter" has no container-title, publisher: its reference is printed without them, and readers need them to find the work',
    ]);
  });
});
