import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseHTML } from 'linkedom';

/** An HTML string as a DOM document. */
export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** A fragment of HTML (formatted reference markup) as the body of a DOM document. */
export function parseFragment(html: string): Document {
  return parseDocument(`<!doctype html><html><head><title>t</title></head><body>${html}</body></html>`);
}

/** Every HTML page in a built site, by URL path (`/articles/x/`), as DOM documents. */
export function readPages(dist: string): Map<string, Document> {
  const pages = new Map<string, Document>();
  for (const name of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.html')) continue;
    const path = `/${relative(dist, join(dist, name)).split(sep).join('/')}`.replace(/index\.html$/u, '');
    pages.set(path, parseDocument(readFileSync(join(dist, name), 'utf8')));
  }
  return pages;
}
