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

/** Items as BibTeX, written by citation-js, each under its library key, with its PubMed identifiers. */
export function toBibtex(items: CslItem[]): string {
  return items.map((item) => {
    // citation-js types CSL `type` as a closed union; these items came from CSL readers.
    const entry = String(plugins.output.format('bibtex', [{ ...item, 'citation-key': bibtexKey(item.id) }] as unknown as Parameters<typeof plugins.output.format>[1]));
    // citation-js writes no PMID or PMCID: the fields JabRef, Zotero and this site read them from.
    const pubmed = identifiersOf(item).filter((identifier) => identifier.scheme !== 'doi').map((identifier) => `\t${identifier.scheme} = {${identifier.value}},\n`);
    return pubmed.length ? entry.replace(/\}\s*$/u, `${pubmed.join('')}}\n`) : entry;
  }).join('');
}
