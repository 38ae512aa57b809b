import { readFileSync } from 'node:fs';
import type { VFile } from 'vfile';
import { CitationError } from '../citations/index.ts';
import { frontmatterProblems } from '../site/frontmatter-check.ts';
import { displayPath } from './find-citations.ts';

export interface RemarkFrontmatterCheckOptions {
  /** Whether a file is an evidence summary, whose frontmatter the article schema describes. */
  isArticle: (file: VFile) => boolean;
}

/**
 * Stops a summary whose frontmatter is wrong at the field's line, as the build does before it starts.
 * For `astro dev`: there Astro only logs the content layer's error, and the browser kept the page as it
 * was, old title and all, with nothing on it to say why.
 */
export default function remarkFrontmatterCheck(options: RemarkFrontmatterCheckOptions) {
  return (_tree: unknown, file: VFile) => {
    if (!file.path || !options.isArticle(file)) return;
    const errors = frontmatterProblems(displayPath(file), readFileSync(file.path, 'utf8')).filter((problem) => problem.severity === 'error');
    if (errors.length) throw new CitationError(errors);
  };
}
