import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildFixture, fixturesDir, scratchSite } from './helpers.ts';

/** Builds a broken copy of the basic fixture site and returns the error the build failed with. */
async function buildError(edit: (root: string) => void, env?: Record<string, string>): Promise<Error> {
  const site = scratchSite('site-basic', edit);
  try {
    await buildFixture(site.root, env);
  } catch (error) {
    return error as Error;
  } finally {
    await site.cleanup();
  }
  throw new Error('the build succeeded but should have failed');
}

const article = (root: string) => join(root, 'content/articles/first.mdx');
function cite(root: string, markdown: string) {
  appendFileSync(article(root), `\n${markdown}\n`);
}
/** 1-based line of the last line of the article, where `cite` put the new text. */
const lastLine = (root: string) => readFileSync(article(root), 'utf8').trimEnd().split('\n').length;

describe('build errors an author can act on', () => {
  it('unknown key: file:line:col, the key, and did-you-mean suggestions', async () => {
    let line = 0;
    const error = await buildError((root) => {
      cite(root, 'A typo in a key [@vickers2018].');
      line = lastLine(root);
    });
    expect(error.message).toContain(`content/articles/first.mdx:${line}:18: error: Unknown citation key "vickers2018" [unknown-key]`);
    expect(error.message).toContain('hint: Did you mean "vickers2018acupuncture"?');
  });

  it('errors in several articles: every one in one report, sorted by file and line, with no stack trace under them', async () => {
    const error = await buildError((root) => {
      cite(root, 'A typo in a key [@vickers2018].\n\nBraces read as code: {1-2} mg.');
      const second = join(root, 'content/articles/second.mdx');
      appendFileSync(second, '\nAnother typo [@cherkin2009].\n');
    });
    expect(error.message).toContain('3 error(s) in 2 article(s):');
    const places = [...error.message.matchAll(/content\/articles\/(\w+)\.mdx:\d+:\d+: error: .*\[([\w-]+)\]$/gmu)].map(([, file, code]) => `${file} ${code}`);
    expect(places).toEqual(['first unknown-key', 'first prose-expression', 'second unknown-key']);
    // The bundler wraps the error it stopped on; the CLI prints that one's message and hint.
    const [report] = (error as Error & { errors?: (Error & { hint?: string })[] }).errors ?? [];
    expect(report?.hint).toContain('npm run refs -- check');
    expect(report?.stack).toBe('');
  });

  it.each([
    ['a "less than" before a word', 'Harms were rare (<one in twenty people).', /In MDX, `<` followed by a letter starts a component or HTML tag \(here `<one in twen…`\)\. To write "less than", put a backslash before it/u],
    ['a brace in prose', 'Doses ranged {low to high.', /In MDX, braces hold JavaScript\. To write a brace as text, put a backslash before it/u],
    ['a tag left open', 'See <Finding id="x" outcome="y"> here.', /In MDX every tag is closed: put `<\/Finding>` where its content ends/u],
  ])('MDX syntax in prose, %s: the place and how to write it as text, with no bundler stack trace under them', async (_what, markdown, hint) => {
    const error = await buildError((root) => cite(root, markdown));
    const [report] = (error as Error & { errors?: (Error & { hint?: string; loc?: { file: string } })[] }).errors ?? [];
    expect(report?.loc?.file).toMatch(/content\/articles\/first\.mdx$/u);
    expect(report?.hint).toMatch(hint);
    expect(report?.stack).toBe('');
  });

  it('a retracted source and an unknown key in one summary: both in the same build, the unknown key once', async () => {
    const error = await buildError((root) => {
      writeFileSync(join(root, 'references/identifiers/pmid-11111111.json'), JSON.stringify({
        identifier: 'pmid:11111111', source: 'https://pubmed.ncbi.nlm.nih.gov/11111111/', fetched: '2026-12-01',
        updates: [{ type: 'retraction', identifier: 'pmid:22222222' }],
        csl: { type: 'article-journal', title: 'A retracted trial', author: [{ family: 'Doe', given: 'Jane' }], 'container-title': 'Trials', issued: { 'date-parts': [[2020]] }, PMID: '11111111' },
      }));
      cite(root, 'A retracted trial [@pmid:11111111] and a typo [@vickers2018].');
    });
    expect(error.message).toContain('2 error(s) in 1 article(s):');
    expect(error.message).toMatch(/error: "pmid:11111111" is retracted \(pmid:22222222\), and \S*content\/articles\/first\.mdx does not say so \[retracted-source\]/u);
    expect(error.message.match(/\[unknown-key\]/gu)).toHaveLength(1);
  });

  it('malformed BibTeX entry: the entry\'s own file:line, where it is cited, and what to fix', async () => {
    const error = await buildError((root) => {
      appendFileSync(join(root, 'references/refs.bib'), '\n@article{broken2020,\n  title = {Unclosed,\n  year = 2020\n}\n');
      cite(root, 'Cites a broken entry [@broken2020].\n\nAnd again [@broken2020].');
    });
    expect(error.message).toMatch(/content\/articles\/first\.mdx:\d+:\d+: error: BibTeX entry "broken2020" could not be read: .+ \[invalid-bibtex\]/u);
    expect(error.message).toMatch(/see also references\/refs\.bib:5\d:1/u);
    // Once, with the second place that cites it among the places named, not once per citation.
    expect(error.message).toContain('1 error(s) in 1 article(s):');
    expect(error.message.match(/could not be read/gu)).toHaveLength(1);
    expect(error.message).toMatch(/see also \S*content\/articles\/first\.mdx:\d+:\d+/u);
    expect(error.message).toContain('hint: Check the braces, quotes and commas of the entry that starts at line 5');
  });

  it('an entry\'s error placed in its .bib file counts the articles that cite it, not the file', async () => {
    const error = await buildError((root) => {
      appendFileSync(join(root, 'references/refs.bib'), '\n@article{badpmid2020,\n  author = {Doe, Jane},\n  title = {A trial},\n  journal = {J},\n  year = 2020,\n  pmid = {12ab}\n}\n');
      cite(root, 'A trial [@badpmid2020].');
      appendFileSync(join(root, 'content/articles/second.mdx'), '\nThe same trial [@badpmid2020].\n');
    });
    expect(error.message).toMatch(/references\/refs\.bib:\d+:\d+: error: .*12ab.* \[invalid-identifier\]/u);
    expect(error.message).toContain('1 error(s) in 2 article(s):');
  });

  it('key defined twice: both places are named', async () => {
    const error = await buildError((root) => {
      const bib = join(root, 'references/refs.bib');
      appendFileSync(bib, '\n@article{haake2007gerac,\n  title = {A second definition},\n  year = 2007\n}\n');
    });
    expect(error.message).toMatch(/content\/articles\/first\.mdx:\d+:\d+: error: Citation key "haake2007gerac" is defined twice \[duplicate-key\]/u);
    expect(error.message).toMatch(/see also references\/refs\.bib:5\d:1\n\s+see also references\/refs\.bib:32:1/u);
  });

  it('DOI with no stored metadata: names the command that fetches it', async () => {
    const error = await buildError((root) => cite(root, 'A new trial [@doi:10.1000/new.trial.2026].'));
    expect(error.message).toMatch(/first\.mdx:\d+:\d+: error: No stored metadata for DOI 10\.1000\/new\.trial\.2026 \[missing-metadata\]/u);
    expect(error.message).toContain('npm run refs -- add 10.1000/new.trial.2026');
  });

  it.each([
    ['a year alone', 'nextReview: 2027'],
    ['a day that does not exist, quoted', 'published: "2026-02-30"'],
    ['day and month in either order', 'published: "01/02/2026"'],
  ])('a frontmatter date written as %s: the field and the form to use, not another date', async (_what, line) => {
    const error = await buildError((root) => {
      writeFileSync(article(root), readFileSync(article(root), 'utf8').replace(/^lastReviewed: .*$/mu, (reviewed) => `${reviewed}\n${line}`));
    });
    expect(error.message).toContain(line.split(':')[0]!);
    expect(error.message).toMatch(/YYYY-MM-DD|not a date of the calendar/u);
  });

  it('frontmatter problems in several summaries: each at its file and line, in one error, an unquoted date the calendar lacks too', async () => {
    const error = await buildError((root) => {
      writeFileSync(article(root), readFileSync(article(root), 'utf8').replace(/^lastReviewed: .*$/mu, 'lastReviewed: 2026-02-30'));
      const second = join(root, 'content/articles/second.mdx');
      writeFileSync(second, readFileSync(second, 'utf8').replace(/^description: .*$/mu, 'description: Too short'));
    });
    const lastReviewedLine = readFileSync(join(fixturesDir, 'site-basic/content/articles/first.mdx'), 'utf8').split('\n').findIndex((line) => line.startsWith('lastReviewed:')) + 1;
    expect(error.message).toContain(`content/articles/first.mdx:${lastReviewedLine}:1: error: lastReviewed: 2026-02-30 is not a date of the calendar [invalid-frontmatter]`);
    expect(error.message).toContain('content/articles/second.mdx:3:1: error: description: write one or two plain-language sentences (at least 20 characters) [invalid-frontmatter]');
  });

  it("a condition or treatment file with a missing, mistyped or wrong field: each at its line, before Astro's content sync", async () => {
    // Astro had stopped at the first such file with "name**: **name: Required", line 0 and a stack trace.
    const error = await buildError((root) => {
      mkdirSync(join(root, 'content/conditions'));
      mkdirSync(join(root, 'content/treatments'));
      writeFileSync(join(root, 'content/conditions/shoulder-pain.yaml'), 'nmae: Shoulder pain\nalsoKnownAs: frozen shoulder\ndescription: Pain in or around the shoulder joint.\n');
      writeFileSync(join(root, 'content/treatments/yoga.yaml'), 'name: Yoga\nalsoKnownas: [hatha yoga]\n');
    });
    expect(error.message).toContain('content/conditions/shoulder-pain.yaml:1:1: error: "nmae" is not a field of a condition [invalid-frontmatter]\n  hint: Did you mean name?');
    expect(error.message).toContain('content/conditions/shoulder-pain.yaml:2:1: error: alsoKnownAs: write a list, as in alsoKnownAs: [lumbago, lower back pain] [invalid-frontmatter]');
    expect(error.message).toContain('content/treatments/yoga.yaml:2:1: error: "alsoKnownas" is not a field of a treatment [invalid-frontmatter]\n  hint: Did you mean alsoKnownAs?');
    expect(error.message).not.toMatch(/\*\*|Stack trace/u);
  });

  it.each([
    ['YAML it cannot read', 'alsoKnownAs: [knee arthritis\n', /content\/conditions\/knee-osteoarthritis\.yaml:\d+:\d+: error: .* is not valid YAML: /u],
    ['a field its schema refuses', 'icd10: knee\n', /content\/conditions\/knee-osteoarthritis\.yaml:3:1: error: icd10: use an ICD-10 code/u],
  ])('a condition file with %s: the file, the line and the field, with no parser stack trace', async (_what, yaml, expected) => {
    const error = await buildError((root) => {
      mkdirSync(join(root, 'content/conditions'));
      writeFileSync(join(root, 'content/conditions/knee-osteoarthritis.yaml'), `name: Knee osteoarthritis\ndescription: Wear of the knee joint that brings pain and stiffness.\n${yaml}`);
    });
    expect(error.message).toMatch(expected);
    expect(error.stack).toBe('');
  });

  it('two summaries with one address (a file name in capitals, a frontmatter slug): every file named, before Astro drops all but one', async () => {
    const error = await buildError((root) => {
      writeFileSync(join(root, 'content/articles/First.mdx'), readFileSync(article(root), 'utf8'));
      const second = join(root, 'content/articles/second.mdx');
      writeFileSync(second, readFileSync(second, 'utf8').replace(/^title: /mu, 'slug: first\ntitle: '));
    });
    expect(error.message).toContain('content/articles/first.mdx:1:1: error: content/articles/first.mdx and content/articles/First.mdx would both be published at /articles/first/, and only one of them would be on the site [duplicate-article]');
    expect(error.message).toContain('content/articles/second.mdx:1:1: error: content/articles/second.mdx and content/articles/First.mdx would both be published at /articles/first/');
  });

  it('a summary at the address of a page of the list of summaries is named, with what to do', async () => {
    const error = await buildError((root) => {
      mkdirSync(join(root, 'content/articles/page'));
      writeFileSync(join(root, 'content/articles/page/2.mdx'), readFileSync(article(root), 'utf8'));
    });
    expect(error.message).toContain('content/articles/page/2.mdx:1:1: error: content/articles/page/2.mdx would be published at /articles/page/2/, an address kept for the pages of the list of summaries [duplicate-article]\n  hint: Rename the file or its folder');
  });

  it('a processor that would ignore citations stops the build with the fix', async () => {
    const error = await buildError((root) => {
      const config = join(root, 'astro.config.mjs');
      writeFileSync(config, readFileSync(config, 'utf8').replace("markdown: { processor: unified() },", ''));
    });
    expect(error.message).toContain('Citations need the unified Markdown processor, but markdown.processor is "satteri"');
    expect(String((error as Error & { hint?: string }).hint)).toContain("set markdown: { processor: unified() }");
  });

  it('invalid options name the option and the allowed values', async () => {
    const error = await buildError(() => undefined, { FIXTURE_STYLE: 'chicago' });
    expect(error.message).toContain('Invalid evidenceCitations() options: style:');
    expect(String((error as Error & { hint?: string }).hint)).toContain('style is ama, vancouver, apa or a path to a .csl file');
  });
});

