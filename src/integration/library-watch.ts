import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import { isRunnableDevEnvironment, type EnvironmentModuleNode } from 'vite';
import { libraryFileKind } from '../citations/index.ts';
import { ARTICLES_FOLDER, articleFileNames } from './project.ts';

type DevServer = Parameters<NonNullable<AstroIntegration['hooks']['astro:server:setup']>>[0]['server'];

/** Whether `path` is a file the library reads (or reports), inside the references folder. */
export function isLibraryFile(referencesDir: string, path: string): boolean {
  const inside = relative(referencesDir, path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) && libraryFileKind(resolve(path).split(sep).join('/')) !== undefined;
}

/**
 * In `astro dev`, a library file changed, added (what `refs add` writes under identifiers/, a new .bib)
 * or deleted reloads the library (`reload`, false when it could not) and compiles the summaries again; the
 * reference pages follow on the next request (shared-context.ts). The server is not restarted: after
 * a restart Astro's content layer kept listening to the closed server's file watcher, so summaries
 * added, renamed or retitled afterwards were never loaded, and a renamed one broke every page
 * ("Failed to load url …mdx?astroPropagatedAssets") until the server was restarted by hand.
 */
export function reloadOnLibraryChanges(server: DevServer, root: string, referencesDir: string, reload: () => boolean): void {
  server.watcher.add(referencesDir);
  server.watcher.on('all', (event, path) => {
    if (!['add', 'change', 'unlink'].includes(event) || !isLibraryFile(referencesDir, path)) return;
    if (!reload()) return;
    recompile(server, articleFileNames(root).map((name) => join(root, ARTICLES_FOLDER, name)));
  });
}

/**
 * Has Vite compile `files` again, and whatever imports them, on the next request, and the browser reload:
 * what Astro does when a summary is saved (its vite-plugin-hmr-reload), for every summary at once.
 */
function recompile(server: DevServer, files: string[]): void {
  const timestamp = Date.now();
  for (const environment of Object.values(server.environments)) {
    const invalidated = new Set<EnvironmentModuleNode>();
    for (const file of files) {
      for (const module of environment.moduleGraph.getModulesByFile(file) ?? []) environment.moduleGraph.invalidateModule(module, invalidated, timestamp, true);
    }
    if (!isRunnableDevEnvironment(environment)) continue;
    for (const { id } of invalidated) {
      const evaluated = id ? environment.runner.evaluatedModules.getModuleById(id) : undefined;
      if (evaluated) environment.runner.evaluatedModules.invalidateModule(evaluated);
    }
  }
  server.ws.send({ type: 'full-reload' });
}
