import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CitationFormatter, loadLibrary } from '../../src/citations/index.ts';
import { readLibraryFiles } from '../../src/integration/project.ts';
import { bundledStyle } from './helpers.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const library = loadLibrary(readLibraryFiles(root, 'references'));

/** pandoc's citeproc (a separate implementation in Haskell) formats the same CSL-JSON items. */
function pandocBibliography(style: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'pandoc-'));
  writeFileSync(join(dir, 'library.json'), JSON.stringify(library.all().map((entry) => entry.item)));
  writeFileSync(join(dir, 'all.md'), '---\nnocite: "@*"\n---\n');
  const output = execFileSync('pandoc', [join(dir, 'all.md'), '--citeproc', '--bibliography', join(dir, 'library.json'),
    '--csl', join(root, `src/csl-styles/${style}.csl`), '-t', 'plain', '--wrap=none'], { encoding: 'utf8' });
  return output.trim().split('\n\n').map((entry) => entry.replace(/^\d+\.\s*/u, '').trim()).sort();
}

describe('formatting agrees with pandoc --citeproc on the bundled library', () => {
  it.each(['american-medical-association', 'vancouver', 'apa'] as const)('%s', (style) => {
    const formatter = new CitationFormatter(library, bundledStyle(style));
    const ours = library.all().map((entry) => formatter.entry(entry.key)!.text).sort();
    expect(ours).toHaveLength(22);
    expect(ours).toEqual(pandocBibliography(style));
  });
});
