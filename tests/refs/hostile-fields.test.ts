import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { serveStatic } from '../../scripts/browser/static-server.ts';
import { parseBibtex } from '../../src/citations/bibtex.ts';
import { fixturesDir } from '../build/helpers.ts';
import { buildSite } from '../site/helpers/build.ts';

// A site whose references carry hostile text in every field (tests/fixtures/refs-hostile-fields; the cases of
// tests/fixtures/refs-hostile, which tests/refs/site.test.ts builds, are not repeated), read through every output.
const ROOT = join(fixturesDir, 'refs-hostile-fields');
// What XML 1.0 cannot hold and a terminal would obey.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/u;

describe('a site built from hostile fields in CSL-JSON, BibTeX and a stored record', () => {
  let dist: string;
  let files: string[];
  const read = (path: string) => readFileSync(join(dist, path), 'utf8');

  beforeAll(() => {
    // The build stopped on a "__proto__" member (Astro's data store) and on a stored record's "fetched" that is no date.
    dist = buildSite(ROOT, join(ROOT, 'dist'));
    files = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => relative(dist, join(d.parentPath, d.name)));
  }, 120_000);

  it('writes every reference a page, and no page, script or handler from a field', () => {
    for (const key of ['cslhostile', 'protokeys', 'esc-31mkey', 'etc-passwd', 'key-script-alert-1-script', 'bibinject']) expect(files).toContain(join('references', key, 'index.html'));
    for (const path of files.filter((f) => f.endsWith('.html'))) {
      const { document } = parseHTML(read(path));
      for (const element of document.querySelectorAll('*')) {
        expect([...element.attributes].filter((a) => /^on/iu.test(a.name)).map((a) => a.name), `${path} <${element.localName}>`).toEqual([]);
        for (const name of ['href', 'src', 'action']) {
          const value = element.getAttribute(name);
          if (value !== null && !value.startsWith('mailto:')) expect(new URL(value, 'https://evidence.example.org/x/').protocol, `${path}: ${name}="${value}"`).toMatch(/^https?:$/u);
        }
      }
      for (const script of document.querySelectorAll('script')) {
        if (script.getAttribute('type') === 'application/ld+json') expect(() => JSON.parse(script.textContent!), path).not.toThrow();
        else expect(script.textContent, path).not.toMatch(/alert/u);
      }
    }
  });

  it('writes a feed and exports without the control characters XML and terminals cannot take', () => {
    for (const path of files.filter((f) => /\.(?:xml|bib|ris|json)$/u.test(f))) expect(CONTROL.test(read(path)), path).toBe(false);
  });

  it("writes exports that read back as the same references: no RIS record or BibTeX entry injected by a field", () => {
    const items = JSON.parse(read('articles/fields/references.json')) as { id: string; title: string }[];
    expect(items.map((item) => item.id)).toEqual(['cslhostile', 'longfield', 'wrongtypes', 'protokeys', 'bibinject', 'bibris']);
    const bib = parseBibtex(read('articles/fields/references.bib'), 'references.bib');
    expect(bib.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(bib.entries.map((entry) => entry.key)).toEqual(items.map((item) => item.id));
    const ris = read('articles/fields/references.ris');
    expect(ris.split('\n').filter((line) => line && !/^[A-Z][A-Z0-9] {2}- /u.test(line) && line !== 'ER  - ')).toEqual([]);
    const back = new Cite(ris).data as { title: string }[];
    expect(back.map((item) => item.title)).toEqual(items.map((item) => item.title.replace(/\s+/gu, ' ')));
  });

  it('lists the sources of keys named as properties every object has (constructor, toString), whose list was left off the page', () => {
    const { document } = parseHTML(read('articles/proto/index.html'));
    expect([...document.querySelectorAll('li.reference')].map((item) => item.id)).toEqual(['ref-constructor', 'ref-toString', 'ref-hasOwnProperty', 'ref-valueOf', 'ref-prototype']);
  });

  it('gives each source one Highwire citation_reference, its ";"-separated fields unbroken by a field holding ";"', () => {
    const { document } = parseHTML(read('articles/fields/index.html'));
    const references = [...document.querySelectorAll('meta[name="citation_reference"]')].map((meta) => meta.getAttribute('content')!);
    expect(references).toHaveLength(6);
    for (const content of references) expect(content.split('; ').every((part) => /^citation_[a-z_]+=/u.test(part)), content.slice(0, 200)).toBe(true);
  });

  it('runs nothing from a field in Chromium: the article, its citation previews, a source page and search results', async () => {
    const [site, browser] = await Promise.all([serveStatic(dist), launchChromium()]);
    const dialogs: string[] = [];
    const page = await browser.newPage();
    page.on('dialog', (dialog) => void dialog.dismiss().finally(() => dialogs.push(dialog.message())));
    const visit = async (path: string) => page.goto(`${site.origin}${path}`);
    await visit('/articles/fields/');
    for (const citation of await page.locator('.citation-link').all()) await citation.hover();
    await visit('/references/cslhostile/');
    await visit('/search/?q=alert');
    await page.locator('.search-result-link[href="/references/cslhostile/"]').waitFor();
    await Promise.all([browser.close(), site.close()]);
    expect(dialogs).toEqual([]);
  }, 60_000);
});
