import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/citations/index.ts';
import { main } from '../../src/cli/refs.ts';

const FIXTURE = 'tests/fixtures/refs-check';

async function run(args: string[]) {
  const lines: string[] = [];
  const status = await main(args, (t) => lines.push(t), (t) => lines.push(t));
  return { status, output: lines.join('\n') };
}

async function diagnostics(args: string[] = []): Promise<{ status: number; found: Diagnostic[] }> {
  const { status, output } = await run(['check', '--json', '--root', FIXTURE, ...args]);
  return { status, found: JSON.parse(output) as Diagnostic[] };
}

const where = (d: Diagnostic) => (d.location ? `${d.location.file}:${d.location.line}:${d.location.column}` : '');

describe('npm run refs -- check (whole project)', async () => {
  const { status, found } = await diagnostics();
  const summary = found.map((d) => `${where(d)} ${d.severity} ${d.code}`);
  const message = (code: string, at: string) => found.find((d) => d.code === code && where(d) === at)?.message;

  it('exits 1 when there are errors', () => {
    expect(status).toBe(1);
  });

  it.each([
    ['references/library.bib:13:1 error duplicate-key', 'a key defined twice'],
    ['references/library.bib:14:1 error duplicate-key', 'keys that differ only in case'],
    ['references/library.bib:15:1 error duplicate-work', 'one work under two keys'],
    ['references/library.bib:17:1 error invalid-identifier', 'a malformed identifier'],
    ['references/library.bib:23:1 warning missing-identifier', 'an entry without identifiers'],
    ['references/library.bib:25:1 error metadata-mismatch', 'fields that disagree with the stored record'],
    ['references/library.bib:34:1 error metadata-mismatch', 'a PMID that disagrees with the record of its DOI'],
    ['references/library.bib:35:1 error identifier-not-found', 'an identifier the registry does not know'],
    ['references/library.bib:38:1 warning unused-reference', 'an unused entry'],
    ['references/library.bib:39:1 error invalid-bibtex', 'an unreadable entry, and the entries after it are still read'],
    ['references/library.bib:40:1 warning unverified-identifier', 'an identifier without stored metadata'],
    ['content/articles/sample.mdx:11:59 error retracted-source', 'a retracted source the article does not acknowledge'],
    ['content/articles/sample.mdx:12:64 error unknown-key', 'an unknown key, at its place in the article'],
  ])('reports %s (%s)', (line) => {
    expect(summary).toContain(line);
  });

  it('says which fields disagree and what the record says', () => {
    expect(message('metadata-mismatch', 'references/library.bib:25:1')).toBe(
      '"mismatch" disagrees with the stored metadata of DOI 10.1000/mismatch: title is "Acupuncture for chronic pain: update on the research evidence", '
      + 'the record says "Acupuncture for chronic pain and depression in primary care: a programme of research"; year is "2017", the record says "2016"; '
      + 'first author is "Irvin SC", the record says "MacPherson H"; authors: not in the record: Irvin SC; missing: MacPherson H; '
      + 'journal is "BMJ", the record says "Programme Grants for Applied Research"; volume is "358", the record says "5"; pages is "j2879", the record says "1-316"',
    );
    expect(message('metadata-mismatch', 'references/library.bib:34:1')).toMatch(/PMID is 111, the record says 222/u);
    expect(found.filter((d) => d.code === 'invalid-identifier').map((d) => d.message)).toEqual([
      '"badids": DOI "10.1016 j.pain" is malformed', '"badids": PMID "12ab" is malformed', '"badids": PMCID "PMX12" is malformed',
    ]);
    expect(message('invalid-bibtex', 'references/library.bib:39:1')).toMatch(/"broken" could not be read: its braces do not balance/u);
  });

  it('accepts an entry whose fields match its record in another form (abbreviated journal and pages, print year, "and others")', () => {
    // Only its shortened author list is warned about ("and others").
    expect(found.filter((d) => d.key === 'good2018').map((d) => d.code)).toEqual(['incomplete-entry']);
  });

  it('accepts a corrected source the article acknowledges, and skips citations in code', () => {
    expect(found.filter((d) => d.key === 'corrected' || d.key === 'ignored')).toEqual([]);
  });

  it('names the related places: the first definition, the stored record', () => {
    const duplicate = found.find((d) => d.code === 'duplicate-key' && where(d) === 'references/library.bib:13:1')!;
    expect(duplicate.related).toEqual([{ file: 'references/library.bib', line: 12, column: 1 }]);
    const ghost = found.find((d) => d.code === 'identifier-not-found')!;
    expect(ghost.related).toEqual([{ file: 'references/identifiers/doi-10.1000%2Fghost.json', line: 1, column: 1 }]);
  });

  it('prints file:line:col: severity: message [code] without --json, and a count', async () => {
    const { output } = await run(['check', '--root', FIXTURE]);
    expect(output).toMatch(/^references\/library\.bib:35:1: error: "ghost": DOI 10\.1000\/ghost does not exist \(https:\/\/doi\.org\/10\.1000\/ghost answered "not found" on 2026-01-01\) \[identifier-not-found\]$/mu);
    expect(output).toMatch(/^\d+ error\(s\), \d+ warning\(s\)$/mu);
  });
});