describe('warnings', () => {
  it('names unused references, unreadable entries nobody cites, LaTeX left in a cited entry, a misspelt field, a missing journal, citations where they are not read, a misspelt condition and a summary that cites nothing, once each, without failing the build or burying them in bundler noise', async () => {
    const site = scratchSite('site-basic', (root) => {
      const refs = join(root, 'references/refs.bib');
      writeFileSync(refs, readFileSync(refs, 'utf8').replace('title   = {German Acupuncture Trials', 'title   = {\\tubissue{} German Acupuncture Trials').replace(/\bvolume(\s*=)/u, 'volumne$1').replace(/(@article\{haake2007gerac,[^@]*?)  journal = \{[^}]*\},\n/u, '$1'));
      appendFileSync(refs, '\n@article{uncited2020,\n  title = {Nobody cites this},\n  year = 2020\n}\n\n@article{brokenuncited,\n  title = {Unclosed,\n}\n');
      appendFileSync(refs, Array.from({ length: 12 }, (_, i) => `\n@article{spare${i},\n  title = {Kept for a later summary},\n  year = 2021\n}\n`).join(''));
      cite(root, 'The <abbr title="German Acupuncture Trials [@haake2007gerac]">GERAC</abbr> trials.\n\n![A chart from @cherkin2009randomized](/chart.png)');
      writeFileSync(article(root), readFileSync(article(root), 'utf8').replace('title: First summary', 'title: First summary [@vickers2018acupuncture]').replace('conditions: [chronic-low-back-pain]', 'conditions: [neck-pian]'));
      mkdirSync(join(root, 'content/conditions'));
      writeFileSync(join(root, 'content/conditions/neck-pain.yaml'), 'name: Neck pain\ndescription: Pain in the neck that has lasted more than three months.\n');
      writeFileSync(join(root, 'content/articles/draft.mdx'), readFileSync(article(root), 'utf8').replace(/\n---\n[\s\S]*$/u, '\n---\n\nNo sources yet.\n'));
    });
    const output: string[] = [];
    const capture = (chunk: string | Uint8Array) => {
      output.push(String(chunk));
      return true;
    };
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    // Pages warn through console.warn, which vitest intercepts before process.stderr.
    const warn = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => capture(`${args.join(' ')}\n`));
    try {
      await buildFixture(site.root, {}, 'warn');
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
      warn.mockRestore();
      await site.cleanup();
    }
    const log = output.join('');
    expect(log).toMatch(/references\/refs\.bib:5\d:1: warning: Reference "uncited2020" is not cited by any article \[unused-reference\]/u);
    expect(log.match(/uncited2020/gu)).toHaveLength(1);
    // A large library's unused entries are counted, the first ten shown, and refs check named for the rest.
    expect(log).toContain('13 unused reference(s):');
    expect(log.match(/Reference "spare\d+" is not cited/gu)).toHaveLength(9);
    expect(log).toContain('…and 3 more: `npm run refs -- check` lists every one.');
    expect(log).toMatch(/references\/refs\.bib:\d+:1: warning: BibTeX entry "brokenuncited" could not be read/u);
    expect(log).toMatch(/references\/refs\.bib:34:3: warning: "haake2007gerac": title keeps LaTeX \(\\tubissue\) that readers would see as written \[unconverted-latex\]/u);
    expect(log.match(/unconverted-latex/gu)).toHaveLength(1);
    expect(log).toMatch(/references\/refs\.bib:32:1: warning: "haake2007gerac" has no journal: its reference is printed without it, and readers need it to find the work \[incomplete-entry\]/u);
    expect(log.match(/incomplete-entry/gu)).toHaveLength(1);
    expect(log).toMatch(/content\/articles\/first\.mdx:\d+:\d+: warning: @haake2007gerac in the title of <abbr> is not read as a citation, so readers see it as written, with no number and no reference \[unread-citation\]/u);
    expect(log).toMatch(/content\/articles\/first\.mdx:\d+:\d+: warning: @cherkin2009randomized in an image's alt text is not read as a citation/u);
    expect(log).toMatch(/content\/articles\/first\.mdx:2:1: warning: @vickers2018acupuncture in the title in the frontmatter is not read as a citation/u);
    expect(log).toContain('content/articles/draft.mdx: cites no sources, so readers see "Sources: None cited". Cite the evidence it rests on, e.g. [@key].');
    expect(log).not.toContain('first.mdx: cites no sources');
    expect(log).toContain('content/articles/first.mdx: conditions lists "neck-pian", which content/conditions/ does not have, so it gets no condition page. Did you mean "neck-pain" for "neck-pian"?');
    expect(log).toMatch(/references\/refs\.bib:\d+:\d+: warning: "\w+": field "volumne" is not a BibTeX field, so its value is left out of the reference; did you mean "volume"\? \[unknown-field\]/u);
    // Astro 7 warns about its own directive in every MDX module (withastro/astro#18087); the integration drops that.
    expect(log).not.toContain('MODULE_LEVEL_DIRECTIVE');
    expect(log).toContain('[WARN]');
  });
});
