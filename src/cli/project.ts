import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { loadLibrary, type Library, type LibraryFile } from '../citations/index.ts';
import { readLibraryFiles } from '../integration/project.ts';
import { readConfig, type RefsConfig } from './config.ts';

/** Where the command works: the project root, its references folder and the settings found there. */
export interface Project {
  root: string;
  references: string;
  config: RefsConfig;
}

/** The project at `root` (default: the working directory); `references` is the folder the Astro option names. */
export function openProject(root: string, references = 'references'): Project {
  const absolute = resolve(root);
  return { root: absolute, references, config: readConfig(join(absolute, references)) };
}

/** The whole library; with `files`, those files read with the rest of the library, which they are checked against. */
export function loadProjectLibrary(project: Project, files: string[] = []): { library: Library; files: LibraryFile[] } {
  const all = readLibraryFiles(project.root, project.references);
  if (files.length === 0) return { library: loadLibrary(all), files: all };
  const chosen = files.map((file): LibraryFile => {
    const path = resolve(file);
    if (!existsSync(path)) throw new Error(`${file} does not exist.`);
    const inside = relative(project.root, path);
    // A file outside the project (a download) is named by its full path, not by a run of "../".
    return { path: inside.startsWith('..') ? path : inside.split(sep).join('/'), text: readFileSync(path, 'utf8') };
  });
  // The rest of the library is read first: a key or work the files repeat is then reported in them.
  const names = new Set(chosen.map((file) => file.path));
  return { library: loadLibrary([...all.filter((file) => !names.has(file.path)), ...chosen], { inGivenOrder: true }), files: chosen };
}
