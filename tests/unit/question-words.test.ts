import { describe, expect, it } from 'vitest';
import { withoutQuestionWords } from '../../src/components/search/question-words.ts';

describe('withoutQuestionWords', () => {
  it.each([
    ['best treatment for knee osteoarthritis', 'treatment for knee osteoarthritis'],
    ['Is yoga GOOD for knees?', 'Is yoga for knees?'],
    ['what works for migraine', 'for migraine'],
    ['is acupuncture safe?', 'is acupuncture'],
    ['does acupuncture work for back pain?', 'acupuncture work for back pain?'],
    ['acupuncture for my mum’s knee', 'acupuncture for knee'],
    ['what helps my husbands back pain', 'back pain'],
    ["I'm in pain", 'in pain'],
  ])('reads %s as %s', (query, rest) => {
    expect(withoutQuestionWords(query)).toBe(rest);
  });

  it.each(['return to work', 'is acupuncture', 'chronic pain in children', 'herbs', 'knee osteoarthritis', 'what works best', '"best practice"', 'goodness', ''])('leaves "%s" alone', (query) => {
    expect(withoutQuestionWords(query)).toBeUndefined();
  });
});
