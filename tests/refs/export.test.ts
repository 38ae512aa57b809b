import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../../src/citations/bibtex.ts';
import { loadLibrary, serializeStoredMetadata, toBibtex } from '../../src/citations/index.ts';
import { main } from '../../src/cli/refs.ts';

async function run(args: string[]) {
  const lines: string[] = [];
  const status = await main(args, (t) => lines.push(t), (t) => lines.push(t));
  return { status, output: lines.join('\n') };
}

const SITE = ['--root', 'tests/fixtures/refs-hostile'];

describe('npm run refs -- export', () => {
  it('exports the references one article cites, in citation order, as CSL-JSON', async () => {
    const { status, output } = await run(['export', '--format', 'csl-json', '--article', 'second', ...SITE]);
    expect(status).toBe(0);
    expect((JSON.parse(output) as { id: string }[]).map((item) => item.id)).toEqual(['scripttitle', 'datauri']);
  });

  it('exports BibTeX that reads back to the same keys and titles', async () => {
    const { output } = await run(['export', '--format', 'bibtex', ...SITE]);
    const again = parseBibtex(output, 'export.bib');
    expect(again.diagnostics).toEqual([]);
    expect(again.entries.map((e) => e.key)).toEqual(['scripttitle', 'badurls', 'datauri', 'doiquote', 'retractedhostile']);
    expect(again.entries.find((e) => e.key === 'datauri')!.item.title).toBe('A data URI and a vbscript URI');
  });

  it('exports RIS records with one tag per line', async () => {
    const { output } = await run(['export', '--format', 'ris', '--article', 'second', ...SITE]);
    const records = output.split(/^ER {2}- ?$/mu).filter((r) => r.trim());
    expect(records).toHaveLength(2);
    expect(records[0]).toMatch(/^TY {2}- JOUR$/mu);
    expect(records[0]).toMatch(/^AU {2}- Evil, Eve$/mu);
    expect(records[1]).toMatch(/^TI {2}- A data URI and a vbscript URI$/mu);
    expect(output.split('\n').every((line) => line === '' || /^[A-Z][A-Z0-9] {2}-( |$)/u.test(line))).toBe(true);
  });

  it("names an article by its page's address: a file name with spaces and capitals, and a frontmatter slug", async () => {
    const root = mkdtempSync(join(tmpdir(), 'refs-export-slug-'));
    mkdirSync(join(root, 'references'));
    mkdirSync(join(root, 'content/articles'), { recursive: true });
    writeFileSync(join(root, 'references/library.bib'), '@article{smith2020, author = {Smith, Ann}, title = {A trial}, journal = {Trials}, year = {2020}}\n');
    const article = (slug = '') => `---\ntitle: A\ndescription: A summary for the tests of refs export.\nconditions: [pain]\ninterventions: [rest]\nlastReviewed: 2026-01-01\n${slug}---\n\nA trial [@smith2020].\n`;
    writeFileSync(join(root, 'content/articles/Knee Pain.mdx'), article());
    writeFileSync(join(root, 'content/articles/old-name.mdx'), article('slug: back-pain\n'));
    // Astro publishes these at /articles/knee-pain/ and /articles/back-pain/.
    for (const slug of ['knee-pain', 'back-pain']) expect(await run(['export', '--format', 'csl-json', '--article', slug, '--root', root])).toMatchObject({ status: 0, output: expect.stringContaining('"id": "smith2020"') });
    expect((await run(['export', '--format', 'csl-json', '--article', 'Knee Pain', '--root', root])).output).toBe('error: No article "Knee Pain" in content/articles/. Known: knee-pain, back-pain.');
    // A third file at an address another has: `check` stops on it, as the build does.
    writeFileSync(join(root, 'content/articles/knee-pain.mdx'), article());
    const check = await run(['check', '--root', root]);
    expect(check.status).toBe(1);
    expect(check.output).toContain('content/articles/knee-pain.mdx:1:1: error: content/articles/knee-pain.mdx and content/articles/Knee Pain.mdx would both be published at /articles/knee-pain/, and only one of them would be on the site [duplicate-article]');
  });

  it("writes what the site's downloads write: no editors' annote, no address that is no web address", async () => {
    // It had written each entry as the library holds it: `annote` ("PMID UNVERIFIED: …"), which the README
    // says is never published, went to co-authors' reference managers, and so did a javascript: URL.
    const root = mkdtempSync(join(tmpdir(), 'refs-export-private-'));
    mkdirSync(join(root, 'references'));
    writeFileSync(join(root, 'references/library.bib'), '@article{smith2020, author = {Smith, Ann}, title = {A trial}, journal = {Trials}, year = {2020}, url = {javascript:alert(1)},\n  note = {PMID: 123456}, annote = {PMID UNVERIFIED: sources conflict}}\n');
    const outputs = await Promise.all(['bibtex', 'ris', 'csl-json'].map((format) => run(['export', '--format', format, '--root', root])));
    for (const { status, output } of outputs) {
      expect(status).toBe(0);
      expect(output).toMatch(/A trial/u);
      expect(output).not.toMatch(/UNVERIFIED|javascript/iu);
    }
    expect(outputs[0]!.output).toMatch(/pmid = \{123456\}/u);
    expect(outputs[0]!.output).not.toMatch(/note =/u);
  });

  it('with --out, says what it wrote and where, the path made absolute', async () => {
    // It had written the file without a word; `npm run` runs in the project's folder, so a relative --out
    // typed in a subfolder landed elsewhere unseen.
    const file = join(mkdtempSync(join(tmpdir(), 'refs-export-out-')), 'second.ris');
    expect(await run(['export', '--format', 'ris', '--article', 'second', '--out', file, ...SITE])).toEqual({ status: 0, output: `wrote the references of second as ris to ${file}` });
    expect(readFileSync(file, 'utf8')).toMatch(/^TY {2}- JOUR$/mu);
  });

  it('explains an unknown article, an unknown format and an article with unresolved keys', async () => {
    expect(await run(['export', '--format', 'ris', '--article', 'nope', ...SITE])).toEqual({ status: 1, output: 'error: No article "nope" in content/articles/. Known: hostile, second.' });
    expect(await run(['export', '--format', 'endnote', ...SITE])).toEqual({ status: 2, output: 'error: --format must be one of bibtex, ris, csl-json.' });
    const unresolved = await run(['export', '--format', 'bibtex', '--article', 'sample', '--root', 'tests/fixtures/refs-check']);
    expect(unresolved.status).toBe(1);
    expect(unresolved.output).toMatch(/content\/articles\/sample\.mdx cites references that cannot be exported:\n {2}12:64 Unknown citation key "nosuchkey"/u);
  });
});