describe('npm run refs -- check FILE', () => {
  it('reports only problems in the named files, checked against the stored metadata', async () => {
    const root = mkdtempSync(join(tmpdir(), 'refs-check-'));
    const clean = join(root, 'clean.bib');
    writeFileSync(clean, '@article{fine, author = {Vickers, Andrew J.}, title = {Acupuncture for chronic pain: update of an individual patient data meta-analysis}, journal = {The Journal of Pain}, year = 2018, doi = {10.1000/good}}\n');
    // The library has this work already: the new file's entry is the one reported, with the key to cite.
    const repeated = await run(['check', '--root', FIXTURE, clean]);
    expect(repeated).toEqual({ status: 1, output: `${clean}:1:1: error: "fine" and "good2018" are the same work (doi:10.1000/good) [duplicate-work]\n  see also references/library.bib:2:1\n  hint: Keep one entry and cite it everywhere; replace @fine with @good2018.\n1 error(s), 0 warning(s)` });
    writeFileSync(clean, '@article{fine, author = {Vickers, Andrew J.}, title = {Acupuncture for chronic pain: a new trial}, journal = {The Journal of Pain}, year = 2026, doi = {10.1000/new}}\n');
    const fresh = await run(['check', '--root', FIXTURE, clean]);
    expect(fresh.status).toBe(0);
    expect(fresh.output).toMatch(/^\S+clean\.bib:1:1: warning: "fine": no stored metadata for DOI 10\.1000\/new, so the entry is not checked against it \[unverified-identifier\]$/mu);
    expect(fresh.output).toMatch(/^0 error\(s\), 1 warning\(s\)$/mu);
    const bad = join(root, 'bad.bib');
    writeFileSync(bad, '\uFEFF@article{x,\r\n  title = {Wrong title},\r\n  doi = {10.1000/good}\r\n}\r\n');
    const result = await run(['check', '--root', FIXTURE, bad]);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/bad\.bib:1:1: error: "x" disagrees with the stored metadata of DOI 10\.1000\/good: title is "Wrong title"/u);
    expect(result.output).not.toMatch(/^references\/library\.bib/mu); // the library's own problems are not this file's
  });

  it('reports a key whose page the site keeps for a sorted list, as the build would', async () => {
    const root = mkdtempSync(join(tmpdir(), 'refs-reserved-'));
    const reserved = join(root, 'reserved.bib');
    writeFileSync(reserved, '@misc{by-year, title = {A key like a page}, year = 2020}\n');
    const result = await run(['check', '--root', FIXTURE, reserved]);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/reserved\.bib:1:1: error: Reference "by-year" would take the page \/references\/by-year\/, which lists the references sorted \[duplicate-key\]/u);
  });

  it('says so when a named file does not exist', async () => {
    expect(await run(['check', '--root', FIXTURE, 'nope.bib'])).toEqual({ status: 1, output: 'error: nope.bib does not exist.' });
  });
});

