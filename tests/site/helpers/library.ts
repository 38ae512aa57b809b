import { readFileSync } from 'node:fs';
import { loadLibrary, type CslItem } from '../../../src/citations/index.ts';

/** The bundled library, read as the build reads it. */
export const library = loadLibrary([{ path: 'references/library.bib', text: readFileSync(new URL('../../../references/library.bib', import.meta.url), 'utf8') }]);

/** The CSL item of a bundled reference. */
export function item(key: string): CslItem {
  const entry = library.entries.get(key);
  if (!entry) throw new Error(`no reference ${key}`);
  return entry.item;
}
