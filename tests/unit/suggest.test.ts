import { describe, expect, it } from 'vitest';
import { correctedQuery, gluedWords, misspellings, notIndexed, searchVocabulary, strayMatch, suggestQuery, unknownWords } from '../../src/components/search/suggest.ts';

const vocabulary = searchVocabulary([
  'Acupuncture for chronic pain',
  'Acupuncture for knee osteoarthritis',
  'Exercise for knee osteoarthritis',
  'Migraine',
  'Tension-type headache',
  'Chronic low back pain: lumbago, backache',
  'Non-drug treatments for chronic low back pain',
  'Painkillers for headaches',
]);

describe('searchVocabulary', () => {
  it('keeps each word of four letters or more once, lower case, most frequent first', () => {
    expect(vocabulary.slice(0, 4)).toEqual(['chronic', 'pain', 'acupuncture', 'back']);
    expect(vocabulary).toContain('tension-type');
    expect(vocabulary).not.toContain('for');
    expect(new Set(vocabulary).size).toBe(vocabulary.length);
  });
});

describe('suggestQuery', () => {
  it.each([
    ['acupunture', 'acupuncture'],
    ['Accupuncture knee', 'acupuncture knee'],
    ['osteoarthritus', 'osteoarthritis'],
    ['migrane', 'migraine'],
    ['exrecise for knee', 'exercise for knee'],
    ['chronc backache', 'chronic backache'],
    ['Knee  osteoarthritus?', 'Knee  osteoarthritis?'],
    ['pain killers for back', 'painkillers for back'],
    ['Head aches', 'headaches'],
    ['migrane head  aches', 'migraine headaches'],
    ['backpain', 'back pain'],
    ['back hurts', 'back pain'],
    ['Does acupuncture HURT?', 'Does acupuncture pain?'],
    ['achy knee', 'pain knee'],
    ['Kneepain acupuncture', 'knee pain acupuncture'],
    ['kneeosteoarthritis', 'knee osteoarthritis'],
  ])('corrects %s to %s', (query, suggestion) => {
    expect(suggestQuery(query, vocabulary)).toBe(suggestion);
  });

  it.each([
    ['knee pain', 'every word is known'],
    ['osteo', 'Pagefind finds words that begin so'],
    ['treatment pains', 'Pagefind finds words with these endings'],
    ['lbp', 'short words are left alone'],
    ['zzzzzzzz', 'no word is near'],
    ['https://doi.org/10.1016/j.jpain.2017.11.005', 'a link is no words'],
    ['jpain 2017', 'numbers make it an identifier or a citation'],
    ['', 'nothing was typed'],
  ])('suggests nothing for "%s": %s', (query) => {
    expect(suggestQuery(query, vocabulary)).toBeUndefined();
  });

  it('reads a typed apostrophe as the typographic one the site writes, and leaves long pasted text alone', () => {
    expect(suggestQuery("crohn's disease", searchVocabulary(['Crohn’s disease']))).toBeUndefined();
    expect(suggestQuery(`${'acupunture '.repeat(13)}`, vocabulary)).toBeUndefined();
    expect(searchVocabulary(['Trial 2018 of 20mg doses'])).toEqual(['doses', 'trial']);
  });

  it('splits a word typed without spaces into as few of the site\'s words as make it, and no fewer than whole words', () => {
    const known = new Set(['back', 'pain', 'backpain', 'lower', 'knee']);
    expect(gluedWords('lowerbackpain', known)).toEqual(['lower', 'backpain']);
    expect(gluedWords('kneepain', known)).toEqual(['knee', 'pain']);
    expect(gluedWords('kneepains', known)).toBeUndefined();
    expect(gluedWords('kneebacklowerpain', known)).toBeUndefined();
  });

  it('reads a patient\'s word for a symptom, or a clinician\'s shorthand, as the page\'s only where the site has that word', () => {
    expect(suggestQuery('it hurts', searchVocabulary(['Migraine headache']))).toBeUndefined();
    expect(suggestQuery('it hurts', searchVocabulary(['Migraine pain']))).toBe('it pain');
    expect(suggestQuery('RCT acupuncture', searchVocabulary(['A randomised trial of acupuncture']))).toBe('randomised acupuncture');
    expect(suggestQuery('RCTs', searchVocabulary(['Trial of acupuncture']))).toBe('trial');
    expect(suggestQuery('pilates for back pain', searchVocabulary(['Exercises for back pain']))).toBe('exercises for back pain');
    expect(suggestQuery('meds', searchVocabulary(['Medicines and drugs']))).toBe('medicines');
    expect(suggestQuery('RCT', searchVocabulary(['Acupuncture']))).toBeUndefined();
  });

  it('leaves an everyday word as typed, unless the site has a form of it', () => {
    const site = searchVocabulary(['Talking therapies might help neck pain in pregnant women']);
    const everyday = new Set(['walking', 'night', 'pregnancy']);
    expect(suggestQuery('neck pain at night', site)).toBe('neck pain at might');
    expect(suggestQuery('neck pain at night', site, everyday)).toBeUndefined();
    expect(suggestQuery('pain when walking', site)).toBe('pain when talking');
    expect(suggestQuery('pain when walking', site, everyday)).toBeUndefined();
    expect(suggestQuery('acupuncture in pregnancy', site, everyday)).toBe('acupuncture in pregnant');
  });

  it('leaves a compound of the site\'s words, or of short words, as typed', () => {
    const site = searchVocabulary(['Neck pain and back pain']);
    expect(suggestQuery('back-pain', site)).toBeUndefined();
    expect(suggestQuery('x-ray of the neck', site)).toBeUndefined();
    // A part no word of the site is, nor a form of one, leaves the compound unknown.
    expect(unknownWords('back-pian', site)).toEqual(['back-pian']);
  });

  it('prefers the more frequent of two equally near words', () => {
    expect(suggestQuery('carr', ['card', 'care'])).toBe('card');
    expect(suggestQuery('carr', ['care', 'card'])).toBe('care');
  });
});

