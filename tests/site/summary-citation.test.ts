import { parseFragment } from './helpers/html.ts';
import { describe, expect, it } from 'vitest';
import { citeSummary, summaryItem } from '../../src/site/summary-citation.ts';

const input = {
  slug: 'acupuncture-chronic-pain',
  title: 'Acupuncture for chronic pain',
  authors: [],
  publisher: 'Evidence Library editorial team',
  siteName: 'Evidence Library',
  date: new Date('2026-11-27T00:00:00Z'),
  url: 'https://evidence.example.org/articles/acupuncture-chronic-pain/',
};

describe('citeSummary', () => {
  it('formats the summary in AMA, Vancouver and APA, without list numbers', () => {
    const styles = citeSummary(input);
    expect(styles.map((s) => s.label)).toEqual(['AMA', 'Vancouver', 'APA']);
    for (const style of styles) {
      expect(style.text).toContain('Acupuncture for chronic pain');
      expect(style.text).toContain('https://evidence.example.org/articles/acupuncture-chronic-pain/');
      expect(style.text).not.toMatch(/^\d+\./u);
    }
    expect(styles[2]!.text).toMatch(/Evidence Library editorial team\. \(2026, November 27\)/u);
  });

  it('dates the version cited: AMA and Vancouver give the first publication and the update, APA the update', () => {
    const [ama, vancouver, apa] = citeSummary({ ...input, published: new Date('2026-02-24T00:00:00Z') });
    expect(ama!.text).toContain('Evidence Library. Published February 24, 2026. Updated November 27, 2026. https://');
    expect(vancouver!.text).toContain('Evidence Library. 2026 [updated 2026 Nov 27]. Available from: https://');
    expect(citeSummary(input)[1]!.text).toContain('Evidence Library. 2026. Available from: https://');
    expect(apa!.text).toContain('(2026, November 27)');
    expect(citeSummary(input)[0]!.text).toContain('Evidence Library. Published November 27, 2026. https://');
  });

  it('names people as family and given names and organisations as written', () => {
    const item = summaryItem({ ...input, authors: ['Smith, Jane', 'Cochrane Pain Group'] });
    expect(item.author).toEqual([{ family: 'Smith', given: 'Jane' }, { literal: 'Cochrane Pain Group' }]);
  });

  it('keeps markup out of the HTML it returns', () => {
    const [ama] = citeSummary({ ...input, title: 'Pain <img src=x onerror=alert(1)>' });
    const html = parseFragment(ama!.html);
    expect(html.querySelector('img')).toBeNull();
    expect(html.body.textContent).toContain('Pain <img src=x onerror=alert(1)>');
  });
});
