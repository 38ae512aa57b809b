import { plainText, type CslItem, type CslName } from './csl.ts';

// CSL types to RIS reference types; anything else is GEN.
const TYPES: Record<string, string> = {
  'article-journal': 'JOUR', article: 'JOUR', book: 'BOOK', chapter: 'CHAP', 'paper-conference': 'CPAPER', report: 'RPRT',
  thesis: 'THES', webpage: 'ELEC', dataset: 'DATA', 'article-newspaper': 'NEWS', 'article-magazine': 'MGZN', legislation: 'LEGAL',
};

function name(person: CslName): string {
  return person.literal ?? [person.family, person.given].filter(Boolean).join(', ');
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
