import { build } from 'astro';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';

export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Builds a fixture site with the real src/ and returns where its dist/ is. */
export async function buildFixture(root: string, env: Record<string, string> = {}, logLevel: 'error' | 'warn' = 'error'): Promise<string> {
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    await build({ root, logLevel });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  return join(root, 'dist');
}

/**
 * A throwaway copy of a fixture site (in the fixtures folder, so its astro.config.mjs imports still
 * resolve), changed by `edit`, for tests that break it on purpose.
 */
export function scratchSite(fixture: string, edit: (root: string) => void): { root: string; cleanup: () => Promise<void> } {
  const root = mkdtempSync(join(fixturesDir, `.scratch-${fixture}-`));
  cpSync(join(fixturesDir, fixture), root, { recursive: true, filter: (path) => !/[/\\](dist|\.astro)$/u.test(path) });
  edit(root);
  return {
    root,
    cleanup: async () => {
      // Astro saves its content store 500 ms after the last change, also after a build that failed:
      // removed before that, the save fails in this process as an unhandled rejection.
      await new Promise((resolve) => setTimeout(resolve, ASTRO_STORE_SAVE_DELAY_MS));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

const ASTRO_STORE_SAVE_DELAY_MS = 1000;

/** A built page as a DOM document. */
export function readPage(dist: string, path: string): Document {
  return parseHTML(readFileSync(join(dist, path), 'utf8')).document as unknown as Document;
}

export { tmpdir };
