/** What a registry answered: status, body text and content type. 4xx answers are returned, not thrown. */
export interface HttpAnswer {
  status: number;
  body: string;
  contentType: string;
  url: string;
}

export interface HttpOptions {
  accept: string;
  userAgent: string;
  timeoutMs: number;
  /** How many times a failed request (timeout, network error, 429, 5xx) is tried again. */
  retries: number;
  backoffMs: number;
  maxRetryAfterMs: number;
  /**
   * Origins that could not be reached in this run, after every retry, with why: a request to one fails
   * at once. Offline, `add --missing` had retried each of 45 identifiers for 15 s, four minutes in all.
   */
  unreachable?: Map<string, string>;
}

/** A request that failed for good, after its retries; the message says why and what to try. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
}

// One record's CSL-JSON is a few kilobytes, and PubMed's XML for one article well under a megabyte: a
// larger answer is not metadata, and reading it whole took gigabytes of memory and minutes.
export const MAX_ANSWER_BYTES = 5 * 1024 * 1024;

/** The body as text, or a FetchError as soon as it grows past MAX_ANSWER_BYTES. */
async function readLimited(response: Response, url: string): Promise<string> {
  const tooLarge = () => new FetchError(`${url} sent more than ${MAX_ANSWER_BYTES / 1024 / 1024} MB, which is no single record's metadata: nothing was stored. Check the identifier and the registry's address (doiBaseUrl, ncbiBaseUrl, eutilsBaseUrl in refs.config.json).`);
  if (Number(response.headers.get('content-length')) > MAX_ANSWER_BYTES) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    // Leaving the loop by the throw cancels the stream: nothing more is downloaded.
    if (size > MAX_ANSWER_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retry-After in milliseconds: either delta-seconds or an HTTP date. */
function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * GET with a timeout per attempt, exponential backoff on timeouts, network errors and 5xx, and
 * Retry-After honoured on 429 and 503. Redirects are followed (doi.org redirects to the registrar). An
 * answer larger than MAX_ANSWER_BYTES fails at once, without a retry.
 */
export async function httpGet(url: string, options: HttpOptions): Promise<HttpAnswer> {
  const origin = URL.canParse(url) ? new URL(url).origin : url;
  const earlier = options.unreachable?.get(origin);
  if (earlier) throw new FetchError(`${url} was not tried: ${origin} could not be reached a moment ago (${earlier}); ${UNREACHABLE}`);
  let failure = '';
  let advice = '';
  let unreachable: string | undefined;
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    let wait = options.backoffMs * 2 ** attempt;
    try {
      const response = await fetch(url, {
        headers: { accept: options.accept, 'user-agent': options.userAgent },
        redirect: 'follow',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      unreachable = undefined;
      const body = await readLimited(response, url);
      const answer = { status: response.status, body, contentType: response.headers.get('content-type') ?? '', url: response.url || url };
      if (response.status !== 429 && response.status < 500) return answer;
      failure = `${url} answered HTTP ${response.status}`;
      advice = adviceFor(response.status);
      const asked = response.status === 429 || response.status === 503 ? retryAfter(response.headers.get('retry-after')) : undefined;
      if (asked !== undefined) {
        if (asked > options.maxRetryAfterMs) throw new FetchError(`${url} asked to wait ${Math.round(asked / 1000)} s (Retry-After), more than the ${Math.round(options.maxRetryAfterMs / 1000)} s allowed; try again later.`);
        wait = Math.max(wait, asked);
      }
    } catch (error) {
      if (error instanceof FetchError) throw error;
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      const reason = error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : String(error);
      failure = timedOut ? `${url} did not answer within ${options.timeoutMs} ms` : `${url} could not be reached (${reason})`;
      advice = timedOut ? SLOW : /redirect/iu.test(reason) ? REDIRECTS : UNREACHABLE;
      unreachable = advice === UNREACHABLE ? reason : undefined;
    }
    if (attempt < options.retries) await sleep(wait);
  }
  if (unreachable) options.unreachable?.set(origin, unreachable);
  throw new FetchError(`${failure}, ${options.retries + 1} attempt(s); ${advice}`);
}

const SETTINGS = 'references/refs.config.json';
const SLOW = `try again later, or allow more time (timeoutMs in ${SETTINGS}).`;
const UNREACHABLE = `check the connection, and the base URLs if ${SETTINGS} sets any (doiBaseUrl, ncbiBaseUrl, eutilsBaseUrl).`;
const REDIRECTS = `the address redirects in a loop: check the base URLs if ${SETTINGS} sets any (doiBaseUrl, ncbiBaseUrl, eutilsBaseUrl).`;

/** What to do about a registry's refusal that lasted through every retry: a 429 is about pace, a 5xx about the registry. */
function adviceFor(status: number): string {
  return status === 429
    ? `the registry limits how often it may be asked: wait a few minutes and run the command again (records already stored are not fetched again), or lower concurrency in ${SETTINGS}.`
    : 'the registry is failing on its side: try again later.';
}

/** Runs `task` over `items` with at most `limit` running at once; results keep the input order. */
export async function mapLimit<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
