// Searches the built bundled site for each of READER_QUERIES and prints which ones have an expected page in
// the first three results (or, for a query the site has nothing on, no results and a note saying what to try).
// Usage: npm run build && npm exec -- node tests/search/measure-queries.ts [dist] [--misses]
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { serveStatic } from '../../scripts/browser/static-server.ts';
import { READER_QUERIES } from './helpers/reader-queries.ts';
import { readSettledResults } from './helpers/search-page.ts';

const args = process.argv.slice(2);
const dist = args.find((arg) => !arg.startsWith('--')) ?? 'dist';
const site = await serveStatic(dist);
const browser = await launchChromium();
let hits = 0;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 3000 } });
  for (const { q, expect } of READER_QUERIES) {
    const { results, note } = await readSettledResults(page, `${site.url}search/`, q);
    const top = results.slice(0, 3).map((result) => result.href);
    const hit = expect.length ? top.some((href) => expect.includes(href)) : results.length === 0 && note !== '';
    if (hit) hits++;
    if (!hit || !args.includes('--misses')) console.log(`${hit ? 'hit ' : 'MISS'}  ${JSON.stringify(q).padEnd(44)} ${results.length} results: ${top.join(' ') || '-'}${note ? `  | ${note.slice(0, 110)}` : ''}`);
  }
  console.log(`${hits} of ${READER_QUERIES.length} queries answered in the top 3`);
} finally {
  await browser.close();
  await site.close();
}