describe('npm run refs -- check reads keys as the build does', () => {
  /** What `check --json` reports for one article `body` (and frontmatter lines) beside a library of these keys. */
  async function checkArticle(keys: string[], body: string, frontmatter = '', conditionFiles = ['pain.yaml']): Promise<Diagnostic[]> {
    const root = mkdtempSync(join(tmpdir(), 'refs-article-'));
    mkdirSync(join(root, 'content/conditions'), { recursive: true });
    for (const name of conditionFiles) writeFileSync(join(root, 'content/conditions', name), 'name: A condition\ndescription: A condition for the tests of refs check.\n');
    const entry = (key: string) => `@article{${key},\n  author = {Smith, Ann},\n  title = {A trial},\n  journal = {Trials},\n  year = {2020},\n}\n`;
    mkdirSync(join(root, 'references'));
    mkdirSync(join(root, 'content/articles'), { recursive: true });
    writeFileSync(join(root, 'references/library.bib'), keys.map(entry).join(''));
    writeFileSync(join(root, 'content/articles/a.mdx'), `---\ntitle: A\ndescription: A summary for the tests of refs check.\nconditions: [pain]\ninterventions: [rest]\nlastReviewed: 2026-01-01\n${frontmatter}---\n\n${body}`);
    return JSON.parse((await run(['check', '--json', '--root', root])).output) as Diagnostic[];
  }

  it("takes a possessive for one and keeps a key's own apostrophe", async () => {
    const found = await checkArticle(['smith2020', "o'brien2020"], "@smith2020's trial and @o'brien2020's follow-up agree [@o'brien2020, p. 3].\n");
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
    expect(found.filter((d) => d.code === 'unused-reference')).toEqual([]);
  });

  it('stops where the build stops on how a citation is written, and reads an en dash after a key as the build does', async () => {
    const found = await checkArticle(['smith2020', 'doe2021'], 'Two trials [@smith2020, @doe2021].\n\n@smith2020--a large trial--found a dose of {1-2} mg.\n');
    expect(found.filter((d) => d.severity === 'error').map((d) => `${d.location?.line}:${d.location?.column} ${d.code}`)).toEqual(['9:13 citation-syntax', '11:44 prose-expression']);
  });

  it('warns, as the build does, about a summary that cites no source', async () => {
    const found = await checkArticle(['smith2020'], 'No sources here yet.\n');
    expect(found.filter((d) => d.code === 'no-citations').map((d) => `${where(d)} ${d.severity}: ${d.message}`)).toEqual(['content/articles/a.mdx:1:1 warning: cites no sources, so readers see "Sources: None cited"']);
  });

  it('warns, as the build does, about conditions content/conditions/ has no file for, at the line that lists them, with the slug meant', async () => {
    const found = await checkArticle(['smith2020'], 'A trial [@smith2020].\n', '', ['Pains.yaml', 'neck-pain.yml']);
    expect(found.filter((d) => d.code === 'unknown-condition').map((d) => `${where(d)} ${d.severity}: ${d.message}. ${d.hint}`)).toEqual([
      'content/articles/a.mdx:4:1 warning: conditions lists "pain", which content/conditions/ does not have, so it gets no condition page. Did you mean "pains" for "pain"? Fix the slug or add content/conditions/pain.yaml.',
    ]);
    expect((await checkArticle(['smith2020'], 'A trial [@smith2020].\n')).filter((d) => d.code === 'unknown-condition')).toEqual([]);
  });

  it('warns at their title lines about two summaries with one title, which lists and search results show alike', async () => {
    const root = mkdtempSync(join(tmpdir(), 'refs-titles-'));
    mkdirSync(join(root, 'references'));
    mkdirSync(join(root, 'content/articles'), { recursive: true });
    writeFileSync(join(root, 'references/library.bib'), '@article{smith2020, author = {Smith, Ann}, title = {A trial}, journal = {Trials}, year = {2020}}\n');
    const article = (title: string) => `---\ndescription: A summary for the tests of refs check.\ntitle: ${title}\nconditions: [pain]\ninterventions: [rest]\nlastReviewed: 2026-01-01\n---\n\nA trial [@smith2020].\n`;
    writeFileSync(join(root, 'content/articles/acupuncture.mdx'), article('Acupuncture for chronic pain'));
    writeFileSync(join(root, 'content/articles/acupuncture-2.mdx'), article('Acupuncture for  Chronic Pain'));
    writeFileSync(join(root, 'content/articles/exercise.mdx'), article('Exercise for chronic pain'));
    const found = JSON.parse((await run(['check', '--json', '--root', root])).output) as Diagnostic[];
    expect(found.filter((d) => d.code === 'duplicate-title').map((d) => `${where(d)} ${d.severity}: ${d.message} (${d.related?.map((r) => `${r.file}:${r.line}`).join()})`)).toEqual([
      'content/articles/acupuncture.mdx:3:1 warning: content/articles/acupuncture.mdx has the title "Acupuncture for chronic pain", as content/articles/acupuncture-2.mdx has: lists and search results show the two summaries alike (content/articles/acupuncture-2.mdx:3)',
    ]);
  });

  it('warns at its line about a note in acknowledgedUpdates for a source the article does not cite', async () => {
    const found = await checkArticle(['smith2020', 'doe2021'], 'A trial [@smith2020].\n', 'acknowledgedUpdates:\n  smith2020: Corrected in 2021.\n  smiht2020: Retracted.\n  doe2021: Not cited here.\n');
    expect(found.filter((d) => d.code === 'unused-acknowledgement').map((d) => [d.key, d.location?.line, d.message, d.hint])).toEqual([
      ['smiht2020', 7, 'acknowledgedUpdates has a note for "smiht2020", which content/articles/a.mdx does not cite, so readers never see it', 'Did you mean smith2020? Write the key as the article cites it, or remove the note.'],
      ['doe2021', 7, 'acknowledgedUpdates has a note for "doe2021", which content/articles/a.mdx does not cite, so readers never see it', 'Write the key as the article cites it, or remove the note.'],
    ]);
  });
});

