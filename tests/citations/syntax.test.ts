import { describe, expect, it } from 'vitest';
import { parseCitations } from '../../src/citations/syntax.ts';

/** The citations in a text, reduced to what an author wrote: mode, keys and their locators/affixes. */
function cites(text: string) {
  return parseCitations(text).map((cluster) => ({
    mode: cluster.mode,
    text: text.slice(cluster.start, cluster.end),
    items: cluster.items.map(({ key, prefix, suffix, label, locator, suppressAuthor, possessive }) => ({
      key,
      ...(prefix ? { prefix } : {}),
      ...(suffix ? { suffix } : {}),
      ...(label ? { label, locator } : {}),
      ...(suppressAuthor ? { suppressAuthor } : {}),
      ...(possessive ? { possessive } : {}),
    })),
  }));
}

describe('parseCitations', () => {
  it.each([
    ['one key', 'Pain fell [@vickers2018].', [{ mode: 'bracketed', text: '[@vickers2018]', items: [{ key: 'vickers2018' }] }]],
    ['a cluster', 'x [@a; @b;@c] y', [{ mode: 'bracketed', text: '[@a; @b;@c]', items: [{ key: 'a' }, { key: 'b' }, { key: 'c' }] }]],
    ['a DOI with parentheses (Lancet, Wiley SICI)', 'See [@doi:10.1016/S0140-6736(20)30183-5] and @doi:10.1002/(SICI)1097-4679(199711)53:7.', [
      { mode: 'bracketed', text: '[@doi:10.1016/S0140-6736(20)30183-5]', items: [{ key: 'doi:10.1016/S0140-6736(20)30183-5' }] },
      { mode: 'narrative', text: '@doi:10.1002/(SICI)1097-4679(199711)53:7', items: [{ key: 'doi:10.1002/(SICI)1097-4679(199711)53:7' }] },
    ]],
    ['clusters side by side, as one', 'Trials [@a][@b, p. 3] and [@c] [@d] but [@e], [@f].', [
      { mode: 'bracketed', text: '[@a][@b, p. 3]', items: [{ key: 'a' }, { key: 'b', label: 'page', locator: '3' }] },
      { mode: 'bracketed', text: '[@c] [@d]', items: [{ key: 'c' }, { key: 'd' }] },
      { mode: 'bracketed', text: '[@e]', items: [{ key: 'e' }] },
      { mode: 'bracketed', text: '[@f]', items: [{ key: 'f' }] },
    ]],
    ['a key with runs of punctuation (NASA ADS)', 'As [@2019ApJ...871...12S].', [{ mode: 'bracketed', text: '[@2019ApJ...871...12S]', items: [{ key: '2019ApJ...871...12S' }] }]],
    ['a key whose dots smartypants made an ellipsis', 'As [@2019ApJ…871…12S] and @2019ApJ…871…12S said.', [
      { mode: 'bracketed', text: '[@2019ApJ…871…12S]', items: [{ key: '2019ApJ...871...12S' }] },
      { mode: 'narrative', text: '@2019ApJ…871…12S', items: [{ key: '2019ApJ...871...12S' }] },
    ]],
    ['a key whose double hyphen smartypants made a dash', 'See [@who—2020].', [{ mode: 'bracketed', text: '[@who—2020]', items: [{ key: 'who--2020' }] }]],
    ['a key with a zero-width space pasted into it', 'See [@smith\u200B2020] and @smith\u00AD2020.', [
      { mode: 'bracketed', text: '[@smith\u200B2020]', items: [{ key: 'smith2020' }] },
      { mode: 'narrative', text: '@smith\u00AD2020', items: [{ key: 'smith2020' }] },
    ]],
    ['a narrative key in parentheses', 'A trial (@smith2020) and @smith2020 (2020).', [
      { mode: 'narrative', text: '@smith2020', items: [{ key: 'smith2020' }] },
      { mode: 'narrative', text: '@smith2020', items: [{ key: 'smith2020' }] },
    ]],
    ['page locator', '[@key, p. 33]', [{ mode: 'bracketed', text: '[@key, p. 33]', items: [{ key: 'key', label: 'page', locator: '33' }] }]],
    ['range with a hyphen', '[@key, pp. 33-35]', [{ mode: 'bracketed', text: '[@key, pp. 33-35]', items: [{ key: 'key', label: 'page', locator: '33-35' }] }]],
    ['range with an en dash', '[@key, p. 33–35]', [{ mode: 'bracketed', text: '[@key, p. 33–35]', items: [{ key: 'key', label: 'page', locator: '33-35' }] }]],
    ['range with the em dash smartypants makes of --', '[@key, p. 33—35]', [{ mode: 'bracketed', text: '[@key, p. 33—35]', items: [{ key: 'key', label: 'page', locator: '33-35' }] }]],
    ['dotted section number', '[@key, sec. 1.2.3]', [{ mode: 'bracketed', text: '[@key, sec. 1.2.3]', items: [{ key: 'key', label: 'section', locator: '1.2.3' }] }]],
    ['bare number is a page', '[@key, 12]', [{ mode: 'bracketed', text: '[@key, 12]', items: [{ key: 'key', label: 'page', locator: '12' }] }]],
    ['prefix and figure locator', '[see @key, fig. 2]', [{ mode: 'bracketed', text: '[see @key, fig. 2]', items: [{ key: 'key', prefix: 'see', label: 'figure', locator: '2' }] }]],
    ['locator then suffix', '[@key, chap. 3, emphasis added]', [{ mode: 'bracketed', text: '[@key, chap. 3, emphasis added]', items: [{ key: 'key', suffix: 'emphasis added', label: 'chapter', locator: '3' }] }]],
    ['free suffix', '[@key, and references therein]', [{ mode: 'bracketed', text: '[@key, and references therein]', items: [{ key: 'key', suffix: 'and references therein' }] }]],
    ['suppress author', 'Smith says [-@smith04].', [{ mode: 'bracketed', text: '[-@smith04]', items: [{ key: 'smith04', suppressAuthor: true }] }]],
    ['narrative', '@cherkin2009 found that', [{ mode: 'narrative', text: '@cherkin2009', items: [{ key: 'cherkin2009' }] }]],
    ['narrative with locator', '@smith04 [p. 33] says', [{ mode: 'narrative', text: '@smith04 [p. 33]', items: [{ key: 'smith04', label: 'page', locator: '33' }] }]],
    ['narrative at the end of a sentence', 'as shown by @smith04.', [{ mode: 'narrative', text: '@smith04', items: [{ key: 'smith04' }] }]],
    ['DOI key with : . /', '[@doi:10.1016/j.jpain.2017.11.005]', [{ mode: 'bracketed', text: '[@doi:10.1016/j.jpain.2017.11.005]', items: [{ key: 'doi:10.1016/j.jpain.2017.11.005' }] }]],
    ['PMID key', '[@pmid:29198932; @pmcid:PMC5927830]', [{ mode: 'bracketed', text: '[@pmid:29198932; @pmcid:PMC5927830]', items: [{ key: 'pmid:29198932' }, { key: 'pmcid:PMC5927830' }] }]],
    ['DOI key before a full stop', 'see @doi:10.1002/14651858.CD001218.pub3.', [{ mode: 'narrative', text: '@doi:10.1002/14651858.CD001218.pub3', items: [{ key: 'doi:10.1002/14651858.CD001218.pub3' }] }]],
    ['mixed narrative and bracketed', '@a and @b agree [@c; @d, p. 4].', [
      { mode: 'narrative', text: '@a', items: [{ key: 'a' }] },
      { mode: 'narrative', text: '@b', items: [{ key: 'b' }] },
      { mode: 'bracketed', text: '[@c; @d, p. 4]', items: [{ key: 'c' }, { key: 'd', label: 'page', locator: '4' }] },
    ]],
  ])('%s', (_name, text, expected) => {
    expect(cites(text)).toEqual(expected);
  });

  it.each([
    ['an e-mail address', 'write to editor@example.org today'],
    ['an e-mail address in brackets', 'contact [editor@example.org]'],
    ['brackets without a key', 'a [note] here'],
    ['a lone at-sign', 'meet @ noon'],
  ])('leaves %s alone', (_name, text) => {
    expect(parseCitations(text)).toEqual([]);
  });

  it.each([
    ['a possessive, straight', "@smith2020's trial", [{ mode: 'narrative', text: "@smith2020's", items: [{ key: 'smith2020', possessive: true }] }]],
    ['a possessive curled by smartypants', '@smith2020’s trial', [{ mode: 'narrative', text: '@smith2020’s', items: [{ key: 'smith2020', possessive: true }] }]],
    ['an apostrophe key', "see @o'brien2020.", [{ mode: 'narrative', text: "@o'brien2020", items: [{ key: "o'brien2020" }] }]],
    ['an apostrophe key curled by smartypants', '[@o’brien2020, p. 3]', [{ mode: 'bracketed', text: '[@o’brien2020, p. 3]', items: [{ key: "o'brien2020", label: 'page', locator: '3' }] }]],
    ['the possessive of an apostrophe key', '@o’brien2020’s trial', [{ mode: 'narrative', text: '@o’brien2020’s', items: [{ key: "o'brien2020", possessive: true }] }]],
    ['a possessive in brackets', "[@smith2020's data]", [{ mode: 'bracketed', text: "[@smith2020's data]", items: [{ key: 'smith2020', suffix: "'s data" }] }]],
  ])('reads %s', (_name, text, expected) => {
    expect(cites(text)).toEqual(expected);
  });

  it("keeps a trailing 's that the library's key has, and never cuts a key short at an apostrophe", () => {
    const library = new Set(["o's", 'o']);
    const keys = (text: string) => parseCitations(text, (key) => library.has(key)).flatMap((cluster) => cluster.items.map((item) => item.key));
    expect(keys('@o’s study and @o’brian2020')).toEqual(["o's", "o'brian2020"]);
    expect(keys("@o's study")).toEqual(["o's"]);
  });

  it('ends a known key at a dash or ellipsis that follows it, and keeps the rest as text', () => {
    const library = new Set(['smith2020', 'who--2020']);
    const clusters = (text: string) => parseCitations(text, (key) => library.has(key)).map((cluster) => [text.slice(cluster.start, cluster.end), cluster.items[0]!.key]);
    expect(clusters('@smith2020—a trial—and @who—2020 agreed')).toEqual([['@smith2020', 'smith2020'], ['@who—2020', 'who--2020']]);
    expect(clusters('@smith2020…and more')).toEqual([['@smith2020', 'smith2020']]);
  });

  it('reports the offset of each @ so errors can point at the key', () => {
    const text = 'a [see @one; @two] b';
    const offsets = parseCitations(text)[0]!.items.map((item) => item.offset);
    expect(offsets.map((offset) => text.slice(offset, offset + 4))).toEqual(['@one', '@two']);
  });
});
