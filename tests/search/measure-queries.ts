// Searches the built bundled site for each query of a list and prints which ones have an expected page in
// the first three results (or, for a query the site has nothing on, no results and a note saying what to try).
// The lists: READER_QUERIES (the default; search was tuned on it) and FRESH_QUERIES (`--set fresh`, never tuned on).
// Usage: npm run build && npm exec -- node tests/search/measure-queries.ts [dist] [--misses] [--set fresh]
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { serveStatic } from '../../scripts/browser/static-server.ts';
import { FRESH_QUERIES } from './helpers/fresh-queries.ts';
import { READER_QUERIES } from './helpers/reader-queries.ts';
import { readSettledResults } from './helpers/search-page.ts';

const args = process.argv.slice(2);
const setName = args.includes('--set') ? args[args.indexOf('--set') + 1] : 'reader';
const queries = setName === 'fresh' ? FRESH_QUERIES : READER_QUERIES;
const dist = args.find((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--set') ?? 'dist';
const site = await serveStatic(dist);
const browser = await launchChromium();
let hits = 0;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 3000 } });
  for (const { q, expect } of queries) {
    const { results, note } = await readSettledResults(page, `${site.url}search/`, q);
    const top = results.slice(0, 3).map((result) => result.href);
    const hit = expect.length ? top.some((href) => expect.includes(href)) : results.length === 0 && note !== '';
    if (hit) hits++;
    if (!hit || !args.includes('--misses')) console.log(`${hit ? 'hit ' : 'MISS'}  ${JSON.stringify(q).padEnd(44)} ${results.length} results: ${top.join(' ') || '-'}${note ? `  | ${note.slice(0, 110)}` : ''}`);
  }
  console.log(`${hits} of ${queries.length} ${setName} queries answered in the top 3`);
} finally {
  await browser.close();
  await site.close();
}
