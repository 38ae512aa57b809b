import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFixture, fixturesDir, readPage, scratchSite } from './helpers.ts';

const sites: { cleanup: () => Promise<void> }[] = [];
afterAll(() => Promise.all(sites.map((site) => site.cleanup())));

async function buildWithStyle(style: string, edit: (root: string) => void = () => undefined): Promise<Document> {
  const site = scratchSite('site-basic', edit);
  sites.push(site);
  const dist = await buildFixture(site.root, { FIXTURE_STYLE: style });
  return readPage(dist, 'articles/first/index.html');
}

const texts = (document: Document, selector: string) => [...document.querySelectorAll(selector)].map((e) => e.textContent!.replace(/\s+/gu, ' ').trim());

describe('citation styles chosen by one option', () => {
  it('apa: author-date citations and an alphabetical reference list without numbers', async () => {
    const document = await buildWithStyle('apa');
    expect(texts(document, '.citation').slice(0, 3)).toEqual([
      '(Vickers et al., 2018)',
      'Cherkin et al. (2009, p. 860)',
      // Written [@haake2007gerac; @cherkin2009randomized]: APA orders a citation's sources by author.
      '(Cherkin et al., 2009; Haake et al., 2007)',
    ]);
    expect(document.querySelectorAll('.reference-label')).toHaveLength(0);
    expect(texts(document, '.references > li .reference-text').map((t) => t.split(/[ ,]/u)[0])).toEqual([
      'Cherkin', 'Haake', 'National', 'Vickers', 'Vickers',
    ]);
  });

  it('vancouver: numbers in parentheses, a page its citations have no place for added after the number', async () => {
    const document = await buildWithStyle('vancouver');
    expect(texts(document, '.citation').slice(0, 4)).toEqual(['(1)', 'Cherkin et al (2, p. 860)', '(2,3)', '(1–3)']);
    expect(texts(document, '.reference-label').slice(0, 2)).toEqual(['1.', '2.']);
  });

  it('any .csl file by path', async () => {
    const document = await buildWithStyle('./custom.csl', (root) => {
      copyFileSync(join(fixturesDir, 'styles/american-medical-association-brackets.csl'), join(root, 'custom.csl'));
    });
    expect(texts(document, '.citation').slice(0, 1)).toEqual(['[1]']);
  });

  it('a dependent style from the repository\'s dependent/ folder, formatted as its parent saved above it', async () => {
    const document = await buildWithStyle('./styles/dependent/plos-medicine.csl', (root) => {
      mkdirSync(join(root, 'styles/dependent'), { recursive: true });
      copyFileSync(join(fixturesDir, 'styles/dependent/plos-medicine.csl'), join(root, 'styles/dependent/plos-medicine.csl'));
      copyFileSync(join(fixturesDir, 'styles/plos.csl'), join(root, 'styles/plos.csl'));
    });
    expect(texts(document, '.citation').slice(0, 4)).toEqual(['[1]', 'Cherkin et al [2, p. 860]', '[2,3]', '[1–3]']);
  });
});
