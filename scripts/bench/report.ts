import type { EngineResult } from './engine.ts';
import type { Phase } from './measure.ts';
import type { PandocResult } from './pandoc.ts';
import type { SearchCost } from './search.ts';
import type { PageWeight } from './weight.ts';

/** One `astro build` of a variant, as the report needs it. */
export interface BuildResult {
  wallMs: number;
  cpuMs?: number;
  peakBytes?: number;
  phases: Phase[];
  /** What the citation integration reported (EVIDENCE_CITATION_STATS). */
  counts?: { entries: number; citations: number; libraryEntries: number };
  /** Why the build stopped, when it did not finish (e.g. "JavaScript heap out of memory"). */
  failed?: string;
}

/** Everything measured on one corpus size. */
export interface SizeResult {
  size: number;
  references: number;
  citations: number;
  builds: Record<string, BuildResult>;
  engine: Record<string, EngineResult>;
  pandoc?: PandocResult;
  weight?: PageWeight & { pages: number };
  search?: {
    index: { bytes: number; files: number };
    /** A cold query through Pagefind's JS API, first five results loaded. */
    typical: SearchCost;
    bibliography: SearchCost;
    /** The same query on the site's search page: its UI script and styles, facet counts and results. */
    searchPage?: SearchCost;
  };
}

/**
 * The time a comparison uses: CPU where GNU time measured it, since other processes on a shared
 * machine stretch wall time but not the work a build does; wall time otherwise.
 */
export const work = (run: { wallMs: number; cpuMs?: number }) => run.cpuMs ?? run.wallMs;

