import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { toRis, type CslItem } from '../citations/index.ts';

/** The download formats every article and reference offers, by file extension. */
export const EXPORT_FORMATS = {
  bib: { label: 'BibTeX', type: 'application/x-bibtex; charset=utf-8' },
  ris: { label: 'RIS', type: 'application/x-research-info-systems; charset=utf-8' },
  json: { label: 'CSL-JSON', type: 'application/vnd.citationstyles.csl+json; charset=utf-8' },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

// Reference managers keep the library's own keys when the items say so explicitly.
function exportItems(items: CslItem[]): CslItem[] {
  return items.map((item) => ({ ...item, 'citation-key': item.id }));
}

/**
 * The items as a file a reference manager imports: BibTeX written by citation-js, RIS by the
 * `refs export` writer, CSL-JSON as the library holds it. Items are kept in the given order.
 */
export function exportReferences(items: CslItem[], format: ExportFormat): string {
  const prepared = exportItems(items);
  switch (format) {
    case 'bib':
      return new Cite(prepared).format('bibtex', { format: 'text' }) as string;
    case 'ris':
      return toRis(prepared);
    case 'json':
      return `${JSON.stringify(prepared, null, 2)}\n`;
  }
}
