import type { Diagnostic, SourceLocation } from '../citations/index.ts';
import { frontmatterFieldLocation } from '../markdown/frontmatter.ts';
import { laterDuplicates } from './article-slugs.ts';

/** An article's title as its frontmatter gives it, with where. */
export interface ArticleTitle {
  file: string;
  title: string;
  location?: SourceLocation;
}

/** The title of an article's frontmatter, with its line; undefined when it has none that is text. */
export function articleTitle(file: string, source: string, frontmatter: Record<string, unknown>): ArticleTitle | undefined {
  return typeof frontmatter.title === 'string' ? { file, title: frontmatter.title, location: frontmatterFieldLocation(source, file, 'title') } : undefined;
}

// "Acupuncture for  chronic pain" and "Acupuncture for Chronic Pain" read as one title in a list.
const normalised = (title: string) => title.trim().replace(/\s+/gu, ' ').toLowerCase();

/**
 * Articles with one title: lists, search results and the browser's tabs show them as the same
 * summary, and a reader cannot tell which to open. A warning, since both are published.
 */
export function articleTitleClashes(articles: ArticleTitle[]): Diagnostic[] {
  return laterDuplicates(articles, (article) => normalised(article.title)).map(([article, earlier]) => ({
    code: 'duplicate-title',
    severity: 'warning',
    message: `${article.file} has the title "${article.title}", as ${earlier.file} has: lists and search results show the two summaries alike`,
    hint: 'Give each summary a title that says what sets it apart (the treatment, the condition, the group of people).',
    location: article.location ?? { file: article.file, line: 1, column: 1 },
    related: [earlier.location ?? { file: earlier.file, line: 1, column: 1 }],
  } satisfies Diagnostic));
}
