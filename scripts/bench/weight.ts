import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visitParents } from 'unist-util-visit-parents';

/** What a reader's browser fetches for one page before any interaction, in bytes. */
export interface PageWeight {
  html: number;
  htmlGzip: number;
  css: number;
  cssGzip: number;
  /** Scripts the page loads, and the modules they import statically; dynamic imports (search) excluded. */
  js: number;
  jsGzip: number;
}

// The text of a <style> or inline <script>: raw text children only.
const inner = (node: Element) => node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
const gz = (text: string) => gzipSync(text, { level: 9 }).length;
// Static imports in bundled modules: `import"./a.js"`, `import{x}from"./b.js"`, `export*from"./c.js"`.
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|from)\s*["']([^"']+\.m?js)["']/gu;

/** A script and every module it imports statically, each file once. */
function scriptGraph(dist: string, url: string, seen: Set<string>): string {
  const path = join(dist, url.split('?')[0]!);
  if (seen.has(path) || !existsSync(path)) return '';
  seen.add(path);
  const code = readFileSync(path, 'utf8');
  const imports = [...code.matchAll(STATIC_IMPORT)].map((match) => new URL(match[1]!, new URL(url, 'http://x/')).pathname);
  return code + imports.map((next) => scriptGraph(dist, next, seen)).join('');
}

/** The weight of one built page: its HTML, the CSS it links or inlines, and the JavaScript it runs on load. */
export function pageWeight(dist: string, htmlPath: string): PageWeight {
  const html = readFileSync(htmlPath, 'utf8');
  const tree: Root = fromHtml(html);
  let css = '';
  let js = '';
  const seen = new Set<string>();
  visitParents(tree, 'element', (node: Element) => {
    const { rel, href, src, type } = node.properties;
    const rels = Array.isArray(rel) ? rel.map(String) : [];
    if (node.tagName === 'style') css += inner(node);
    else if (node.tagName === 'link' && rels.includes('stylesheet') && typeof href === 'string') css += readLocal(dist, href);
    else if (node.tagName === 'link' && rels.includes('modulepreload') && typeof href === 'string') js += scriptGraph(dist, href, seen);
    else if (node.tagName === 'script' && type !== 'application/ld+json' && type !== 'application/json') {
      js += typeof src === 'string' ? scriptGraph(dist, src, seen) : inner(node);
    }
  });
  return { html: Buffer.byteLength(html), htmlGzip: gz(html), css: Buffer.byteLength(css), cssGzip: gz(css), js: Buffer.byteLength(js), jsGzip: js ? gz(js) : 0 };
}

function readLocal(dist: string, url: string): string {
  const path = join(dist, url.split('?')[0]!);
  return url.startsWith('/') && existsSync(path) ? readFileSync(path, 'utf8') : '';
}

/** The heaviest of a sample of article pages (`dist/articles/<slug>/index.html`), field by field. */
export function articleWeight(dist: string, sampleSize = 25): PageWeight & { pages: number } {
  const dir = join(dist, 'articles');
  const pages = readdirSync(dir).map((name) => join(dir, name, 'index.html')).filter((path) => existsSync(path));
  const sampled = pages.filter((_, i) => i % Math.max(1, Math.floor(pages.length / sampleSize)) === 0).slice(0, sampleSize);
  const weights = sampled.map((path) => pageWeight(dist, path));
  const max = (field: keyof PageWeight) => Math.max(...weights.map((w) => w[field]));
  return { pages: weights.length, html: max('html'), htmlGzip: max('htmlGzip'), css: max('css'), cssGzip: max('cssGzip'), js: max('js'), jsGzip: max('jsGzip') };
}

/** Total bytes and file count of a folder, e.g. the Pagefind index. */
export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(join(dir, name));
    if (stat.isFile()) {
      bytes += stat.size;
      files++;
    }
  }
  return { bytes, files };
}
