import type { CslItem } from './csl.ts';
import type { Diagnostic, SourceLocation } from './errors.ts';

// A `month` field citation-js reads only as a number, a macro (`mar`) or a month's name: the month of
// `{Sept.}`, `{Mar.}` (IEEE Xplore writes its months so), a PubMed issue's `{Mar-Apr}`, `{Jul/Aug}`, a season
// (`{Spring}`) and BibTeX's own `"15~" # jul` (xampl.bib, btxdoc) was dropped without a word: AMA and
// Vancouver printed the year alone. They are read as the month, the range of months, the season or
// the day they are; a month nothing here reads is reported, with what to write.
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// CSL's seasons are months 21 to 24.
const SEASONS: Record<string, number> = { spring: 21, summer: 22, autumn: 23, fall: 23, winter: 24 };

function monthNumber(word: string): number | undefined {
  const name = word.toLowerCase().replace(/\.$/u, '');
  if (/^\d{1,2}$/u.test(name)) return Number(name) >= 1 && Number(name) <= 12 ? Number(name) : undefined;
  if (Object.hasOwn(SEASONS, name)) return SEASONS[name];
  const index = MONTHS.indexOf(name.slice(0, 3));
  // A name or its abbreviation, "sept" too: "mar", "march", "sept", "september"; not "marsh".
  const full = new Date(2000, index, 1).toLocaleString('en-US', { month: 'long' }).toLowerCase();
  return index !== -1 && (full.startsWith(name) || name === 'sept') ? index + 1 : undefined;
}

/** The month (and day) a written month field stands for: [[month, day?]], or two months for a range. */
export function writtenMonth(value: string): number[][] | undefined {
  // `"15~" # jul`, `jan # "~15"`: the parts, without their quotes or braces.
  const text = value.split('#').map((part) => part.trim().replace(/^[{"]+|[}"]+$/gu, '')).join(' ').replace(/~/gu, ' ').trim();
  const range = text.match(/^([A-Za-z]+\.?)\s*[-–—/]+\s*([A-Za-z]+\.?)$/u);
  if (range) {
    const [start, end] = [monthNumber(range[1]!), monthNumber(range[2]!)];
    return start && end && start <= 12 && end <= 12 ? [[start], [end]] : undefined;
  }
  const dayFirst = text.match(/^(\d{1,2})\s+([A-Za-z]+\.?)$/u);
  // A conference's days, `jun # " 12--15"`, as a range of days.
  const dayAfter = text.match(/^([A-Za-z]+\.?)\s+(\d{1,2})(?:\s*[-–]+\s*(\d{1,2}))?$/u);
  const [name, day] = dayFirst ? [dayFirst[2]!, Number(dayFirst[1])] : dayAfter ? [dayAfter[1]!, Number(dayAfter[2])] : [text, undefined];
  const month = monthNumber(name);
  if (!month) return undefined;
  if (dayAfter?.[3] && month <= 12) return [[month, day!], [month, Number(dayAfter[3])]];
  return [day && month <= 12 ? [month, day] : [month]];
}

/**
 * The item with the month its `month` field writes, where citation-js kept only the year; a warning when
 * the field is not a month at all.
 */
export function withWrittenMonth(key: string, item: CslItem, month: string | undefined, location: SourceLocation, diagnostics: Diagnostic[]): CslItem {
  const parts = item.issued?.['date-parts'];
  if (month === undefined || !Array.isArray(parts) || parts.length !== 1 || parts[0]?.length !== 1) return item;
  const year = Number(parts[0][0]);
  const read = writtenMonth(month);
  // A month left blank or as a placeholder (`month = "????"`, as Beebe's bibliographies write an unknown one).
  if (!read && !/[\p{L}\d]/u.test(month.replace(/^\s*[{"]|[}"]\s*$/gu, ''))) return item;
  // A season is CSL's `season` (1 to 4) beside the year, which exports leave out rather than write as month 21.
  if (read && read[0]![0]! > 20) return { ...item, issued: { 'date-parts': [[year]], season: read[0]![0]! - 20 } };
  if (read) return { ...item, issued: { 'date-parts': read.map((monthDay) => [year, ...monthDay]) } };
  diagnostics.push({
    code: 'invalid-date',
    severity: 'warning',
    message: `"${key}": month ${month.trim()} is not read as a month, so the reference gives only the year`,
    hint: 'Write the month as a number or its English name or macro: month = {3}, month = mar, or date = {2020-03-15}.',
    location,
    key,
  });
  return item;
}
