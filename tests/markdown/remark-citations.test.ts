import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CitationFormatter, citationIds, formatDiagnostic, loadLibrary, type Diagnostic } from '../../src/citations/index.ts';
import remarkCitations, { citationSummaryOf } from '../../src/markdown/remark-citations.ts';
import { bundledStyle, fixtureFiles } from '../citations/helpers.ts';

const fixtures = fileURLToPath(new URL('../fixtures/remark/', import.meta.url));
const library = loadLibrary(fixtureFiles('library'));
const context = { library, formatter: new CitationFormatter(library, bundledStyle('american-medical-association')) };

/** Astro's own Markdown pipeline (GFM, smartypants, then our plugin), as `.md` and `.mdx` pages get it. */
async function render(markdown: string, path = 'content/articles/test.md') {
  const processor = await createMarkdownProcessor({ remarkPlugins: [[remarkCitations, { context: () => context }]] });
  return processor.render(markdown, { fileURL: new URL(`file:///project/${path}`) });
}

describe('remark-citations fixtures (input.md → expected.html)', () => {
  for (const name of readdirSync(fixtures)) {
    it(name, async () => {
      const input = readFileSync(join(fixtures, name, 'input.md'), 'utf8');
      const expectedPath = join(fixtures, name, 'expected.html');
      const { code } = await render(input);
      // UPDATE_FIXTURES=1 writes the output for review; a missing expectation must fail, not pass.
      if (process.env.UPDATE_FIXTURES) writeFileSync(expectedPath, `${code}\n`);
      expect(existsSync(expectedPath), `${expectedPath} is missing`).toBe(true);
      expect(`${code}\n`).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }
});

describe('remark-citations', () => {
  it('hands pages the citing places of each reference with the citing text', async () => {
    const { code, metadata } = await render('Pain fell [@vickers2018acupuncture].\n\nIt lasted [@vickers2018acupuncture; @cherkin2009randomized].');
    const citations = citationSummaryOf(metadata.frontmatter)!;
    // The summary travels without its anchors, which are derived again: they must be the page's own.
    for (const reference of citations.references) {
      expect(code).toContain(`id="${reference.id}"`);
      for (const citation of reference.citations) expect(code).toContain(`<a href="#${citation.id}"`);
    }
    expect(citations.title).toBe('References');
    const [fell, lasted] = citationIds('vickers2018acupuncture', ['Pain fell.', 'It lasted.']);
    expect(citations.references).toEqual([
      { key: 'vickers2018acupuncture', id: 'ref-vickers2018acupuncture', label: '1.', citations: [
        { id: fell, label: 'a', context: 'Pain fell.' },
        { id: lasted, label: 'b', context: 'It lasted.' },
      ] },
      { key: 'cherkin2009randomized', id: 'ref-cherkin2009randomized', label: '2.', citations: [{ id: citationIds('cherkin2009randomized', ['It lasted.'])[0], label: 'a', context: 'It lasted.' }] },
    ]);
  });

  it('keeps the id of a citation, which readers link to, when citations are added or removed elsewhere in the article', async () => {
    const ids = async (markdown: string) => Object.fromEntries(citationSummaryOf((await render(markdown)).metadata.frontmatter)!.references
      .flatMap((reference) => reference.citations.map((citation) => [`${reference.key} ${citation.context}`, citation.id])));
    const before = await ids('Pain fell [@vickers2018acupuncture].\n\nIt lasted [@vickers2018acupuncture; @cherkin2009randomized].');
    const after = await ids('Pain is common [@cherkin2009randomized; @vickers2018acupuncture].\n\nPain fell [@vickers2018acupuncture].\n\nIt lasted [@vickers2018acupuncture; @cherkin2009randomized].');
    expect(after).toMatchObject(before);
    expect(Object.keys(after)).toHaveLength(5);
    expect(new Set(Object.values(after)).size).toBe(5);
  });

  describe('keys with an apostrophe, which smartypants curls before citations are read', () => {
    const article = (key: string, author: string) => `@article{${key},\n  author = {${author}},\n  title = {A trial of advice},\n  journal = {Trials},\n  year = {2020},\n  doi = {10.1000/${key.length}},\n}\n`;
    // A key "o" as well, so that a key cut at its apostrophe would cite something rather than fail.
    const extra = { path: 'references/extra.bib', text: article("o'brien2020", "O'Brien, Ann") + article('o', 'Oh, Li') };
    const withApostrophe = loadLibrary([...fixtureFiles('library'), extra]);
    const apostropheContext = { library: withApostrophe, formatter: new CitationFormatter(withApostrophe, bundledStyle('american-medical-association')) };
    const renderWith = async (markdown: string) => {
      const processor = await createMarkdownProcessor({ remarkPlugins: [[remarkCitations, { context: () => apostropheContext }]] });
      return processor.render(markdown, { fileURL: new URL('file:///project/content/articles/a.md') });
    };

    it("reads the key as written, and prints a possessive's ’s with the names, before the number", async () => {
      const { code, metadata } = await renderWith("Write to ann@o'reilly.org. A trial [@o'brien2020, p. 3] and @o'brien2020's authors agree, as does @vickers2018acupuncture's pooled analysis.");
      expect(citationSummaryOf(metadata.frontmatter)!.references.map((reference) => [reference.key, reference.citations.length])).toEqual([["o'brien2020", 2], ['vickers2018acupuncture', 1]]);
      expect(code).toContain('href="#ref-o-brien2020"');
      expect(code).toMatch(/O['’]Brien’s<sup[^>]*>.*?<\/sup><\/span> authors agree/u);
      expect(code).toMatch(/Vickers et al’s<sup[^>]*>.*?<\/sup><\/span> pooled analysis\./u);
      expect(code).toContain('ann@o’reilly.org');
      expect(code).not.toContain('brien2020,');
    });

    it('reads a key typed with a curled apostrophe, places it, and leaves an escaped one as text', async () => {
      const { code, metadata } = await renderWith('Escaped \\@o’brien2020 here. Two @o’brien2020’s results, as @vickers2018acupuncture’s pooled analysis showed.');
      expect(code).toContain('Escaped @o’brien2020 here.');
      const references = citationSummaryOf(metadata.frontmatter)!.references;
      expect(references.map((reference) => [reference.key, reference.citations.length])).toEqual([["o'brien2020", 1], ['vickers2018acupuncture', 1]]);
      // A reference page quotes the sentence with each narrative citation read as its authors, possessive kept.
      const sentence = 'Two O\'Brien’s results, as Vickers et al’s pooled analysis showed.';
      expect(references.map((reference) => reference.citations[0]!.context)).toEqual([sentence, sentence]);
      const error = await renderWith('Escaped \\@o’brien2020 here, then @o’brian2020 misspelt.').catch((e: unknown) => e);
      expect((error as Error).message).toContain(':1:34: error: Unknown citation key "o\'brian2020"');
    });

    it('fails on a misspelt key with the key as written, not the part before its apostrophe', async () => {
      const error = await renderWith("A trial [@o'brian2020].").catch((e: unknown) => e);
      expect((error as Error).message).toContain('Unknown citation key "o\'brian2020" [unknown-key]');
      expect((error as Error).message).toMatch(/Did you mean .*"o'brien2020"\?/u);
    });
  });

  it('leaves the reference list to the page when appendBibliography says so, and still hands it the list', async () => {
    const processor = await createMarkdownProcessor({ remarkPlugins: [[remarkCitations, { context: () => context, appendBibliography: () => false }]] });
    const { code, metadata } = await processor.render('Pain fell [@vickers2018acupuncture].', { fileURL: new URL('file:///project/content/articles/a.md') });
    expect(code).toContain('href="#ref-vickers2018acupuncture"');
    expect(code).not.toContain('class="bibliography"');
    expect((citationSummaryOf(metadata.frontmatter)!).references.map((reference) => reference.id)).toEqual(['ref-vickers2018acupuncture']);
  });

  it('quotes a narrative citation in its citing sentence by its authors, so the quote reads on its own', async () => {
    const { metadata } = await render('@cherkin2009randomized compared acupuncture with usual care. Pain fell [@vickers2018acupuncture].');
    expect(citationSummaryOf(metadata.frontmatter)!.references.map((reference) => reference.citations[0]!.context)).toEqual([
      'Cherkin et al compared acupuncture with usual care.',
      'Pain fell.',
    ]);
  });

  it('quotes a citation in a table cell after the first cell of its row, which says what the cell is about', async () => {
    const { metadata } = await render([
      '| Treatment | Evidence |',
      '| --- | --- |',
      '| Tai chi, yoga | Recommended, on low-quality evidence [@vickers2018acupuncture]. |',
      '| Acupuncture [@cherkin2009randomized] | Moderate. |',
    ].join('\n'));
    expect(citationSummaryOf(metadata.frontmatter)!.references.map((reference) => reference.citations[0]!.context)).toEqual([
      'Tai chi, yoga: Recommended, on low-quality evidence.',
      'Acupuncture',
    ]);
  });

  it('quotes a citation alone in the first cell of its row (a "Study" column) by the rest of the row, so each row has its own id, whatever rows are added above it', async () => {
    const table = (rows: string[]) => ['| Study | People | Result |', '| --- | --- | --- |', ...rows].join('\n');
    const vickers = '| [@vickers2018acupuncture] | 20,827 people | Moderate benefit |';
    const shoulder = '| [@vickers2018acupuncture] | Shoulder pain only | Small benefit [@cherkin2009randomized] |';
    const { metadata } = await render(table([vickers, shoulder]));
    const citations = citationSummaryOf(metadata.frontmatter)!.references[0]!.citations;
    expect(citations.map((citation) => citation.context)).toEqual(['20,827 people; Moderate benefit', 'Shoulder pain only; Small benefit']);
    const added = await render(table(['| [@vickers2018acupuncture] | Knee pain only | No benefit |', shoulder]));
    expect(citationSummaryOf(added.metadata.frontmatter)!.references[0]!.citations[1]!.id).toBe(citations[1]!.id);
  });

  it.each([
    ['a comma between sources', '[@vickers2018acupuncture, @cherkin2009randomized]', '"@cherkin2009randomized" is written inside the citation of "vickers2018acupuncture" as its suffix'],
    ['a source without its @', '[@vickers2018acupuncture; cherkin2009randomized]', '"cherkin2009randomized" is written inside the citation of "vickers2018acupuncture" as its suffix'],
    ['a misspelt second key', '[@vickers2018acupuncture, @cherkin2009randomised]', '"@cherkin2009randomised" is written inside'],
  ])('fails on %s, which would print a key as text, and says to use semicolons', async (_what, citation, message) => {
    const error = await render(`Pain fell ${citation}.`).catch((e: unknown) => e);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).toContain('[citation-syntax]');
    expect((error as Error).message).toContain('Separate the sources of one citation with semicolons');
    expect((error as Error).message).toMatch(/test\.md:1:\d+/u);
  });

  it.each([
    ['emphasis in the prefix', 'Pain fell [see *also* @vickers2018acupuncture, p. 3].'],
    ['code in the prefix', 'Pain fell [see `table 2` in @vickers2018acupuncture].'],
  ])('fails on a bracketed citation with %s, which Markdown would split into brackets around a narrative citation', async (_what, markdown) => {
    const error = await render(markdown).catch((e: unknown) => e);
    expect((error as Error).message).toContain('The bracketed citation of "vickers2018acupuncture" has formatting, a link or code inside its brackets');
    expect((error as Error).message).toMatch(/test\.md:1:\d+: error: .*\[citation-syntax\]/u);
  });

  it.each([
    ['a [ never closed', 'Knee pain is common after 50 [@vickers2018acupuncture.', 'has a [ before it that is never closed', 31],
    ['a ] never opened', 'Exercise helps @vickers2018acupuncture].', 'has a ] after it that was never opened', 16],
  ])('fails on a citation with %s, which would print as a narrative citation with a stray bracket', async (_what, markdown, message, column) => {
    const error = await render(markdown).catch((e: unknown) => e);
    expect((error as Error).message).toContain(`The citation of "vickers2018acupuncture" ${message}`);
    expect((error as Error).message).toContain(`test.md:1:${column}: error:`);
  });

  it('reads a narrative citation inside brackets or with its locator in brackets, as usual', async () => {
    const { code } = await render('Pain fell (as @vickers2018acupuncture [p. 3] found) [but see @cherkin2009randomized].');
    expect(code).toContain('href="#ref-vickers2018acupuncture"');
    expect(code).toContain('href="#ref-cherkin2009randomized"');
  });

  it('reads a narrative citation after emphasis, and a bracketed one after a link, as usual', async () => {
    const { code } = await render('*Note*: @vickers2018acupuncture found less pain; [a review](https://example.org) agreed [@cherkin2009randomized].');
    expect(code).toContain('href="#ref-vickers2018acupuncture"');
    expect(code).toContain('href="#ref-cherkin2009randomized"');
  });

  it('warns where a line starting with a citation and a colon became a link definition, which swallows the citation', async () => {
    const warnings: Diagnostic[] = [];
    const processor = await createMarkdownProcessor({ remarkPlugins: [[remarkCitations, { context: () => context, onWarning: (warning: Diagnostic) => warnings.push(warning) }]] });
    await processor.render('Pain fell [@cherkin2009randomized].\n\n[@vickers2018acupuncture]: Yes.', { fileURL: new URL('file:///project/content/articles/test.md') });
    const unread = warnings.filter((warning) => warning.code === 'unread-citation');
    expect(unread.map((warning) => [warning.key, warning.location?.line])).toEqual([['vickers2018acupuncture', 3]]);
    expect(unread[0]!.message).toContain('in a link definition ("[@vickers2018acupuncture]: …" starts a line)');
  });

  it("warns where a citation is inside a link's text or runs on from a web address, where it is not read", async () => {
    const warnings: Diagnostic[] = [];
    const processor = await createMarkdownProcessor({ remarkPlugins: [[remarkCitations, { context: () => context, onWarning: (warning: Diagnostic) => warnings.push(warning) }]] });
    await processor.render('Read [the trial by @cherkin2009randomized](https://example.org).\n\nSee https://example.org[@vickers2018acupuncture] now; [a review](https://example.org) agreed [@haake2007gerac].', { fileURL: new URL('file:///project/content/articles/test.md') });
    const unread = warnings.filter((warning) => warning.code === 'unread-citation');
    expect(unread.map((warning) => [warning.key, warning.location?.line])).toEqual([['cherkin2009randomized', 1], ['vickers2018acupuncture', 3]]);
    expect(unread[0]!.message).toBe('@cherkin2009randomized in a link is not read as a citation, so readers see it as written, with no number and no reference');
  });

  it('numbers citations in footnotes the text refers to, and warns about one in a footnote GFM leaves out', async () => {
    const warnings: Diagnostic[] = [];
    const processor = await createMarkdownProcessor({ remarkPlugins: [[remarkCitations, { context: () => context, onWarning: (warning: Diagnostic) => warnings.push(warning) }]] });
    const { code, metadata } = await processor.render('Pain fell.[^used]\n\n[^used]: As @vickers2018acupuncture found.\n\n[^orphan]: Also [@cherkin2009randomized].', { fileURL: new URL('file:///project/content/articles/test.md') });
    expect(citationSummaryOf(metadata.frontmatter)!.references.map((reference) => reference.key)).toEqual(['vickers2018acupuncture']);
    expect(code).not.toContain('cherkin2009randomized');
    expect(warnings.filter((warning) => warning.code === 'unread-citation').map((warning) => [warning.key, warning.location?.line, warning.message])).toEqual([
      ['cherkin2009randomized', 5, '@cherkin2009randomized in the footnote [^orphan] is not read as a citation, and the footnote is left out of the page: the text never refers to it'],
    ]);
  });

  it("makes a heading's id and its entry in the page's headings from the words its citations print", async () => {
    const { code, metadata } = await render('## @vickers2018acupuncture compared acupuncture with sham\n\n## Back pain [@cherkin2009randomized]\n\n## Back pain');
    expect(metadata.headings.map(({ slug, text }) => [slug, text])).toEqual([
      ['vickers-et-al-compared-acupuncture-with-sham', 'Vickers et al compared acupuncture with sham'],
      ['back-pain', 'Back pain'],
      ['back-pain-1', 'Back pain'],
    ]);
    expect(code).toMatch(/<h2 id="vickers-et-al-compared-acupuncture-with-sham"><span class="citation" data-cites="vickers2018acupuncture">Vickers et al<sup data-pagefind-ignore=""><a id="cite-vickers2018acupuncture-[a-z0-9]+" href="#ref-vickers2018acupuncture" class="citation-link" data-key="vickers2018acupuncture">1<\/a><\/sup><\/span> compared/u);
  });

  it('leaves the reference numbers of a style without superscripts (Vancouver) out of a heading\'s id, which renumbering would change', async () => {
    const vancouver = { library, formatter: new CitationFormatter(library, bundledStyle('vancouver')) };
    const processor = await createMarkdownProcessor({ remarkPlugins: [[remarkCitations, { context: () => vancouver }]] });
    const { code, metadata } = await processor.render('Pain [@haake2007gerac].\n\n## @vickers2018acupuncture compared acupuncture with sham\n\n## Back pain [@cherkin2009randomized]', { fileURL: new URL('file:///project/content/articles/test.md') });
    expect(metadata.headings.map(({ slug }) => slug)).toEqual(['vickers-et-al-compared-acupuncture-with-sham', 'back-pain']);
    expect(code).toContain('Vickers et al<span data-pagefind-ignore=""> (<a id=');
    expect(code).toMatch(/Back pain<span class="citation" data-cites="cherkin2009randomized"><span data-pagefind-ignore=""> \(<a [^>]+>3<\/a>\)<\/span><\/span><\/h2>/u);
    // In running text the space before a bracketed citation is the text's own.
    expect(code).toMatch(/<p>Pain <span class="citation" data-cites="haake2007gerac"><span data-pagefind-ignore="">\(<a [^>]+>1<\/a>\)<\/span><\/span>\.<\/p>/u);
  });

  it('warns at its frontmatter line about a note in acknowledgedUpdates for a source the article does not cite', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'acknowledged-')), 'a.md');
    const source = '---\ntitle: A\nacknowledgedUpdates:\n  cherkin2009randomised: Corrected in 2010.\n---\n\nPain fell [@cherkin2009randomized].\n';
    writeFileSync(path, source);
    const warnings: Diagnostic[] = [];
    const processor = await createMarkdownProcessor({ remarkPlugins: [[remarkCitations, { context: () => context, onWarning: (warning: Diagnostic) => warnings.push(warning) }]] });
    await processor.render(source.slice(source.indexOf('Pain')), { fileURL: pathToFileURL(path), frontmatter: { acknowledgedUpdates: { cherkin2009randomised: 'Corrected in 2010.' } } });
    expect(warnings.filter((warning) => warning.code === 'unused-acknowledgement').map(formatDiagnostic)).toEqual([
      `${path}:3:1: warning: acknowledgedUpdates has a note for "cherkin2009randomised", which ${path} does not cite, so readers never see it [unused-acknowledgement]\n  hint: Did you mean cherkin2009randomized? Write the key as the article cites it, or remove the note.`,
    ]);
  });

  it('reads a suffix with page numbers as text, and fails on one with an e-mail address, which GFM makes a link that splits the brackets', async () => {
    const { code } = await render('Pain fell [@vickers2018acupuncture, pp. 3-5, table 2].');
    expect(code).toContain('href="#ref-vickers2018acupuncture"');
    const error = await render('Pain fell [@vickers2018acupuncture, p. 3, data from name@example.org].').catch((e: unknown) => e);
    expect((error as Error).message).toContain('The bracketed citation of "vickers2018acupuncture" has formatting, a link or code inside its brackets');
  });

  it('warns where a key is written without its @, which Markdown would leave as text', async () => {
    const warnings: Diagnostic[] = [];
    const processor = await createMarkdownProcessor({ remarkPlugins: [[remarkCitations, { context: () => context, onWarning: (warning: Diagnostic) => warnings.push(warning) }]] });
    await processor.render('Cited [@haake2007gerac].\n\nTrials [vickers2018acupuncture] agree [see cherkin2009randomized, p. 3],\nas @ vickers2018acupuncture found; [1], [a note] and `[vickers2018acupuncture]` are text.', { fileURL: new URL('file:///project/content/articles/a.md') });
    expect(warnings.filter((warning) => warning.code === 'bare-key').map(formatDiagnostic)).toEqual([
      '/project/content/articles/a.md:3:8: warning: "[vickers2018acupuncture]" names the reference "vickers2018acupuncture" without citing it, so readers see the key as text [bare-key]\n  hint: Cite it as [@vickers2018acupuncture] (or @vickers2018acupuncture in a sentence); write \\@ or reword if the text is meant.',
      '/project/content/articles/a.md:3:39: warning: "[see cherkin2009randomized, p. 3]" names the reference "cherkin2009randomized" without citing it, so readers see the key as text [bare-key]\n  hint: Cite it as [@cherkin2009randomized] (or @cherkin2009randomized in a sentence); write \\@ or reword if the text is meant.',
      '/project/content/articles/a.md:4:4: warning: "@ vickers2018acupuncture" names the reference "vickers2018acupuncture" without citing it, so readers see the key as text [bare-key]\n  hint: Cite it as [@vickers2018acupuncture] (or @vickers2018acupuncture in a sentence); write \\@ or reword if the text is meant.',
    ]);
  });

  it('leaves a document without citations untouched, with no reference list', async () => {
    const { code } = await render('No sources here, write to editor@example.org.');
    expect(code).toBe('<p>No sources here, write to <a href="mailto:editor@example.org">editor@example.org</a>.</p>');
  });

  it('fails with file:line:col, the key and suggestions for every unknown key', async () => {
    const error = await render('First line.\n\nSee [@vickers2018; @cherkin2009randomized] and [@haake2007].', 'content/articles/bad.md').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe([
      'Failed to parse Markdown file "/project/content/articles/bad.md":',
      '/project/content/articles/bad.md:3:6: error: Unknown citation key "vickers2018" [unknown-key]',
      '  hint: Did you mean "vickers2018acupuncture"?',
      '',
      '/project/content/articles/bad.md:3:49: error: Unknown citation key "haake2007" [unknown-key]',
      '  hint: Did you mean "haake2007gerac"?',
    ].join('\n'));
  });
});
