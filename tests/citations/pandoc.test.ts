import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CitationFormatter, citeDocument, htmlToText, loadLibrary, parseCitations, readStyle, type RenderedCluster } from '../../src/citations/index.ts';
import { readFileSync } from 'node:fs';
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

// One author's works, a namesake's, and another author's: what collapse="year" groups and what it leaves.
const GROUPED = `@article{vickers2012, author = {Vickers, Andrew J. and Cronin, Angel M. and Maschino, Alexandra C.}, title = {Acupuncture for chronic pain: individual patient data meta-analysis}, journal = {Arch Intern Med}, year = {2012}}
@article{vickers2018, author = {Vickers, Andrew J. and Cronin, Angel M. and Maschino, Alexandra C.}, title = {Acupuncture for chronic pain: update of an individual patient data meta-analysis}, journal = {J Pain}, year = {2018}}
@article{vickers2010, author = {Vickers, Nicola}, title = {Another Vickers}, journal = {BMJ}, year = {2010}}
@article{cherkin2009, author = {Cherkin, Daniel C.}, title = {A randomized trial}, journal = {Arch Intern Med}, year = {2009}}
`;
const CLUSTERS = ['[@vickers2018; @cherkin2009; @vickers2012]', '[@vickers2012, p. 3; @vickers2018]', '[@vickers2012; @vickers2018, p. 5]', '[see @vickers2012; @vickers2018]', '[@vickers2012; see @vickers2018]', '[@vickers2012, also; @vickers2018]', '[@vickers2010; @vickers2012]'];

/** A cluster as text, as pandoc's plain output prints it. */
const clusterText = (cluster: RenderedCluster | undefined) => cluster!.segments.map((s) => (s.type === 'text' ? s.value : s.type === 'cite' ? htmlToText(s.html) : '')).join('');

describe("in-text citations agree with pandoc --citeproc when a style groups one author's works (collapse=\"year\")", () => {
  it.each([
    ['apa', join(root, 'src/csl-styles/apa.csl')],
    ['chicago-author-date', join(root, 'tests/fixtures/styles/chicago-author-date.csl')],
    ['harvard-cite-them-right', join(root, 'tests/fixtures/styles/harvard-cite-them-right.csl')],
  ])('%s', (name, path) => {
    const library = loadLibrary([{ path: 'grouped.bib', text: GROUPED }]);
    const formatter = new CitationFormatter(library, readStyle(name, readFileSync(path, 'utf8')));
    const text = CLUSTERS.map((cluster) => `Pain ${cluster}.`).join('\n\n');
    const cited = citeDocument(parseCitations(text), library, formatter);
    expect(cited.diagnostics).toEqual([]);
    const ours = cited.clusters.map(clusterText);
    const dir = mkdtempSync(join(tmpdir(), 'pandoc-'));
    writeFileSync(join(dir, 'library.json'), JSON.stringify(library.all().map((entry) => entry.item)));
    const theirs = execFileSync('pandoc', ['--citeproc', '--bibliography', join(dir, 'library.json'), '--csl', path, '-t', 'plain', '--wrap=none'], { input: text, encoding: 'utf8' });
    expect(ours).toEqual(theirs.trim().split('\n\n').slice(0, CLUSTERS.length).map((paragraph) => paragraph.replace(/^Pain (.*)\.$/su, '$1')));
  });
});
