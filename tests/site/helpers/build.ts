import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ASTRO = fileURLToPath(new URL('../../../node_modules/astro/bin/astro.mjs', import.meta.url));

/** Runs `astro build` for a project root into outDir, on this Node; returns the exit code and output. */
export function astroBuild(root: string, outDir: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [ASTRO, 'build', '--root', root, '--outDir', outDir], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Builds the bundled site (content/ and references/ of this project) into its own folder for tests. */
export function buildBundledSite(): string {
  const outDir = fileURLToPath(new URL('../../fixtures/site-output/dist/', import.meta.url));
  const { status, output } = astroBuild(ROOT, outDir);
  if (status !== 0) throw new Error(`astro build failed:\n${output}`);
  return outDir;
}
