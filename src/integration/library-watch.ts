import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import { libraryFileKind } from '../citations/index.ts';

type DevServer = Parameters<NonNullable<AstroIntegration['hooks']['astro:server:setup']>>[0]['server'];

/** Whether `path` is a file the library reads (or reports), inside the references folder. */
export function isLibraryFile(referencesDir: string, path: string): boolean {
  const inside = relative(referencesDir, path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) && libraryFileKind(resolve(path).split(sep).join('/')) !== undefined;
}

/**
 * In `astro dev`, a library file added after startup (what `refs add` writes under identifiers/, a new
 * .bib) reloads the library. Astro restarts only for the files it was given to watch, named exactly, and
 * the library's files were listed at startup; so the folder is watched too, and a new file in it is
 * reported to Astro as a change of the folder. Without this, a page kept saying "run refs add" after the
 * author had run it, until the server was restarted by hand.
 */
export function reloadOnNewLibraryFiles(server: DevServer, referencesDir: string): void {
  server.watcher.on('add', (path) => {
    if (isLibraryFile(referencesDir, path)) server.watcher.emit('change', referencesDir);
  });
}
