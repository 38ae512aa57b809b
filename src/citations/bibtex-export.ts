import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { CslItem } from './csl.ts';

// citation-js swaps a key with any punctuation but "_" for one of its own ("smith:2020" became
// "Smith2020First"), though BibTeX keys hold ":", "-", "." and "/": readers who cite the export in LaTeX
// need the site's keys. Only what a key cannot hold (spaces, commas, braces, TeX specials) is replaced.
(plugins.config.get('@bibtex') as { format: { checkLabel: boolean } }).format.checkLabel = false;

const UNSAFE_IN_KEY = /[\s,{}%\\#~"]+/gu;

/** A library key as a BibTeX key: the same key, unless it holds what BibTeX cannot read in one. */
export function bibtexKey(key: string): string {
  return key.replace(UNSAFE_IN_KEY, '-') || 'ref';
}

/** Items as BibTeX, written by citation-js, each under its library key. */
export function toBibtex(items: CslItem[]): string {
  const keyed = items.map((item) => ({ ...item, 'citation-key': bibtexKey(item.id) }));
  // citation-js types CSL `type` as a closed union; these items came from CSL readers.
  return String(plugins.output.format('bibtex', keyed as unknown as Parameters<typeof plugins.output.format>[1]));
}
