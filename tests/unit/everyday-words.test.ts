import { describe, expect, it } from 'vitest';
import { everydayWordsNear } from '../../src/components/search/everyday-words.ts';
import { nearestWithin } from '../../src/citations/edit-distance.ts';
import { correctionLimit, MIN_LENGTH } from '../../src/components/search/suggest.ts';
import { everydayEnglish } from '../../src/site/everyday-english.ts';

describe('everydayWordsNear', () => {
  it('lists the everyday words whose nearest site word is an everyday word too: a letter changed, added, dropped or swapped', () => {
    const site = ['talk', 'head', 'might', 'knee', 'pain', 'tumour'];
    const everyday = ['walk', 'heat', 'night', 'knew', 'kne', 'pian', 'table', 'house', 'talk', 'head', 'might', 'knee', 'pain', 'tumor'];
    // "tumor" is still read as "tumour", which is no everyday word of American English.
    expect(everydayWordsNear(site, everyday).sort()).toEqual(['heat', 'knew', 'night', 'pian', 'walk']);
  });

  it('leaves out the site\'s own words and words shorter than the page corrects', () => {
    expect(everydayWordsNear(['talk', 'tall'], ['talk', 'tal', 'tale', 'tall'])).toEqual(['tale']);
  });

  it('lists a long word two edits away, and a short one only one edit away', () => {
    expect(everydayWordsNear(['intention'], ['attention', 'intention'])).toEqual(['attention']);
    expect(everydayWordsNear(['pain'], ['rail', 'pain'])).toEqual([]);
  });

  it('lists the words the page would correct to an everyday word, and only those, as comparing each with each does', () => {
    // Site words one or two edits (swaps among them) from everyday words, and everyday words themselves.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const everyday = everydayEnglish(new URL('../../', import.meta.url)).slice(0, 3000);
    const edited = (word: string) => {
      const at = random(word.length);
      const letter = 'abcdefghijklmnopqrstuvwxyz'[random(26)]!;
      switch (random(4)) {
        case 0: return word.slice(0, at) + letter + word.slice(at + 1);
        case 1: return word.slice(0, at) + letter + word.slice(at);
        case 2: return word.slice(0, at) + word.slice(at + 1);
        default: return at + 1 < word.length ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word;
      }
    };
    const site = [...new Set(Array.from({ length: 600 }, (_, i) => {
      const word = everyday[random(everyday.length)]!;
      return i % 3 === 0 ? word : i % 3 === 1 ? edited(word) : edited(edited(word));
    }))].filter((word) => word.length >= MIN_LENGTH);
    const common = new Set(everyday);
    const expected = everyday.filter((word) => word.length >= MIN_LENGTH && !site.includes(word) && common.has(nearestWithin(word, site, correctionLimit(word)) ?? ''));
    expect(expected.length).toBeGreaterThan(50);
    expect(everydayWordsNear(site, everyday)).toEqual(expected);
  });
});