describe('notIndexed', () => {
  it('keeps only the misspellings that no page holds as typed', async () => {
    // "Stannard", an author of a source, is one letter from "standard" in the summaries' words.
    const found = misspellings('Stannard acupunture', ['standard', 'acupuncture']);
    expect(found).toEqual(new Map([['stannard', 'standard'], ['acupunture', 'acupuncture']]));
    const pages: Record<string, number> = { stannard: 1 };
    const absent = await notIndexed([...found.keys()], async (word) => pages[word] ?? 0);
    expect(absent).toEqual(['acupunture']);
    const misspelt = new Map([...found].filter(([word]) => absent.includes(word)));
    expect(correctedQuery('Stannard acupunture', misspelt)).toBe('Stannard acupuncture');
    expect(correctedQuery('Stannard', misspelt)).toBeUndefined();
  });
});

describe('unknownWords', () => {
  it('lists the words of four letters or more that the vocabulary does not know, nor a form of one, each once', () => {
    expect(unknownWords('Orthopaedic surgeon for knee pains, orthopaedic', vocabulary)).toEqual(['orthopaedic', 'surgeon']);
    expect(unknownWords('doi:10.1/x asdfgh', vocabulary)).toEqual([]);
  });

  // A question's own words ("good", "best") held by no page made the whole question a phrase that found nothing.
  it('leaves out the words that only make a search a question', () => {
    expect(unknownWords('Is yoga GOOD for back pain? What works best, really?', vocabulary)).toEqual(['yoga']);
    expect(misspellings('does acupuncture help, is it safe', vocabulary)).toEqual(new Map());
  });
});

describe('strayMatch', () => {
  it.each([
    ['asdfgh', ['as'], true],
    ['orthopaedic', ['or', 'Or'], true],
    ['whiplash', ['why.'], true],
    ['heart', [], true],
    ['randomised', ['randomized'], false],
    ['acupuncturist', ['Acupuncture'], false],
    ['rehab', ['rehabilitation'], false],
  ])('%s matched by %j is stray: %s', (word, marked, stray) => {
    expect(strayMatch(word, marked)).toBe(stray);
  });
});
