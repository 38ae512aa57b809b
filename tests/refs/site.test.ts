import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { serveStatic } from '../../scripts/browser/static-server.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const HOSTILE = 'tests/fixtures/refs-hostile';
// Under dist/, which the type check and git leave alone.
const OUT_A = resolve(HOSTILE, 'dist', 'a');
const OUT_B = resolve(HOSTILE, 'dist', 'b');

/** Runs `astro build` in a child process (as `npm run build` does) from scratch, into its own outDir. */
function build(root: string, outDir: string, config?: string) {
  rmSync(outDir, { recursive: true, force: true });
  const args = ['node_modules/astro/bin/astro.mjs', 'build', '--root', root, '--outDir', outDir, '--force', ...(config ? ['--config', config] : [])];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
  return { status: result.status, log: `${result.stdout}${result.stderr}` };
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => relative(dir, join(d.parentPath, d.name))).sort();
}

function elements(node: Node): Element[] {
  const found: Element[] = [];
  const walk = (current: Node) => {
    if ('tagName' in current) found.push(current);
    const children = 'content' in current && current.content ? current.content.childNodes : 'childNodes' in current ? current.childNodes : [];
    for (const child of children) walk(child);
  };
  walk(node);
  return found;
}

function text(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(text).join('') : '';
}

const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'srcset', 'data']);

