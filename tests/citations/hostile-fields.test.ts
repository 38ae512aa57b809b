import { describe, expect, it } from 'vitest';
import { acknowledgedNote, checkArticle, checkLibrary, CitationFormatter, formatDiagnostic, loadLibrary, parseStoredMetadata, referenceLinks } from '../../src/citations/index.ts';
import { toRis } from '../../src/citations/ris.ts';
import { bundledStyle } from './helpers.ts';

// Hostile and odd reference fields, read by the engine (the site built from them: tests/refs/hostile-fields.test.ts).
describe('hostile fields in a CSL-JSON library', () => {
  it('leaves out a "__proto__" member, at any depth, with a warning at its line, rather than stopping the build where Astro stores it', () => {
    const text = '[\n {\n  "id": "proto",\n  "type": "article-journal",\n  "__proto__": { "title": "polluted" },\n  "title": "Proto keys",\n  "author": [{ "family": "Doe", "given": "Jo", "__proto__": 1 }],\n  "issued": { "date-parts": [[2016]] }\n }\n]';
    const library = loadLibrary([{ path: 'references/hostile.json', text }]);
    const item = library.entries.get('proto')!.item;
    expect(Object.hasOwn(item, '__proto__')).toBe(false);
    expect(Object.hasOwn(item.author![0]!, '__proto__')).toBe(false);
    expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
    expect(item.title).toBe('Proto keys');
    expect(library.diagnostics.map((d) => [d.severity, d.code, d.location?.line, d.message])).toEqual([
      ['warning', 'unknown-field', 5, 'references/hostile.json has a field named "__proto__", which no reference has: it is left out'],
    ]);
  });
});

describe('hostile citation keys', () => {
  it('formats an entry whose key holds a control or bidi character, which citeproc lost ("Cannot read properties of undefined")', () => {
    const keys = ['esc\u001b[31mkey', 'rlo\u202ekey', 'nul\u0000key', 'back\\slash', 'back\\u{1b}', 'back\u001b'];
    const items = keys.map((id, n) => ({ id, type: 'article-journal', title: `Title ${n}`, author: [{ family: `Doe${n}`, given: 'Jo' }], 'container-title': 'Pain', issued: { 'date-parts': [[2020]] } }));
    const library = loadLibrary([{ path: 'references/keys.json', text: JSON.stringify(items) }]);
    for (const style of ['american-medical-association', 'apa'] as const) {
      const formatter = new CitationFormatter(library, bundledStyle(style));
      expect(formatter.formatEveryEntry()).toEqual([]);
      expect(keys.map((key) => formatter.entry(key)?.text.match(/Title \d/u)?.[0])).toEqual(keys.map((_key, n) => `Title ${n}`));
      if (style === 'apa') expect(keys.map((key) => formatter.cite({ key }))).toEqual(keys.map((_key, n) => `Doe${n}, 2020`));
    }
  });
});

