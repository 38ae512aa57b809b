import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { pandocVersion } from '../../scripts/bench/pandoc.ts';
import { environmentForBuilds } from '../site/helpers/build.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = '.bench/test-run';

describe('npm run bench on five articles', () => {
  afterAll(() => rmSync(new URL(`../../${dir}`, import.meta.url), { recursive: true, force: true }));
  const pandoc = pandocVersion() !== undefined;
  const run = spawnSync(process.execPath, ['scripts/bench/index.ts', '--sizes', '5', '--pandoc-sample', pandoc ? '5' : '0', '--dir', dir], { cwd: root, encoding: 'utf8', timeout: 240_000, env: environmentForBuilds() });

  it('builds every variant and prints the table', () => {
    expect(run.status, run.stderr).toBe(0);
    const header = run.stdout.split('\n').find((line) => line.startsWith('| run '));
    expect(header?.split('|').map((cell) => cell.trim()).filter(Boolean)).toEqual(['run', 'wall s', 'CPU s', 'peak MB', 'wall ms/article', 'wall × baseline', 'CPU × baseline', 'wall × pandoc']);
    for (const row of ['baseline', 'article pages with citations, AMA', 'article pages with citations, APA', 'full site', 'citation engine alone in one process, AMA']) {
      expect(run.stdout).toMatch(new RegExp(`^\\| ${row}.*\\| [\\d.]+ +\\| `, 'mu'));
    }
    if (pandoc) expect(run.stdout).toMatch(/^\| pandoc --citeproc, AMA.*\| \d+\.\d+ +\|/mu);
    expect(run.stdout).toMatch(/^\| phase \(s\) +\| baseline +\| articles-ama +\| articles-apa +\| site +\|$/mu);
    expect(run.stdout).toMatch(/^Article page weight .*HTML \d+(\.\d)? KB/mu);
    expect(run.stdout).toMatch(/^Search index: [\d.]+ KB in \d+ files; a cold query "osteoarthritis" through Pagefind's JS API downloads [\d.]+ KB/mu);
    expect(run.stdout).toMatch(/^The same query on the search page \(Pagefind's component UI, facet counts, \d+ results shown\): [\d.]+ KB in \d+ requests: .*pf_filter/mu);
    expect(run.stdout).toMatch(/^Targets \(the issue sets them for 1,000 articles; ratios are judged on CPU time\):\n[✓✗] citation layer with AMA ≤ 1\.15× baseline: \d+\.\d\d× CPU \(\d+\.\d\d× wall\)$/mu);
  });

  it('records that citeproc formatted each reference once per build', () => {
    const { results: [result] } = JSON.parse(readFileSync(new URL(`../../${dir}/results.json`, import.meta.url), 'utf8'));
    expect(result.size).toBe(5);
    for (const name of ['articles-ama', 'articles-apa', 'site']) {
      expect(result.builds[name].counts, name).toMatchObject({ entries: 10, libraryEntries: 10 });
    }
    expect(result.builds.baseline.counts).toMatchObject({ entries: 0, libraryEntries: 0 });
    expect(result.builds.site.phases.map((phase: { name: string }) => phase.name)).toContain('render pages');
    // Projects are removed after measuring unless --keep is given.
    expect(existsSync(new URL(`../../${dir}/5/site`, import.meta.url))).toBe(false);
  });
});
