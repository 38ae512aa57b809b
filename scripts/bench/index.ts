// `npm run bench`: builds synthetic corpora with and without citations, runs pandoc on the same
// articles, and prints one table per size plus the issue's targets. Options: see USAGE.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { makeArticle, REFERENCES_PER_ARTICLE } from './corpus.ts';
import { makeReference, toBibtex, type Reference } from './references.ts';
import { measureEngine } from './engine.ts';
import { astroPhases, measure } from './measure.ts';
import { measurePandoc, sample } from './pandoc.ts';
import { REPO, variantName, writeProject, type Variant } from './project.ts';
import { formatReport, type BenchRecord } from './print.ts';
import { work, type BuildResult, type SizeResult } from './report.ts';
import { searchCosts } from './search.ts';
import { articleWeight, folderSize } from './weight.ts';
import { BIBLIOGRAPHY_ONLY_WORD } from './words.ts';

const USAGE = `npm run bench -- [options]
  --sizes 100,1000       corpus sizes in articles (default 100,1000)
  --large                also 10,000 articles (20,000 references)
  --only a,b             builds to run: baseline, articles-ama, articles-apa, site (default all)
  --styles ama,apa       styles of the article-only builds (default ama,apa)
  --pandoc-sample N      articles pandoc converts per size, spread over the corpus (default 100; 0 skips)
  --repeat N             build each variant N times, in turns, and keep its least CPU time (default 1)
  --dir PATH             where corpora and projects are written (default .bench, git-ignored)
  --keep                 keep the generated projects and their dist/ folders
  --report FILE          print the report of a saved results.json again, without running anything`;

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000' },
    large: { type: 'boolean', default: false },
    only: { type: 'string' },
    styles: { type: 'string', default: 'ama,apa' },
    'pandoc-sample': { type: 'string', default: '100' },
    repeat: { type: 'string', default: '1' },
    dir: { type: 'string', default: '.bench' },
    keep: { type: 'boolean', default: false },
    report: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

const STYLES = { ama: 'american-medical-association', apa: 'apa', vancouver: 'vancouver' } as const;
const sizes = [...args.sizes.split(',').map(Number), ...(args.large ? [10_000] : [])];
const styles = args.styles.split(',') as (keyof typeof STYLES)[];
const allVariants: Variant[] = [{ kind: 'baseline' }, ...styles.map((style): Variant => ({ kind: 'articles', style })), { kind: 'site' }];
const variants = allVariants.filter((variant) => !args.only || args.only.split(',').includes(variantName(variant)));
const pandocSample = Number(args['pandoc-sample']);
const repeat = Math.max(1, Number(args.repeat));
const root = resolve(REPO, args.dir);
for (const value of [...sizes, pandocSample, repeat]) {
  if (!Number.isInteger(value) || value < 0) throw new Error(`Invalid number in the options: ${value}\n${USAGE}`);
}
for (const style of styles) if (!(style in STYLES)) throw new Error(`Unknown style "${style}": use ama, apa or vancouver.`);
const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const cslPath = (style: keyof typeof STYLES) => join(REPO, 'src', 'csl-styles', `${STYLES[style]}.csl`);

// The line that says why a build stopped: V8's out-of-memory report, or Astro's error.
const FAILURE = /heap out of memory|\[ERROR\].*|Error: .*/u;

