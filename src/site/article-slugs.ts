import { slug as githubSlug } from 'github-slugger';
import type { Diagnostic } from '../citations/index.ts';
import { LIST_PAGE_SLUG } from './article-list.ts';

/**
 * The address of an article's page, as Astro's glob loader makes it: the frontmatter's `slug`, or the
 * file's path in the articles folder with each part slugged (`New Summary.mdx` is `new-summary`).
 */
export function articleSlug(nameInFolder: string, frontmatter: Record<string, unknown>): string {
  if (frontmatter.slug) return String(frontmatter.slug);
  return nameInFolder.replace(/\.mdx?$/u, '').split('/').map((part) => githubSlug(part)).join('/').replace(/\/index$/u, '');
}

/**
 * Each item that comes after another with the same key, paired with the first of them: what two
 * summaries must not share (an address, a title) found once, however many share it.
 */
export function laterDuplicates<T>(items: T[], keyOf: (item: T) => string): [later: T, first: T][] {
  const first = new Map<string, T>();
  return items.flatMap((item): [T, T][] => {
    const key = keyOf(item);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, item);
    return earlier === undefined ? [] : [[item, earlier]];
  });
}

/**
 * Articles whose pages would have one address (`New Summary.mdx` and `new-summary.mdx`), or that of a
 * page of the list of summaries (`page/2.mdx`): Astro only warns among its build output and publishes one
 * of them, so the other page disappeared from the site.
 */
export function articleSlugClashes(articles: { file: string; slug: string }[]): Diagnostic[] {
  const reserved = articles.filter((article) => LIST_PAGE_SLUG.test(article.slug)).map(({ file, slug }): Diagnostic => ({
    code: 'duplicate-article',
    severity: 'error',
    message: `${file} would be published at /articles/${slug}/, an address kept for the pages of the list of summaries`,
    hint: 'Rename the file or its folder, or give it its own address with `slug:` in its frontmatter.',
    location: { file, line: 1, column: 1 },
  }));
  return [...reserved, ...laterDuplicates(articles, (article) => article.slug).map(([{ file, slug }, earlier]) => ({
    code: 'duplicate-article',
    severity: 'error',
    message: `${file} and ${earlier.file} would both be published at /articles/${slug}/, and only one of them would be on the site`,
    hint: 'Rename one of the files, or give one of them its own address with `slug:` in its frontmatter.',
    location: { file, line: 1, column: 1 },
    related: [{ file: earlier.file, line: 1, column: 1 }],
  } satisfies Diagnostic))];
}
