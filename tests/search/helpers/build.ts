import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const astro = fileURLToPath(new URL('../../../node_modules/astro/bin/astro.mjs', import.meta.url));
const repo = fileURLToPath(new URL('../../../', import.meta.url));

// vitest exports DEV, PROD, MODE, BASE_URL, SSR and NODE_ENV=test; Vite would read them into the
// built pages' import.meta.env, so the site would be built as if for the dev server.
const VITEST_ENV = /^(DEV|PROD|MODE|BASE_URL|SSR|TEST|NODE_ENV|VITEST.*)$/u;

/** This process's environment without what vitest adds, for child processes that build the site. */
export function environmentForBuilds(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !VITEST_ENV.test(name)));
}

/** Runs `astro build` for the project in `root` (relative to the repository) into `outDir`; throws with Astro's output if it fails. */
export function buildSite(root: string, outDir: string): void {
  const result = spawnSync(process.execPath, [astro, 'build', '--root', root, '--outDir', outDir], { cwd: repo, encoding: 'utf8', env: { ...environmentForBuilds(), ASTRO_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error(`astro build of ${root} failed:\n${result.stdout}\n${result.stderr}`);
}
