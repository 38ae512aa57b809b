import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, ROOT } from './helpers/build.ts';
import { parseDocument } from './helpers/html.ts';

const FIXTURE = join(ROOT, 'tests/fixtures/site-review');
let page: Document;

beforeAll(() => {
  const { status, output } = astroBuild(FIXTURE, join(FIXTURE, 'dist'));
  if (status !== 0) throw new Error(output);
  page = parseDocument(readFileSync(join(FIXTURE, 'dist/articles/reviewed/index.html'), 'utf8'));
});

const text = (selector: string) => [...page.querySelectorAll(selector)].map((node) => node.textContent!.replace(/\s+/gu, ' ').trim());

describe('a summary with reviewers and a change history', () => {
  it('shows its dates, each reviewer with credentials and disclosures, and flags changed conclusions', () => {
    const dates = [...page.querySelectorAll('.review-dates div')].map((row) => `${row.querySelector('dt')!.textContent}: ${row.querySelector('time')!.getAttribute('datetime')}`);
    expect(dates).toEqual(['Last reviewed: 2026-03-01', 'Evidence current to: 2026-02-01', 'Next review due: 2027-03-01', 'First published: 2025-01-15']);
    expect(text('.review-dates dd')[0]).toBe('1 March 2026');
    expect(text('.reviewers li')).toEqual(['Dr Ada Example, MB ChB, MRCGP; general practitioner. Disclosures: None declared']);
    expect(text('.changes li')).toEqual(['1 March 2026 Conclusions changed A new trial changed the conclusion on pain.', '15 January 2025 First published.']);
  });

  it('states certainty in words, with filled circles that match the level', () => {
    const row = (id: string) => page.getElementById(`finding-${id}`)!;
    expect(row('pain').querySelector('.certainty-label')!.textContent).toBe('High');
    expect(row('pain').querySelectorAll('.dot.filled').length).toBe(4);
    expect(row('function').querySelector('.certainty-label')!.textContent).toBe('Very low');
    expect(row('function').querySelectorAll('.dot.filled').length).toBe(1);
    expect(row('function').querySelector('a.copy-link')!.getAttribute('href')).toBe('#finding-function');
  });

  it('names the reviewers, the author and the condition code in its metadata', () => {
    const data = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(data.reviewedBy).toEqual([{ '@type': 'Person', name: 'Dr Ada Example', description: 'MB ChB, MRCGP; general practitioner' }]);
    expect(data.datePublished).toBe('2025-01-15');
    expect(data.about[0].code).toEqual({ '@type': 'MedicalCode', codeValue: 'R52', codingSystem: 'ICD-10' });
    expect(page.querySelector('meta[name="citation_author"]')!.getAttribute('content')).toBe('Smith, Jane');
    expect(text('.cite-style dd .cite-text')[2]).toMatch(/^Smith, J\. \(2026, March 1\)\. A reviewed summary\./u);
  });

  it('uses the callout title it is given', () => {
    expect(text('.red-flags h2')).toEqual(['! Get help now']);
  });
});
