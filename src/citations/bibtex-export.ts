import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { CslItem } from './csl.ts';
import { identifiersOf } from './identifiers.ts';

// citation-js swaps a key with any punctuation but "_" for one of its own ("smith:2020" became
// "Smith2020First"), though BibTeX keys hold ":", "-", "." and "/": readers who cite the export in LaTeX
// need the site's keys. Only what a key cannot hold (spaces, commas, braces, TeX specials) is replaced.
(plugins.config.get('@bibtex') as { format: { checkLabel: boolean } }).format.checkLabel = false;

const UNSAFE_IN_KEY = /[\s,{}%\\#~"]+/gu;

/** A library key as a BibTeX key: the same key, unless it holds what BibTeX cannot read in one. */
export function bibtexKey(key: string): string {
  return key.replace(UNSAFE_IN_KEY, '-') || 'ref';
}

// citation-js writes a full date's month as `month = {mar 15}`, which biblatex rejects; the day goes.
const MONTH_WITH_DAY = /^(\tmonth = \{[a-z]{3}) \d{1,2}\}/mu;

/** What citation-js leaves out or writes as @misc, as fields BibTeX and biblatex read. */
function completed(entry: string, item: CslItem): string {
  let text = entry.replace(MONTH_WITH_DAY, '$1}');
  // A thesis is @misc to citation-js; BibTeX has a type for each kind.
  if (item.type === 'thesis') text = text.replace(/^@misc\{/u, /master/iu.test(String(item.genre ?? '')) ? '@mastersthesis{' : '@phdthesis{');
  const extra: string[] = [];
  // biblatex's abbreviated journal title, which AMA and Vancouver print.
  if (typeof item['container-title-short'] === 'string') extra.push(`\tshortjournal = {${item['container-title-short']}},\n`);
  // citation-js writes no PMID or PMCID: the fields JabRef, Zotero and this site read them from.
  for (const identifier of identifiersOf(item)) if (identifier.scheme !== 'doi') extra.push(`\t${identifier.scheme} = {${identifier.value}},\n`);
  return extra.length ? text.replace(/\}\s*$/u, `${extra.join('')}}\n`) : text;
}

/** Items as BibTeX, written by citation-js, each under its library key, with its PubMed identifiers. */
export function toBibtex(items: CslItem[]): string {
  return items.map((item) => {
    // citation-js types CSL `type` as a closed union; these items came from CSL readers.
    const entry = String(plugins.output.format('bibtex', [{ ...item, 'citation-key': bibtexKey(item.id) }] as unknown as Parameters<typeof plugins.output.format>[1]));
    return completed(entry, item);
  }).join('');
}
