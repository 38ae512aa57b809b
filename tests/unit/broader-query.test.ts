import { describe, expect, it } from 'vitest';
import { broaderQuery, standsInFor, withoutEtAl } from '../../src/components/search/broader-query.ts';

// Pages as the words they hold; a query finds the pages that hold every one of its words, as Pagefind does.
const PAGES = [
  ['acupuncture', 'for', 'chronic', 'pain', 'can', 'help', 'knee', 'back', 'is'],
  ['exercise', 'for', 'knee', 'osteoarthritis', 'arthritis', 'is', 'can'],
  ['acupuncture', 'trial', 'knee', 'pain', 'is', 'for'],
  ['knee', 'pain', 'in', 'the'],
];
const searched: string[] = [];
async function count(query: string): Promise<number> {
  searched.push(query);
  const words = query.split(' ');
  return PAGES.filter((page) => words.every((word) => page.includes(word))).length;
}

describe('broaderQuery', () => {
  it('drops the rarest words first until the rest finds pages', async () => {
    expect(await broaderQuery('can acupuncture help my knee', count)).toEqual({ query: 'acupuncture help knee', dropped: ['my'], results: 1 });
    expect(await broaderQuery('is exercise good for knee arthritis', count)).toEqual({ query: 'exercise knee arthritis', dropped: ['good'], results: 1 });
    expect(await broaderQuery('acupuncture side effects', count)).toEqual({ query: 'acupuncture', dropped: ['side', 'effects'], results: 2 });
  });

  it('leaves out every word no page holds at once, repeats and bare punctuation counted once or not at all', async () => {
    searched.length = 0;
    expect(await broaderQuery('knee my My pain ? spaceship', count)).toEqual({ query: 'knee pain', dropped: ['my', 'spaceship'], results: 3 });
    expect(searched).toEqual(['knee', 'my', 'pain', 'spaceship', 'knee pain']);
  });

  it('gives up when no word finds anything, and leaves one-word, quoted and pasted queries alone', async () => {
    expect(await broaderQuery('zebra unicorn', count)).toBeUndefined();
    searched.length = 0;
    for (const query of ['knee', '"knee pain" my', 'a b c d e f g h i']) expect(await broaderQuery(query, count)).toBeUndefined();
    expect(searched).toEqual([]);
  });

  it('asks for each word once and for each shorter query once', async () => {
    searched.length = 0;
    await broaderQuery('can acupuncture help my knee', count);
    expect(searched).toEqual(['can', 'acupuncture', 'help', 'my', 'knee', 'can acupuncture help knee', 'acupuncture help knee']);
  });

  it('offers the shorter query without the words that only joined the dropped ones', async () => {
    // "in the" stayed: "knee pain in the" found fewer pages than "knee pain", and read as a broken sentence.
    expect(await broaderQuery('knee pain in the morning', count)).toEqual({ query: 'knee pain', dropped: ['morning'], results: 3 });
    expect(await broaderQuery('for the spaceship', count)).toBeUndefined();
  });
});

describe('withoutEtAl', () => {
  it.each([
    ['Vickers et al 2018', 'Vickers 2018'],
    ['Vickers et al. 2018', 'Vickers 2018'],
    ['Vickers et al., JAMA 2012', 'Vickers JAMA 2012'],
    ['Cherkin ET AL', 'Cherkin'],
  ])('reads %s as %s', (query, rest) => {
    expect(withoutEtAl(query)).toBe(rest);
  });

  it.each(['Vickers 2018', 'et al', 'Metal 2018', 'fet alone'])('leaves "%s" alone', (query) => {
    expect(withoutEtAl(query)).toBeUndefined();
  });
});

describe('broaderQuery alternatives', () => {
  it('offers each other word pages hold alone when one word is left', async () => {
    // "trial" and "arthritis" are each on pages, never together.
    expect(await broaderQuery('trial for arthritis', count)).toEqual({
      query: 'arthritis', dropped: ['trial'], results: 1,
      alternatives: [{ query: 'trial', dropped: ['arthritis'], results: 1 }],
    });
  });

  it('offers none for a word no page holds, nor when two words are left', async () => {
    expect((await broaderQuery('knee spaceship', count))?.alternatives).toBeUndefined();
    expect((await broaderQuery('knee pain in the morning', count))?.alternatives).toBeUndefined();
  });
});

describe('standsInFor', () => {
  it('stands in for the query typed when two words that carry meaning are left, or only joining words were left out', () => {
    expect(standsInFor({ query: 'stiff knees', dropped: ['morning'], results: 3 })).toBe(true);
    expect(standsInFor({ query: 'headache day', dropped: ['every'], results: 2 })).toBe(true);
    expect(standsInFor({ query: 'pain', dropped: ['the'], results: 9 })).toBe(true);
  });

  it('is only offered when one word is left of what was asked', () => {
    expect(standsInFor({ query: 'attack', dropped: ['heart'], results: 1 })).toBe(false);
    expect(standsInFor({ query: 'pressure', dropped: ['high', 'blood'], results: 1 })).toBe(false);
    // Joining words left in do not count.
    expect(standsInFor({ query: 'pain in the', dropped: ['morning'], results: 1 })).toBe(false);
    expect(standsInFor({ query: 'over painkillers', dropped: ['counter'], results: 2 })).toBe(false);
  });
});
