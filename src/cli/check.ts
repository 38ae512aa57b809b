import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkArticle, checkEntry, checkLibrary, CitationFormatter, formatDiagnostic, sortDiagnostics, unusedEntries, type Diagnostic, type Library } from '../citations/index.ts';
import { conditionSlugs, dataFilesProblems } from '../integration/data-files.ts';
import { loadStyle } from '../integration/project.ts';
import { parseSiteConfig } from '../site/config.ts';
import { RESERVED_REFERENCE_PAGES } from '../site/reference-sort.ts';
import { articleSlugClashes } from '../site/article-slugs.ts';
import { articleTitleClashes } from '../site/article-titles.ts';
import { uncitedSummary } from '../site/uncited-summary.ts';
import { unknownConditions } from '../site/unknown-conditions.ts';
import { readArticles } from './articles.ts';
import { loadProjectLibrary, type Project } from './project.ts';

/**
 * Everything `refs check` reports: with no files, the library and every article (unknown, unused and
 * duplicate keys, retractions…); with files, only problems located in those library files.
 */
export function checkProject(project: Project, files: string[]): Diagnostic[] {
  const { library, files: read } = loadProjectLibrary(project, files);
  if (files.length) {
    const chosen = new Set(read.map((file) => file.path));
    const formatting = formattingProblems(project, library).filter((diagnostic) => diagnostic.location && chosen.has(diagnostic.location.file));
    return sortDiagnostics([...checkLibrary(library, (file) => chosen.has(file), RESERVED_REFERENCE_PAGES), ...formatting]);
  }
  const { articles, diagnostics } = readArticles(project.root, project.config.articles, library.has);
  diagnostics.push(...formattingProblems(project, library), ...articleSlugClashes(articles.map(({ file, slug }) => ({ file, slug }))), ...articleTitleClashes(articles.flatMap((article) => article.title ?? [])), ...dataFilesProblems(project.root));
  const cited = new Set<string>();
  const conditions = conditionSlugs(project.root);
  for (const article of articles) {
    diagnostics.push(...checkArticle(library, article), ...(article.citations.length ? [] : [uncitedSummary(article.file)]), ...unknownConditions(article.conditions.location, article.conditions.slugs, conditions));
    for (const { key } of article.citations) {
      const resolution = library.resolve(key);
      if ('entry' in resolution) cited.add(resolution.entry.key);
    }
  }
  return sortDiagnostics([...checkLibrary(library, () => true, RESERVED_REFERENCE_PAGES), ...citedRecordChecks(library, cited), ...diagnostics, ...unusedEntries(library, cited)]);
}

/**
 * The checks the build runs on a stored record an article cites by its identifier (`@doi:…`), such as
 * a missing title: `checkLibrary` checks the library's own entries only, so `check` left them to the build.
 */
function citedRecordChecks(library: Library, cited: Set<string>): Diagnostic[] {
  return [...cited].filter((key) => !library.entries.has(key)).flatMap((key) => {
    const entry = library.stored.get(key);
    return entry ? checkEntry(entry, library) : [];
  });
}

/**
 * Entries citeproc cannot format in the site's style (content/site.json), which the build would fail on
 * where they are cited: found by formatting the library as the build does.
 */
function formattingProblems(project: Project, library: Library): Diagnostic[] {
  const siteFile = join(project.root, 'content', 'site.json');
  const site = existsSync(siteFile) ? parseSiteConfig(readFileSync(siteFile, 'utf8')) : undefined;
  return new CitationFormatter(library, loadStyle(project.root, site?.citationStyle ?? 'ama'), site?.locale).formatEveryEntry();
}

/** Prints diagnostics as `file:line:col: severity: message [code]` (or JSON) and returns the exit status. */
export function report(diagnostics: Diagnostic[], json: boolean, out: (text: string) => void): number {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (json) out(JSON.stringify(diagnostics, null, 2));
  else {
    for (const diagnostic of diagnostics) out(formatDiagnostic(diagnostic));
    out(`${errors} error(s), ${diagnostics.length - errors} warning(s)`);
  }
  return errors ? 1 : 0;
}
