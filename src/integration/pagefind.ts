import type { AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const HINT = 'Fix the page Pagefind names (its HTML must parse and carry <html lang>), then run the build again. If Pagefind itself failed to start, reinstall it with npm ci.';

/** Throws with Pagefind's own messages when a response reports errors, so a broken index never ships. */
function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) {
    throw new AstroError(`Pagefind could not ${step}:\n${response.errors.map((error) => `  ${error}`).join('\n')}`, HINT);
  }
  return response;
}

/**
 * Indexes the built site in `dir` (the folder Astro hands to `astro:build:done`) and writes the
 * search bundle to `dir/pagefind/`. Any error Pagefind reports fails the build; the Pagefind
 * service is closed whether or not indexing succeeded.
 */
export async function buildSearchIndex(dir: URL, logger: AstroIntegrationLogger): Promise<void> {
  const { createIndex, close } = await import('pagefind');
  const site = fileURLToPath(dir);
  const outputPath = fileURLToPath(new URL('pagefind/', dir));
  const started = performance.now();
  try {
    const { index } = check('start', await createIndex({}));
    if (!index) throw new AstroError('Pagefind started but returned no index.', HINT);
    const { page_count: pages } = check(`index the HTML files in ${site}`, await index.addDirectory({ path: site }));
    if (pages === 0) logger.warn(`Pagefind found no HTML pages in ${site}: search will find nothing.`);
    check(`write the search bundle to ${outputPath}`, await index.writeFiles({ outputPath }));
    logger.info(`Search index of ${pages} HTML files built in ${Math.round(performance.now() - started)} ms → ${relative(process.cwd(), outputPath) || outputPath}`);
  } finally {
    await close();
  }
}
