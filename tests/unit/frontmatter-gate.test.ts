import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontmatterGate } from '../../src/integration/frontmatter-gate.ts';

const VALID = 'title: Yoga for back pain\ndescription: What the research says about yoga for long-term low back pain.\nconditions: [chronic-low-back-pain]\ninterventions: [yoga]\nlastReviewed: 2026-11-27\n';

describe('frontmatterGate (astro dev)', () => {
  const root = mkdtempSync(join(tmpdir(), 'frontmatter-gate-'));
  mkdirSync(join(root, 'content/articles'), { recursive: true });
  const gate = frontmatterGate(root) as { transform: (code: string, id: string) => unknown };
  /** What the gate does with a file of this frontmatter, as Vite asks it to transform the file. */
  const transform = (name: string, frontmatter: string) => {
    const path = join(root, name);
    writeFileSync(path, `---\n${frontmatter}---\n\nText.\n`);
    return () => gate.transform('Text.', `${path}?astroPropagatedAssets`);
  };

  it('stops a summary at the line of a frontmatter error, with no stack trace', () => {
    const error = (() => {
      try {
        transform('content/articles/a.mdx', VALID.replace('2026-11-27', '27/11/2026'))();
      } catch (thrown) {
        return thrown as Error & { hint?: string };
      }
      return undefined;
    })();
    expect(error?.message).toMatch(/^content\/articles\/a\.mdx:6:1: error: lastReviewed: write the date as YYYY-MM-DD/u);
    expect(error?.hint).toContain('Fix the frontmatter and save');
    expect(error?.stack).toBe('');
  });

  it('passes a correct summary, warnings alone, and files that are not summaries', () => {
    expect(transform('content/articles/b.mdx', `${VALID}lastReviewd: 2026-11-27\n`)()).toBeUndefined();
    expect(transform('page.mdx', 'title: About\n')()).toBeUndefined();
  });
});

describe('frontmatterGate: a fix the file watcher did not report', () => {
  const root = mkdtempSync(join(tmpdir(), 'frontmatter-gate-missed-'));
  mkdirSync(join(root, 'content/articles'), { recursive: true });
  const path = join(root, 'content/articles/a.mdx');

  /** The gate in a dev server of its own: its file watcher, and a request passing its middleware. */
  function server() {
    const gate = frontmatterGate(root) as { transform: (code: string, id: string) => unknown; configureServer: (server: unknown) => void };
    const watcher = new EventEmitter();
    const changed: string[] = [];
    let middleware: (request: unknown, response: unknown, next: () => void) => void = () => {};
    gate.configureServer({ watcher, middlewares: { use: (handler: typeof middleware) => { middleware = handler; } } });
    watcher.on('change', (file: string) => changed.push(file));
    const request = () => new Promise<void>((resolve) => middleware({}, {}, resolve));
    const stop = () => expect(() => gate.transform('Text.', path)).toThrow(/not valid YAML/u);
    return { watcher, changed, request, stop };
  }

  it('reports the fix itself on the next request, once, so that the page is compiled again', async () => {
    const { changed, request, stop } = server();
    writeFileSync(path, `---\n${VALID.replace('[yoga]', '[yoga')}---\n\nText.\n`);
    stop();
    await request();
    expect(changed).toEqual([]);
    // Saved again within 50 ms of the mistake: chokidar drops that change.
    writeFileSync(path, `---\n${VALID}---\n\nText.\n`);
    await request();
    await request();
    expect(changed).toEqual([path]);
  });

  it('leaves a fix the watcher reported to it', async () => {
    const { watcher, changed, request, stop } = server();
    writeFileSync(path, `---\n${VALID.replace('[yoga]', '[yoga')}---\n\nText.\n`);
    stop();
    writeFileSync(path, `---\n${VALID}---\n\nText.\n`);
    watcher.emit('change', path);
    await request();
    expect(changed).toEqual([path]);
  });
});