describe('a site built from hostile reference fields', () => {
  let first: ReturnType<typeof build>;
  let pages: { path: string; html: string; tree: DefaultTreeAdapterMap['document'] }[];

  beforeAll(() => {
    first = build(HOSTILE, OUT_A);
    pages = first.status === 0 ? files(OUT_A).filter((f) => f.endsWith('.html')).map((path) => {
      const html = readFileSync(join(OUT_A, path), 'utf8');
      return { path, html, tree: parse(html) };
    }) : [];
  });

  it('builds', () => {
    expect(first.log).toMatch(/Complete!/u);
    expect(first.status).toBe(0);
  });

  it('renders every hostile field as text, the retraction notice included', () => {
    const article = pages.find((p) => p.path === join('articles', 'hostile', 'index.html'))!;
    const byId = (id: string) => elements(article.tree).find((e) => attr(e, 'id') === id)!;
    expect(text(byId('ref-scripttitle'))).toContain('Acupuncture <script>alert(“title”)</script> and <img src=x onerror=alert(“img”)> pain</script><script>alert(“jsonld”)</script>');
    const notice = elements(byId('ref-retractedhostile')).find((e) => attr(e, 'class') === 'reference-notice')!;
    expect(text(notice)).toBe('Retracted: Retracted in 2017 <script>alert("notice")</script>; cited only to show the notice.');
  });

  it('has no script, handler, frame or style that came from a reference', () => {
    const ACTIVE = new Set(['script', 'style', 'iframe', 'object', 'embed', 'svg', 'img', 'form', 'base', 'link', 'meta']);
    for (const { path, tree } of pages) {
      for (const element of elements(tree)) {
        const where = `${path}: <${element.tagName}>`;
        expect(element.attrs.filter((a) => /^on/iu.test(a.name)), where).toEqual([]);
        if (element.tagName === 'script' && attr(element, 'type') === 'application/ld+json') {
          // JSON-LD is data that quotes reference fields as text; it must stay valid JSON (a `</script>`
          // in a field would cut it short) and may only link http(s) URLs.
          const json = JSON.stringify(JSON.parse(text(element)));
          for (const [, url] of json.matchAll(/"(?:url|sameAs)":"([^"]*)"/gu)) expect(new URL(url!).protocol, where).toMatch(/^https?:$/u);
        } else if (element.tagName === 'script') {
          expect(text(element), where).not.toMatch(/alert/u);
        }
        if (element.tagName === 'style') expect(text(element), where).not.toMatch(/body\{display:none\}/u);
      }
      const body = elements(tree).find((e) => attr(e, 'class') === 'article-body');
      if (body) expect(elements(body).map((e) => e.tagName).filter((tag) => ACTIVE.has(tag)), path).toEqual([]);
    }
  });

  it('links only http(s) and same-site URLs', () => {
    const links: string[] = [];
    for (const { path, tree } of pages) {
      for (const element of elements(tree)) {
        for (const { name, value } of element.attrs) {
          if (!URL_ATTRIBUTES.has(name)) continue;
          links.push(value);
          // mailto: is the site's own contact address (content/site.json), in the footer.
          expect(new URL(value, 'https://evidence.example.org/articles/x/').protocol, `${path}: ${name}="${value}"`).toMatch(value.startsWith('mailto:editors@') ? /^mailto:$/u : /^https?:$/u);
        }
      }
    }
    // The DOI is linked, with its quotes and brackets percent-encoded.
    expect(links).toContain('https://doi.org/10.1000/x%22%3E%3Csvg/onload=alert(%22doi%22)%3E');
  });

  it('runs no script from a reference in a real browser', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      for (const article of ['hostile', 'second']) {
        await page.goto(pathToFileURL(join(OUT_A, 'articles', article, 'index.html')).href);
        await page.hover('#ref-scripttitle');
        await page.waitForTimeout(100);
      }
      expect(dialogs).toEqual([]);
      expect(await page.locator('.reference').count()).toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  });

  it('wraps long words of reference fields on a 360 px screen, on the reference page and the list of references', async () => {
    // "pain</script><script>alert(…)</script>" is one word of 40 characters: a drug name, a gene or a URL
    // in a title is as long, and the title is the reference page's heading and the list's link.
    const site = await serveStatic(OUT_A);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
      for (const path of ['/articles/hostile/', '/references/', '/references/scripttitle/', '/references/badurls/']) {
        await page.goto(`${site.origin}${path}`);
        // Text that overflows its box, as a word that cannot wrap does, though the page may clip it.
        const overflowing = await page.evaluate(() => {
          const found: string[] = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(walker.currentNode);
            const parent = walker.currentNode.parentElement!;
            if (range.getBoundingClientRect().right > innerWidth && !parent.closest('.visually-hidden')) found.push(`${parent.tagName}.${parent.className}`);
          }
          return { width: document.documentElement.scrollWidth, found };
        });
        expect(overflowing, path).toEqual({ width: 360, found: [] });
      }
    } finally {
      await browser.close();
      await site.close();
    }
  });

  it('sums up cited references not yet checked against a registry once, counting each reference once though two articles cite it', () => {
    // Five distinct references are cited (scripttitle and datauri by both articles); none has a stored record.
    expect(first.log.match(/cited reference\(s\) are not yet checked/gu)).toHaveLength(1);
    expect(first.log).toContain('5 cited reference(s) are not yet checked against a stored registry record');
    expect(first.log).not.toMatch(/"scripttitle" has no DOI/u);
  });

  // Reproducible builds: the same tree built twice gives the same bytes, file by file.
  it('builds byte-identical output twice', () => {
    const second = build(HOSTILE, OUT_B);
    expect(second.status).toBe(0);
    const hash = (dir: string) => Object.fromEntries(files(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
    const a = hash(OUT_A);
    expect(Object.keys(a).length).toBeGreaterThan(3);
    expect(hash(OUT_B)).toEqual(a);
  });
});

describe('the build checks cited references', () => {
  it('fails on a cited retracted source and a cited malformed DOI, with their places, and ignores uncited entries', () => {
    const { status, log } = build('tests/fixtures/refs-build-errors', resolve('tests/fixtures/refs-build-errors/dist'), '../refs-hostile/astro.config.mjs');
    expect(status).not.toBe(0);
    expect(log).toMatch(/content\/articles\/errors\.mdx:9:18: error: "retracted" is retracted, and .*errors\.mdx does not say so \[retracted-source\]/u);
    expect(log).toMatch(/references\/library\.bib:3:1: error: "wrongdoi": DOI "10\.12 34\/x" is malformed \[invalid-identifier\]/u);
    expect(log).not.toMatch(/uncitedbroken.*\[invalid-identifier\]/u);
  });
});
