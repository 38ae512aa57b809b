import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CitationFormatter, citeDocument, cslLocaleTag, cslLocaleTags, loadLibrary, parseCitations, readStyle, type CitationStyle, type Segment } from '../../src/citations/index.ts';
import { loadStyle } from '../../src/integration/project.ts';
import { fixtureFiles } from './helpers.ts';

// Official styles from the CSL repository (Debian's citation-style-language-styles), kept as fixtures.
const styleXml = (name: string) => readFileSync(new URL(`../fixtures/styles/${name}.csl`, import.meta.url), 'utf8');

function cite(styleName: string, text: string) {
  const library = loadLibrary(fixtureFiles('library'));
  const formatter = new CitationFormatter(library, readStyle(styleName, styleXml(styleName)));
  const document = citeDocument(parseCitations(text), library, formatter);
  const html = (segments: Segment[]) => segments.map((segment) => (segment.type === 'text' ? segment.value : segment.type === 'cite' ? segment.html : '')).join('');
  return {
    clusters: document.clusters.map((cluster) => html([...cluster!.lead, ...cluster!.segments])),
    list: document.bibliography.map((entry) => `${entry.label ?? ''} ${entry.text}`.trim()),
  };
}

const TEXT = 'A [@vickers2018acupuncture]. B [@cherkin2009randomized, p. 5]. C [@vickers2018acupuncture; @cherkin2009randomized; @haake2007gerac]. @haake2007gerac found.';

