import type { SitemapItem } from '@astrojs/sitemap';
import { slug } from 'github-slugger';
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { ARTICLES_FOLDER, articleFileNames } from '../integration/project.ts';
import { frontmatterBlock, frontmatterData } from '../markdown/frontmatter.ts';
import { pagePath } from './paths.ts';

function dateOf(value: unknown): Date | undefined {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/** A summary's id as Astro's glob loader makes it: its frontmatter `slug`, or each folder and file name slugified, without a final `/index`. */
function articleId(file: string, data: Record<string, unknown>): string {
  if (data.slug) return String(data.slug);
  return file.slice(0, -'.mdx'.length).split(sep).map((segment) => slug(segment)).join('/').replace(/\/index$/u, '');
}

/**
 * When the pages the summaries make last changed in substance, by path within the site: each summary
 * (`/articles/<id>/`) at its last review; each condition page, the summary lists and the home page at
 * the newest review they show. Read from the articles' frontmatter before the build; a file the build
 * will reject is skipped here and reported there, and so are hidden folders, which Astro does not read.
 */
export function reviewDates(root: string): Map<string, Date> {
  const dates = new Map<string, Date>();
  const newer = (path: string, date: Date) => {
    const known = dates.get(path);
    if (!known || known < date) dates.set(path, date);
  };
  const dir = join(root, ARTICLES_FOLDER);
  for (const name of articleFileNames(root)) {
    let data: Record<string, unknown>;
    try {
      data = frontmatterData(frontmatterBlock(readFileSync(join(dir, name), 'utf8').replace(/^\uFEFF/u, '')));
    } catch {
      continue;
    }
    const reviewed = dateOf(data.lastReviewed);
    if (!reviewed) continue;
    newer(`/articles/${articleId(name, data)}/`, reviewed);
    for (const condition of Array.isArray(data.conditions) ? data.conditions : []) {
      if (typeof condition === 'string') newer(`/conditions/${condition}/`, reviewed);
    }
    for (const list of ['/', '/articles/', '/conditions/']) newer(list, reviewed);
  }
  return dates;
}

/**
 * @astrojs/sitemap's `serialize`: the pages reviewDates knows get their date as `lastmod`, so search
 * engines see when a summary was last reviewed. `base` is the site's Astro `base`.
 */
export function withReviewDates(dates: Map<string, Date>, base = '/'): (item: SitemapItem) => SitemapItem {
  const byUrlPath = new Map([...dates].map(([path, date]) => [pagePath(path, base, 'always'), date]));
  return (item) => {
    const path = new URL(item.url).pathname;
    const date = byUrlPath.get(path.endsWith('/') ? path : `${path}/`);
    return date ? { ...item, lastmod: date.toISOString().slice(0, 10) } : item;
  };
}
