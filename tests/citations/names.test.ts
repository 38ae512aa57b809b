import { describe, expect, it } from 'vitest';
import { CitationFormatter, citeDocument, loadLibrary, parseCitations, type Segment } from '../../src/citations/index.ts';
import { bundledStyle } from './helpers.ts';

describe('names citeproc could not print', () => {
  const library = loadLibrary([{ path: 'references/items.json', text: JSON.stringify([
    { id: 'mononym', type: 'article-journal', title: 'A trial', 'container-title': 'Pain', issued: { 'date-parts': [[2020]] }, author: [{ given: 'Madonna' }, { family: 'Doe', given: 'Jane' }] },
  ]) }]);

  it.each(['apa', 'american-medical-association', 'vancouver'] as const)('print a given name alone as written in %s, in the list and in the text', (style) => {
    const formatter = new CitationFormatter(library, bundledStyle(style));
    const text = formatter.entry('mononym')!.text;
    expect(text).toContain('Madonna');
    expect(text).not.toContain('NO_PRINTED_FORM');
    const cited = citeDocument(parseCitations('@mononym found less pain [@mononym].', library.has), library, formatter);
    const written = cited.clusters.flatMap((cluster) => [...cluster!.lead, ...cluster!.segments]).map((segment: Segment) => (segment.type === 'text' ? segment.value : segment.type === 'cite' ? segment.html : '')).join(' ');
    expect(written).not.toContain('NO_PRINTED_FORM');
    expect(written).toContain('Madonna');
  });
});
