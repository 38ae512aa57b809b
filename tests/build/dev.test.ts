import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { scratchSite } from './helpers.ts';

/** A port nothing listens on, for a dev server of its own. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const ASTRO = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));

/**
 * `astro dev` on a site, as the author runs it, in a process of its own; `log()` is what it has printed
 * so far, and `exited` whether it has stopped by itself.
 */
async function startDev(root: string) {
  const port = await freePort();
  const child = spawn(process.execPath, [ASTRO, 'dev', '--root', root, '--port', String(port), '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Under vitest's own variables (VITEST, NODE_ENV=test) Astro's dev server answers every page with 404.
    env: Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|NODE_ENV$|TEST$)/u.test(name))),
  });
  let log = '';
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => { log += chunk.toString(); });
  let exited = false;
  const stopped = new Promise((resolve) => child.once('exit', resolve)).then(() => { exited = true; });
  return {
    url: `http://127.0.0.1:${port}`,
    // Without colours: Astro colours its log when it can.
    log: () => log.replace(/\u001b\[[\d;]*m/gu, ''),
    get exited() { return exited; },
    stop: async () => { child.kill(); await stopped; },
  };
}

/** Asks for the page until `done` holds for its answer, as an author reloading the browser would. */
async function reloadUntil(url: string, done: (status: number) => boolean, timeoutMs = 30_000): Promise<{ status: number; html: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Until the server listens, there is no answer: status 0.
    const answer = await fetch(url).then(async (response) => ({ status: response.status, html: await response.text() }), () => ({ status: 0, html: '' }));
    if (done(answer.status) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const STORED = {
  identifier: 'doi:10.1000/added-later',
  source: 'https://doi.org/10.1000/added-later',
  fetched: '2026-12-03',
  csl: { type: 'article-journal', title: 'A trial fetched while the server ran', author: [{ family: 'Doe', given: 'Jane' }], 'container-title': 'Journal of Tests', issued: { 'date-parts': [[2026]] }, DOI: '10.1000/added-later' },
};

/** The reference list entries of a page, as text. */
function referenceEntries(html: string): string[] {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll('[id^="ref-"]')].map((entry) => entry.textContent ?? '');
}

const KNEE = 'name: Knee osteoarthritis\ndescription: Wear of the knee joint that brings pain and stiffness.\n';
const editFile = (path: string, edit: (text: string) => string) => writeFileSync(path, edit(readFileSync(path, 'utf8')));

describe('astro dev while the author works', () => {
  it('starts with summaries, a condition file and a reference key that are broken: reports each at its place, serves the rest, and serves each once it is fixed', async () => {
    const site = scratchSite('site-basic', (root) => {
      editFile(join(root, 'content/articles/first.mdx'), (text) => text.replace('interventions: [acupuncture]', 'interventions: [acupuncture'));
      editFile(join(root, 'content/articles/second.mdx'), (text) => text.replace('title: Second summary\n', ''));
      mkdirSync(join(root, 'content/conditions'));
      writeFileSync(join(root, 'content/conditions/knee-osteoarthritis.yaml'), `${KNEE}alsoKnownAs: [knee arthritis\n`);
      appendFileSync(join(root, 'references/refs.bib'), '\n@misc{by-year, title = {A key that takes a list page}, year = {2020}}\n');
    });
    const server = await startDev(site.root);
    try {
      expect((await reloadUntil(`${server.url}/`, (status) => status === 200)).status).toBe(200);
      expect(server.exited).toBe(false);
      expect(server.log()).toContain('content/articles/first.mdx:5:1: error: The frontmatter is not valid YAML');
      expect(server.log()).toContain('content/articles/second.mdx:2:1: error: title is missing [invalid-frontmatter]');
      expect(server.log()).toMatch(/content\/conditions\/knee-osteoarthritis\.yaml:\d+:1: error: .* is not valid YAML: /u);
      expect(server.log()).toMatch(/references\/refs\.bib:\d+:1: error: Reference "by-year" would take the page \/references\/by-year\/, which lists the references sorted/u);
      expect(server.log()).not.toMatch(/Stack trace|js-yaml/u);
      expect((await fetch(`${server.url}/references/by-year/`)).status).toBe(200);
      // The page of a summary left out says why, rather than "page not found".
      const leftOut = await fetch(`${server.url}/articles/second/`);
      expect(leftOut.status).toBe(500);
      expect(await leftOut.text()).toContain('content/articles/second.mdx:2:1: error: title is missing [invalid-frontmatter]');
      editFile(join(site.root, 'content/articles/first.mdx'), (text) => text.replace('interventions: [acupuncture', 'interventions: [acupuncture]'));
      const fixed = await reloadUntil(`${server.url}/articles/first/`, (status) => status === 200);
      expect(fixed.status).toBe(200);
      expect(referenceEntries(fixed.html).length).toBeGreaterThan(0);
      writeFileSync(join(site.root, 'content/conditions/knee-osteoarthritis.yaml'), KNEE);
      expect((await reloadUntil(`${server.url}/conditions/knee-osteoarthritis/`, (status) => status === 200)).status).toBe(200);
    } finally {
      await server.stop();
      await site.cleanup();
    }
  }, 90_000);

  it('a summary whose frontmatter YAML breaks while the server runs: its page stops with the line and the fix, not the YAML parser\'s stack, and comes back when fixed', async () => {
    const site = scratchSite('site-basic', () => {});
    const server = await startDev(site.root);
    try {
      const url = `${server.url}/articles/first/`;
      expect((await reloadUntil(url, (status) => status === 200)).status).toBe(200);
      editFile(join(site.root, 'content/articles/first.mdx'), (text) => text.replace('interventions: [acupuncture]', 'interventions: [acupuncture'));
      const broken = await reloadUntil(url, (status) => status === 500);
      expect(broken.status).toBe(500);
      expect(broken.html).not.toContain('YAMLException');
      expect(server.log()).toContain('content/articles/first.mdx:5:1: error: The frontmatter is not valid YAML');
      expect(server.log()).not.toMatch(/js-yaml|missed comma/u);
      editFile(join(site.root, 'content/articles/first.mdx'), (text) => text.replace('interventions: [acupuncture', 'interventions: [acupuncture]'));
      expect((await reloadUntil(url, (status) => status === 200)).status).toBe(200);
    } finally {
      await server.stop();
      await site.cleanup();
    }
  }, 90_000);

  it('serves a new entry of a .bib file that an article then cites, and its reference page', async () => {
    const site = scratchSite('site-basic', () => {});
    const server = await startDev(site.root);
    try {
      const url = `${server.url}/articles/first/`;
      expect((await reloadUntil(url, (status) => status === 200)).status).toBe(200);
      appendFileSync(join(site.root, 'references/refs.bib'), '\n@article{roe2024new, title = {A trial added while the server ran}, author = {Roe, Rita}, journal = {Journal of Tests}, year = {2024}}\n');
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      appendFileSync(join(site.root, 'content/articles/first.mdx'), '\nA new trial [@roe2024new].\n');
      const after = await reloadUntil(url, (status) => status === 200);
      expect(referenceEntries(after.html).some((text) => text.includes('A trial added while the server ran'))).toBe(true);
      expect((await fetch(`${server.url}/references/roe2024new/`)).status).toBe(200);
    } finally {
      await server.stop();
      await site.cleanup();
    }
  }, 90_000);

  it('after a change to the library, still loads a summary that is renamed, and no longer serves it at its old address', async () => {
    const site = scratchSite('site-basic', () => {});
    const server = await startDev(site.root);
    try {
      expect((await reloadUntil(`${server.url}/articles/first/`, (status) => status === 200)).status).toBe(200);
      appendFileSync(join(site.root, 'references/refs.bib'), '\n@article{roe2024new, title = {A trial added while the server ran}, author = {Roe, Rita}, journal = {Journal of Tests}, year = {2024}}\n');
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      renameSync(join(site.root, 'content/articles/first.mdx'), join(site.root, 'content/articles/renamed.mdx'));
      const renamed = await reloadUntil(`${server.url}/articles/renamed/`, (status) => status === 200);
      expect(renamed.status).toBe(200);
      expect(referenceEntries(renamed.html).length).toBeGreaterThan(0);
      expect((await fetch(`${server.url}/articles/first/`)).status).toBe(404);
      expect((await fetch(`${server.url}/`)).status).toBe(200);
    } finally {
      await server.stop();
      await site.cleanup();
    }
  }, 90_000);

  it('picks up a stored record that `refs add` writes after the server started, without a restart by hand, and its deletion', async () => {
    const site = scratchSite('site-basic', (root) => appendFileSync(join(root, 'content/articles/first.mdx'), '\nA trial fetched later [@doi:10.1000/added-later].\n'));
    const server = await startDev(site.root);
    try {
      const url = `${server.url}/articles/first/`;
      // While it starts, the server does not answer (0), then answers 404 until the routes are ready.
      const before = await reloadUntil(url, (status) => status !== 0 && status !== 404);
      expect(before.status).toBe(500);
      writeFileSync(join(site.root, 'references/identifiers/doi-10.1000%2Fadded-later.json'), JSON.stringify(STORED, null, 2));
      const after = await reloadUntil(url, (status) => status === 200);
      expect(after.status).toBe(200);
      expect(referenceEntries(after.html).some((text) => text.includes('A trial fetched while the server ran'))).toBe(true);
      // Deleted again, the record is missed again: the page says so rather than citing what is gone.
      unlinkSync(join(site.root, 'references/identifiers/doi-10.1000%2Fadded-later.json'));
      expect((await reloadUntil(url, (status) => status === 500)).status).toBe(500);
      expect(server.log()).toMatch(/No stored metadata for DOI 10\.1000\/added-later \[missing-metadata\][\s\S]*No stored metadata for DOI 10\.1000\/added-later/u);
    } finally {
      await server.stop();
      await site.cleanup();
    }
  }, 90_000);
});
