import { glob, type Loader } from 'astro/loaders';
import { frontmatterProblems } from '../site/frontmatter-check.ts';
import { checkedReport, reportingErrors } from './content-file-errors.ts';
import { ARTICLES_FOLDER } from './project.ts';

/**
 * The articles collection's loader: Astro's glob loader over content/articles/. In `astro dev`, a summary
 * whose frontmatter is broken is reported at its line and left out until fixed (or kept as it was);
 * opened, its page shows the problem (frontmatter-gate.ts). A build reports them all before it starts (index.ts).
 */
export function articlesLoader(): Loader {
  // Pages render an article from its compiled module, never from its source text: kept in the data
  // store, that text went into the build's bundle too (450 MB more at peak for 1,000 articles).
  return reportingErrors(glob({ pattern: '**/*.mdx', base: `./${ARTICLES_FOLDER}`, retainBody: false }), checkedReport(frontmatterProblems));
}
