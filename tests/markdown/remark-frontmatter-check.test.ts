import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import remarkFrontmatterCheck from '../../src/markdown/remark-frontmatter-check.ts';

const VALID = 'title: Yoga for back pain\ndescription: What the research says about yoga for long-term low back pain.\nconditions: [chronic-low-back-pain]\ninterventions: [yoga]\nlastReviewed: 2026-11-27\n';

describe('remarkFrontmatterCheck (astro dev)', () => {
  const root = mkdtempSync(join(tmpdir(), 'frontmatter-check-'));
  mkdirSync(join(root, 'articles'));
  const render = async (name: string, frontmatter: string) => {
    const path = join(root, name);
    writeFileSync(path, `---\n${frontmatter}---\n\nText.\n`);
    const processor = await createMarkdownProcessor({ remarkPlugins: [[remarkFrontmatterCheck, { isArticle: (file: { path: string }) => file.path.includes('/articles/') }]] });
    return processor.render('Text.', { fileURL: pathToFileURL(path) });
  };

  it('stops a summary at the line of a frontmatter error, which the browser then shows', async () => {
    const error = await render('articles/a.mdx', VALID.replace('2026-11-27', '27/11/2026')).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/articles\/a\.mdx:6:1: error: lastReviewed: write the date as YYYY-MM-DD/u);
  });

  it('passes a correct summary, warnings alone, and files that are not summaries', async () => {
    await expect(render('articles/b.mdx', `${VALID}lastReviewd: 2026-11-27\n`)).resolves.toBeDefined();
    await expect(render('page.mdx', 'title: About\n')).resolves.toBeDefined();
  });
});
