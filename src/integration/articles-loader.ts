import { readFileSync } from 'node:fs';
import { glob, type Loader } from 'astro/loaders';
import { formatDiagnostic } from '../citations/index.ts';
import { frontmatterProblems } from '../site/frontmatter-check.ts';
import { astroReport, reportingErrors, type EntryReport } from './content-file-errors.ts';
import { ARTICLES_FOLDER } from './project.ts';

/** Every frontmatter error of a summary, each at its line, as the build reports them before it starts. */
const frontmatterReport: EntryReport = (path, filePath, error) => {
  const errors = frontmatterProblems(path, readFileSync(filePath, 'utf8')).filter((problem) => problem.severity === 'error');
  return errors.length ? errors.map(formatDiagnostic).join('\n\n') : astroReport(path, filePath, error);
};

/**
 * The articles collection's loader: Astro's glob loader over content/articles/. In `astro dev`, a summary
 * whose frontmatter is broken is reported at its line and left out until fixed (or kept as it was);
 * opened, its page shows the problem (frontmatter-gate.ts). A build reports them all before it starts (index.ts).
 */
export function articlesLoader(): Loader {
  // Pages render an article from its compiled module, never from its source text: kept in the data
  // store, that text went into the build's bundle too (450 MB more at peak for 1,000 articles).
  return reportingErrors(glob({ pattern: '**/*.mdx', base: `./${ARTICLES_FOLDER}`, retainBody: false }), frontmatterReport);
}
