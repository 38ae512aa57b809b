import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFileNames, isArticleFile } from '../../src/integration/project.ts';

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

describe('articleFileNames', () => {
  it('lists the .mdx summaries at any depth, sorted, leaving out hidden folders as Astro does', () => {
    const root = mkdtempSync(join(tmpdir(), 'article-files-'));
    for (const name of ['b.mdx', 'a.mdx', 'pain/c.mdx', '.drafts/d.mdx', 'notes.md']) {
      mkdirSync(dirname(join(root, 'content/articles', name)), { recursive: true });
      writeFileSync(join(root, 'content/articles', name), '');
    }
    expect(articleFileNames(root)).toEqual(['a.mdx', 'b.mdx', join('pain', 'c.mdx')]);
    expect(articleFileNames(join(root, 'nowhere'))).toEqual([]);
  });
});
