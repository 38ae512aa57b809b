const trimSlashes = (text: string) => text.replace(/^\/+|\/+$/gu, '');

/** Joins the site's base and a path, without doubled slashes, starting with a slash. */
function join(base: string, path: string): string {
  return `/${[trimSlashes(base), trimSlashes(path)].filter(Boolean).join('/')}`;
}

/**
 * The URL path of a page of this site: the configured `base` in front, and a trailing slash
 * unless the site is configured with `trailingSlash: 'never'`.
 */
export function pagePath(path: string, base: string, trailingSlash: 'always' | 'never' | 'ignore'): string {
  const joined = join(base, path);
  return joined === '/' || trailingSlash === 'never' ? joined : `${joined}/`;
}

/** The URL path of a folder of static files under the site's base, always with a trailing slash. */
export function assetFolder(path: string, base: string): string {
  const joined = join(base, path);
  return joined === '/' ? joined : `${joined}/`;
}
