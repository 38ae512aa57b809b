import { parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { bibliographyHtml, safeReferenceHtml } from '../../src/markdown/citation-html.ts';

describe('citation HTML', () => {
  it('keeps only CSL inline markup and http(s) links from formatted references', () => {
    const html = safeReferenceHtml('Doe J. <i>Title</i><script>alert(1)</script> <a href="javascript:alert(1)">x</a> <img src=x onerror=alert(1)>');
    expect(html).toBe('Doe J. <i>Title</i> <a>x</a> ');
  });

  it('escapes every text it writes, so a hostile note or label stays text', () => {
    const html = bibliographyHtml('Refs <b>', [{
      key: 'k"1',
      id: 'ref-k1',
      label: '1.',
      html: 'Safe text.',
      links: [{ label: '<DOI>', href: 'https://doi.org/10.1/x?a=1&b="2"' }],
      citations: [{ id: 'cite-k1-1', label: 'a' }],
      notice: { label: 'Retracted', note: '<img src=x onerror=alert(1)> see "erratum" & notes' },
    }]);
    const fragment = parseFragment(html);
    const text = (node: { nodeName: string; value?: string; childNodes?: unknown[] }): string =>
      node.nodeName === '#text' ? node.value! : (node.childNodes ?? []).map((child) => text(child as typeof node)).join('');
    expect(text(fragment)).toContain('Refs <b>');
    expect(text(fragment)).toContain('Retracted: <img src=x onerror=alert(1)> see "erratum" & notes');
    expect(html).not.toMatch(/<img|<b>/u);
    expect(html).toContain('href="https://doi.org/10.1/x?a=1&amp;b=&quot;2&quot;"');
    expect(html).toContain('data-key="k&quot;1"');
  });

  it('names a back-link by its reference\'s number, whatever brackets the style puts round it, and never by the key', () => {
    const labels = (label: string | undefined) => [...bibliographyHtml('References', [{ key: 'wang2016', id: 'ref-wang2016', ...(label ? { label } : {}), html: 'W.', links: [], citations: [{ id: 'cite-wang2016-x', label: 'a' }] }]).matchAll(/aria-label="([^"]*)"/gu)].map((match) => match[1]);
    expect(labels('[2]')).toEqual(['a: back to citation 1 of reference 2']);
    expect(labels('2.')).toEqual(['a: back to citation 1 of reference 2']);
    expect(labels(undefined)).toEqual(['a: back to citation 1']);
  });
});
