import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { strayKeyError, type ArticleCitations, type Diagnostic, type KeyTest, type SourceLocation } from '../citations/index.ts';
import { citedKeys, findCitations } from '../markdown/find-citations.ts';
import { frontmatterBlock, frontmatterData, frontmatterFieldLocation } from '../markdown/frontmatter.ts';
import { proseExpressions } from '../markdown/prose-expressions.ts';
import { frontmatterProblems } from '../site/frontmatter-check.ts';
import { articleSlug } from '../site/article-slugs.ts';
import { articleTitle, type ArticleTitle } from '../site/article-titles.ts';
import { splitBrackets, unbalancedBrackets } from '../markdown/split-brackets.ts';
import { bareKeys } from '../markdown/bare-keys.ts';
import { unreadCitations } from '../markdown/unread-citations.ts';
import { readFindings } from '../markdown/remark-finding-certainty.ts';
import remarkLiteralLessThan from '../markdown/remark-literal-less-than.ts';
import { mdxSyntaxHint } from '../markdown/remark-mdx-syntax-hints.ts';

/** An article's citations, read from its MDX source the way the build reads them. */
export type Article = ArticleCitations & {
  slug: string;
  title?: ArticleTitle;
  /** The condition slugs its frontmatter lists, and where. */
  conditions: { slugs: string[]; location: SourceLocation };
};

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkLiteralLessThan);

/**
 * Finds the citations of one MDX article (`nameInFolder`: its path in the articles folder). Frontmatter is
 * blanked (not removed) so every offset, and so every reported line and column, stays that of the file.
 */
export function readArticle(path: string, text: string, isKnown: KeyTest, nameInFolder = path.split('/').pop()!): { article?: Article; diagnostics: Diagnostic[] } {
  const source = text.replace(/^\uFEFF/u, '');
  const block = frontmatterBlock(source);
  const body = block ? block.text.replace(/[^\n]/gu, ' ') + source.slice(block.text.length) : source;
  const frontmatterChecks = frontmatterProblems(path, source);
  let frontmatter: Record<string, unknown> = {};
  try {
    frontmatter = frontmatterData(block);
  } catch {
    // Invalid YAML is one of frontmatterChecks, at its line; the citations are still read.
  }
  try {
    // The frontmatter as Astro hands it to the build's plugins, which look for citations in its title.
    const file = new VFile({ path, value: body, data: { astro: { frontmatter } } });
    const tree = parser.parse(file) as Root;
    const found = findCitations(tree, file, isKnown);
    const acknowledged = frontmatter.acknowledgedUpdates && typeof frontmatter.acknowledgedUpdates === 'object' ? frontmatter.acknowledgedUpdates as Record<string, string> : {};
    // The build's checks of how citations are written, so that `check` fails where the build would.
    const written = [
      ...frontmatterChecks,
      ...proseExpressions(tree, file),
      ...found.flatMap((f) => f.clusters.flatMap((cluster) => cluster.items.flatMap((item) => strayKeyError(item, isKnown) ?? []))),
      ...splitBrackets(found),
      ...unbalancedBrackets(found),
      ...readFindings(tree, file).problems,
      ...bareKeys(tree, file, isKnown),
      ...unreadCitations(tree, file, isKnown, source),
    ];
    const acknowledgedLocation = () => frontmatterFieldLocation(source, path, 'acknowledgedUpdates');
    const title = articleTitle(path, source, frontmatter);
    const conditions = {
      slugs: Array.isArray(frontmatter.conditions) ? frontmatter.conditions.filter((slug): slug is string => typeof slug === 'string') : [],
      location: frontmatterFieldLocation(source, path, 'conditions') ?? { file: path, line: 1, column: 1 },
    };
    return { article: { slug: articleSlug(nameInFolder, frontmatter), ...(title ? { title } : {}), file: path, citations: citedKeys(found), acknowledged, acknowledgedLocation, conditions }, diagnostics: written };
  } catch (error) {
    const place = error as { line?: number; column?: number; linePos?: [{ line: number; col: number }] };
    return { diagnostics: [...frontmatterChecks, {
      code: 'invalid-article',
      severity: 'error',
      message: `${path} could not be read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      hint: (error instanceof Error ? mdxSyntaxHint(error, body) : undefined) ?? 'Fix the MDX or YAML syntax at this place; `npm run build` shows the same problem.',
      location: { file: path, line: place.line ?? place.linePos?.[0]?.line ?? 1, column: place.column ?? place.linePos?.[0]?.col ?? 1 },
    }] };
  }
}

/** Every `.mdx` article under the folder, with project-relative paths. */
export function readArticles(root: string, folder: string, isKnown: KeyTest): { articles: Article[]; diagnostics: Diagnostic[] } {
  const dir = join(root, folder);
  const articles: Article[] = [];
  const diagnostics: Diagnostic[] = [];
  if (!existsSync(dir)) return { articles, diagnostics };
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.mdx')).sort();
  for (const name of names) {
    const path = relative(root, join(dir, name)).split(sep).join('/');
    const read = readArticle(path, readFileSync(join(dir, name), 'utf8'), isKnown, name.split(sep).join('/'));
    if (read.article) articles.push(read.article);
    diagnostics.push(...read.diagnostics);
  }
  return { articles, diagnostics };
}
