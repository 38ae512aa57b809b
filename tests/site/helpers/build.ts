import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ASTRO = fileURLToPath(new URL('../../../node_modules/astro/bin/astro.mjs', import.meta.url));

// vitest exports DEV, PROD, MODE, BASE_URL, SSR and NODE_ENV=test; Vite would read them into the
// built pages' import.meta.env, so the site would be built as if for the dev server.
const VITEST_ENV = /^(DEV|PROD|MODE|BASE_URL|SSR|TEST|NODE_ENV|VITEST.*)$/u;

/** This process's environment without what vitest adds, for child processes that build the site. */
export function environmentForBuilds(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !VITEST_ENV.test(name)));
}

/** Runs `astro build` for a project root into outDir, on this Node, as a user's build runs; returns the exit code and output. */
export function astroBuild(root: string, outDir: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [ASTRO, 'build', '--root', root, '--outDir', outDir], {
    cwd: root,
    encoding: 'utf8',
    env: { ...environmentForBuilds(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Builds the project in `root` (relative to the repository) into `outDir`; throws with Astro's output if it fails. */
export function buildSite(root: string, outDir: string): string {
  const { status, output } = astroBuild(resolve(ROOT, root), outDir);
  if (status !== 0) throw new Error(`astro build of ${root} failed:\n${output}`);
  return outDir;
}

/** Builds the bundled site (content/ and references/ of this project) into its own folder for tests. */
export function buildBundledSite(): string {
  return buildSite('.', fileURLToPath(new URL('../../fixtures/site-output/dist/', import.meta.url)));
}
