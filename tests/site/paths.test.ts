import { describe, expect, it } from 'vitest';
import { assetFolder, filePath, pagePath } from '../../src/site/paths.ts';

describe('pagePath', () => {
  it.each([
    ['search', '/', 'always', '/search/'],
    ['search', '/', 'ignore', '/search/'],
    ['/search/', '/library/', 'never', '/library/search'],
    ['search', '/library', 'always', '/library/search/'],
    ['', '/library', 'never', '/library'],
    ['', '/', 'never', '/'],
    ['/articles/x/#cite-a-1', '/', 'always', '/articles/x/#cite-a-1'],
    ['/articles/x/#cite-a-1', '/library', 'never', '/library/articles/x#cite-a-1'],
    ['/about/#disclaimer', '/library/', 'always', '/library/about/#disclaimer'],
  ] as const)('page %s under base %s with trailingSlash %s is %s', (path, base, trailingSlash, expected) => {
    expect(pagePath(path, base, trailingSlash)).toBe(expected);
  });
});

describe('filePath and assetFolder', () => {
  it('never adds a trailing slash to a file', () => {
    expect(filePath('/references/x.bib', '/library/')).toBe('/library/references/x.bib');
    expect(filePath('/rss.xml', '/')).toBe('/rss.xml');
  });

  it('keeps the trailing slash on asset folders', () => {
    expect(assetFolder('pagefind', '/library')).toBe('/library/pagefind/');
    expect(assetFolder('pagefind', '/')).toBe('/pagefind/');
    expect(assetFolder('', '/')).toBe('/');
  });
});
