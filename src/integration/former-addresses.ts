import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keySlug, type Library } from '../citations/index.ts';
import { escapeHtml } from '../markdown/citation-html.ts';
import { pagePath, type TrailingSlash } from '../site/paths.ts';

/** How the site is published, from Astro's config. */
export interface SiteAddressing {
  site?: string;
  base: string;
  trailingSlash: TrailingSlash;
  format: 'directory' | 'file' | 'preserve';
}

/** A page that sends readers on at once and tells search engines the page has moved for good. */
export function redirectPage(href: string, absolute: string): string {
  const to = escapeHtml(href);
  return `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>This source has moved</title>
<meta http-equiv="refresh" content="0;url=${to}">
<meta name="robots" content="noindex">
<link rel="canonical" href="${escapeHtml(absolute)}">
<p>This source's page is now at <a href="${to}">${to}</a>.</p>
</html>
`;
}

/**
 * Writes a redirect at each address a source had while it was cited by DOI or PMID alone (its
 * stored record's key) to its library entry's page, where no page of the build is: a clinician's
 * link to /references/doi-10.1001-…/ still arrives once the library has an entry for the work.
 * Written after the build, so the sitemap and the search index never list them. Returns how many.
 */
export function writeFormerAddresses(outDir: URL, library: Library, addressing: SiteAddressing): number {
  let written = 0;
  for (const [key, formerKeys] of library.formerKeys()) {
    const href = pagePath(`/references/${keySlug(key)}/`, addressing.base, addressing.trailingSlash);
    const absolute = addressing.site ? new URL(href, addressing.site).href : href;
    for (const formerKey of formerKeys) {
      const slug = keySlug(formerKey);
      const file = join(fileURLToPath(outDir), 'references', addressing.format === 'file' ? `${slug}.html` : join(slug, 'index.html'));
      if (existsSync(file)) continue;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, redirectPage(href, absolute));
      written += 1;
    }
  }
  return written;
}
