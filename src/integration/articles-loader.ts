import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { formatDiagnostic } from '../citations/index.ts';
import { frontmatterProblems } from '../site/frontmatter-check.ts';
import { ARTICLES_FOLDER } from './project.ts';

type EntryInfo = (params: { contents: string; fileUrl: URL }) => Promise<{ data: Record<string, unknown> }>;
// Astro gives the glob loader the content entry types (Markdown, MDX) in its context, beside the public fields.
type GlobLoaderContext = LoaderContext & { entryTypes: Map<string, { getEntryInfo: EntryInfo }> };

// Marks a summary whose frontmatter could not be read or checked: the store keeps what it had for it.
const UNREADABLE = Symbol('unreadable frontmatter');

/** Every frontmatter error of the summary at `filePath`, each at its line, as the build reports them. */
function frontmatterReport(root: string, filePath: string, error: unknown): string {
  const path = relative(root, filePath).split(sep).join('/');
  const errors = frontmatterProblems(path, readFileSync(filePath, 'utf8')).filter((problem) => problem.severity === 'error');
  if (errors.length) return errors.map(formatDiagnostic).join('\n\n');
  return `${path}: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * `astro dev`'s loader context for the summaries: a summary whose frontmatter cannot be read, or breaks
 * the schema, is reported at its field's line and left as the store had it (as Astro leaves a file
 * changed while it runs), so that the server starts and the fixed file is loaded. Astro's content sync
 * stops at such a file: at startup the dev server exited, with a YAML parser's stack trace or line 0.
 */
function forgiving(context: GlobLoaderContext): GlobLoaderContext {
  const root = fileURLToPath(context.config.root);
  const entryTypes = new Map([...context.entryTypes].map(([extension, type]) => [extension, {
    ...type,
    // The frontmatter's YAML: parseData reports it, with the line of a bracket left open.
    getEntryInfo: (params: Parameters<EntryInfo>[0]) => type.getEntryInfo(params).catch((error: unknown) => ({ data: { [UNREADABLE]: error }, body: '' })),
  }]));
  return {
    ...context,
    entryTypes,
    store: { ...context.store, set: (entry) => (entry.data as unknown) === UNREADABLE ? false : context.store.set(entry) },
    parseData: async (props) => {
      try {
        if (UNREADABLE in props.data) throw props.data[UNREADABLE];
        return await context.parseData(props);
      } catch (error) {
        if (!props.filePath) throw error;
        context.logger.error(frontmatterReport(root, props.filePath, error));
        return UNREADABLE as unknown as typeof props.data;
      }
    },
  };
}

/** The articles collection's loader: Astro's glob loader over content/articles/, forgiving in `astro dev`. */
export function articlesLoader(): Loader {
  // Pages render an article from its compiled module, never from its source text: kept in the data
  // store, that text went into the build's bundle too (450 MB more at peak for 1,000 articles).
  const loader = glob({ pattern: '**/*.mdx', base: `./${ARTICLES_FOLDER}`, retainBody: false });
  // Only `astro dev` has a watcher; a build reports every summary's frontmatter before it starts (index.ts).
  return { ...loader, load: (context) => loader.load(context.watcher ? forgiving(context as GlobLoaderContext) : context) };
}
