import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** Every HTML page in a built site, by URL path (`/articles/x/`), parsed. */
export function readPages(dist: string): Map<string, HTMLElement> {
  const pages = new Map<string, HTMLElement>();
  for (const name of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.html')) continue;
    const path = `/${relative(dist, join(dist, name)).split(sep).join('/')}`.replace(/index\.html$/u, '');
    pages.set(path, parse(readFileSync(join(dist, name), 'utf8')));
  }
  return pages;
}
