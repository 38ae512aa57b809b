/** CSL locator labels an author can name in a citation suffix. */
export type LocatorLabel =
  | 'page' | 'chapter' | 'figure' | 'table' | 'section' | 'paragraph' | 'volume'
  | 'issue' | 'line' | 'note' | 'appendix' | 'supplement' | 'column' | 'verse' | 'part';

/** A suffix split into the locator citeproc formats and the free text that follows it. */
export interface ParsedLocator {
  label?: LocatorLabel;
  locator?: string;
  suffix: string;
}

// The abbreviations Pandoc and citeproc-js recognise, longest first so "pp." wins over "p.".
const LABEL_TERMS: [string, LocatorLabel][] = [
  ['pages', 'page'], ['page', 'page'], ['pp.', 'page'], ['pp', 'page'], ['p.', 'page'], ['p', 'page'],
  ['chapters', 'chapter'], ['chapter', 'chapter'], ['chaps.', 'chapter'], ['chap.', 'chapter'], ['ch.', 'chapter'],
  ['figures', 'figure'], ['figure', 'figure'], ['figs.', 'figure'], ['fig.', 'figure'], ['fig', 'figure'],
  ['tables', 'table'], ['table', 'table'], ['tbl.', 'table'], ['tab.', 'table'],
  ['sections', 'section'], ['section', 'section'], ['secs.', 'section'], ['sec.', 'section'], ['§§', 'section'], ['§', 'section'],
  ['paragraphs', 'paragraph'], ['paragraph', 'paragraph'], ['paras.', 'paragraph'], ['para.', 'paragraph'], ['¶¶', 'paragraph'], ['¶', 'paragraph'],
  ['volumes', 'volume'], ['volume', 'volume'], ['vols.', 'volume'], ['vol.', 'volume'],
  ['issue', 'issue'], ['no.', 'issue'],
  ['lines', 'line'], ['line', 'line'], ['ll.', 'line'], ['l.', 'line'],
  ['notes', 'note'], ['note', 'note'], ['nn.', 'note'], ['n.', 'note'],
  ['appendix', 'appendix'], ['app.', 'appendix'],
  ['supplement', 'supplement'], ['suppl.', 'supplement'], ['supp.', 'supplement'],
  ['columns', 'column'], ['column', 'column'], ['cols.', 'column'], ['col.', 'column'],
  ['verses', 'verse'], ['verse', 'verse'], ['vv.', 'verse'], ['v.', 'verse'],
  ['parts', 'part'], ['part', 'part'], ['pt.', 'part'],
];

// A locator value: numbers, roman numerals or short alphanumerics like "e123" or "S4", joined by
// ranges and lists; section numbers such as 1.2.3 are one value. Smartypants turns "--" into an em dash before we see it, so all three dashes count.
const VALUE = String.raw`[\p{L}\p{N}]*\p{N}[\p{L}\p{N}]*(?:\.[\p{L}\p{N}]+)*|[ivxlcdm]+|[IVXLCDM]+`;
const LOCATOR_VALUE = new RegExp(String.raw`^(?:${VALUE})(?:\s*(?:--?|[–—]|,|&|and)\s*(?:${VALUE}))*`, 'u');

/** Splits a citation suffix such as `p. 33—35, emphasis added` into label, locator and remaining suffix. */
export function parseLocator(rawSuffix: string): ParsedLocator {
  const text = rawSuffix.trim();
  for (const [term, label] of LABEL_TERMS) {
    if (!startsWithTerm(text, term)) continue;
    const value = text.slice(term.length).trimStart().match(LOCATOR_VALUE);
    if (!value) continue;
    const afterLabel = text.slice(term.length).trimStart();
    return { label, locator: normalizeRanges(value[0]), suffix: afterLabel.slice(value[0].length) };
  }
  // A bare number is a page, as in Pandoc: [@key, 33-35].
  const bare = /^\p{N}/u.test(text) ? text.match(LOCATOR_VALUE) : null;
  if (bare) return { label: 'page', locator: normalizeRanges(bare[0]), suffix: text.slice(bare[0].length) };
  return { suffix: rawSuffix };
}

function startsWithTerm(text: string, term: string): boolean {
  if (!text.toLowerCase().startsWith(term)) return false;
  const next = text.charAt(term.length);
  // "p" must not swallow the start of a word such as "pain"; "p." and "§" end on their own.
  return /[.§¶]$/u.test(term) || next === '' || /[\s\p{N}]/u.test(next);
}

/** citeproc applies the style's page-range format to hyphenated ranges, so every dash becomes one. */
function normalizeRanges(value: string): string {
  return value.replace(/\s*(?:--?|[–—])\s*/gu, '-');
}
