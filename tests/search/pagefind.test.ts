import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AstroIntegrationLogger } from 'astro';

const pagefind = vi.hoisted(() => ({
  createIndex: vi.fn(),
  close: vi.fn(async () => null),
  addDirectory: vi.fn(),
  writeFiles: vi.fn(),
}));

vi.mock('pagefind', () => ({
  createIndex: pagefind.createIndex,
  close: pagefind.close,
}));

const { buildSearchIndex } = await import('../../src/integration/pagefind.ts');

const dir = new URL('file:///tmp/site/dist/');
const logger = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() }) as unknown as AstroIntegrationLogger & { info: ReturnType<typeof vi.fn>; warn: ReturnType<typeof vi.fn> };

beforeEach(() => {
  vi.clearAllMocks();
  pagefind.createIndex.mockResolvedValue({ errors: [], index: { addDirectory: pagefind.addDirectory, writeFiles: pagefind.writeFiles } });
  pagefind.addDirectory.mockResolvedValue({ errors: [], page_count: 12 });
  pagefind.writeFiles.mockResolvedValue({ errors: [], outputPath: '/tmp/site/dist/pagefind' });
});

describe('buildSearchIndex', () => {
  it('indexes the directory Astro built and writes the bundle to its pagefind/ folder', async () => {
    const log = logger();
    await buildSearchIndex(dir, log);
    expect(pagefind.addDirectory).toHaveBeenCalledWith({ path: '/tmp/site/dist/' });
    expect(pagefind.writeFiles).toHaveBeenCalledWith({ outputPath: '/tmp/site/dist/pagefind/' });
    expect(pagefind.close).toHaveBeenCalledTimes(1);
    expect(log.info.mock.calls[0]?.[0]).toMatch(/12 HTML files/u);
  });

  it.each([
    ['createIndex', () => pagefind.createIndex.mockResolvedValue({ errors: ['could not start'], index: undefined }), /could not start:\n {2}could not start/u],
    ['addDirectory', () => pagefind.addDirectory.mockResolvedValue({ errors: ['Failed to parse articles/x/index.html'], page_count: 0 }), /index the HTML files in \/tmp\/site\/dist\/:\n {2}Failed to parse articles\/x\/index\.html/u],
    ['writeFiles', () => pagefind.writeFiles.mockResolvedValue({ errors: ['disk full'], outputPath: '' }), /write the search bundle to \/tmp\/site\/dist\/pagefind\/:\n {2}disk full/u],
  ])('fails the build when %s reports errors, and still closes Pagefind', async (_step, arrange, message) => {
    arrange();
    await expect(buildSearchIndex(dir, logger())).rejects.toThrow(message);
    expect(pagefind.close).toHaveBeenCalledTimes(1);
  });

  it('stops before writing anything when indexing fails', async () => {
    pagefind.addDirectory.mockResolvedValue({ errors: ['bad page'], page_count: 0 });
    await expect(buildSearchIndex(dir, logger())).rejects.toThrow(/bad page/u);
    expect(pagefind.writeFiles).not.toHaveBeenCalled();
  });

  it('closes Pagefind when a call throws instead of answering', async () => {
    pagefind.writeFiles.mockRejectedValue(new Error('service crashed'));
    await expect(buildSearchIndex(dir, logger())).rejects.toThrow('service crashed');
    expect(pagefind.close).toHaveBeenCalledTimes(1);
  });

  it('fails when Pagefind starts without an index', async () => {
    pagefind.createIndex.mockResolvedValue({ errors: [] });
    await expect(buildSearchIndex(dir, logger())).rejects.toThrow(/returned no index/u);
    expect(pagefind.close).toHaveBeenCalledTimes(1);
  });

  it('warns when the site has no pages to index', async () => {
    pagefind.addDirectory.mockResolvedValue({ errors: [], page_count: 0 });
    const log = logger();
    await buildSearchIndex(dir, log);
    expect(log.warn.mock.calls[0]?.[0]).toMatch(/no HTML pages/u);
  });
});
