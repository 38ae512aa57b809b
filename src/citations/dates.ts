import type { CslDate } from './csl.ts';
import type { Diagnostic, SourceLocation } from './errors.ts';

/** The CSL variables that hold dates. */
export const DATE_VARIABLES = ['accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted'] as const;

const ISO_DATE = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/u;
const NUMERIC = /^-?\d+$/u;
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A date written as text: `2020`, `2020-05` and `2020-05-01` as date parts, anything else for citeproc to parse. */
export function dateOfText(text: string): CslDate {
  const parts = text.trim().match(ISO_DATE)?.slice(1).filter(Boolean).map(Number);
  return parts ? { 'date-parts': [parts] } : { raw: text };
}

/** Date parts as lists of numbers: `[2020, 5]` is taken for `[[2020, 5]]`, `"2020"` for `[[2020]]`; undefined when they are not numbers. */
function partLists(value: unknown): number[][] | undefined {
  if (typeof value === 'string' && ISO_DATE.test(value.trim())) return dateOfText(value)['date-parts'] as number[][];
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const lists = value.every((part) => typeof part === 'number' || typeof part === 'string') ? [value] : value;
  if (!lists.every((list) => Array.isArray(list) && list.length > 0 && list.every((part) => (typeof part === 'number' && Number.isInteger(part)) || (typeof part === 'string' && NUMERIC.test(part.trim()))))) return undefined;
  return (lists as (number | string)[][]).map((list) => list.slice(0, 3).map(Number));
}

/**
 * One year, month and day as styles can print them, and what had to be left out: a month 13 or a day 45
 * would otherwise be printed ("Spring 45, 2020") and written into every download. Months 21–24 are
 * seasons as EDTF and BibLaTeX write them; 13–16 are seasons only where CSL-JSON says so (`seasons`).
 */
function checkedParts(parts: number[], seasons: boolean): { parts?: number[]; problems: string[] } {
  const [year, month, day] = parts;
  if (year === undefined || year === 0 || Math.abs(year) > 9999) return { problems: [`${year} is not a year`] };
  if (month === undefined) return { parts: [year], problems: [] };
  const isSeason = (month >= 21 && month <= 24) || (seasons && month >= 13 && month <= 16);
  if (!isSeason && (month < 1 || month > 12)) return { parts: [year], problems: [`there is no month ${month}`] };
  if (day === undefined) return { parts: [year, month], problems: [] };
  if (isSeason) return { parts: [year, month], problems: ['a season has no day'] };
  if (day < 1 || day > MONTH_DAYS[month - 1]!) return { parts: [year, month], problems: [`month ${month} has no day ${day}`] };
  return { parts: [year, month, day], problems: [] };
}

/** The end of a range that is left open: missing, empty, or year 0 (`[0]`, as Zotero and citeproc-js write it). */
function isOpenEnd(end: unknown): boolean {
  if (end === null || end === undefined || end === '') return true;
  return Array.isArray(end) && (end.length === 0 || (end.length === 1 && (end[0] === 0 || end[0] === '0' || end[0] === '' || end[0] === null)));
}

/**
 * The start of an open-ended range, as BibLaTeX (`2014-12-31/`) and CSL-JSON (`[[2014, 12, 31], [0]]`)
 * write one, as date parts of its own; undefined for any other date.
 */
function openRangeStart(written: unknown): [unknown[]] | undefined {
  return Array.isArray(written) && written.length === 2 && Array.isArray(written[0]) && isOpenEnd(written[1]) ? [written[0]] : undefined;
}

/**
 * A date variable as citeproc and the downloads can read it, and what was wrong with it. Text is read
 * as a date; a date whose parts are not numbers is left out (citation-js's exports fail on it), and
 * impossible months and days are dropped. `date` is undefined when nothing of it is a date.
 */
export function checkedDate(value: unknown, options: { seasons: boolean }): { date?: CslDate; problems: string[] } {
  if (typeof value === 'string' || typeof value === 'number') return checkedDate(dateOfText(String(value)), options);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problems: ['it is not a date such as { "date-parts": [[2020, 5, 1]] } or "2020-05-01"'] };
  const { 'date-parts': written, raw, literal, ...rest } = value as CslDate & Record<string, unknown>;
  const problems: string[] = [];
  const date: CslDate = { ...rest };
  // An ISO date written as `raw` is date parts, which the downloads write (they drop `raw`).
  if (typeof raw === 'string' && raw.trim() && written === undefined && ISO_DATE.test(raw.trim())) return checkedDate(dateOfText(raw), options);
  if (typeof raw === 'string' && raw.trim()) date.raw = raw;
  if (typeof literal === 'string' && literal.trim()) date.literal = literal;
  if (written !== undefined) {
    // An open range's start is the date there is to print, where the whole date was left out.
    const start = openRangeStart(written);
    if (start) problems.push('the range has no end');
    const lists = partLists(start ?? written);
    if (!lists) problems.push('its date-parts are not numbers such as [[2020, 5, 1]]');
    const checked = (lists ?? []).slice(0, 2).map((parts) => checkedParts(parts, options.seasons));
    for (const { problems: found } of checked) problems.push(...found);
    if (checked.length && checked.every(({ parts }) => parts)) {
      const [start, end] = checked.map(({ parts }) => parts!);
      // citeproc fails on a range whose ends are not written alike (2020-02-01/2019): its start is kept.
      if (end && end.length !== start!.length) problems.push('the end of the range is not written like its start');
      date['date-parts'] = end && end.length === start!.length ? [start!, end] : [start!];
    }
  }
  const isDate = date['date-parts'] !== undefined || date.raw !== undefined || date.literal !== undefined;
  if (!isDate && problems.length === 0) problems.push('it is not a date such as { "date-parts": [[2020, 5, 1]] } or "2020-05-01"');
  return { ...(isDate ? { date } : {}), problems };
}

/** How a date variable is written, for a message: `2020-13-45`, or the text as given. */
export function writtenDate(value: unknown): string {
  const written = (value as CslDate | undefined)?.['date-parts'];
  const start = openRangeStart(written);
  const parts = start ?? written;
  if (Array.isArray(parts) && parts.every((list) => Array.isArray(list) && list.every((part) => typeof part === 'number'))) {
    return (parts as number[][]).map((list) => list.map((part, i) => (i === 0 ? String(part) : String(part).padStart(2, '0'))).join('-')).join('/') + (start ? '/' : '');
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The warning for a date that had to be mended or left out; `field` as the file names it. */
export function dateProblem(key: string, field: string, written: unknown, date: CslDate | undefined, problems: string[], location: SourceLocation): Diagnostic {
  const kept = date?.['date-parts'] ? writtenDate(date) : date?.raw ?? date?.literal;
  return {
    code: 'invalid-date',
    severity: 'warning',
    message: `"${key}": ${field} ${writtenDate(written)}: ${problems.join('; ')}, so ${kept ? `the reference gives ${kept}` : 'it is left out of the reference'}`,
    hint: 'Write the date as the work gives it: date = {2020-05-01} in BibTeX, { "date-parts": [[2020, 5, 1]] } in CSL-JSON.',
    location,
    key,
  };
}
