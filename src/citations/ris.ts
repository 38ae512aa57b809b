import { plainText, type CslItem, type CslName } from './csl.ts';

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

/** One RIS record per item (tags as Zotero and EndNote read them); line breaks in values become spaces. */
export function toRis(items: CslItem[]): string {
  return items.map((item) => {
    const lines: [string, unknown][] = [['TY', TYPES[item.type] ?? 'GEN'], ['ID', item.id]];
    for (const person of item.author ?? []) lines.push(['AU', name(person)]);
    for (const person of item.editor ?? []) lines.push(['ED', name(person)]);
    const [start, end] = String(item.page ?? '').split(/[-–—]+/u);
    const date = item.issued?.['date-parts']?.[0];
    lines.push(
      ['TI', item.title], ['T2', item['container-title']], ['J2', item['container-title-short']], ['PY', date?.[0]],
      ['DA', date?.map((part) => String(part).padStart(2, '0')).join('/')], ['VL', item.volume], ['IS', item.issue],
      ['SP', start || undefined], ['EP', end], ['PB', item.publisher], ['DO', item.DOI], ['UR', item.URL], ['N1', item.note],
      ...(item.PMID ? [['AN', `PMID:${item.PMID}`] as [string, unknown]] : []), ...(item.PMCID ? [['AN', item.PMCID] as [string, unknown]] : []),
    );
    const body = lines.filter(([, value]) => value !== undefined && value !== '').map(([tag, value]) => `${tag}  - ${plainText(String(value)).replace(/\s+/gu, ' ')}`);
    return `${body.join('\n')}\nER  - \n`;
  }).join('\n');
}