describe('npm run refs -- add --bibtex', () => {
  it('a second export under the name of an earlier one: says which entries replacing it would drop', async () => {
    // Zotero names every export "Exported Items.bib"; the message had been "already exists; use --force to
    // replace it", and --force dropped the first import's entries.
    const root = mkdtempSync(join(tmpdir(), 'refs-import-again-'));
    mkdirSync(join(root, 'references'));
    mkdirSync(join(root, 'first'));
    mkdirSync(join(root, 'second'));
    writeFileSync(join(root, 'first/Exported Items.bib'), '@article{first2020, title = {First}}\n');
    writeFileSync(join(root, 'second/Exported Items.bib'), '@article{second2021, title = {Second}}\n');
    expect((await run(['add', '--bibtex', join(root, 'first/Exported Items.bib'), '--root', root])).status).toBe(0);
    expect(await run(['add', '--bibtex', join(root, 'second/Exported Items.bib'), '--root', root])).toEqual({
      status: 1,
      output: 'error: references/Exported Items.bib already exists, with 1 entry this export does not have (first2020): nothing imported.\n  hint: To add this export beside it, give the file another name and import that; --force replaces references/Exported Items.bib, and those entries are gone.',
    });
    // The same collection exported again, with an entry more, replaces it.
    writeFileSync(join(root, 'first/Exported Items.bib'), '@article{first2020, title = {First}}\n@article{third2022, title = {Third}}\n');
    expect((await run(['add', '--bibtex', join(root, 'first/Exported Items.bib'), '--root', root])).output).toBe('error: references/Exported Items.bib already exists, and this export has all of its entries: use --force to replace it.');
  });

  it('copies a clean export into references/, and refuses one whose keys the library already has', async () => {
    const root = mkdtempSync(join(tmpdir(), 'refs-import-'));
    mkdirSync(join(root, 'references'));
    writeFileSync(join(root, 'references/library.bib'), '@article{taken, title = {Already here}}\n');
    const clean = join(root, 'zotero.bib');
    writeFileSync(clean, '@string{jp = {J Pain}}\n@article{fresh, title = {New}, journal = jp}\n');
    const ok = await run(['add', '--bibtex', clean, '--root', root]);
    expect(ok).toEqual({ status: 0, output: 'imported 1 entries into references/zotero.bib; run `npm run refs -- add --missing` to fetch their identifiers\' metadata, then `npm run refs -- check`.' });
    expect(readFileSync(join(root, 'references/zotero.bib'), 'utf8')).toBe(readFileSync(clean, 'utf8'));
    const clash = join(root, 'clash.bib');
    writeFileSync(clash, '@article{fresh2, title = {Fine}}\n@article{taken, title = {Clash}}\n@article{broken, title = {x}\n');
    const refused = await run(['add', '--bibtex', clash, '--root', root]);
    expect(refused.status).toBe(1);
    expect(refused.output).toMatch(/clash\.bib:2:1: error: "taken" is already defined \[duplicate-key\]\n {2}see also references\/library\.bib:1:1/u);
    expect(refused.output).toMatch(/clash\.bib:3:1: error: BibTeX entry "broken" could not be read/u);
    expect(refused.output).toMatch(/nothing imported/u);
    expect(existsSync(join(root, 'references/clash.bib'))).toBe(false);

    // What `check` would report as an error stops the import too; a warning alone does not.
    const latin1 = join(root, 'latin1.bib');
    writeFileSync(latin1, Buffer.from('@article{m\xfcller2020, author = {M\xfcller, Hans}, title = {T}}\n', 'latin1'));
    const cased = join(root, 'cased.bib');
    writeFileSync(cased, '@article{Taken, title = {Same key, other case}}\n');
    for (const [file, message] of [[latin1, 'is not UTF-8 text'], [cased, '"Taken" differs only in case from "taken"']] as const) {
      const result = await run(['add', '--bibtex', file, '--root', root]);
      expect(result.status, file).toBe(1);
      expect(result.output).toContain(message);
      expect(result.output).toMatch(/nothing imported/u);
    }
    const latex = join(root, 'latex.bib');
    writeFileSync(latex, '@article{texed, title = {\\tubissue{} in a title}}\n');
    const warned = await run(['add', '--bibtex', latex, '--root', root]);
    expect(warned.output).toContain('[unconverted-latex]');
    expect(warned.status).toBe(0);
    expect(existsSync(join(root, 'references/latex.bib'))).toBe(true);
  });

  it('refuses an export whose entry is a work the library already has under another key', async () => {
    const root = mkdtempSync(join(tmpdir(), 'refs-import-'));
    mkdirSync(join(root, 'references'));
    writeFileSync(join(root, 'references/library.bib'), '@article{vickers2018, title = {Acupuncture}, doi = {10.1016/j.jpain.2017.11.005}}\n');
    const twin = join(root, 'twin.bib');
    writeFileSync(twin, '@article{fresh, title = {New}, doi = {10.1000/new}}\n@article{Vickers_2018, title = {Acupuncture}, doi = {https://doi.org/10.1016/J.JPAIN.2017.11.005}}\n');
    const refused = await run(['add', '--bibtex', twin, '--root', root]);
    expect(refused.status).toBe(1);
    expect(refused.output).toMatch(/twin\.bib:2:1: error: "Vickers_2018" is "vickers2018" of the library \(doi:10\.1016\/j\.jpain\.2017\.11\.005\) \[duplicate-work\]\n {2}see also references\/library\.bib:1:1\n {2}hint: Drop the entry from the export and cite @vickers2018\./u);
    expect(existsSync(join(root, 'references/twin.bib'))).toBe(false);
  });

  it('refuses a file in a format references/ does not hold (RIS, PubMed), and one with no references', async () => {
    const root = mkdtempSync(join(tmpdir(), 'refs-import-'));
    mkdirSync(join(root, 'references'));
    const ris = join(root, 'pubmed.ris');
    writeFileSync(ris, 'TY  - JOUR\nAU  - Vickers, Andrew J\nTI  - Acupuncture for chronic pain\nPY  - 2018///\nER  - \n');
    const refused = await run(['add', '--bibtex', ris, '--root', root]);
    expect(refused.status).toBe(1);
    expect(refused.output).toMatch(/^error: \S+pubmed\.ris is not a BibTeX \(\.bib\) or CSL JSON \(\.json\) export, which is what references\/ holds: nothing imported\.\n {2}hint: Import it into Zotero/u);
    const empty = join(root, 'empty.bib');
    writeFileSync(empty, '% exported from nowhere\n');
    expect(await run(['add', '--bibtex', empty, '--root', root])).toEqual({ status: 1, output: `error: ${empty} holds no references: nothing imported.` });
    expect(readdirSync(join(root, 'references'))).toEqual([]);
  });
});

