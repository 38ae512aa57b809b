import { existsSync, readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { ViteUserConfig } from 'astro';
import { formatDiagnostic } from '../citations/index.ts';
import { frontmatterProblems } from '../site/frontmatter-check.ts';
import { isArticleFile } from './project.ts';
import { userError } from './user-error.ts';

type VitePlugin = NonNullable<ViteUserConfig['plugins']>[number];

/**
 * For `astro dev`: a summary whose frontmatter is wrong is stopped before MDX compiles it, with each
 * problem at its field's line, as the build reports them before it starts. Otherwise Astro only logs
 * its content layer's error and the browser kept the page as it was, old title and all; and YAML it
 * cannot read showed js-yaml's "missed comma between flow collection entries" with its stack trace.
 */
export function frontmatterGate(root: string): VitePlugin {
  // Each stopped summary, with its text then. The file watcher drops a second change to a file within
  // 50 ms (chokidar's throttle): a fix saved that soon after the mistake left the failed module in
  // place, and the page showed the mistake until the file was saved once more.
  const stopped = new Map<string, string>();
  return {
    name: 'evidence-citations:frontmatter-gate',
    enforce: 'pre',
    configureServer(server) {
      server.watcher.on('change', (file) => stopped.delete(file));
      server.middlewares.use((_request, _response, next) => {
        for (const [file, text] of stopped) {
          if (existsSync(file) && readFileSync(file, 'utf8') === text) continue;
          stopped.delete(file);
          // As if the watcher had seen it: Vite reloads the module, Astro's content layer the entry.
          server.watcher.emit('change', file);
        }
        next();
      });
    },
    transform(_code, id) {
      const file = id.split('?')[0]!;
      if (!file.endsWith('.mdx') || !isArticleFile(root, file)) return undefined;
      // The file as written: the code may come with its frontmatter already taken out.
      const text = readFileSync(file, 'utf8');
      const errors = frontmatterProblems(relative(root, file).split(sep).join('/'), text).filter((problem) => problem.severity === 'error');
      if (errors.length === 0) return undefined;
      stopped.set(file, text);
      throw userError(errors.map(formatDiagnostic).join('\n\n'), 'Fix the frontmatter and save: the page is shown again. `npm run refs -- check` lists every problem in the articles and references.');
    },
  };
}
