import CSL from 'citeproc';
import { describe, expect, it } from 'vitest';

// citeproc's own, before the formatter's module replaces it (each test file has its own modules).
const citeprocLocaleLowerCase = CSL.toLocaleLowerCase;
await import('../../src/citations/formatter.ts');

const state = (...languages: string[]) => ({ tmp: { lang_array: languages } });
// Letters whose lowercase depends on something: the dotted and dotless i, final sigma, a Lithuanian
// accented I, ligatures and letters outside Latin.
const SAMPLES = ['Acupuncture IN Chronic Pain', 'İSTANBUL ISPARTA', 'ΟΔΥΣΣΕΥΣ ΣΑ', 'ÌÍĨ Į̇', 'ǅemal ǈubica', 'ДЕЙСТВИЕ', 'Straße ÆØÅ'];

describe('citeproc lowercasing', () => {
  it('is installed on the citeproc module that every engine uses', () => {
    expect(CSL.toLocaleLowerCase).not.toBe(citeprocLocaleLowerCase);
  });

  it('gives what citeproc gives for languages that lowercase like the root locale', () => {
    for (const languages of [['en-US'], ['de', 'en-GB'], ['el', 'en-US'], ['ru', 'fr-FR']]) {
      for (const text of SAMPLES) expect(CSL.toLocaleLowerCase.call(state(...languages), text)).toBe(citeprocLocaleLowerCase.call(state(...languages), text));
    }
  });

  it('keeps the language rules of Turkish, Azerbaijani and Lithuanian items', () => {
    expect(CSL.toLocaleLowerCase.call(state('tr', 'en-US'), 'ISPARTA')).toBe('ısparta');
    expect(CSL.toLocaleLowerCase.call(state('az', 'en-US'), 'İLİ')).toBe('ili');
    expect(CSL.toLocaleLowerCase.call(state('tur', 'en-US'), 'ISPARTA')).toBe('ısparta');
    expect(CSL.toLocaleLowerCase.call(state('en-US'), 'ISPARTA')).toBe('isparta');
    for (const languages of [['tr', 'en-US'], ['TR-tr'], ['lt'], ['lit', 'en-US'], ['aze', 'en-US'], ['azj']]) {
      for (const text of SAMPLES) expect(CSL.toLocaleLowerCase.call(state(...languages), text)).toBe(citeprocLocaleLowerCase.call(state(...languages), text));
    }
  });

  it('falls back to citeproc where it has no language list', () => {
    for (const text of SAMPLES) expect(CSL.toLocaleLowerCase.call({ tmp: {} }, text)).toBe(citeprocLocaleLowerCase.call({ tmp: {} }, text));
  });
});