describe('BibTeX export keys', () => {
  it("keeps the library's keys, with ':', '-', '.', '/' and apostrophes, replacing only what a BibTeX key cannot hold", () => {
    const keys = ['smith:2020', 'doe_covid-19_2021', "o'brien2020", 'doi:10.1000/abc', 'zotero key, with {braces}'];
    const bibtex = toBibtex(keys.map((id) => ({ id, type: 'article-journal', title: `Title of ${id.length}` })));
    const again = parseBibtex(bibtex, 'export.bib');
    expect(again.diagnostics).toEqual([]);
    expect(again.entries.map((entry) => entry.key)).toEqual(['smith:2020', 'doe_covid-19_2021', "o'brien2020", 'doi:10.1000/abc', 'zotero-key-with-braces-']);
  });

  it('keeps PMID and PMCID, which citation-js leaves out, so that the PubMed links survive an import', () => {
    const [entry] = parseBibtex(toBibtex([{ id: 'vickers2018', type: 'article-journal', title: 'T', DOI: '10.1016/j.jpain.2017.11.005', PMID: '29198932', PMCID: 'PMC5927830' }]), 'export.bib').entries;
    expect(entry!.item).toMatchObject({ DOI: '10.1016/j.jpain.2017.11.005', PMID: '29198932', PMCID: 'PMC5927830' });
  });
});

