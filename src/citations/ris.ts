import { issuedYear, plainText, type CslItem, type CslName } from './csl.ts';

// CSL types to RIS reference types; anything else is GEN.
const TYPES: Record<string, string> = {
  'article-journal': 'JOUR', article: 'JOUR', book: 'BOOK', chapter: 'CHAP', 'paper-conference': 'CPAPER', report: 'RPRT',
  thesis: 'THES', webpage: 'ELEC', dataset: 'DATA', 'article-newspaper': 'NEWS', 'article-magazine': 'MGZN', legislation: 'LEGAL',
};

/** RIS's "Family, Given, Suffix", particles kept: "van der Esch, Martin", "Fontaine, Jean de la", "Smith, John, Jr". */
function name(person: CslName): string {
  if (person.literal) return person.literal;
  const family = [person['non-dropping-particle'], person.family].filter(Boolean).join(' ');
  const given = [person.given, person['dropping-particle']].filter(Boolean).join(' ');
  return [family, given, person.suffix].filter(Boolean).join(', ');
}

type CslDate = { 'date-parts'?: (number | string)[][] } | undefined;

/** RIS's YYYY/MM/DD, with only the parts the date has. */
function risDate(date: CslDate): string | undefined {
  return date?.['date-parts']?.[0]?.map((part) => String(part).padStart(2, '0')).join('/');
}

/**
 * One RIS record per item, with the tags Zotero, EndNote and citation-js read: editors as A2, PubMed's
 * identifier as AN and PMC's as C2 (as EndNote files PubMed records); line breaks in values become spaces.
 */
export function toRis(items: CslItem[]): string {
  return items.map((item) => {
    const lines: [string, unknown][] = [['TY', (Object.hasOwn(TYPES, item.type) ? TYPES[item.type] : undefined) ?? 'GEN'], ['ID', item.id]];
    for (const person of item.author ?? []) lines.push(['AU', name(person)]);
    for (const person of item.editor ?? []) lines.push(['A2', name(person)]);
    const [start, end] = String(item.page ?? '').split(/[-–—]+/u);
    lines.push(
      ['TI', item.title], ['T2', item['container-title']], ['J2', item['container-title-short']], ['PY', item.issued?.['date-parts']?.[0]?.[0] ?? issuedYear(item)],
      ['DA', risDate(item.issued)], ['VL', item.volume], ['IS', item.issue], ['SP', start || undefined], ['EP', end], ['ET', item.edition],
      ['M3', item.genre], ['PB', item.publisher], ['CY', item['publisher-place']], ['SN', item.ISBN ?? item.ISSN], ['DO', item.DOI],
      ['UR', item.URL], ['Y2', risDate(item.accessed as CslDate)], ['N1', item.note],
      ['AN', item.PMID ? `PMID:${item.PMID}` : undefined], ['C2', item.PMCID],
    );
    const body = lines.filter(([, value]) => value !== undefined && value !== '').map(([tag, value]) => `${tag}  - ${plainText(String(value)).replace(/\s+/gu, ' ')}`);
    return `${body.join('\n')}\nER  - \n`;
  }).join('\n');
}