const seconds = (ms: number | undefined) => (ms === undefined ? 'n/a' : (ms / 1000).toFixed(1));
const fixed = (value: number, digits = 1) => value.toFixed(digits);
const count = (n: number) => n.toLocaleString('en-US');
/** Bytes in B, KB or MB (1 KB = 1,024 bytes), as browsers' network panels show them. */
export const bytes = (n: number) => (n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${fixed(n / 1024)} KB` : `${fixed(n / 1024 ** 2)} MB`);

/** A Markdown table with padded columns: readable in a terminal, pasteable into the README. */
export function markdownTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(rows[0]!), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
}

const LABELS: Record<string, string> = {
  baseline: 'baseline: article pages, citations removed, empty library',
  'articles-ama': 'article pages with citations, AMA',
  'articles-apa': 'article pages with citations, APA',
  'articles-vancouver': 'article pages with citations, Vancouver',
  site: 'full site (repository config and pages)',
};

/** The main table of one size: every build and pandoc, side by side. */
export function sizeTable(result: SizeResult): string {
  const baseline = result.builds.baseline;
  const pandocMs = result.pandoc && result.pandoc.withCiteproc.wallMs / result.pandoc.articles;
  const row = (label: string, run: { wallMs: number; cpuMs?: number; peakBytes?: number }, articles: number): string[] => {
    const perArticle = run.wallMs / articles;
    return [
      label, seconds(run.wallMs), seconds(run.cpuMs), run.peakBytes === undefined ? 'n/a' : count(Math.round(run.peakBytes / 1024 ** 2)),
      fixed(perArticle), baseline ? `${fixed(run.wallMs / baseline.wallMs, 2)}×` : '', baseline ? `${fixed(work(run) / work(baseline), 2)}×` : '',
      pandocMs ? `${fixed(perArticle / pandocMs, 3)}×` : '',
    ];
  };
  const rows = [['run', 'wall s', 'CPU s', 'peak MB', 'wall ms/article', 'wall × baseline', 'CPU × baseline', 'wall × pandoc']];
  for (const [name, build] of Object.entries(result.builds)) rows.push(row(`${LABELS[name] ?? name}${build.failed ? ` (FAILED: ${build.failed})` : ''}`, build, result.size));
  if (result.pandoc) {
    const sampled = result.pandoc.articles < result.size ? `, ${result.pandoc.articles} of ${count(result.size)} articles` : '';
    rows.push(row(`pandoc --citeproc, AMA, one process per article${sampled}`, result.pandoc.withCiteproc, result.pandoc.articles));
    rows.push(row(`pandoc without --citeproc${sampled}`, result.pandoc.without, result.pandoc.articles));
  }
  for (const [style, engine] of Object.entries(result.engine)) {
    rows.push(row(`citation engine alone in one process, ${style.toUpperCase()}`, { wallMs: engine.setupMs + engine.articlesMs, cpuMs: engine.cpuMs }, result.size));
  }
  return markdownTable(rows);
}

/** Seconds each build spent in each phase, from the times Astro's log lines arrived. */
export function phasesTable(result: SizeResult): string {
  const names = [...new Set(Object.values(result.builds).flatMap((build) => build.phases.map((phase) => phase.name)))];
  const rows = [['phase (s)', ...Object.keys(result.builds)]];
  for (const name of names) {
    rows.push([name, ...Object.values(result.builds).map((build) => seconds(build.phases.find((phase) => phase.name === name)?.ms))]);
  }
  return markdownTable(rows);
}

/** The lines under the tables: phases, citeproc calls, per-article citation cost, page weight, search. */
export function sizeDetails(result: SizeResult): string[] {
  const lines: string[] = [];
  for (const [name, build] of Object.entries(result.builds)) {
    if (build.counts) lines.push(`citeproc calls in ${name}: ${count(build.counts.entries)} entries formatted (library: ${count(build.counts.libraryEntries)}), ${count(build.counts.citations)} in-text forms`);
  }
  for (const [style, engine] of Object.entries(result.engine)) {
    lines.push(`Engine ${style.toUpperCase()}: library and citeproc setup ${seconds(engine.setupMs)} s once, then ${fixed(engine.articlesMs / result.size, 2)} ms per article (${count(engine.counts.entries)} entries and ${count(engine.counts.citations)} in-text forms formatted for ${count(engine.citations)} citations)`);
  }
  const cost = citationCostPerArticle(result);
  if (cost) {
    const ours = [cost.engine !== undefined && `${fixed(cost.engine, 2)} ms in the engine (parse, resolve, format, bibliography)`, cost.build !== undefined && `${fixed(cost.build, 2)} ms in the build (with − without citations, markup included)`].filter(Boolean);
    lines.push(`Citations per article, CPU time (AMA): ${ours.join(', ')}; pandoc's citeproc ${fixed(cost.pandoc)} ms (with − without --citeproc)`);
  }
  if (result.weight) {
    const w = result.weight;
    lines.push(`Article page weight (heaviest of ${w.pages} sampled): HTML ${bytes(w.html)} (${bytes(w.htmlGzip)} gzip), CSS ${bytes(w.css)} (${bytes(w.cssGzip)} gzip), JavaScript ${bytes(w.js)} (${bytes(w.jsGzip)} gzip)`);
  }
  if (result.search) {
    const { index, typical, bibliography, searchPage } = result.search;
    const byKind = (cost: SearchCost) => Object.entries(cost.byKind).sort((a, b) => b[1] - a[1]).map(([kind, size]) => `${kind} ${bytes(size)}`).join(', ');
    lines.push(`Search index: ${bytes(index.bytes)} in ${count(index.files)} files; a cold query "${typical.query}" through Pagefind's JS API downloads ${bytes(typical.bytes)} in ${typical.requests} requests (${count(typical.results)} results, first 5 loaded): ${byKind(typical)}`);
    if (searchPage) lines.push(`The same query on the search page (Pagefind's component UI, facet counts, ${count(searchPage.results)} results shown): ${bytes(searchPage.bytes)} in ${searchPage.requests} requests: ${byKind(searchPage)}`);
    lines.push(`Bibliography text indexed on article pages: ${articleHits(bibliography)} article pages' indexed text holds "${bibliography.query}", a word only reference titles use (${count(bibliography.containing.length)} pages in all)`);
  }
  return lines;
}

/** Article results of a query: pages under /articles/<slug>/. */
export const articleHits = (cost: SearchCost) => cost.containing.filter((url) => /\/articles\/[^/]+\/$/u.test(url)).length;

/**
 * What citations cost per article in CPU ms: the engine alone (parse, resolve, format, bibliography),
 * the whole difference citations make to the build (the engine plus rendering their markup), and
 * pandoc's citeproc (with minus without --citeproc).
 */
export function citationCostPerArticle(result: SizeResult): { engine?: number; build?: number; pandoc: number } | undefined {
  const { pandoc, builds, engine } = result;
  if (!pandoc) return undefined;
  return {
    engine: engine.ama && engine.ama.cpuMs / result.size,
    build: builds['articles-ama'] && builds.baseline && (work(builds['articles-ama']) - work(builds.baseline)) / result.size,
    pandoc: (work(pandoc.withCiteproc) - work(pandoc.without)) / pandoc.articles,
  };
}
