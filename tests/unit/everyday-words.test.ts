import { describe, expect, it } from 'vitest';
import { everydayWordsNear } from '../../src/components/search/everyday-words.ts';
import { nearestWithin } from '../../src/citations/edit-distance.ts';
import { correctionLimit } from '../../src/components/search/suggest.ts';

describe('everydayWordsNear', () => {
  it('lists the everyday words one correction from a site\'s word: a letter changed, added, dropped or swapped', () => {
    const site = ['talk', 'head', 'might', 'knee', 'pain'];
    expect(everydayWordsNear(site, ['walk', 'heat', 'night', 'knew', 'kne', 'pains', 'pian', 'table', 'house']).sort()).toEqual(['heat', 'knew', 'night', 'pains', 'pian', 'walk']);
  });

  it('leaves out the site\'s own words and words shorter than the page corrects', () => {
    expect(everydayWordsNear(['talk', 'tall'], ['talk', 'tal', 'tale'])).toEqual(['tale']);
  });

  it('lists a long word two edits away, and a short one only one edit away', () => {
    expect(everydayWordsNear(['intention'], ['attention'])).toEqual(['attention']);
    expect(everydayWordsNear(['pain'], ['rail'])).toEqual([]);
  });

  it('lists the everyday words the page would correct, and only those, as comparing each with each does', () => {
    const site = ['acupuncture', 'osteoarthritis', 'exercise', 'headache', 'migraine', 'tension', 'chronic', 'back', 'neck', 'knee', 'pain', 'trial', 'sham', 'needle', 'physiotherapy', 'randomised'];
    const everyday = ['attention', 'intension', 'exercises', 'exorcise', 'migrant', 'heartache', 'chronicle', 'bake', 'black', 'deck', 'knees', 'paint', 'trail', 'shame', 'needles', 'noodle', 'random', 'mention', 'pension', 'tensions', 'walk', 'house', 'water'];
    const corrected = everyday.filter((word) => !site.includes(word) && nearestWithin(word, site, correctionLimit(word)));
    expect(corrected.length).toBeGreaterThan(10);
    expect(everydayWordsNear(site, everyday)).toEqual(corrected);
  });
});
