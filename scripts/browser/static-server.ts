import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml',
  '.xml': 'application/xml', '.json': 'application/json', '.bib': 'application/x-bibtex', '.ris': 'application/x-research-info-systems',
};

export interface StaticSite {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  origin: string;
  /** The site's root URL, including the base, ending in a slash. */
  url: string;
  /** Every file served, in order, to measure what a search downloads. */
  requests: { path: string; file: string; bytes: number }[];
  close(): Promise<void>;
}

async function resolveFile(root: string, path: string): Promise<string | undefined> {
  for (const candidate of [path, join(path, 'index.html'), `${path}.html`]) {
    const file = join(root, candidate);
    if (!file.startsWith(root)) return undefined;
    if ((await stat(file).catch(() => undefined))?.isFile()) return file;
  }
  return undefined;
}

/**
 * Serves a built site from `root` under `base` on a free port of 127.0.0.1, as a static host would:
 * `dir/` is `dir/index.html`, and a missing file gets the site's 404.html with status 404.
 */
export async function serveStatic(root: string, base = '/'): Promise<StaticSite> {
  const prefix = `/${base.replace(/^\/+|\/+$/gu, '')}`.replace(/^\/$/u, '');
  const requests: StaticSite['requests'] = [];
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = path.startsWith(`${prefix}/`) || path === prefix ? await resolveFile(normalize(root), normalize(path.slice(prefix.length) || '/')) : undefined;
    if (!file) {
      const notFound = await readFile(join(root, '404.html')).catch(() => `Not found: ${path}`);
      response.writeHead(404, { 'content-type': TYPES['.html']! }).end(notFound);
      return;
    }
    const body = await readFile(file);
    requests.push({ path, file, bytes: body.length });
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: `${origin}${prefix}/`,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
