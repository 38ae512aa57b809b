import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (request: IncomingMessage, response: ServerResponse, attempt: number) => void;

/** A local stand-in for doi.org and NCBI on 127.0.0.1 and a free port: routes by path (query included), logs each request. */
export async function startRegistry(routes: Record<string, Route>) {
  const requests: { url: string; headers: IncomingMessage['headers']; at: number }[] = [];
  const attempts = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((request, response) => {
    const url = request.url ?? '';
    requests.push({ url, headers: request.headers, at: performance.now() });
    const attempt = (attempts.get(url) ?? 0) + 1;
    attempts.set(url, attempt);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    response.on('close', () => inFlight--);
    const route = routes[url] ?? routes[url.split('?')[0]!];
    if (route) route(request, response, attempt);
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('Resource not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    requests,
    maxInFlight: () => maxInFlight,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Route => (_request, response) => {
  response.writeHead(status, { 'content-type': 'application/vnd.citationstyles.csl+json', ...headers }).end(typeof body === 'string' ? body : JSON.stringify(body));
};
