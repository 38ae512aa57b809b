import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.pagefind': 'application/octet-stream', '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream', '.pf_index': 'application/octet-stream', '.pf_filter': 'application/octet-stream',
};

export interface StaticSite {
  /** The site's root URL, including the base, ending in a slash. */
  url: string;
  /** Every file served, in order, to measure what a search downloads. */
  requests: { path: string; file: string; bytes: number }[];
  close(): Promise<void>;
}

async function resolveFile(root: string, path: string): Promise<string | undefined> {
  const candidates = [path, join(path, 'index.html'), `${path}.html`];
  for (const candidate of candidates) {
    const file = join(root, candidate);
    if (!file.startsWith(root)) return undefined;
    if ((await stat(file).catch(() => undefined))?.isFile()) return file;
  }
  return undefined;
}

/** Serves a built site from `root` under `base` on a free port of 127.0.0.1, like a static host would. */
export async function serveStatic(root: string, base = '/'): Promise<StaticSite> {
  const prefix = `/${base.replace(/^\/+|\/+$/gu, '')}`.replace(/^\/$/u, '');
  const requests: StaticSite['requests'] = [];
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = path.startsWith(`${prefix}/`) || path === prefix ? await resolveFile(normalize(root), normalize(path.slice(prefix.length) || '/')) : undefined;
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: ${path}`);
      return;
    }
    const body = await readFile(file);
    requests.push({ path, file, bytes: body.length });
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
