import { isWebAddress, toBibtex, toRis, type CslItem } from '../citations/index.ts';
import { perObject } from './memo.ts';
import { readerNote } from './reader-note.ts';

/** The download formats every article and reference offers, by file extension. */
export const EXPORT_FORMATS = {
  bib: { label: 'BibTeX', type: 'application/x-bibtex; charset=utf-8' },
  ris: { label: 'RIS', type: 'application/x-research-info-systems; charset=utf-8' },
  json: { label: 'CSL-JSON', type: 'application/vnd.citationstyles.csl+json; charset=utf-8' },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

/**
 * The item as readers download it: without `annote`, the editors' own remarks (how an entry was checked),
 * which reference managers would import as a note, and without a URL that is no web address; with the
 * note readers see on the source's page, not the identifiers, tool lines or PubMed record a reference
 * manager wrote into it, which LaTeX prints in the bibliography (the identifiers are fields of their own);
 * with its key, which they keep when told explicitly.
 */
function exportItem(item: CslItem): CslItem {
  const { annote: _editorsOnly, URL: url, note: _asWritten, ...published } = item;
  const note = readerNote(item);
  return { ...published, ...(note ? { note } : {}), ...(typeof url === 'string' && isWebAddress(url) ? { URL: url } : {}), 'citation-key': item.id };
}

// Each source is written once per build and format: articles' downloads repeat the references' own.
const bibtexEntry = perObject((item: CslItem) => `${toBibtex([exportItem(item)]).trim()}\n`);
const risRecord = perObject((item: CslItem) => toRis([exportItem(item)]));

/**
 * The items as a file a reference manager imports: BibTeX written by citation-js, RIS by the
 * `refs export` writer, CSL-JSON as the library holds it. Items are kept in the given order.
 */
export function exportReferences(items: CslItem[], format: ExportFormat): string {
  switch (format) {
    case 'bib':
      return items.map(bibtexEntry).join('\n');
    case 'ris':
      return items.map(risRecord).join('\n');
    case 'json':
      return `${JSON.stringify(items.map(exportItem), null, 2)}\n`;
  }
}
