import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/citations/index.ts';
import { frontmatterProblems } from '../../src/site/frontmatter-check.ts';

const VALID = 'title: Yoga for back pain\ndescription: What the research says about yoga for long-term back pain.\nconditions: [chronic-low-back-pain]\ninterventions: [yoga]\nlastReviewed: 2026-11-27\n';
const problems = (text: string) => frontmatterProblems('content/articles/a.mdx', text).map(formatDiagnostic).map((message) => message.split('\n')[0]);

describe('frontmatterProblems', () => {
  it('finds nothing wrong with a complete summary, with or without a BOM, CRLF line ends or blank lines first', () => {
    expect(problems(`---\n${VALID}---\n\nText.\n`)).toEqual([]);
    expect(problems(`\uFEFF\n---\r\n${VALID.replaceAll('\n', '\r\n')}---\r\n`)).toEqual([]);
    expect(problems(`---\n${VALID}slug: yoga\nreviewers:\n  - name: Dr A\n    credentials: GP\n    disclosures: None declared\n---\n`)).toEqual([]);
  });

  it('reports every problem at its own line, nested ones included, and names a missing field', () => {
    const text = '---\ntitle: Yoga\ndescription: Short\nconditions: [Back pain]\nlastReviewed: 2026-11-27\nreviewers:\n  - name: Dr A\n    credentials: GP\nchanges:\n  - date: 2026-13-01\n    summary: First published.\n---\n';
    expect(problems(text)).toEqual([
      'content/articles/a.mdx:3:1: error: description: write one or two plain-language sentences (at least 20 characters) [invalid-frontmatter]',
      'content/articles/a.mdx:4:1: error: conditions[0]: use lower-case words joined by hyphens, e.g. chronic-low-back-pain [invalid-frontmatter]',
      'content/articles/a.mdx:2:1: error: interventions is missing [invalid-frontmatter]',
      'content/articles/a.mdx:7:1: error: reviewers[0].disclosures is missing [invalid-frontmatter]',
      'content/articles/a.mdx:10:1: error: changes[0].date: 2026-13-01 is not a date of the calendar [invalid-frontmatter]',
    ]);
  });

  it('warns about authors written [Doe, Jane], which YAML reads as two people, and not about quoted names or organisations', () => {
    expect(problems(`---\n${VALID}authors: [Doe, Jane]\n---\n`)).toEqual(['content/articles/a.mdx:7:1: warning: authors lists "Doe", "Jane", each a single word: YAML reads [Doe, Jane] as two people [invalid-frontmatter]']);
    expect(problems(`---\n${VALID}authors: ["Doe, Jane", "Smith, Ann"]\n---\n`)).toEqual([]);
    expect(problems(`---\n${VALID}authors: [Cochrane]\n---\n`)).toEqual([]);
  });

  it('takes what Astro takes: a date with a time, merge keys, TOML frontmatter (left to Astro)', () => {
    expect(problems(`---\n${VALID.replace('2026-11-27', '2026-11-27T10:00:00Z')}---\n`)).toEqual([]);
    expect(problems(`---\n${VALID.replace('lastReviewed: 2026-11-27\n', '')}dates: &dates\n  lastReviewed: 2026-11-27\n<<: *dates\n---\n`)).toEqual(['content/articles/a.mdx:6:1: warning: "dates" is not a field of a summary, so the site ignores it [unknown-frontmatter-field]']);
    expect(problems('+++\ntitle = "Yoga"\n+++\n')).toEqual([]);
  });

  it('says what an empty frontmatter lacks', () => {
    expect(problems('---\n\n---\n')).toEqual(['content/articles/a.mdx:1:1: error: The frontmatter has no fields: a summary needs title, description, conditions, interventions, lastReviewed [invalid-frontmatter]']);
  });

  it('reports a date the calendar lacks even unquoted, which YAML would roll over to another day', () => {
    expect(problems(`---\n${VALID.replace('2026-11-27', '2026-02-30')}---\n`)).toEqual(['content/articles/a.mdx:6:1: error: lastReviewed: 2026-02-30 is not a date of the calendar [invalid-frontmatter]']);
  });

  it('warns about a field summaries do not have, with the one meant', () => {
    expect(problems(`---\n${VALID}nextReveiw: 2027-11-27\nsponsor: None\n---\n`)).toEqual([
      'content/articles/a.mdx:7:1: warning: "nextReveiw" is not a field of a summary, so the site ignores it [unknown-frontmatter-field]',
      'content/articles/a.mdx:8:1: warning: "sponsor" is not a field of a summary, so the site ignores it [unknown-frontmatter-field]',
    ]);
    expect(frontmatterProblems('a.mdx', `---\n${VALID}nextReveiw: 2027-11-27\n---\n`)[0]!.hint).toBe('Did you mean nextReview?');
  });

  it('reports YAML it cannot read at its line, and a file without frontmatter', () => {
    expect(problems('---\ntitle: Yoga\ndescription: Back pain: what helps\n---\n')).toEqual([
      'content/articles/a.mdx:3:1: error: The frontmatter is not valid YAML: Nested mappings are not allowed in compact mappings [invalid-frontmatter]',
    ]);
    // YAML finds an unclosed list on the line after: the place is the line that opens it.
    const unclosed = frontmatterProblems('content/articles/a.mdx', '---\ntitle: Yoga\ndescription: What the research says about yoga for back pain.\nconditions: [chronic-low-back-pain\ninterventions: [yoga]\nlastReviewed: 2026-11-27\n---\n');
    expect(unclosed.map((d) => [d.location?.line, d.hint])).toEqual([[4, 'The [ opened on this line is not closed: a list ends on its line, as in conditions: [neck-pain, migraine].']]);
    expect(problems('# Yoga\n\nText.\n')).toEqual(['content/articles/a.mdx:1:1: error: content/articles/a.mdx does not start with frontmatter (title, description, conditions… between --- lines) [invalid-frontmatter]']);
  });
});

describe('frontmatter with control characters', () => {
  it('reports a control character in text readers see (an ESC, a NUL), at its line, which made the RSS feed unreadable', () => {
    const text = `---\n${VALID.replace('title: Yoga for back pain', 'title: "Yoga \\e]0;pwned\\a for back pain"')}authors: ["Doe\\0, Jane"]\nreviewers:\n  - name: "Dr \\x0CA"\n    credentials: GP\n    disclosures: None declared\n---\n`;
    expect(problems(text)).toEqual([
      "content/articles/a.mdx:2:1: error: title: delete the control character U+001B, which readers cannot see and which the site's feed cannot hold (it is often pasted with the text) [invalid-frontmatter]",
      "content/articles/a.mdx:7:1: error: authors[0]: delete the control character U+0000, which readers cannot see and which the site's feed cannot hold (it is often pasted with the text) [invalid-frontmatter]",
      "content/articles/a.mdx:9:1: error: reviewers[0].name: delete the control character U+000C, which readers cannot see and which the site's feed cannot hold (it is often pasted with the text) [invalid-frontmatter]",
    ]);
    expect(problems(`---\n${VALID.replace('title: Yoga for back pain', 'title: "Yoga\\tfor back pain \\u202Bنص\\u202C"')}---\n`)).toEqual([]);
  });
});
