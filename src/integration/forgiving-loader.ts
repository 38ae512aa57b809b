import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';

// Synchronous for YAML and JSON, asynchronous for MDX.
type EntryInfo = (params: { contents: string; fileUrl: URL }) => { data: Record<string, unknown> } | Promise<{ data: Record<string, unknown> }>;
// Astro gives the glob loader the entry types (Markdown, MDX, YAML, JSON) in its context, beside the public fields.
type GlobLoaderContext = LoaderContext & { entryTypes: Map<string, { getEntryInfo: EntryInfo }> };

/** What went wrong in a content file, for the log: its project-relative path, a file:line of its own or Astro's. */
export type EntryReport = (path: string, filePath: string, error: unknown) => string;

// Marks an entry that could not be read or checked: the store keeps what it had for it.
const UNREADABLE = Symbol('unreadable entry');

/** Astro's own words for a file it could not load, at the line it names, without its Markdown. */
export const astroReport: EntryReport = (path, _filePath, error) => {
  const line = (error as { loc?: { line?: number } }).loc?.line;
  const message = error instanceof Error ? error.message : String(error);
  // Astro names the file by a path from its own folder: "../../content/conditions/a.yaml failed to parse: …".
  const reason = message.replaceAll('**', '').replace(/^\S+ failed to parse: /u, 'could not be read: ').replace(/\n\s*\n/gu, '\n').trim();
  return `${path}${line ? `:${line}` : ''}: error: ${reason}\n  hint: Fix the file and save it: the dev server loads it again.`;
};

/**
 * `astro dev`'s loader context: a file that cannot be read, or breaks its collection's schema, is
 * reported and left as the store had it (as Astro leaves a file changed while it runs), so that the
 * server starts and serves the rest, and loads the file once it is fixed. Astro's content sync stops at
 * such a file: at startup the dev server exited, with a YAML parser's stack trace.
 */
function forgiving(context: GlobLoaderContext, report: EntryReport): GlobLoaderContext {
  const root = fileURLToPath(context.config.root);
  const entryTypes = new Map([...context.entryTypes].map(([extension, type]) => [extension, {
    ...type,
    // YAML or JSON that cannot be read: parseData reports it, with the file's path.
    getEntryInfo: async (params: Parameters<EntryInfo>[0]) => {
      try {
        return await type.getEntryInfo(params);
      } catch (error) {
        return { data: { [UNREADABLE]: error }, body: '' };
      }
    },
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
        context.logger.error(report(relative(root, props.filePath).split(sep).join('/'), props.filePath, error));
        return UNREADABLE as unknown as typeof props.data;
      }
    },
  };
}

/** A glob-based loader that, in `astro dev`, reports a broken file and goes on without it; unchanged in a build, which stops on it. */
export function forgivingInDev(loader: Loader, report: EntryReport = astroReport): Loader {
  // Only `astro dev` has a watcher.
  return { ...loader, load: (context) => loader.load(context.watcher ? forgiving(context as GlobLoaderContext, report) : context) };
}
