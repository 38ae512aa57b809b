import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bundledStyleWithId,
  CitationFormatter,
  libraryFileKind,
  loadLibrary,
  readStyle,
  type CitationStyle,
  type FindStyle,
  type LibraryFile,
} from '../citations/index.ts';
import type { CitationContext } from '../markdown/remark-citations.ts';
import { BUNDLED_STYLES, type ResolvedCitationOptions } from './options.ts';

/**
 * Where the evidence summaries live, relative to the project root: the articles collection reads them
 * and their page renders each one's reference list.
 */
export const ARTICLES_FOLDER = 'content/articles';

/**
 * The summaries' file names within the articles folder, sorted: `.mdx` files, outside hidden folders,
 * which Astro's glob loader does not read.
 */
export function articleFileNames(root: string): string[] {
  const dir = join(root, ARTICLES_FOLDER);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.mdx') && !name.split(sep).some((part) => part.startsWith('.'))).sort();
}

/** Whether a Markdown file is an evidence summary, given its absolute path. */
export function isArticleFile(root: string, path: string): boolean {
  const relativePath = relative(resolve(root, ARTICLES_FOLDER), path);
  return relativePath !== '' && !relativePath.startsWith('..') && !isAbsolute(relativePath);
}

/** Every library file under the references folder, with project-relative paths for messages. */
export function readLibraryFiles(root: string, folder: string): LibraryFile[] {
  const dir = resolve(root, folder);
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }))
    .map((name) => join(dir, name))
    .filter((path) => libraryFileKind(path.split(sep).join('/')))
    .sort()
    .map((path) => ({ path: relative(root, path).split(sep).join('/'), text: readFileSync(path, 'utf8') }));
}

const bundledStylePath = (name: string) => fileURLToPath(new URL(`../csl-styles/${name}.csl`, import.meta.url));

/** The CSL style the options name: a bundled one by short name, or a .csl file in the project. */
export function loadStyle(root: string, style: ResolvedCitationOptions['style']): CitationStyle {
  const bundled = BUNDLED_STYLES[style as keyof typeof BUNDLED_STYLES];
  const path = bundled ? bundledStylePath(bundled) : resolve(root, style);
  if (!existsSync(path)) throw new Error(`The citation style file ${style} does not exist (looked in ${path}).`);
  return readStyle(bundled ?? style, readFileSync(path, 'utf8'), parentStyles(path));
}

/**
 * Finds a dependent style's parent offline: a bundled style, else the parent's file (named as the last
 * part of its id, "plos.csl") beside the style or, as the CSL repository lays them out, above its
 * `dependent/` folder.
 */
function parentStyles(path: string): FindStyle {
  return (id) => {
    const bundled = bundledStyleWithId(id);
    if (bundled) return { name: bundled, xml: readFileSync(bundledStylePath(BUNDLED_STYLES[bundled]), 'utf8') };
    const file = `${id.split('/').pop()}.csl`;
    if (!/^[\w.-]+\.csl$/u.test(file)) return undefined;
    const dirs = [dirname(path), ...(basename(dirname(path)) === 'dependent' ? [dirname(dirname(path))] : [])];
    const found = dirs.map((dir) => join(dir, file)).find((candidate) => candidate !== path && existsSync(candidate));
    return found ? { name: file, xml: readFileSync(found, 'utf8') } : undefined;
  };
}

/** Reads the library and prepares the formatter: done once per build, and again when references change. */
export function loadCitationContext(root: string, options: ResolvedCitationOptions): CitationContext {
  const library = loadLibrary(readLibraryFiles(root, options.references));
  const formatter = new CitationFormatter(library, loadStyle(root, options.style), options.locale);
  return { library, formatter };
}
