import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CitationFormatter, citeDocument, loadLibrary, parseCitations, readStyle, type LibraryFile } from '../../src/citations/index.ts';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The files of a fixture library folder, with paths as the build would show them. */
export function fixtureFiles(folder: string): LibraryFile[] {
  const dir = join(fixtures, folder);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(bib|json)$/u.test(name))
    .map((name) => ({ path: relative(fixtures, join(dir, name)), text: readFileSync(join(dir, name), 'utf8') }));
}

export function bundledStyle(name: 'american-medical-association' | 'apa' | 'vancouver') {
  return readStyle(name, readFileSync(new URL(`../../src/csl-styles/${name}.csl`, import.meta.url), 'utf8'));
}

/** Cites a text against the fixture library in a style, as the remark plugin does for a document. */
export function citeText(text: string, style: Parameters<typeof bundledStyle>[0] = 'american-medical-association', folder = 'library') {
  const library = loadLibrary(fixtureFiles(folder));
  const formatter = new CitationFormatter(library, bundledStyle(style));
  return { library, formatter, ...citeDocument(parseCitations(text), library, formatter) };
}

/**
 * How many array elements `run` steps through with iterators (for…of, spreads, copies): work counted
 * rather than timed, so that a test of how it grows does not fail on a busy machine.
 */
export function arraySteps(run: () => void): number {
  let steps = 0;
  const iterator = Object.getOwnPropertyDescriptor(Array.prototype, Symbol.iterator)!;
  const values = iterator.value as () => Iterator<unknown>;
  Object.defineProperty(Array.prototype, Symbol.iterator, { ...iterator, value(this: unknown[]) {
    const inner = values.call(this);
    return { next: () => (steps++, inner.next()), [Symbol.iterator]() { return this; } };
  } });
  try {
    run();
  } finally {
    Object.defineProperty(Array.prototype, Symbol.iterator, iterator);
  }
  return steps;
}
