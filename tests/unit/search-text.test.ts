import { describe, expect, it } from 'vitest';
import { searchText } from '../../src/site/search-text.ts';

describe('searchText', () => {
  it('gives names without initials, family names as written, the journal without single letters, an article number and the year', () => {
    expect(searchText({
      id: 'x', type: 'article-journal', title: 'T',
      author: [{ family: 'Vickers', given: 'Andrew J.' }, { family: 'Li', given: 'X' }, { family: 'Tulder', given: 'M. W.', 'non-dropping-particle': 'van' }, { literal: 'Acupuncture Trialists\' Collaboration' }],
      'container-title-short': 'J Pain', page: 'CD001218', issued: { 'date-parts': [[2018, 5]] },
    })).toBe('Andrew Vickers · Li · van Tulder · Acupuncture Trialists\' Collaboration · Pain · CD001218 · 2018');
  });
});