/** Builds one project from a cold cache; a failed build is a result too. */
async function build(dir: string): Promise<BuildResult> {
  const statsFile = join(dir, 'citation-stats.json');
  for (const cache of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) rmSync(join(dir, cache), { recursive: true, force: true });
  rmSync(statsFile, { force: true });
  const measured = await measure([process.execPath, join(REPO, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
    cwd: dir,
    env: { EVIDENCE_CITATION_STATS: statsFile, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const counts = existsSync(statsFile) ? JSON.parse(readFileSync(statsFile, 'utf8')) as BuildResult['counts'] : undefined;
  const result: BuildResult = { wallMs: measured.wallMs, cpuMs: measured.cpuMs, peakBytes: measured.peakBytes, phases: astroPhases(measured), counts };
  if (measured.exitCode === 0) return result;
  const reason = measured.lines.map((line) => line.text.match(FAILURE)?.[0]).find(Boolean) ?? `exit code ${measured.exitCode}`;
  progress(`build failed in ${dir}: ${reason}\n${measured.lines.slice(-15).map((line) => line.text).join('\n')}`);
  return { ...result, failed: reason };
}

/** Page weight and search figures of the full site's output. */
async function inspectSite(dist: string, firstArticle: string): Promise<Pick<SizeResult, 'weight' | 'search'>> {
  const weight = articleWeight(dist);
  const pagefind = join(dist, 'pagefind');
  if (!existsSync(pagefind)) return { weight };
  const [typical, bibliography, searchPage] = await searchCosts(dist, `/articles/${firstArticle}/`, [
    { term: 'osteoarthritis' },
    { term: BIBLIOGRAPHY_ONLY_WORD, exhaustive: true },
    { term: 'osteoarthritis', searchPage: '/search/' },
  ]);
  return { weight, search: { index: folderSize(pagefind), typical: typical!, bibliography: bibliography!, searchPage: searchPage! } };
}

async function benchSize(size: number): Promise<SizeResult> {
  const base = join(root, String(size));
  progress(`${size.toLocaleString('en-US')} articles: generating the corpus`);
  const articles = Array.from({ length: size }, (_, i) => makeArticle(i, size));
  const references = new Map<string, Reference>();
  for (let i = 0; i < size * REFERENCES_PER_ARTICLE; i++) {
    const reference = makeReference(i);
    references.set(reference.key, reference);
  }
  const library = [...references.values()].map(toBibtex).join('\n');
  const result: SizeResult = { size, references: references.size, citations: size * 20, builds: {}, engine: {} };

  for (const style of styles) {
    progress(`${size} articles: citation engine alone, ${style}`);
    result.engine[style] = measureEngine({ path: 'references/library.bib', text: library }, cslPath(style), articles.map((article) => article.cited));
  }
  const projects = variants.map((variant) => ({ variant, name: variantName(variant), dir: join(base, variantName(variant)) }));
  for (const { variant, dir } of projects) writeProject(dir, variant, articles, library);
  // Repeats take turns (baseline, AMA, APA, site, then again) so that a machine that slows down for a
  // while slows every variant alike; each keeps its run with the least CPU time, the time ratios judge.
  for (let run = 1; run <= repeat; run++) {
    for (const { name, dir } of projects) {
      const best = result.builds[name];
      if (best?.failed) continue;
      progress(`${size} articles: astro build, ${name}${repeat > 1 ? ` (run ${run} of ${repeat})` : ''}`);
      const built = await build(dir);
      if (!best || built.failed || work(built) < work(best)) result.builds[name] = built;
    }
  }
  for (const { variant, name, dir } of projects) {
    if (variant.kind === 'site' && !result.builds[name]!.failed) Object.assign(result, await inspectSite(join(dir, 'dist'), articles[0]!.slug));
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
  }
  if (pandocSample > 0) {
    const sampled = sample(articles, pandocSample);
    progress(`${size} articles: pandoc on ${sampled.length} of them`);
    result.pandoc = await measurePandoc(join(base, 'pandoc'), sampled, references, cslPath('ama'));
    if (!args.keep) rmSync(join(base, 'pandoc'), { recursive: true, force: true });
  }
  return result;
}

if (args.report) {
  console.log(formatReport(JSON.parse(readFileSync(args.report, 'utf8')) as BenchRecord));
  process.exit(0);
}
mkdirSync(root, { recursive: true });
const results: SizeResult[] = [];
for (const size of sizes) results.push(await benchSize(size));
const record: BenchRecord = {
  machine: `Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model.trim()} · load average at the end ${loadavg()[0]!.toFixed(2)} (other processes share the machine when it exceeds the core count)`,
  results,
};
writeFileSync(join(root, 'results.json'), `${JSON.stringify(record, null, 2)}\n`);
console.log(formatReport(record));
