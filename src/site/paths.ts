/** How the site writes page URLs: Astro's `trailingSlash` setting. */
export type TrailingSlash = 'always' | 'never' | 'ignore';

const trimSlashes = (text: string) => text.replace(/^\/+|\/+$/gu, '');

/** Joins the site's base and a path, without doubled slashes, starting with a slash. */
function join(base: string, path: string): string {
  return `/${[trimSlashes(base), trimSlashes(path)].filter(Boolean).join('/')}`;
}

/** Splits `/articles/x/#cite-a-1` into the path and the fragment (`#cite-a-1`, or '' when none). */
function splitFragment(path: string): [string, string] {
  const hash = path.indexOf('#');
  return hash === -1 ? [path, ''] : [path.slice(0, hash), path.slice(hash)];
}

/**
 * The URL path of a page of this site, from its path within the site (`/articles/x/`, optionally with
 * a `#fragment`): the configured `base` in front, and a trailing slash unless the site is configured
 * with `trailingSlash: 'never'`. The fragment is kept as it is.
 */
export function pagePath(path: string, base: string, trailingSlash: TrailingSlash): string {
  const [page, fragment] = splitFragment(path);
  const joined = join(base, page);
  return `${joined === '/' || trailingSlash === 'never' ? joined : `${joined}/`}${fragment}`;
}

/** The URL path of a file of this site (`/rss.xml`, `/references/x.bib`): the base in front, never a trailing slash. */
export function filePath(path: string, base: string): string {
  return join(base, path);
}

/** The URL path of a folder of static files under the site's base, always with a trailing slash. */
export function assetFolder(path: string, base: string): string {
  const joined = join(base, path);
  return joined === '/' ? joined : `${joined}/`;
}
