import { noteWithoutIdentifiers, type CslItem } from '../citations/index.ts';

// The MEDLINE record EndNote keeps in the note of a PubMed import: its publication types…
const PUBLICATION_TYPE = /\b(?:Journal Article|Research Support, (?:N\.I\.H\.|Non-U\.S\. Gov't|U\.S\. Gov't)|Randomized Controlled Trial|Meta-Analysis|Systematic Review|Comparative Study)\b/u;
// …and its citation: "J Pain. 2018 May;19(5):455-474"…
const MEDLINE_CITATION = /\.\s\d{4}(?:\s[A-Z][a-z]{2}(?:\s\d{1,2})?)?;\s?\d+/u;
// …with the journal's ISSN, the language code or the type every MEDLINE article has.
const MEDLINE_FIELD = /^\d{4}-\d{3}[\dX]\b|\b(?:eng|ger|fre|spa|ita|jpn|chi)\b|\bJournal Article\b/u;

// Better BibTeX's own lines in Zotero's Extra field ("tex.ids: doe2020a", "Citation Key: doe2020").
const TOOL_LINE = /^[ \t]*(?:tex\.[\w-]+|Citation Key):.*$\n?/gimu;

/**
 * The note readers see on a source's page: without identifiers it starts with, which its links show,
 * without Better BibTeX's own lines,
 * and none when it is the PubMed record a reference manager copied into it (ISSN, every author's full
 * name, language, publication types and citation in one run), which no reader can use.
 */
export function readerNote(item: CslItem): string | undefined {
  if (typeof item.note !== 'string') return undefined;
  const note = noteWithoutIdentifiers(item.note).replace(TOOL_LINE, '').trim();
  if (!note || (PUBLICATION_TYPE.test(note) && MEDLINE_CITATION.test(note) && MEDLINE_FIELD.test(note))) return undefined;
  return note;
}
