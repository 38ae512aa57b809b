import { readFileSync } from 'node:fs';
import { CitationFormatter, citeDocument, loadLibrary, parseCitations, readStyle } from '../../src/citations/index.ts';

/** What the citation engine alone costs for a corpus, measured in this process. */
export interface EngineResult {
  /** Reading the library and creating the citeproc engine: once per build. */
  setupMs: number;
  /** Parsing, resolving, numbering and formatting every article's citations, bibliographies included. */
  articlesMs: number;
  /** Entries and citations citeproc formatted: each distinct one once, if the cache works. */
  counts: { entries: number; citations: number };
  /** CPU time of all of it (setup and articles), user and system. */
  cpuMs: number;
  citations: number;
}

/**
 * Runs the engine on every article as the remark plugin does (one document at a time, one formatter
 * for the build), without Astro around it: the part of the build the citation layer adds.
 */
export function measureEngine(library: { path: string; text: string }, stylePath: string, articles: string[]): EngineResult {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const loaded = loadLibrary([library]);
  const formatter = new CitationFormatter(loaded, readStyle(stylePath, readFileSync(stylePath, 'utf8')));
  const setupMs = performance.now() - start;
  let citations = 0;
  const articlesStart = performance.now();
  for (const text of articles) {
    const clusters = parseCitations(text.replace(/^---[\s\S]*?---/u, ''));
    citations += clusters.length;
    const cited = citeDocument(clusters, loaded, formatter);
    const errors = cited.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) throw new Error(`The generated corpus does not cite cleanly: ${errors[0]!.message}`);
  }
  const cpu = process.cpuUsage(cpuStart);
  return { setupMs, articlesMs: performance.now() - articlesStart, cpuMs: (cpu.user + cpu.system) / 1000, counts: { ...formatter.counts }, citations };
}
