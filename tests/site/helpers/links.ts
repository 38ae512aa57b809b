import { existsSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Where a built site is published: its origin, its `base` and its `trailingSlash` setting. */
export interface Deployment {
  origin: string;
  base: string;
  trailingSlash: 'always' | 'never';
}

export interface LinkReport {
  /** One line per broken link: the page, the href, and why. */
  broken: string[];
  links: number;
  fragments: number;
}

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/** The file a static host serves for a URL path under the site's base, or why there is none. */
function resolve(dist: string, pathname: string, site: Deployment): { file: string } | { error: string } {
  const base = site.base.replace(/\/+$/u, '');
  if (pathname !== base && !pathname.startsWith(`${base}/`)) return { error: `outside the base ${site.base}` };
  const path = pathname.slice(base.length) || '/';
  if (path.endsWith('/')) {
    const file = join(dist, path, 'index.html');
    if (!isFile(file)) return { error: 'no page' };
    // The site's root is `/library` or `/library/`; every other page follows the policy.
    if (site.trailingSlash === 'never' && path !== '/') return { error: 'trailing slash on a site with trailingSlash: never' };
    return { file };
  }
  if (isFile(join(dist, path))) return { file: join(dist, path) };
  const page = join(dist, path, 'index.html');
  if (!isFile(page)) return { error: 'no file' };
  if (site.trailingSlash === 'always') return { error: 'no trailing slash on a site with trailingSlash: always' };
  return { file: page };
}

/**
 * Follows every same-origin link of every page (`a`, `link`, `script`, `img`, `form`) as a static host
 * would serve it, and every fragment to an element of its target page. `pages` is readPages(dist).
 */
export function checkLinks(dist: string, pages: Map<string, Document>, site: Deployment): LinkReport {
  const report: LinkReport = { broken: [], links: 0, fragments: 0 };
  for (const [path, html] of pages) {
    // The page's own address, as the site links to it: in-page links (`#ref-…`) resolve against it.
    const own = site.trailingSlash === 'never' && path !== '/' ? path.replace(/\/$/u, '') : path;
    const pageUrl = `${site.origin}${site.base.replace(/\/+$/u, '')}${own}`;
    for (const node of html.querySelectorAll('a[href], link[href], script[src], img[src], form[action]')) {
      const raw = node.getAttribute('href') ?? node.getAttribute('src') ?? node.getAttribute('action')!;
      const url = new URL(raw, pageUrl);
      if (url.origin !== site.origin) continue;
      report.links++;
      const target = resolve(dist, decodeURIComponent(url.pathname), site);
      if ('error' in target) {
        report.broken.push(`${path}: ${raw} (${target.error})`);
        continue;
      }
      if (url.hash && target.file.endsWith('.html')) {
        report.fragments++;
        const id = decodeURIComponent(url.hash.slice(1));
        const key = `/${relative(dist, target.file).split(sep).join('/')}`.replace(/index\.html$/u, '');
        if (!pages.get(key)?.getElementById(id)) report.broken.push(`${path}: ${raw} (no #${id})`);
      }
    }
  }
  return report;
}
