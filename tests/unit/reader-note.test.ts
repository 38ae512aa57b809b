import { describe, expect, it } from 'vitest';
import { readerNote } from '../../src/site/reader-note.ts';

const item = (note?: string) => ({ id: 'a', type: 'article-journal', ...(note === undefined ? {} : { note }) });

describe('readerNote', () => {
  it("keeps an editor's note, without the identifiers it starts with", () => {
    expect(readerNote(item('PMID: 29198932 PMCID: PMC5927830 Erratum in J Pain. 2018;19(6):700.'))).toBe('Erratum in J Pain. 2018;19(6):700.');
    expect(readerNote(item('Free full text on the publisher\'s site; a randomized controlled trial in 3 countries.'))).toBe('Free full text on the publisher\'s site; a randomized controlled trial in 3 countries.');
    const editors = 'Not the latest version of this Systematic Review: see Cochrane Database Syst Rev. 2021;3:CD004870.';
    expect(readerNote(item(editors))).toBe(editors);
  });

  it('shows no note when there is nothing left, or when it is the PubMed record EndNote copied into it', () => {
    expect(readerNote(item())).toBeUndefined();
    expect(readerNote(item('PMID: 29198932'))).toBeUndefined();
    const endnote = "1528-8447 Vickers, Andrew J Vertosick, Emily A Lewith, George Acupuncture Trialists' Collaboration Journal Article Meta-Analysis Research Support, N.I.H., Extramural United States J Pain. 2018 May;19(5):455-474. doi: 10.1016/j.jpain.2017.11.005. Epub 2017 Dec 2.";
    expect(readerNote(item(endnote))).toBeUndefined();
  });
});