describe('BibTeX export of a preprint', () => {
  it("writes its server as the journal, as medRxiv does, where the server was an article's publisher no style prints and the journal empty", () => {
    const csl = { id: 'doi:10.1101/2020.04.10.20060681', type: 'posted-content', subtype: 'preprint', title: 'Yoga for back pain', author: [{ family: 'Pre', given: 'Ann' }], institution: [{ name: 'medRxiv' }], publisher: 'Cold Spring Harbor Laboratory', 'container-title': '', issued: { 'date-parts': [[2020, 4, 14]] }, DOI: '10.1101/2020.04.10.20060681' };
    const library = loadLibrary([{ path: 'references/identifiers/doi-10.1101%2F2020.04.10.20060681.json', text: serializeStoredMetadata({ identifier: csl.id, source: 'https://doi.org/10.1101/2020.04.10.20060681', fetched: '2026-12-01', csl }) }]);
    const bibtex = toBibtex(library.all().map((entry) => entry.item));
    expect(bibtex).toMatch(/^\tjournal = \{medRxiv\},$/mu);
    expect(bibtex).not.toMatch(/publisher|journal = \{\}/u);
    expect(parseBibtex(bibtex, 'export.bib').entries[0]!.item).toMatchObject({ type: 'article-journal', 'container-title': 'medRxiv', DOI: '10.1101/2020.04.10.20060681' });
  });
});