describe('npm run refs -- check on sources cited by their identifier', () => {
  it('warns, as the build does, about a stored record an article cites that lacks a title, and not about one it does not cite', async () => {
    const root = mkdtempSync(join(tmpdir(), 'refs-cited-record-'));
    mkdirSync(join(root, 'references/identifiers'), { recursive: true });
    mkdirSync(join(root, 'content/articles'), { recursive: true });
    const record = (doi: string) => JSON.stringify({ identifier: `doi:${doi}`, source: `https://doi.org/${doi}`, fetched: '2026-12-01', csl: { type: 'article-journal', DOI: doi, author: [{ family: 'Doe', given: 'Jane' }], 'container-title': 'Trials', issued: { 'date-parts': [[2020]] } } });
    writeFileSync(join(root, 'references/identifiers/doi-10.1000%2Fcited.json'), record('10.1000/cited'));
    writeFileSync(join(root, 'references/identifiers/doi-10.1000%2Funcited.json'), record('10.1000/uncited'));
    writeFileSync(join(root, 'content/articles/a.mdx'), '---\ntitle: A\ndescription: A summary for the tests of refs check.\nconditions: [pain]\ninterventions: [rest]\nlastReviewed: 2026-01-01\n---\n\nA trial [@doi:10.1000/cited].\n');
    const found = JSON.parse((await run(['check', '--json', '--root', root])).output) as Diagnostic[];
    expect(found.filter((d) => d.code === 'incomplete-entry').map((d) => [where(d), d.message])).toEqual([
      ['references/identifiers/doi-10.1000%2Fcited.json:1:1', '"doi:10.1000/cited" has no title: its reference is printed without it, and readers need it to find the work'],
    ]);
  });
});

