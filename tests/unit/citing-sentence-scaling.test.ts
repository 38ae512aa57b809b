import { describe, expect, it } from 'vitest';
import { citingSentences } from '../../src/markdown/citing-sentence.ts';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { CitationFormatter, loadLibrary } from '../../src/citations/index.ts';
import remarkCitations, { citationSummaryOf } from '../../src/markdown/remark-citations.ts';
import { bundledStyle } from '../citations/helpers.ts';

describe('citing sentences of a block with many citations', () => {
  it('cleans each sentence once, in time linear in its spaces', () => {
    // 1,500 citations of unknown keys with no sentence end: each was cleaned with `\s+([.,;:!?])` over a
    // 1,500-space run, about 3 s (10,000 characters of "@zz " in an article: more than 15 s).
    const text = '@zz '.repeat(1_500);
    const starts = Array.from({ length: 1_500 }, (_, i) => i * 4);
    const started = performance.now();
    const sentences = citingSentences(text, starts, () => false);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(new Set(sentences)).toEqual(new Set(['']));
  });

  it('still finds each citation\'s own sentence among many', () => {
    const text = Array.from({ length: 2_000 }, (_, i) => `Claim ${i} [@a].`).join(' ');
    const starts = [text.indexOf('[@a]'), text.lastIndexOf('[@a]')];
    expect(citingSentences(text, starts, (key) => key === 'a')).toEqual(['Claim 0.', 'Claim 1999.']);
  });

  it('reads a paragraph whose citations are in many text nodes once, with each citing sentence', async () => {
    const library = loadLibrary([{ path: 'references/x.bib', text: '@article{a, author = {Doe, Jane}, title = {T}, journal = {J}, year = {2020}}' }]);
    const context = { library, formatter: new CitationFormatter(library, bundledStyle('american-medical-association')) };
    const processor = await createMarkdownProcessor({ remarkPlugins: [[remarkCitations, { context: () => context }]] });
    const paragraph = (nodes: number) => Array.from({ length: nodes }, (_, i) => `Finding ${i} *held* [@a].`).join(' ');
    const render = async (nodes: number) => {
      const started = performance.now();
      const { metadata } = await processor.render(paragraph(nodes), { fileURL: new URL('file:///project/content/articles/test.md') });
      return { ms: performance.now() - started, metadata };
    };
    await render(200);
    // The paragraph was read again for each of its text nodes, so four times the nodes took sixteen times
    // as long (2,000 nodes: about 5.6 s); read once, about four times (1.4 s). A ratio, not a time, so that
    // a busy machine does not fail it.
    const small = await render(500);
    const large = await render(2_000);
    expect(large.ms / small.ms).toBeLessThan(8);
    const contexts = citationSummaryOf(large.metadata.frontmatter)!.references[0]!.citations.map((citation) => citation.context);
    expect(contexts).toHaveLength(2_000);
    expect(contexts[0]).toBe('Finding 0 held.');
    expect(contexts[999]).toBe('Finding 999 held.');
  });
});
