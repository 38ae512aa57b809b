import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { frontmatterBlock, frontmatterData } from '../markdown/frontmatter.ts';
import { articleSlug } from '../site/article-slugs.ts';
import { frontmatterProblems } from '../site/frontmatter-check.ts';
import { pagePath } from '../site/paths.ts';
import type { SiteAddressing } from './former-addresses.ts';
import { leftOutFiles } from './content-file-errors.ts';
import { ARTICLES_FOLDER, isArticleFile } from './project.ts';

/** An article's frontmatter, or {} when its YAML cannot be read (one of its frontmatter problems). */
export function readableFrontmatter(text: string): Record<string, unknown> {
  try {
    return frontmatterData(frontmatterBlock(text.replace(/^\uFEFF/u, '')));
  } catch {
    return {};
  }
}

/**
 * What is wrong with the summary published at `url`, when `astro dev` left it out for its frontmatter
 * (content-file-errors.ts): its page would otherwise be a bare "page not found", the problem only in the terminal.
 */
export function leftOutArticleProblems(url: string, root: string, addressing: SiteAddressing): string | undefined {
  const path = decodeURI(url.split(/[?#]/u)[0]!);
  for (const [filePath, problems] of leftOutFiles()) {
    if (!isArticleFile(root, filePath) || !existsSync(filePath)) continue;
    const text = readFileSync(filePath, 'utf8');
    const name = relative(join(root, ARTICLES_FOLDER), filePath).split(sep).join('/');
    const page = pagePath(`/articles/${articleSlug(name, readableFrontmatter(text))}/`, addressing.base, addressing.trailingSlash);
    if (path !== page && `${path}/` !== page) continue;
    // Put back as the store still has it, the file is not read again (its digest is the stored one): it is fixed.
    if (frontmatterProblems(name, text).every((problem) => problem.severity !== 'error')) leftOutFiles().delete(filePath);
    else return problems;
  }
  return undefined;
}