describe('npm run refs -- check on a cited preprint with a published version', () => {
  it('warns at the record and at a library entry with its DOI, naming the DOI to cite', async () => {
    const root = mkdtempSync(join(tmpdir(), 'refs-preprint-'));
    mkdirSync(join(root, 'references/identifiers'), { recursive: true });
    mkdirSync(join(root, 'content/articles'), { recursive: true });
    const preprint = (doi: string) => JSON.stringify({ identifier: `doi:${doi}`, source: `https://doi.org/${doi}`, fetched: '2026-12-01', csl: { type: 'posted-content', subtype: 'preprint', title: 'Estimating the asymptomatic proportion', DOI: doi, author: [{ family: 'Mizumoto', given: 'Kenji' }], institution: [{ name: 'medRxiv' }], issued: { 'date-parts': [[2020, 2, 23]] }, relation: { 'is-preprint-of': [{ 'id-type': 'doi', id: '10.2807/1560-7917.ES.2020.25.10.2000180', 'asserted-by': 'subject' }] } } });
    writeFileSync(join(root, 'references/identifiers/doi-10.1101%2F2020.02.20.20025866.json'), preprint('10.1101/2020.02.20.20025866'));
    writeFileSync(join(root, 'references/identifiers/doi-10.1101%2F2020.03.01.1.json'), preprint('10.1101/2020.03.01.1'));
    writeFileSync(join(root, 'references/library.bib'), '@article{mizumoto2020, title = {Estimating the asymptomatic proportion}, author = {Mizumoto, Kenji}, year = {2020}, journal = {medRxiv}, doi = {10.1101/2020.03.01.1}}\n');
    writeFileSync(join(root, 'content/articles/a.mdx'), '---\ntitle: A\ndescription: A summary for the tests of refs check.\nconditions: [pain]\ninterventions: [rest]\nlastReviewed: 2026-01-01\n---\n\nMany had no symptoms [@doi:10.1101/2020.02.20.20025866; @mizumoto2020].\n');
    const found = JSON.parse((await run(['check', '--json', '--root', root])).output) as Diagnostic[];
    expect(found.filter((d) => d.code === 'published-version').map((d) => [where(d), d.message])).toEqual([
      ['references/identifiers/doi-10.1101%2F2020.02.20.20025866.json:1:1', '"doi:10.1101/2020.02.20.20025866" is a preprint, and its registry names the version published since: DOI 10.2807/1560-7917.es.2020.25.10.2000180'],
      ['references/library.bib:1:1', '"mizumoto2020" is a preprint, and its registry names the version published since: DOI 10.2807/1560-7917.es.2020.25.10.2000180'],
    ]);
    expect(found.find((d) => d.code === 'published-version')!.hint).toBe('Cite the published version, @doi:10.2807/1560-7917.es.2020.25.10.2000180 (`npm run refs -- add 10.2807/1560-7917.es.2020.25.10.2000180` while online), unless the preprint itself is meant: its results may differ from the peer-reviewed ones.');
  });
});

describe('npm run refs -- check on how an article is written', () => {
  /** A project with one article and, when given, one BibTeX file. */
  function articleProject(article: { name: string; lines: string[] }, bibtex?: string): string {
    const root = mkdtempSync(join(tmpdir(), 'refs-written-'));
    mkdirSync(join(root, 'references'));
    mkdirSync(join(root, 'content/articles'), { recursive: true });
    if (bibtex) writeFileSync(join(root, 'references/library.bib'), `${bibtex}\n`);
    writeFileSync(join(root, 'content/articles', article.name), `${article.lines.join('\n')}\n`);
    return root;
  }

  it('reports what the build stops or warns on: <Finding> errors, stray brackets, bare keys, citations where none is read', async () => {
    const root = articleProject({ name: 'knee.mdx', lines: [
      '---',
      'title: Exercise [@fransen2015] for knee pain',
      '---',
      '',
      'Knee pain is common after 50 [@fransen2015.',
      '',
      'Exercise helps @fransen2015].',
      '',
      'As [fransen2015] showed.',
      '',
      '<KeyFindings>',
      '<Finding id="pain" outcome="Pain" certainty="medium">Less pain [@fransen2015].</Finding>',
      '</KeyFindings>',
    ] }, '@article{fransen2015, author = {Fransen, Marlene}, title = {Exercise for osteoarthritis of the knee}, journal = {Cochrane Database Syst Rev}, year = 2015, doi = {10.1002/14651858.CD004376.pub3}}');
    const { status, output } = await run(['check', '--json', '--root', root]);
    const found = (JSON.parse(output) as Diagnostic[]).map((d) => `${where(d)} ${d.severity} ${d.code}`);
    expect(status).toBe(1);
    expect(found).toEqual(expect.arrayContaining([
      'content/articles/knee.mdx:5:31 error citation-syntax',
      'content/articles/knee.mdx:7:16 error citation-syntax',
      'content/articles/knee.mdx:9:4 warning bare-key',
      'content/articles/knee.mdx:12:1 error invalid-finding',
      'content/articles/knee.mdx:2:1 warning unread-citation',
    ]));
  });

  it("places every problem of a citation whose text GFM's autolink step split, as in Manubot's url: keys", async () => {
    const root = articleProject({ name: 'manubot.mdx', lines: [
      '---',
      'title: Manubot',
      '---',
      '',
      'Manubot cites this way [@url:https://github.com/manubot/rootstock].',
      '',
      'Costs [@cori2013; @url:https://x.org/a; @nonexistent2022].',
    ] }, '@article{cori2013, author = {Cori, Anne}, title = {R}, journal = {AJE}, year = {2013}}');
    const { output } = await run(['check', '--json', '--root', root]);
    const errors = (JSON.parse(output) as Diagnostic[]).filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((d) => !d.location).map((d) => d.message)).toEqual([]);
    expect(errors.filter((d) => d.code === 'unknown-key').map((d) => `${where(d)} ${d.key}`)).toEqual([
      'content/articles/manubot.mdx:5:25 url',
      'content/articles/manubot.mdx:7:19 url',
      'content/articles/manubot.mdx:7:41 nonexistent2022',
    ]);
  });

  it('says how to write MDX syntax in prose as text, as the build does', async () => {
    const root = articleProject({ name: 'harms.mdx', lines: ['---', 'title: Harms', '---', '', 'Harms were rare (<one in twenty people).'] });
    const { output } = await run(['check', '--root', root]);
    expect(output).toMatch(/content\/articles\/harms\.mdx:5:\d+: error: content\/articles\/harms\.mdx could not be read: .* \[invalid-article\]\n {2}hint: In MDX, `<` followed by a letter starts a component or HTML tag \(here `<one in twen…`\)/u);
  });
});

