import type { CslItem, CslName } from './csl.ts';
import { NAME_VARIABLES, TYPES, VARIABLES } from './csl-json-lint.ts';
import { checkedDate, DATE_VARIABLES } from './dates.ts';

// CSL's "cheater syntax", as Zotero writes variables it has no field for into Extra (exported as the
// note): `original-date: 1990` on a line, or `{:original-date: 1990}` within one. citeproc-js reads them
// from the note's first lines when it prints (citeproc_commonjs.js, parseNoteFieldHacks), with these patterns.
const FIELD_LINE = /^([-_a-z]+|[A-Z]+):\s*([^}]+)$/u;
const INLINE_FIELD = /\{:((?:[-_a-z]+|[A-Z]+):[^}]+)\}/gu;
const DATES = new Set<string>(DATE_VARIABLES);
// The identifier lines are withNoteIdentifiers' (identifiers.ts), which reads them with their own rules.
const IDENTIFIERS = new Set(['DOI', 'PMID', 'PMCID']);

/** "Doe || Jane" as family and given names, anything else as one literal name, as citeproc-js reads a name line. */
function nameOf(text: string): CslName {
  const parts = text.split(/\s*\|\|\s*/u);
  return parts.length === 2 ? { family: parts[0]!, given: parts[1]! } : { literal: text };
}

/**
 * The item with the variables its note starts with in their own fields where those are empty (a
 * type always, as citeproc-js reads it), and the note without the lines it took. citeproc printed them,
 * while the site's lists, checks and downloads did not have them and readers saw the raw lines as a note.
 */
export function withNoteVariables<Item extends CslItem>(item: Item): Item {
  if (typeof item.note !== 'string' || !item.note.includes(':')) return item;
  const result: CslItem = { ...item };
  const names: Record<string, CslName[]> = {};
  const kept: string[] = [];
  let reading = true;
  item.note.replace(INLINE_FIELD, '\n$1\n').split('\n').forEach((line, index) => {
    const match = reading ? line.trim().match(FIELD_LINE) : null;
    if (reading && !match && line.trim() && index > 0) reading = false;
    const [, key, raw] = match ?? [];
    const value = raw?.trim() ?? '';
    const empty = key !== undefined && result[key] === undefined && names[key] === undefined;
    if (key === 'type' && TYPES.includes(value)) result.type = value;
    else if (key && DATES.has(key) && empty && checkedDate(value, { seasons: true }).date) result[key] = checkedDate(value, { seasons: true }).date;
    else if (key && NAME_VARIABLES.has(key) && (empty || names[key])) (names[key] ??= []).push(nameOf(value));
    else if (key && !IDENTIFIERS.has(key) && !NAME_VARIABLES.has(key) && VARIABLES.includes(key) && empty) result[key] = value;
    else if (line.trim() || !reading) kept.push(line);
  });
  Object.assign(result, names);
  const note = kept.join('\n').trim();
  if (note) result.note = note;
  else delete result.note;
  return result as Item;
}