describe('messages that quote hostile keys', () => {
  it('print bidi controls as \\u202e-style text, which turned the rest of the line round in a terminal', () => {
    const key = 'rlo\u202ekey\u2066x';
    const library = loadLibrary([{ path: 'references/evil.bib', text: `@article{${key},\n  title = {A},\n  year = 2020,\n}\n@article{${key},\n  title = {B},\n  year = 2020,\n}\n` }]);
    const printed = library.diagnostics.map(formatDiagnostic).join('\n');
    expect(printed).toContain('"rlo\\u202ekey\\u2066x"');
    expect(printed).not.toMatch(/[\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/u);
  });
});

describe('a stored registry record with hostile fields', () => {
  it('reads a "fetched" that is no date as unknown, with a warning, which stopped the build on the source page with "Invalid time value"', () => {
    const record = (fetched: unknown) => JSON.stringify({ identifier: 'pmid:12345678', source: 'https://pubmed.ncbi.nlm.nih.gov/12345678/', fetched, csl: { type: 'article-journal', title: 'A trial', PMID: '12345678' } });
    for (const fetched of ['"><script>alert(1)</script>', '2026-02-30', '2026-13-01', 20260101]) {
      const parsed = parseStoredMetadata(record(fetched), 'references/identifiers/pmid-12345678.json');
      expect(parsed.record?.fetched, String(fetched)).toBe('');
      expect(parsed.diagnostics.map((d) => [d.severity, d.code]), String(fetched)).toEqual([['warning', 'invalid-metadata']]);
    }
    const dated = parseStoredMetadata(record('2026-02-28'), 'references/identifiers/pmid-12345678.json');
    expect([dated.record?.fetched, dated.diagnostics]).toEqual(['2026-02-28', []]);
  });
});

describe('addresses that are no web addresses', () => {
  it('prints no javascript:, data: or vbscript: address in the reference, which showed it as text, warns about it, and reads //host as https', () => {
    const urls = { js: 'java\tscript:alert(1)', upper: 'JAVASCRIPT:alert(2)', data: 'data:text/html,<script>alert(3)</script>', vb: 'vbscript:msgbox(4)', relative: '//example.org/guideline' };
    const items = Object.entries(urls).map(([id, URL]) => ({ id, type: 'webpage', title: `Page ${id}`, author: [{ literal: 'Org' }], issued: { 'date-parts': [[2020]] }, URL }));
    const library = loadLibrary([{ path: 'references/urls.json', text: JSON.stringify(items) }]);
    const formatter = new CitationFormatter(library, bundledStyle('american-medical-association'));
    const texts = Object.keys(urls).map((key) => formatter.entry(key)!.text);
    for (const text of texts.slice(0, 4)) expect(text).not.toMatch(/script|alert|msgbox/iu);
    expect(texts[4]).toContain('https://example.org/guideline');
    expect(referenceLinks(library.entries.get('relative')!.item)).toEqual([{ label: 'Web page', href: 'https://example.org/guideline' }]);
    const warnings = checkLibrary(library).filter((d) => d.code === 'invalid-url');
    expect(warnings.map((d) => [d.key, d.severity])).toEqual([['js', 'warning'], ['upper', 'warning'], ['data', 'warning'], ['vb', 'warning']]);
    expect(warnings[2]!.message).toBe('"data": URL "data:text/html,<script>alert(3)</script>" is not a web address (http or https), so the reference does not print, link or export it');
  });
});

describe('keys named as Windows devices', () => {
  it('are an invalid-key error, as their pages and downloads (/references/con/, con.bib) could not be written on Windows', () => {
    const keys = ['con', 'AUX', 'nul.2020', 'com1', 'lpt9', 'console2020', 'aux2020', 'con-2020'];
    const items = keys.map((id) => ({ id, type: 'article-journal', title: `Title ${id}`, author: [{ family: 'Doe', given: 'Jo' }], 'container-title': 'Pain', issued: { 'date-parts': [[2020]] } }));
    const library = loadLibrary([{ path: 'references/devices.json', text: JSON.stringify(items) }]);
    const errors = checkLibrary(library).filter((d) => d.code === 'invalid-key');
    expect(errors.map((d) => [d.key, d.severity])).toEqual([['con', 'error'], ['AUX', 'error'], ['nul.2020', 'error'], ['com1', 'error'], ['lpt9', 'error']]);
    expect(errors[0]!.message).toBe('Citation key "con" would name its page /references/con/ and its downloads as Windows names a device: the site could not be built, copied or checked out on Windows');
  });
});

describe('keys that differ only in Unicode normalisation', () => {
  it('say that they look the same, where the message named one key twice ("müller2020" and "müller2020")', () => {
    const items = ['m\u00fcller2020', 'mu\u0308ller2020'].map((id) => ({ id, type: 'article-journal', title: 'T', author: [{ family: 'M', given: 'J' }], 'container-title': 'J', issued: { 'date-parts': [[2020]] } }));
    const [clash] = checkLibrary(loadLibrary([{ path: 'references/nfc.json', text: JSON.stringify(items) }])).filter((d) => d.code === 'duplicate-key');
    expect(clash!.message).toBe('Citation keys "mu\u0308ller2020" and "m\u00fcller2020" look the same but are written with different characters (an accented letter as one character in one, as a letter and a combining accent in the other), and would share the page /references/muller2020/');
  });
});

describe('half a character in CSL-JSON', () => {
  it('is an invalid-encoding error naming the field, where pages printed "Lone \uFFFD surrogate" without a word', () => {
    const text = '[{ "id": "half", "type": "article-journal", "title": "Lone \\ud83d surrogate 😀", "author": [{ "family": "Sur", "given": "R" }], "container-title": "Pain", "issued": { "date-parts": [[2018]] } },\n { "id": "whole", "type": "article-journal", "title": "Emoji 😀 and 𝔸", "author": [{ "family": "Sur", "given": "R" }], "container-title": "Pain", "issued": { "date-parts": [[2019]] } }]';
    const problems = checkLibrary(loadLibrary([{ path: 'references/half.json', text }])).filter((d) => d.code === 'invalid-encoding');
    expect(problems.map((d) => [d.key, d.severity, d.message])).toEqual([['half', 'error', '"half": title holds half of a character (a lone UTF-16 surrogate, as text cut in the middle of an emoji leaves), which would be printed as \uFFFD']]);
  });
});

describe('keys named as properties every JavaScript object has', () => {
  it('fail the build on a retracted "constructor" that the article does not acknowledge, which passed as acknowledged', () => {
    const items = ['constructor', 'toString'].map((id) => ({ id, type: 'article-journal', title: `Key ${id}`, author: [{ family: 'K', given: 'J' }], 'container-title': 'Pain', issued: { 'date-parts': [[2020]] }, status: 'retracted' }));
    const library = loadLibrary([{ path: 'references/proto.json', text: JSON.stringify(items) }]);
    const article = { file: 'content/articles/a.mdx', citations: [{ key: 'constructor' }, { key: 'toString' }], acknowledged: { toString: 'Retracted in 2021; cited for its history.' } };
    expect(checkArticle(library, article).filter((d) => d.code === 'retracted-source').map((d) => d.key)).toEqual(['constructor']);
    expect([acknowledgedNote(article, 'constructor'), acknowledgedNote(article, 'toString')]).toEqual([undefined, 'Retracted in 2021; cited for its history.']);
  });
});

describe('a web address whose host is named as an object property', () => {
  it('is labelled "Web page", where https://constructor/ was labelled "function Object() { [native code] }"', () => {
    const library = loadLibrary([{ path: 'references/host.json', text: JSON.stringify([{ id: 'host', type: 'webpage', title: 'T', URL: 'https://constructor/x' }]) }]);
    expect(referenceLinks(library.entries.get('host')!.item)).toEqual([{ label: 'Web page', href: 'https://constructor/x' }]);
  });
});

describe('a reference type named as an object property', () => {
  it('is read as a type no style knows, where refs check and the build crashed with a TypeError', () => {
    const library = loadLibrary([
      { path: 'references/types.bib', text: '@constructor{b, author = {Doe, Jo}, title = {T}, year = {2020}}\n' },
      { path: 'references/types.json', text: JSON.stringify([{ id: 'j', type: 'constructor', title: 'J', author: [{ family: 'Doe', given: 'Jo' }], issued: { 'date-parts': [[2020]] } }]) },
    ]);
    expect([...library.entries.values()].map((entry) => [entry.key, typeof entry.item.type])).toEqual([['b', 'string'], ['j', 'string']]);
    expect(checkLibrary(library).filter((d) => d.severity === 'error')).toEqual([]);
    expect(toRis([library.entries.get('j')!.item]).split('\n')[0]).toBe('TY  - GEN');
  });
});
