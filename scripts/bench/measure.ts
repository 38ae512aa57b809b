import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A line a child printed, with when it arrived (ms after the start). */
export interface TimedLine {
  at: number;
  text: string;
}

/** What one process (and the processes it waited for) cost. */
export interface Measured {
  wallMs: number;
  /** User + system CPU; undefined where GNU time is missing. */
  cpuMs?: number;
  /** Largest resident set of the process or any child, in bytes. */
  peakBytes?: number;
  lines: TimedLine[];
  /** The exit code; callers decide what a failure means (a build that runs out of memory is a result). */
  exitCode: number | null;
}

const GNU_TIME = '/usr/bin/time';
// Colour codes would hide the markers the phases are found by.
const ANSI = /\x1b\[[0-9;]*m/gu;

/**
 * Runs a command to completion, timestamping each output line as it arrives, whatever its exit code. CPU time and peak memory
 * come from GNU time (Debian's `time` package), which counts every child the command waited for.
 */
export function measure(command: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Measured> {
  const stats = join(tmpdir(), `bench-time-${process.pid}-${Date.now()}`);
  const timed = existsSync(GNU_TIME);
  const argv = timed ? [GNU_TIME, '-f', '%e %U %S %M', '-o', stats, ...command] : command;
  const lines: TimedLine[] = [];
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd: options.cwd, env: { ...process.env, FORCE_COLOR: '0', ...options.env } });
    const collect = (stream: NodeJS.ReadableStream) => {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const parts = (pending + chunk).split('\n');
        pending = parts.pop()!;
        const at = performance.now() - start;
        for (const text of parts) lines.push({ at, text: text.replace(ANSI, '') });
      });
      stream.on('end', () => { if (pending) lines.push({ at: performance.now() - start, text: pending.replace(ANSI, '') }); });
    };
    collect(child.stdout);
    collect(child.stderr);
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - start;
      const [, user, system, rssKb] = timed && existsSync(stats) ? readFileSync(stats, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) : [];
      rmSync(stats, { force: true });
      resolve({
        exitCode: code,
        wallMs,
        cpuMs: user === undefined || system === undefined ? undefined : (user + system) * 1000,
        peakBytes: rssKb === undefined ? undefined : rssKb * 1024,
        lines,
      });
    });
  });
}

/** One named stretch of a build, found between two log lines. */
export interface Phase {
  name: string;
  ms: number;
}

// Astro's own log lines, in the order a build prints them; a phase runs from its marker to the next.
const MARKERS: [name: string, line: RegExp][] = [
  ['content sync', /\[content\] Syncing content/u],
  ['types and setup', /\[content\] Synced content/u],
  ['bundle (MDX compile, citations)', /Building static entrypoints/u],
  ['render pages', /generating static routes/u],
  ['build:done hooks (search index…)', /^\s*(?:\d\d:\d\d:\d\d\s+)?✓ Completed in/u],
  ['exit', /\[build\] \d+ page\(s\) built in/u],
];

/** Splits an `astro build` run into its phases from the times its log lines arrived. */
export function astroPhases(run: Measured): Phase[] {
  const times: { name: string; at: number }[] = [{ name: 'startup and config', at: 0 }];
  let from = 0;
  for (const [name, marker] of MARKERS) {
    const index = run.lines.findIndex((line, i) => i >= from && marker.test(line.text));
    if (index === -1) continue;
    times.push({ name, at: run.lines[index]!.at });
    from = index + 1;
  }
  return times.map((phase, i) => ({ name: phase.name, ms: (times[i + 1]?.at ?? run.wallMs) - phase.at }));
}
