import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { exportReferences } from '../../src/site/exports.ts';
import { item, library } from './helpers/library.ts';

const keys = ['vickers2018acupuncture', 'macpherson2017programme', 'nice2016ng59', 'qaseem2017noninvasive'];
const items = keys.map(item);

/** What must survive a round trip for a reference manager to hold the same reference. */
function essentials(csl: Record<string, unknown>) {
  const names = (csl.author as { family?: string; given?: string; literal?: string }[] | undefined) ?? [];
  return {
    title: csl.title,
    authors: names.map((n) => n.literal ?? n.family),
    year: (csl.issued as { 'date-parts': number[][] })['date-parts'][0]![0],
    doi: (csl.DOI as string | undefined)?.toLowerCase(),
  };
}

describe('exportReferences', () => {
  for (const format of ['bib', 'ris', 'json'] as const) {
    it(`writes ${format} that citation-js reads back as the same references`, () => {
      const text = exportReferences(items, format);
      const back = new Cite(text).data as Record<string, unknown>[];
      expect(back.map(essentials)).toEqual(items.map((i) => essentials(i as Record<string, unknown>)));
    });
  }

  it('writes BibTeX that keeps the abbreviated journal, a thesis type, and the month as BibTeX\'s macro with the full date as biblatex\'s', () => {
    const article = { id: 'a', type: 'article-journal', title: 'T', 'container-title': 'Journal of Pain', 'container-title-short': 'J Pain', issued: { 'date-parts': [[2020, 3, 15]] } };
    const thesis = { id: 't', type: 'thesis', title: 'Th', genre: 'DPhil thesis', publisher: 'University of Oxford', issued: { 'date-parts': [[2019]] } };
    const bib = exportReferences([article, thesis], 'bib');
    expect(bib).toMatch(/^\tmonth = mar,\n\tdate = \{2020-03-15\},$/mu);
    expect(bib).toContain('@phdthesis{t,');
    const [readArticle, readThesis] = new Cite(bib).data as Record<string, unknown>[];
    expect(readArticle).toMatchObject({ 'container-title-short': 'J Pain', issued: { 'date-parts': [[2020, 3, 15]] } });
    expect(readThesis).toMatchObject({ type: 'thesis', genre: 'DPhil thesis' });
  });

  it("leaves out the editors' annote from every download, and keeps the reader's note", () => {
    const checked = { id: 'c', type: 'article-journal', title: 'T', 'container-title': 'J Pain', issued: { 'date-parts': [[2020]] }, note: 'Erratum in J Pain. 2021;22:1.', annote: 'Verified on PubMed via proxy; pages secondary only' };
    for (const format of ['bib', 'ris', 'json'] as const) {
      const text = exportReferences([checked], format);
      expect(text, format).not.toContain('proxy');
      expect(text, format).toContain('Erratum in J Pain');
    }
    expect(library.all().some((entry) => entry.item.annote), 'the bundled library has editors\' notes to leave out').toBe(true);
    expect(exportReferences(library.all().map((entry) => entry.item), 'bib')).not.toMatch(/annote/iu);
  });

  it("writes the note readers see on the source's page, without the identifiers, tool lines and PubMed record a reference manager put in it, which LaTeX printed in readers' bibliographies", () => {
    const zotero = { id: 'z', type: 'article-journal', title: 'T', 'container-title': 'J', issued: { 'date-parts': [[2020]] }, PMID: '29198932', PMCID: 'PMC5927830', note: 'PMID: 29198932\nPMCID: PMC5927830\ntex.ids: doe2020a\nStopped early for benefit.' };
    const endnote = { id: 'e', type: 'article-journal', title: 'U', 'container-title': 'J', issued: { 'date-parts': [[2018]] }, note: "1528-8447 Vickers, Andrew J Vertosick, Emily A Journal Article Meta-Analysis Research Support, N.I.H., Extramural United States J Pain. 2018 May;19(5):455-474. doi: 10.1016/j.jpain.2017.11.005." };
    for (const format of ['bib', 'ris', 'json'] as const) {
      const text = exportReferences([zotero, endnote], format);
      expect(text, format).toContain('Stopped early for benefit.');
      expect(text, format).not.toMatch(/tex\.ids|PMCID: PMC5927830|Research Support/u);
    }
    expect((new Cite(exportReferences([zotero, endnote], 'bib')).data as { note?: string }[]).map((item) => item.note)).toEqual(['Stopped early for benefit.', undefined]);
  });

  it('writes BibTeX in UTF-8 with TeX specials escaped, so that no letter or symbol is lost', () => {
    const symbols = { id: 's', type: 'article-journal', title: 'β‐blockers & ≤ 2 doses for TNF‐α in 50% of #1 cases_x', author: [{ family: '王', given: '伟' }, { family: 'Müller', given: 'Jörg' }], 'container-title': 'J & K', issued: { 'date-parts': [[2020]] }, DOI: '10.1000/a_b', URL: 'https://example.org/a_b%20c' };
    const bib = exportReferences([symbols], 'bib');
    expect(bib).toContain('title = {β‐blockers \\& ≤ 2 doses for {TNF}‐α in 50\\% of \\#1 cases\\_x}');
    expect(bib).toContain('author = {王, 伟 and Müller, Jörg}');
    expect(bib).toContain('doi = {10.1000/a_b}');
    // The address stays verbatim in url, and is escaped where citation-js copies it as text.
    expect(bib).toContain('url = {https://example.org/a_b%20c}');
    expect(bib).toContain('howpublished = {https://example.org/a\\_b\\%20c}');
    const [back] = new Cite(bib).data as Record<string, unknown>[];
    expect(back).toMatchObject({ title: 'β‐blockers & ≤ 2 doses for TNF‐α in 50% of #1 cases_x', 'container-title': 'J & K', DOI: '10.1000/a_b' });
  });

  it("writes every name particle in BibTeX's von part, where citation-js dropped a dropping one ('Jean de la Fontaine' became 'Fontaine, Jean')", () => {
    const particles = { id: 'p', type: 'article-journal', title: 'T', 'container-title': 'J', issued: { 'date-parts': [[2020]] }, author: [
      { family: 'Fontaine', given: 'Jean', 'dropping-particle': 'de' , 'non-dropping-particle': 'La' },
      { family: 'Beethoven', given: 'Ludwig', 'dropping-particle': 'van' },
      { family: 'Esch', given: 'Martin', 'non-dropping-particle': 'van der' },
    ] };
    const bib = exportReferences([particles], 'bib');
    expect(bib).toContain('author = {de La Fontaine, Jean and van Beethoven, Ludwig and van der Esch, Martin}');
    const [back] = new Cite(bib).data as { author: Record<string, string>[] }[];
    expect(back!.author.map((name) => `${name.given} ${name['non-dropping-particle']} ${name.family}`)).toEqual(['Jean de La Fontaine', 'Ludwig van Beethoven', 'Martin van der Esch']);
  });

  it("writes a @misc's publisher (a guideline's series and number) as howpublished, the field BibTeX and biblatex print for @misc", () => {
    const guideline = { id: 'g', type: 'document', title: 'Low back pain and sciatica in over 16s', author: [{ literal: 'National Institute for Health and Care Excellence' }], publisher: 'NICE guideline NG59', URL: 'https://www.nice.org.uk/guidance/ng59', issued: { 'date-parts': [[2016, 11]] } };
    const bib = exportReferences([guideline], 'bib');
    expect(bib).toMatch(/^@misc\{g,$/mu);
    expect(bib).toContain('\thowpublished = {NICE guideline NG59},');
    expect(bib).not.toMatch(/^\tpublisher = /mu);
    expect(new Cite(bib).data[0]).toMatchObject({ publisher: 'NICE guideline NG59', URL: 'https://www.nice.org.uk/guidance/ng59' });
  });

  it("protects a title's first word, and the first after a colon, when it keeps capitals after its first letter ('CDC', 'mRNA'): BibTeX styles printed 'Cdc clinical practice guideline'", () => {
    const cdc = { id: 'c', type: 'article-journal', title: 'CDC Clinical Practice Guideline for Opioids: mRNA, pH and Opioids', 'container-title': 'MMWR', issued: { 'date-parts': [[2022]] } };
    const plain = { id: 'p', type: 'article-journal', title: 'Exercise: A review', 'container-title': 'J', issued: { 'date-parts': [[2022]] } };
    const bib = exportReferences([cdc, plain], 'bib');
    const titles = [...bib.matchAll(/^\ttitle = \{(.*)\},$/gmu)].map((line) => line[1]);
    expect(titles[0]).toMatch(/^\{+CDC\}+ \{Clinical\} .*: \{+mRNA\}+, \{pH\} and \{Opioids\}$/u);
    expect(titles[1]).toBe('Exercise: A review');
    expect((new Cite(bib).data as { title: string }[]).map((item) => item.title)).toEqual([cdc.title, plain.title]);
  });

  it('writes a chapter in a book as @incollection, whose booktitle and editors BibTeX styles print, where @inbook lost them', () => {
    const chapter = { id: 'ch', type: 'chapter', title: 'Acupuncture', author: [{ family: 'Doe', given: 'Jane' }], editor: [{ family: 'Roe', given: 'Rick' }], 'container-title': 'Handbook of Pain', publisher: 'Oxford University Press', page: '12-30', issued: { 'date-parts': [[2015]] } };
    const bib = exportReferences([chapter], 'bib');
    expect(bib).toMatch(/^@incollection\{ch,$/mu);
    expect(bib).toContain('\tbooktitle = {Handbook of {Pain}},');
    expect(new Cite(bib).data[0]).toMatchObject({ type: 'chapter', title: 'Acupuncture', 'container-title': 'Handbook of Pain', editor: [{ family: 'Roe', given: 'Rick' }] });
  });

  it('writes BibTeX whose braces close however the fields are written: markup left open, braces and line breaks in addresses', () => {
    const open = { id: 'open', type: 'article-journal', title: 'Carriage of <i>Staphylococcus aureus in children', 'container-title': 'J', issued: { 'date-parts': [[2020]] } };
    const closed = { id: 'closed', type: 'article-journal', title: 'Fine <i>E. coli</i> title', DOI: '10.1000/x}y', URL: 'https://example.com/}\n@misc{x,', issued: { 'date-parts': [[2021]] } };
    const broken = { id: 'broken', type: 'article-journal', title: 'Line\n@article{evil,\n title = {x}', issued: { 'date-parts': [[2022]] } };
    const bib = exportReferences([open, closed, broken], 'bib');
    const back = new Cite(bib).data as Record<string, unknown>[];
    expect(back.map((item) => [item['citation-key'], item.title])).toEqual([
      ['open', 'Carriage of Staphylococcus aureus in children'],
      ['closed', 'Fine <i>E. coli</i> title'],
      ['broken', 'Line @article{evil, title = {x}'],
    ]);
    expect(back[1]).toMatchObject({ DOI: '10.1000/x%7Dy', URL: 'https://example.com/%7D@misc%7Bx,' });
  });

  it('leaves out a URL that is no web address from every download, as the site leaves it unlinked', () => {
    const hostile = { id: 'h', type: 'webpage', title: 'T', URL: 'javascript:alert(1)', issued: { 'date-parts': [[2020]] } };
    const web = { id: 'w', type: 'webpage', title: 'W', URL: 'https://example.org/page', issued: { 'date-parts': [[2020]] } };
    for (const format of ['bib', 'ris', 'json'] as const) {
      const text = exportReferences([hostile, web], format);
      expect(text, format).not.toContain('javascript:');
      expect(text, format).toContain('https://example.org/page');
    }
  });

  it('keeps the library keys as BibTeX keys', () => {
    const bib = exportReferences(items, 'bib');
    for (const key of keys) expect(bib).toContain(`{${key},`);
  });

  it('writes one RIS tag a line, however long the value', () => {
    const ris = exportReferences([item('vickers2018acupuncture')], 'ris');
    const lines = ris.replace(/\n$/u, '').split('\n');
    expect(lines[0]).toBe('TY  - JOUR');
    expect(lines.at(-1)).toBe('ER  - ');
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9]  - /u);
    expect(lines).toContain('TI  - Acupuncture for Chronic Pain: Update of an Individual Patient Data Meta-Analysis');
  });

  it('exports every bundled reference in every format', () => {
    const all = library.all().map((entry) => entry.item);
    for (const format of ['bib', 'ris', 'json'] as const) {
      expect(new Cite(exportReferences(all, format)).data).toHaveLength(all.length);
    }
  });
});
