import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Article } from './corpus.ts';

/** The repository the benchmark measures: its config, src/ and other content are copied as they are. */
export const REPO = new URL('../../', import.meta.url).pathname.replace(/\/$/u, '');

/**
 * What a build contains. `site` is the repository's own site; `articles` its article pages alone in
 * one style; `baseline` the same pages with the citations taken out and an empty library.
 */
export type Variant = { kind: 'site' } | { kind: 'articles'; style: string } | { kind: 'baseline' };

export const variantName = (variant: Variant) => (variant.kind === 'articles' ? `articles-${variant.style}` : variant.kind);

// The page the article-only builds keep: `pages/articles/[slug]/index.astro` (or `[slug].astro`).
const ARTICLE_PAGE = /^pages\/articles\/\[[^/\]]+\](?:\.astro|\/index\.astro)$/u;

// Stands in for the pagefind package in the article-only builds, which the issue measures without a
// search index: the integration's build:done hook finds this module first and indexes nothing.
const PAGEFIND_STUB = `export async function createIndex() {
  return { errors: [], index: {
    addDirectory: async () => ({ errors: [], page_count: 1 }),
    writeFiles: async () => ({ errors: [] }),
  } };
}
export async function close() {}
`;

/** Removes every page but the article page, so the article-only builds render articles and nothing else. */
function pruneToArticlePages(srcDir: string): void {
  const pages = join(srcDir, 'pages');
  for (const name of readdirSync(pages, { recursive: true, encoding: 'utf8' })) {
    const path = join(pages, name);
    if (statSync(path).isFile() && !ARTICLE_PAGE.test(relative(srcDir, path).split(sep).join('/'))) rmSync(path);
  }
}

/** A condition page's data for each condition the corpus names and the repository lacks. */
function writeConditions(dir: string, articles: Article[]): void {
  const folder = join(dir, 'content', 'conditions');
  mkdirSync(folder, { recursive: true });
  for (const slug of new Set(articles.flatMap((article) => article.conditions))) {
    const path = join(folder, `${slug}.yaml`);
    const name = slug.charAt(0).toUpperCase() + slug.slice(1).replace(/-/gu, ' ');
    if (!existsSync(path)) writeFileSync(path, `name: ${name}\ndescription: A long-term condition in the benchmark corpus, with summaries of the treatments studied for it.\n`);
  }
}

/** Sets the citation style the site's config reads from content/site.json. */
function setStyle(dir: string, style: string): void {
  const path = join(dir, 'content', 'site.json');
  if (!existsSync(path)) throw new Error(`The bench sets the citation style in content/site.json, which ${REPO} no longer has: update scripts/bench/project.ts.`);
  writeFileSync(path, `${JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), citationStyle: style }, null, 2)}\n`);
}

/**
 * Writes a complete Astro project for one variant into `dir`: copies of the repository's config, src/,
 * public/ and other content, the generated articles and condition pages, and the library.
 */
export function writeProject(dir: string, variant: Variant, articles: Article[], library: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of ['astro.config.mjs', 'src', 'public']) {
    if (existsSync(join(REPO, name))) cpSync(join(REPO, name), join(dir, name), { recursive: true });
  }
  const articlesDir = join(REPO, 'content', 'articles');
  cpSync(join(REPO, 'content'), join(dir, 'content'), { recursive: true, filter: (source) => !source.startsWith(articlesDir) });
  writeConditions(dir, articles);
  if (variant.kind !== 'site') {
    pruneToArticlePages(join(dir, 'src'));
    mkdirSync(join(dir, 'node_modules', 'pagefind'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'pagefind', 'package.json'), '{ "name": "pagefind", "type": "module", "main": "index.js" }\n');
    writeFileSync(join(dir, 'node_modules', 'pagefind', 'index.js'), PAGEFIND_STUB);
  }
  if (variant.kind === 'articles') setStyle(dir, variant.style);
  mkdirSync(join(dir, 'content', 'articles'), { recursive: true });
  for (const article of articles) writeFileSync(join(dir, 'content', 'articles', `${article.slug}.mdx`), variant.kind === 'baseline' ? article.plain : article.cited);
  // The baseline keeps the integration, with nothing to cite: the same pipeline without citations.
  mkdirSync(join(dir, 'references'), { recursive: true });
  if (variant.kind !== 'baseline') writeFileSync(join(dir, 'references', 'library.bib'), library);
}
