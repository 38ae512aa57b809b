import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../src/site/config.ts';

const valid = {
  name: 'Pain Evidence',
  tagline: 'Summaries of pain research',
  description: 'Plain-language summaries of research on treatments for pain.',
  url: 'https://pain.example.org/',
  publisher: 'Pain Evidence editors',
  contact: { email: 'editors@pain.example.org' },
};

/** The error `parse` throws. */
function thrown(parse: () => unknown): Error & { hint?: string } {
  try {
    parse();
  } catch (error) {
    return error as Error & { hint?: string };
  }
  throw new Error('no error was thrown');
}

describe('parseSiteConfig', () => {
  it('reads the bundled content/site.json', () => {
    const site = parseSiteConfig(readFileSync(new URL('../../content/site.json', import.meta.url), 'utf8'));
    expect(site.url).toBe('https://evidence.example.org');
    expect(site.citationStyle).toBe('ama');
  });

  it('fills defaults and drops the trailing slash of the URL', () => {
    const site = parseSiteConfig(JSON.stringify(valid));
    expect(site).toMatchObject({ url: 'https://pain.example.org', locale: 'en-GB', citationStyle: 'ama' });
  });

  it('names the file, each bad field and where the fields are documented', () => {
    const text = JSON.stringify({ ...valid, url: 'https://pain.example.org/library/', locale: 'english', contact: {} });
    const { message } = thrown(() => parseSiteConfig(text));
    expect(message).toMatch(/^content\/site\.json has 3 problem\(s\):\n/u);
    expect(message).toContain('\n  url: give the origin only, e.g. https://evidence.example.org; to serve the site under a path, set base in astro.config.mjs');
    expect(message).toContain('\n  locale: use a locale tag such as en-GB or en-US');
    expect(message).toContain('\n  contact: give an email or a url');
    expect(message).not.toContain('See "Your own evidence library"');
  });

  it('rejects unknown fields, so typing mistakes do not pass silently', () => {
    expect(() => parseSiteConfig(JSON.stringify({ ...valid, publsher: 'x' }))).toThrowError(/Unrecognized key.*publsher/u);
  });

  it('names a style the site does not bundle as such, with where to get its .csl file', () => {
    // "ieee" had passed here and stopped the build with "Invalid evidenceCitations() options: style: a custom
    // style must be a path to a .csl file", an option the editor never wrote; refs check said "The citation
    // style file ieee does not exist (looked in …/ieee)".
    expect(() => parseSiteConfig(JSON.stringify({ ...valid, citationStyle: 'ieee' }))).toThrow(/\n {2}citationStyle: "ieee" is not a bundled style: write ama, vancouver or apa, or the path of a \.csl file in the project, such as references\/styles\/ieee\.csl, saved from the official CSL styles \(https:\/\/github\.com\/citation-style-language\/styles;/u);
    expect(() => parseSiteConfig(JSON.stringify({ ...valid, citationStyle: 'constructor' }))).toThrow(/"constructor" is not a bundled style/u);
    for (const citationStyle of ['vancouver', 'references/styles/bmj.csl', '/usr/share/citation-style-language/styles/IEEE.CSL']) expect(parseSiteConfig(JSON.stringify({ ...valid, citationStyle })).citationStyle).toBe(citationStyle);
  });

  it('says when the file is not JSON, and where, with how to fix it and no stack trace to bury that', () => {
    const error = thrown(() => parseSiteConfig('{\n  "name": "x"\n  "tagline": "y"\n}', 'site.json'));
    expect(error.message).toBe('site.json:3:3: not valid JSON (Expected \',\' or \'}\' after property value).');
    expect(error.hint).toContain('every key and string needs double quotes');
    expect(error.stack).toBe('');
  });

  it('gives its problems with the README section as the hint, and no stack trace', () => {
    const error = thrown(() => parseSiteConfig(JSON.stringify({ ...valid, locale: 'english' })));
    expect(error.hint).toBe('See "Your own evidence library" in the README for every field.');
    expect(error.stack).toBe('');
  });
});
