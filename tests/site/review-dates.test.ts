import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewDates, withReviewDates } from '../../src/site/review-dates.ts';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'review-dates-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, 'content/articles', path, '..'), { recursive: true });
    writeFileSync(join(root, 'content/articles', path), text);
  }
  return root;
}

const article = (reviewed: string, more = '') => `---\ntitle: T\nlastReviewed: ${reviewed}\nconditions: [neck-pain]\n${more}---\n\nText.\n`;

describe('reviewDates', () => {
  it('dates each summary at the id Astro gives it, and the lists at the newest review', () => {
    const dates = reviewDates(project({
      'Exercise Back Pain.mdx': `\n\n${article('2026-01-02')}`, // Astro reads frontmatter after blank lines too
      'knee/index.mdx': article('2026-03-04'),
      'renamed.mdx': article('2026-02-01', 'slug: chosen-slug\n'),
      '.drafts/draft.mdx': article('2027-01-01'),
      'broken.mdx': '---\ntitle: [unclosed\n---\n',
    }));
    const day = (path: string) => dates.get(path)?.toISOString().slice(0, 10);
    expect([...dates.keys()].sort()).toEqual(['/', '/articles/', '/articles/chosen-slug/', '/articles/exercise-back-pain/', '/articles/knee/', '/conditions/', '/conditions/neck-pain/']);
    expect(day('/articles/exercise-back-pain/')).toBe('2026-01-02');
    expect(day('/conditions/neck-pain/')).toBe('2026-03-04'); // the draft in a hidden folder is not published
    expect(day('/')).toBe('2026-03-04');
  });

  it('adds lastmod under a base path, with or without trailing slashes, and to no other page', () => {
    const dates = new Map([['/articles/x/', new Date('2026-05-06')], ['/', new Date('2026-05-07')]]);
    const serialize = withReviewDates(dates, '/library');
    expect(serialize({ url: 'https://e.org/library/articles/x' }).lastmod).toBe('2026-05-06');
    expect(serialize({ url: 'https://e.org/library/' }).lastmod).toBe('2026-05-07');
    expect(serialize({ url: 'https://e.org/library/references/y/' }).lastmod).toBeUndefined();
    expect(withReviewDates(dates)({ url: 'https://e.org/articles/x/' }).lastmod).toBe('2026-05-06');
  });
});