describe('npm run refs -- with a mistyped option', () => {
  it.each([
    [['add', '--mising'], 'error: unknown option --mising. Did you mean --missing?'],
    [['export', '--fromat', 'ris'], 'error: unknown option --fromat. Did you mean --format?'],
    [['check', '--bogus'], 'error: unknown option --bogus.'],
    // Another command's option was accepted and ignored: `check --force` checked as if it were not there.
    [['check', '--force'], 'error: --force is an option of add, not of check.'],
    [['add', 'pmid:1', '--json'], 'error: --json is an option of check, not of add.'],
    [['export', '--format', 'ris', '--offline'], 'error: --offline is an option of add, not of export.'],
  ])('%j: names the option and the one meant, then that command\'s usage, and exits 2', async (args, first) => {
    const { status, output } = await run(args);
    expect(status).toBe(2);
    expect(output.split('\n')[0]).toBe(first);
    expect(output).toContain(`Usage: npm run refs -- ${args[0]} [options]`);
  });

  it('names the command probably meant for a mistyped one', async () => {
    const { status, output } = await run(['chekc', '--json']);
    expect(status).toBe(2);
    expect(output.split('\n')[0]).toBe('error: unknown command "chekc". Did you mean check?');
    expect(output).toContain('Usage: npm run refs -- <command> [options]');
  });
});

describe('npm run refs -- --help', () => {
  // Each command's --help printed the general usage: every command's options and no example.
  it.each([
    ['add', '--bibtex FILE', 'npm run refs -- add --missing'],
    ['check', '--json', 'npm run refs -- check references/new.bib'],
    ['export', '--format bibtex|ris|csl-json', 'npm run refs -- export --format ris --out library.ris'],
  ])('%s --help: that command\'s options and examples only, exit 0', async (command, option, example) => {
    const { status, output } = await run([command, '--help']);
    expect(status).toBe(0);
    expect(output.split('\n')[0]).toBe(`Usage: npm run refs -- ${command} [options]`);
    expect(output).toContain(option);
    expect(output).toContain(example);
    const others = ['add <doi', 'check [FILE', 'export --format'].filter((line) => !line.startsWith(command));
    for (const line of others) expect(output).not.toContain(line);
  });

  it('--help alone: every command, without examples', async () => {
    const { status, output } = await run(['--help']);
    expect(status).toBe(0);
    for (const line of ['add <doi|pmid|pmcid>', 'check [FILE…]', 'export --format', '--root DIR']) expect(output).toContain(line);
    expect(output).not.toContain('Examples:');
  });
});
