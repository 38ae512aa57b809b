import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { Paragraph, Text } from 'mdast';
import { describe, expect, it } from 'vitest';
import { CitationFormatter, loadLibrary } from '../../src/citations/index.ts';
import { citingSentences, textWithOffset } from '../../src/markdown/citing-sentence.ts';
import remarkCitations, { citationSummaryOf } from '../../src/markdown/remark-citations.ts';
import { bundledStyle, fixtureFiles } from '../citations/helpers.ts';

const at = (text: string, citation: string) => citingSentences(text, [text.indexOf(citation)], () => false)[0];

describe('citingSentences', () => {
  const paragraph = 'Pain is common. Acupuncture helped a little [@a, p. 33–35]. @b [fig. 2] found no effect in 282 people. “Sham” did as well [see @c; @d]! Others disagree.';

  it('quotes only the sentence that holds each citation, without any citation', () => {
    const starts = ['[@a', '@b', '[see'].map((citation) => paragraph.indexOf(citation));
    expect(citingSentences(paragraph, starts, () => false)).toEqual(['Acupuncture helped a little.', 'found no effect in 282 people.', '“Sham” did as well!']);
  });

  it('does not end a sentence at the full stops inside locators, abbreviations or decimals', () => {
    expect(at('The effect was 0.5 SD, e.g. in knees [@a, pp. 3-4]. Next.', '[@a')).toBe('The effect was 0.5 SD, e.g. in knees.');
  });

  it('does not end a sentence at an abbreviation a number follows in the text', () => {
    expect(at('Pain fell. Also @b, p. 12. Next one.', '@b')).toBe('Also, p. 12.');
    expect(at('As shown in Fig. 3 and vol. 2 of the report [@a]. Next.', '[@a')).toBe('As shown in Fig. 3 and vol. 2 of the report.');
    expect(at('The answer was no. Trials agreed [@a].', '[@a')).toBe('Trials agreed.');
    expect(at("Pain fell. @b's trial found less.", '@b')).toBe('trial found less.');
  });

  it('takes the whole text when it has no sentence end, as in a table cell', () => {
    expect(at('12 points [@a; @b]', '[@a')).toBe('12 points');
  });

  it('quotes the words around a citation, most of them before it, when its sentence is longer than 400 characters', () => {
    const words = (from: number, count: number) => Array.from({ length: count }, (_, i) => `w${from + i}`).join(' ');
    const text = `${words(0, 100)} claim [@a] ${words(100, 100)}; ${words(200, 100)} other [@b] ${words(300, 100)}.`;
    const [first, second] = citingSentences(text, [text.indexOf('[@a'), text.indexOf('[@b')], () => false);
    expect(first).toMatch(/^…w\d+ .* claim w100 .* w\d+…$/u);
    expect(second).toMatch(/^…w\d+ .* other w300 .* w\d+…$/u);
    for (const quote of [first!, second!]) expect(quote.length).toBeLessThanOrEqual(402);
    expect(first!.indexOf('claim')).toBeGreaterThan(first!.length / 2);
    // A sentence of 400 characters or fewer is quoted whole.
    expect(at(`${words(0, 60)} [@a].`, '[@a')).toBe(`${words(0, 60)}.`);
  });
});

describe('textWithOffset', () => {
  it('reads a block as mdast-util-to-string does and finds where a node starts', () => {
    const cited: Text = { type: 'text', value: ' helped [@a].' };
    const block: Paragraph = { type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: 'Acupuncture' }] }, { type: 'inlineCode', value: 'x' }, cited] };
    expect(textWithOffset(block, cited)).toEqual({ text: 'Acupuncturex helped [@a].', offset: 12 });
  });
});

describe('citing contexts in the remark plugin', () => {
  it('gives each citation of a paragraph its own sentence, also after emphasis', async () => {
    const library = loadLibrary(fixtureFiles('library'));
    const context = { library, formatter: new CitationFormatter(library, bundledStyle('american-medical-association')) };
    const processor = await createMarkdownProcessor({ remarkPlugins: [[remarkCitations, { context: () => context }]] });
    const { metadata } = await processor.render('It hurt. *Needles* helped [@vickers2018acupuncture]. Usual care did not [@cherkin2009randomized, p. 860].');
    const summary = citationSummaryOf(metadata.frontmatter)!;
    expect(summary.references.map((reference) => reference.citations.map((citation) => citation.context))).toEqual([['Needles helped.'], ['Usual care did not.']]);
  });
});
