import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from './corpus.ts';
import { toCslJson, type Reference } from './references.ts';
import { measure, type Measured } from './measure.ts';

/** Pandoc's runs on a sample of the corpus: with citeproc, and the same conversion without it. */
export interface PandocResult {
  version: string;
  articles: number;
  withCiteproc: Cost;
  without: Cost;
}

/** A run's time and memory, without its output. */
export type Cost = Omit<Measured, 'lines' | 'exitCode'>;

function cost({ lines, exitCode, ...rest }: Measured): Cost {
  if (exitCode !== 0) throw new Error(`pandoc failed (exit code ${exitCode}):\n${lines.slice(-20).map((line) => line.text).join('\n')}`);
  return rest;
}

/** The installed pandoc's version, or undefined when there is none. */
export function pandocVersion(): string | undefined {
  const run = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.split('\n')[0] : undefined;
}

/** `count` articles spread evenly over the corpus, so a sample sees early and late articles alike. */
export function sample<T>(items: T[], count: number): T[] {
  if (count >= items.length) return items;
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!);
}

/**
 * Converts each article to HTML with `pandoc --citeproc`, one process per article as pandoc-based site
 * builders do, and again without `--citeproc`: the difference is what citation processing costs pandoc.
 * Each article gets a CSL-JSON file of only the references it cites, the cheapest input for pandoc.
 */
export async function measurePandoc(dir: string, articles: Article[], references: Map<string, Reference>, cslPath: string): Promise<PandocResult> {
  const version = pandocVersion();
  if (!version) throw new Error('pandoc is not installed: run `apt-get install pandoc`, or pass --pandoc-sample 0 to skip the comparison.');
  mkdirSync(dir, { recursive: true });
  const cite: string[] = [];
  const plain: string[] = [];
  for (const article of articles) {
    const source = join(dir, `${article.slug}.md`);
    const bibliography = join(dir, `${article.slug}.json`);
    writeFileSync(source, article.cited);
    writeFileSync(bibliography, JSON.stringify(article.keys.map((key) => toCslJson(references.get(key)!))));
    cite.push(`pandoc --citeproc --csl '${cslPath}' --bibliography '${bibliography}' -f markdown -t html -o /dev/null '${source}'`);
    plain.push(`pandoc -f markdown -t html -o /dev/null '${source}'`);
  }
  const script = (name: string, commands: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, `set -e\n${commands.join('\n')}\n`);
    return ['sh', path];
  };
  return {
    version,
    articles: articles.length,
    withCiteproc: cost(await measure(script('citeproc.sh', cite), { cwd: dir })),
    without: cost(await measure(script('plain.sh', plain), { cwd: dir })),
  };
}
