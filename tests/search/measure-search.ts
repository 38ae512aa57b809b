// Measures the search index of a built site and what one cold search downloads.
// Usage: npm run build && npm exec -- node tests/search/measure-search.ts [dist] [query] [base]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { serveStatic } from '../../scripts/browser/static-server.ts';
import { searchFromUrl } from './helpers/search-page.ts';

const [dist = 'dist', query = 'acupuncture', base = '/'] = process.argv.slice(2);
const bundle = join(dist, 'pagefind');
// Pagefind's index files are gzipped already; hosts gzip HTML, JS, CSS and JSON on the way.
const wire = (file: string) => (/\.(js|css|html|json)$/u.test(file) ? gzipSync(readFileSync(file)).length : statSync(file).size);
const total = (files: string[], size: (file: string) => number) => files.reduce((sum, file) => sum + size(file), 0);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const disk = (file: string) => statSync(file).size;

const files = readdirSync(bundle, { recursive: true, encoding: 'utf8' }).map((name) => join(bundle, name)).filter((file) => statSync(file).isFile());
const isUi = (file: string) => /pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/u.test(file);
console.log(`bundle: ${files.length} files, ${kb(total(files, disk))} on disk; the index alone (without the UI scripts and styles) ${kb(total(files.filter((file) => !isUi(file)), disk))}`);

const site = await serveStatic(dist, base);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 3000 } });
  const results = await searchFromUrl(page, `${site.url}search/`, { q: query });
  for (const request of site.requests) console.log(`${kb(wire(request.file)).padStart(10)}  ${request.path}`);
  const search = site.requests.filter((request) => request.path.includes('/pagefind/')).map((request) => request.file);
  console.log(`cold search for "${query}" (${results.length} results): ${search.length} requests to the bundle, ${kb(total(search, wire))} over the wire (${kb(total(search, disk))} uncompressed)`);
} finally {
  await browser.close();
  await site.close();
}
