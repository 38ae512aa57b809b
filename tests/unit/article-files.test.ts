import { describe, expect, it } from 'vitest';
import { isArticleFile } from '../../src/integration/project.ts';

describe('isArticleFile', () => {
  it('is true for Markdown under content/articles, at any depth', () => {
    expect(isArticleFile('/site', '/site/content/articles/acupuncture.mdx')).toBe(true);
    expect(isArticleFile('/site', '/site/content/articles/pain/back.mdx')).toBe(true);
  });

  it('is false elsewhere, so those pages get their reference list appended', () => {
    expect(isArticleFile('/site', '/site/src/pages/about.md')).toBe(false);
    expect(isArticleFile('/site', '/site/content/articles-old/a.mdx')).toBe(false);
    expect(isArticleFile('/site', '/site/content/articles')).toBe(false);
    expect(isArticleFile('/site', '/other/content/articles/a.mdx')).toBe(false);
  });
});
