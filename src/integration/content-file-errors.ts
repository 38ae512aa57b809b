import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatDiagnostic, type Diagnostic } from '../citations/index.ts';
import { userError } from './user-error.ts';

// Synchronous for YAML and JSON, asynchronous for MDX.
type EntryInfo = (params: { contents: string; fileUrl: URL }) => { data: Record<string, unknown> } | Promise<{ data: Record<string, unknown> }>;
// Astro gives the glob loader the entry types (Markdown, MDX, YAML, JSON) in its context, beside the public fields.
type GlobLoaderContext = LoaderContext & { entryTypes: Map<string, { getEntryInfo: EntryInfo }> };

/** What went wrong in a content file, as `file:line: error: …` lines: its project-relative path, its absolute one, and the error. */
export type EntryReport = (path: string, filePath: string, error: unknown) => string;

// Marks an entry that could not be read or checked: the store keeps what it had for it.
const UNREADABLE = Symbol('unreadable entry');
// The content config and the integration are loaded as separate module graphs: the registry is the place both reach.
const LEFT_OUT = Symbol.for('evidence-citations.left-out-files');

/** The content files `astro dev` goes on without, by absolute path, with what is wrong in each. */
export function leftOutFiles(): Map<string, string> {
  const holder = globalThis as { [LEFT_OUT]?: Map<string, string> };
  return (holder[LEFT_OUT] ??= new Map());
}

/** The line of a top-level `field:` in a YAML file, where Astro gives line 0. */
function fieldLine(text: string, field: string | undefined): number | undefined {
  if (!field) return undefined;
  const index = text.split('\n').findIndex((line) => line.startsWith(`${field}:`));
  return index === -1 ? undefined : index + 1;
}

/** Astro's own words for a file it could not load, at the line it or the first field named gives, without its Markdown. */
export const astroReport: EntryReport = (path, filePath, error) => {
  const message = error instanceof Error ? error.message : String(error);
  // Astro names the file by a path from its own folder: "../../content/conditions/a.yaml failed to parse: …".
  const reason = message.replaceAll('**', '').replace(/^\S+ failed to parse: /u, 'could not be read: ').replace(/\n\s*\n/gu, '\n').trim();
  const line = (error as { loc?: { line?: number } }).loc?.line || fieldLine(readFileSync(filePath, 'utf8'), /^\s+(\w+): /mu.exec(reason)?.[1]);
  return `${path}${line ? `:${line}` : ''}: error: ${reason}`;
};

/**
 * A report in the words of the project's own check of the file, as the build gives them before it starts
 * (and `refs check`); Astro's, when that check finds nothing.
 */
export function checkedReport(check: (path: string, text: string) => Diagnostic[]): EntryReport {
  return (path, filePath, error) => {
    const errors = check(path, readFileSync(filePath, 'utf8')).filter((problem) => problem.severity === 'error');
    return errors.length ? errors.map(formatDiagnostic).join('\n\n') : astroReport(path, filePath, error);
  };
}

/**
 * The loader context that reports a file that cannot be read, or breaks its collection's schema, in
 * our words and at its line. In `astro dev` the file is logged and left as the store had it (as Astro
 * leaves a file changed while it runs), so that the server starts, serves the rest, and loads the file
 * once fixed: Astro's content sync stopped at such a file, and at startup the dev server exited, with a
 * YAML parser's stack trace. A build stops on it, without that stack trace.
 */
function reporting(context: GlobLoaderContext, report: EntryReport): GlobLoaderContext {
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
        const data = await context.parseData(props);
        if (props.filePath) leftOutFiles().delete(props.filePath);
        return data;
      } catch (error) {
        if (!props.filePath) throw error;
        const problems = report(relative(root, props.filePath).split(sep).join('/'), props.filePath, error);
        // Only `astro dev` has a watcher.
        if (!context.watcher) throw userError(problems, 'Fix the file and build again; `npm run dev` reports it too, and serves the rest of the site meanwhile.');
        leftOutFiles().set(props.filePath, problems);
        context.logger.error(`${problems}\n  (the dev server goes on without this version of the file: save it fixed, and it is loaded)`);
        return UNREADABLE as unknown as typeof props.data;
      }
    },
  };
}

/** A glob-based loader whose broken files are reported at their line: logged and left out in `astro dev`, fatal in a build. */
export function reportingErrors(loader: Loader, report: EntryReport = astroReport): Loader {
  return { ...loader, load: (context) => loader.load(reporting(context as GlobLoaderContext, report)) };
}
