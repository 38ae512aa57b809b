import { checkArticle, checkLibrary, formatDiagnostic, sortDiagnostics, unusedEntries, type Diagnostic } from '../citations/index.ts';
import { RESERVED_REFERENCE_PAGES } from '../site/reference-sort.ts';
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
    return sortDiagnostics(checkLibrary(library, (file) => chosen.has(file), RESERVED_REFERENCE_PAGES));
  }
  const { articles, diagnostics } = readArticles(project.root, project.config.articles, library.has);
  const cited = new Set<string>();
  for (const article of articles) {
    diagnostics.push(...checkArticle(library, article));
    for (const { key } of article.citations) {
      const resolution = library.resolve(key);
      if ('entry' in resolution) cited.add(resolution.entry.key);
    }
  }
  return sortDiagnostics([...checkLibrary(library, () => true, RESERVED_REFERENCE_PAGES), ...diagnostics, ...unusedEntries(library, cited)]);
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
