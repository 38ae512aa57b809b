import { base, trailingSlash } from 'astro:config/client';
import { site } from './identity.ts';
import { filePath, pagePath } from './paths.ts';

// Every internal link of the templates goes through these, so a site deployed under a `base`
// (astro.config.mjs) or with `trailingSlash: 'never'` links to its pages as they are built.

/** The href of a page, from its path within the site: `pageHref('/articles/x/#cite-a-1')` → `/library/articles/x#cite-a-1` under base /library with trailingSlash 'never'. */
export function pageHref(path: string): string {
  return pagePath(path, base, trailingSlash);
}

/** The href of a file, from its path within the site: `fileHref('/rss.xml')` → `/library/rss.xml`. */
export function fileHref(path: string): string {
  return filePath(path, base);
}

/** The public URL of an href made by pageHref or fileHref (or of `Astro.url.pathname`, which includes the base). */
export function absoluteUrl(href: string): string {
  return new URL(href, `${site.url}/`).href;
}
