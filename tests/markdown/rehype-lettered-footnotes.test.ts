import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import rehypeLetteredFootnotes from '../../src/markdown/rehype-lettered-footnotes.ts';

async function render(markdown: string) {
  const processor = await createMarkdownProcessor({ rehypePlugins: [rehypeLetteredFootnotes] });
  return parseHTML(`<html><body>${(await processor.render(markdown)).code}</body></html>`).document;
}

describe('rehype-lettered-footnotes', () => {
  it('marks notes with letters in the text and in their list, under a visible "Notes" heading', async () => {
    const document = await render('Pain fell.[^first] It lasted.[^second] As said before.[^first]\n\n[^first]: Measured at 12 weeks.\n[^second]: In most trials.\n');
    expect([...document.querySelectorAll('[data-footnote-ref]')].map((a) => a.textContent)).toEqual(['a', 'b', 'a']);
    const list = document.querySelector('[data-footnotes] ol')!;
    expect(list.getAttribute('type')).toBe('a');
    expect(list.querySelectorAll('li')).toHaveLength(2);
    const heading = document.getElementById('footnote-label')!;
    expect(heading.textContent).toBe('Notes');
    expect(heading.hasAttribute('class')).toBe(false);
    expect([...document.querySelectorAll('[data-footnote-backref]')].map((a) => a.getAttribute('aria-label'))).toEqual(['Back to note a', 'Back to note a (2)', 'Back to note b']);
  });

  it('leaves a page without notes as it is', async () => {
    const document = await render('Pain fell.<sup>1</sup>\n\n1. A list item\n');
    expect(document.querySelector('sup')!.textContent).toBe('1');
    expect(document.querySelector('ol')!.hasAttribute('type')).toBe(false);
  });
});