describe('official CSL styles beyond the bundled three', () => {
  it('IEEE: each number in its own brackets, locators inside them, as pandoc prints them', () => {
    expect(cite('ieee', TEXT).clusters).toEqual(['[1]', '[2, p. 5]', '[1]–[3]', 'Haake et al [3]']);
  });

  it('a style that prints the number in the entry: the article\'s number once, not the library\'s after it', () => {
    const { list } = cite('springer-vancouver-brackets', '[@haake2007gerac] then [@vickers2018acupuncture]');
    expect(list[0]).toMatch(/^1\. Haake M, Müller H-H/u);
    expect(list[1]).toMatch(/^2\. Vickers AJ/u);
  });

  it('a numbered style whose reference list is alphabetical numbers each article\'s sources in that order, as pandoc does', () => {
    const { clusters, list } = cite('american-medical-association-alphabetical', TEXT);
    expect(clusters).toEqual(['3', '1(p5)', '1–3', 'Haake et al2']);
    expect(list.map((entry) => entry.slice(0, 12))).toEqual(['1. Cherkin D', '2. Haake M, ', '3. Vickers A']);
  });

  it('a locator the style prints nowhere (the Lancet\'s citations are bare numbers) is added with its label rather than lost, as pandoc loses it', () => {
    expect(cite('the-lancet', 'A [@haake2007gerac, pp. 33-35]. B [see @vickers2018acupuncture, chap. 3 & 5].').clusters).toEqual(['1, pp.\u00A033-35', 'see 2, chaps.\u00A03 &#38; 5']);
  });

  it('a style filed under the wrong kind of citation is read by what its citations print: Neuropsychopharmacology\'s numbers, each article\'s own', () => {
    expect(styleXml('neuropsychopharmacology')).toContain('citation-format="author-date"');
    const { clusters, list } = cite('neuropsychopharmacology', '[@haake2007gerac] then [@vickers2018acupuncture; @cherkin2009randomized]');
    expect(clusters).toEqual(['[1]', '[2,3]']);
    expect(list.map((entry) => entry.slice(0, 8))).toEqual(['1. Haake', '2. Vicke', '3. Cherk']);
  });

  it('a numbered style that does not collapse runs of numbers lists each: "(1, 2, 3)", not "(1–3)"', () => {
    expect(styleXml('european-journal-of-endocrinology')).not.toContain('collapse=');
    expect(cite('european-journal-of-endocrinology', TEXT).clusters).toEqual(['(1)', '(2, p.\u00A05)', '(1, 2, 3)', 'Haake et al (3)']);
  });

  it('MLA: a narrative citation without the "[NO_PRINTED_FORM]" citeproc gives a style that prints no year', () => {
    const { clusters } = cite('modern-language-association', '@haake2007gerac found, as [@cherkin2009randomized, p. 5] did.');
    expect(clusters).toEqual(['Haake et al.', '(Cherkin et al. 5)']);
  });

  it('Chicago: every entry names its authors, rather than "———" for the entry before it in the whole library', () => {
    const library = loadLibrary([{ path: 'references/nice.bib', text: '@misc{ng59, author = {{National Institute for Health and Care Excellence}}, title = {Low back pain}, year = 2016}\n@misc{ng193, author = {{National Institute for Health and Care Excellence}}, title = {Chronic pain}, year = 2021}\n' }]);
    const formatter = new CitationFormatter(library, readStyle('chicago-author-date', styleXml('chicago-author-date')));
    const { bibliography } = citeDocument(parseCitations('[@ng193]'), library, formatter);
    expect(bibliography.map((entry) => entry.text)).toEqual(['National Institute for Health and Care Excellence. 2021. “Chronic Pain.”']);
    expect(styleXml('chicago-author-date')).toContain('subsequent-author-substitute="&#8212;&#8212;&#8212;"');
  });

  it('speaks the site\'s language: British quotation marks in en-GB, Portuguese rules in pt-BR, locales citation-js does not ship', () => {
    const library = loadLibrary(fixtureFiles('library'));
    const title = (locale: string) => new CitationFormatter(library, readStyle('mla', styleXml('modern-language-association')), locale).entry('haake2007gerac')!.text;
    expect(title('en-US')).toContain('“German Acupuncture Trials (GERAC) for Chronic Low Back Pain');
    expect(title('en-GB')).toContain('‘German Acupuncture Trials (GERAC) for Chronic Low Back Pain');
    // Title case is for English titles only.
    expect(title('pt-BR')).toContain('“German Acupuncture Trials (GERAC) for chronic low back pain');
  });

  it('orders the sources of one citation as each style does: Harvard by year, APA by author', () => {
    const cluster = '[@vickers2018acupuncture; @haake2007gerac; @cherkin2009randomized]';
    expect(cite('harvard-cite-them-right', cluster).clusters).toEqual(['(Haake <i>et al.</i>, 2007; Cherkin <i>et al.</i>, 2009; Vickers <i>et al.</i>, 2018)']);
    const library = loadLibrary(fixtureFiles('library'));
    const apa = citeDocument(parseCitations(cluster), library, new CitationFormatter(library, readStyle('apa', readFileSync(new URL('../../src/csl-styles/apa.csl', import.meta.url), 'utf8'))));
    expect(apa.clusters[0]!.segments.filter((segment) => segment.type === 'cite').map((segment) => segment.key)).toEqual(['cherkin2009randomized', 'haake2007gerac', 'vickers2018acupuncture']);
  });

  it('gives a locale tag the official CSL locale it names, or its language\'s main one (the build warns then)', () => {
    expect(['en-GB', 'pt_BR', 'de', 'en-UK', 'fr-BE', 'xx-YY', '../x'].map(cslLocaleTag)).toEqual(['en-GB', 'pt-BR', 'de-DE', 'en-US', 'fr-FR', undefined, undefined]);
    // Arabic's locale has no region; Hebrew's, Persian's, Japanese's and Swedish's are not named after the language.
    expect(['ar', 'ar-EG', 'he', 'fa', 'ja', 'sv', 'zh', 'zh-HK', 'eu-ES'].map(cslLocaleTag)).toEqual(['ar', 'ar', 'he-IL', 'fa-IR', 'ja-JP', 'sv-SE', 'zh-CN', 'zh-CN', 'eu']);
    const library = loadLibrary(fixtureFiles('library'));
    expect(new CitationFormatter(library, readStyle('ieee', styleXml('ieee')), 'ar').cite({ key: 'haake2007gerac', locator: '5' })).toBe(', ص 5');
    expect(cslLocaleTags()).toHaveLength(54);
  });

  it('names the authors of a narrative citation in the site\'s language: "u. a." in German, AMA\'s "et al" in English', () => {
    const library = loadLibrary(fixtureFiles('library'));
    const lead = (locale: string, text: string) => {
      const { clusters } = citeDocument(parseCitations(text), library, new CitationFormatter(library, readStyle('ama', readFileSync(new URL('../../src/csl-styles/american-medical-association.csl', import.meta.url), 'utf8')), locale));
      return clusters[0]!.lead.map((segment) => (segment.type === 'text' ? segment.value : '')).join('');
    };
    expect(lead('de-DE', '@haake2007gerac fanden')).toBe('Haake u.\u00A0a.');
    expect(lead('en-GB', '@haake2007gerac found')).toBe('Haake et al');
    // A list cut short with "and others" too.
    const cutShort = loadLibrary([{ path: 'references/a.bib', text: '@article{krupa2021, author = {Krupa, J. and Smith, K. and others}, title = {T}, journal = {J}, year = 2021}\n' }]);
    const ama = readStyle('ama', readFileSync(new URL('../../src/csl-styles/american-medical-association.csl', import.meta.url), 'utf8'));
    expect(new CitationFormatter(cutShort, ama, 'de-DE').entry('krupa2021')!.text).toMatch(/^Krupa J, Smith K, u\.\sa\. T\./u);
    expect(new CitationFormatter(cutShort, ama, 'en-GB').entry('krupa2021')!.text).toMatch(/^Krupa J, Smith K, et al\. T\./u);
  });

  it('refuses a note style, saying why', () => {
    expect(() => readStyle('chicago-fullnote-bibliography', styleXml('chicago-fullnote-bibliography'))).toThrow(/is a note \(footnote\) style, which the site does not support/u);
  });

  it('refuses a style with no reference list, or one calling a macro it lacks, which would print entries without their authors', () => {
    const ieee = styleXml('ieee');
    expect(() => readStyle('ieee', ieee.replace(/<bibliography\b[\s\S]*<\/bibliography>/u, ''))).toThrow('"ieee" has no <bibliography> element, so it cannot format the reference list each summary ends with: use a style that has one.');
    const misspelt = ieee.replace('<text macro="author"', '<text macro="autor"');
    const line = misspelt.slice(0, misspelt.indexOf('macro="autor"')).split('\n').length;
    expect(() => readStyle('ieee', misspelt)).toThrow(`"ieee" calls a macro it does not define, "autor" (line ${line}): citeproc would leave out what it prints, such as the authors. Correct the macro's name, or save the style again from the CSL style repository.`);
  });

  it('refuses a style that is not well-formed XML, which citeproc would read in part, printing references cut short', () => {
    const ieee = styleXml('ieee');
    const cut = ieee.slice(0, ieee.indexOf('</bibliography>'));
    expect(() => readStyle('ieee', cut)).toThrow(/^"ieee" is not well-formed XML at line \d+: <\w+> is never closed\. citeproc would read what it could, and references could come out cut short\. Save the style again: a download or copy cut off leaves it so\.$/u);
    expect(() => readStyle('ieee', ieee.replace('</layout>', '</layuot>'))).toThrow(/at line \d+: <\/layuot> where <layout> \(line \d+\) should close/u);
    expect(() => readStyle('ieee', ieee.slice(0, ieee.indexOf('<text', ieee.indexOf('<bibliography')) + 12))).toThrow(/a "<" that starts no complete tag/u);
  });

  it('formats a dependent style as its parent: a bundled one, or the parent\'s file beside it or above its dependent/ folder', () => {
    const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
    const library = loadLibrary(fixtureFiles('library'));
    const list = (style: CitationStyle) => citeDocument(parseCitations(TEXT), library, new CitationFormatter(library, style)).bibliography.map((entry) => `${entry.label} ${entry.text}`);
    const jama = loadStyle(fixtures, 'styles/jama-dependent.csl');
    expect(jama.parent).toBe('ama');
    expect(list(jama)).toEqual(list(loadStyle(fixtures, 'ama')));
    const plosMedicine = loadStyle(fixtures, 'styles/dependent/plos-medicine.csl');
    expect(plosMedicine).toMatchObject({ name: 'styles/dependent/plos-medicine.csl', parent: 'plos.csl', numeric: true });
    expect(list(plosMedicine)).toEqual(list(readStyle('plos', styleXml('plos'))));
    // Without its parent at hand, it says which file to save: the build never downloads one.
    expect(() => readStyle('plos-medicine', styleXml('dependent/plos-medicine'))).toThrow('"plos-medicine" is a dependent CSL style: it formats as its parent style, http://www.zotero.org/styles/plos, which is not at hand (the build does not download styles). Save the parent\'s file, plos.csl from the CSL style repository, beside it, or use the parent as the style.');
  });
});
