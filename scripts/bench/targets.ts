import { articleHits, bytes, citationCostPerArticle, work, type SizeResult } from './report.ts';

/** One target of issue 6, checked against the figures of this run. */
export interface TargetCheck {
  target: string;
  measured: string;
  holds: boolean;
}

const ratio = (a: number, b: number) => a / b;
const times = (value: number) => `${value.toFixed(2)}×`;

/** The targets for one corpus size; the issue sets them for 1,000 articles, the bench checks every size. */
export function checkTargets(result: SizeResult): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const { builds } = result;
  const baseline = builds.baseline;
  const against = (name: string, limit: number, target: string) => {
    const build = builds[name];
    if (!build || !baseline) return;
    if (build.failed || baseline.failed) {
      checks.push({ target, measured: `build failed: ${build.failed ?? baseline.failed}`, holds: false });
      return;
    }
    // Judged on CPU time, which other processes on a shared machine do not stretch; wall time is shown too.
    const value = ratio(work(build), work(baseline));
    checks.push({ target, measured: `${times(value)} CPU (${times(ratio(build.wallMs, baseline.wallMs))} wall)`, holds: value <= limit });
  };
  against('articles-ama', 1.15, 'citation layer with AMA ≤ 1.15× baseline');
  against('articles-apa', 1.3, 'citation layer with APA ≤ 1.3× baseline');
  against('site', 1.8, 'whole site ≤ 1.8× baseline');
  const cost = citationCostPerArticle(result);
  if (cost?.engine !== undefined) {
    const speedup = cost.pandoc / cost.engine;
    const build = cost.build === undefined ? '' : `; the build's whole difference, markup included, is ${(cost.pandoc / cost.build).toFixed(1)}×`;
    checks.push({ target: 'citation processing ≥ 10× faster per article than pandoc', measured: `${speedup.toFixed(0)}× (${cost.engine.toFixed(2)} ms vs ${cost.pandoc.toFixed(0)} ms CPU${build})`, holds: speedup >= 10 });
  }
  if (result.search) {
    const { typical, bibliography } = result.search;
    checks.push({ target: 'search: a cold query downloads ≤ 150 KB', measured: bytes(typical.bytes), holds: typical.bytes <= 150 * 1024 });
    checks.push({ target: 'search: bibliography text not indexed', measured: `${articleHits(bibliography)} article hits`, holds: articleHits(bibliography) === 0 });
  }
  if (result.weight) checks.push({ target: 'article pages: JavaScript ≤ 10 KB gzip', measured: bytes(result.weight.jsGzip), holds: result.weight.jsGzip <= 10 * 1024 });
  for (const [name, build] of Object.entries(builds)) {
    if (build.peakBytes !== undefined && result.size >= 10_000) {
      const measured = build.failed ? `${bytes(build.peakBytes)} when it failed: ${build.failed}` : bytes(build.peakBytes);
      checks.push({ target: `peak memory < 8 GB without raising Node's heap (${name})`, measured, holds: !build.failed && build.peakBytes < 8 * 1024 ** 3 });
    }
  }
  return checks;
}

/**
 * Scaling: each build measured at two sizes should grow no faster than the corpus (10× articles ≤ 11×
 * time), judged on CPU time like the other ratios, with wall time shown.
 */
export function checkScaling(small: SizeResult, large: SizeResult): TargetCheck[] {
  const limit = (large.size / small.size) * 1.1;
  return Object.keys(large.builds).filter((name) => small.builds[name]).map((name) => {
    const [before, after] = [small.builds[name]!, large.builds[name]!];
    if (after.failed) return { target: `${name}: ${large.size.toLocaleString('en-US')} articles build`, measured: `failed: ${after.failed}`, holds: false };
    const value = ratio(work(after), work(before));
    return {
      target: `${name}: ${large.size.toLocaleString('en-US')} articles ≤ ${limit.toFixed(1)}× the ${small.size.toLocaleString('en-US')}-article time`,
      measured: `${times(value)} CPU (${times(ratio(after.wallMs, before.wallMs))} wall)`,
      holds: value <= limit,
    };
  });
}

/** Checks as lines: ✓ or ✗, the target, and what was measured. */
export function formatChecks(checks: TargetCheck[]): string[] {
  return checks.map((check) => `${check.holds ? '✓' : '✗'} ${check.target}: ${check.measured}`);
}
