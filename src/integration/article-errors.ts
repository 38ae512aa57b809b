import type { ViteUserConfig } from 'astro';
import { userError } from './user-error.ts';
import type { Plugin, Processor, Transformer } from 'unified';
import { CitationError, formatDiagnostic, mergeRepeated, type Diagnostic } from '../citations/index.ts';

type VitePlugin = NonNullable<ViteUserConfig['plugins']>[number];

// A thousand broken citations would bury the first ones; `refs check` lists them all.
const SHOWN = 50;

/** Whether an error is a parser's message about the text of a file (a VFileMessage), not a fault in code. */
function isSyntaxMessage(error: unknown): error is Error {
  return error instanceof Error && typeof (error as { ruleId?: unknown }).ruleId === 'string' && typeof (error as { source?: unknown }).source === 'string';
}

/**
 * Every article's errors in one report. Astro stops a build at the first article whose Markdown plugin
 * throws, with a stack trace under the message; an author then fixes one article per build. Here the
 * plugins' errors are collected while the articles compile, each article compiling as written, and the
 * build stops once the bundle is done, before a page is rendered.
 */
export function articleErrorCollector() {
  const collected: Diagnostic[] = [];
  // An error about a library entry is placed in the .bib file, not the article that cites it.
  const articles = new Set<string | undefined>();

  /** The plugin, with a CitationError collected instead of thrown; the document is left as the plugin found it. */
  function collecting<P extends Plugin<any[], any>>(plugin: P): P {
    return function (this: Processor, ...options: unknown[]) {
      const transformer = (plugin as Plugin<unknown[]>).apply(this, options);
      if (typeof transformer !== 'function') return transformer;
      // Two parameters, as the wrapped plugins take: unified waits for a callback from a transformer that declares a third.
      return function (this: unknown, tree, file) {
        try {
          return transformer.call(this, tree, file, () => {});
        } catch (error) {
          if (!(error instanceof CitationError)) throw error;
          collected.push(...error.diagnostics);
          articles.add((file as { path?: string }).path);
          return undefined;
        }
      } as Transformer;
    } as P;
  }

  const stopAfterBundle: VitePlugin = {
    name: 'evidence-citations:article-errors',
    // MDX's syntax errors in a summary name its file, line and column, and a hint (remark-mdx-syntax-hints):
    // the bundler's stack trace that Astro printed under them says nothing to its author.
    buildEnd(error) {
      for (const cause of (error as { errors?: unknown[] } | undefined)?.errors ?? [error]) {
        if (isSyntaxMessage(cause)) cause.stack = '';
      }
    },
    renderStart() {
      if (collected.length === 0) return;
      const errors = mergeRepeated(collected.splice(0));
      const more = errors.length > SHOWN ? `\n\n…and ${errors.length - SHOWN} more.` : '';
      throw userError(
        `${errors.length} error(s) in ${articles.size} article(s):\n\n${errors.slice(0, SHOWN).map(formatDiagnostic).join('\n\n')}${more}`,
        '`npm run refs -- check` lists these with every other problem in the articles and references, without a build.',
      );
    },
  };

  return { collecting, stopAfterBundle };
}
