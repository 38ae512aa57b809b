import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseIdentifierKey, type Identifier } from '../../src/citations/index.ts';
import type { RefsConfig } from '../../src/cli/config.ts';
import { fetchIdentifier } from '../../src/cli/fetchers.ts';
import { main } from '../../src/cli/refs.ts';
import { json, startRegistry, type Route } from './registry-server.ts';

const CSL = {
  type: 'article-journal',
  title: 'Acupuncture for Chronic Pain: Update of an Individual Patient Data Meta-Analysis',
  author: [{ family: 'Vickers', given: 'Andrew J.' }],
  'container-title': 'The Journal of Pain',
  issued: { 'date-parts': [[2018, 5]] },
  DOI: '10.1016/j.jpain.2017.11.005',
  indexed: { 'date-time': '2026-01-01T00:00:00Z' },
  'is-referenced-by-count': 512,
};

/** The record of another DOI, as doi.org answers for it. */
const cslOf = (doi: string) => ({ ...CSL, DOI: doi });

let registry: Awaited<ReturnType<typeof startRegistry>> | undefined;
afterEach(async () => {
  await registry?.close();
  registry = undefined;
});

function config(base: string, overrides: Partial<RefsConfig> = {}): RefsConfig {
  return {
    contact: 'editor@example.org', doiBaseUrl: `${base}/doi`, ncbiBaseUrl: `${base}/ncbi`, eutilsBaseUrl: `${base}/eutils`,
    timeoutMs: 2_000, retries: 2, backoffMs: 10, maxRetryAfterMs: 5_000, concurrency: 3, articles: 'content/articles', ...overrides,
  };
}

const id = (key: string) => parseIdentifierKey(key) as Identifier;

async function serve(routes: Record<string, Route>) {
  registry = await startRegistry(routes);
  return registry;
}

describe('fetching by DOI (doi.org content negotiation)', () => {
  it('asks for CSL-JSON with a User-Agent that names the contact, and drops volatile counters', async () => {
    const server = await serve({ '/doi/10.1016/j.jpain.2017.11.005': json(CSL) });
    const outcome = await fetchIdentifier(id('doi:10.1016/j.jpain.2017.11.005'), config(server.base));
    expect(outcome.kind).toBe('found');
    if (outcome.kind !== 'found') return;
    expect(server.requests[0]!.headers.accept).toBe('application/vnd.citationstyles.csl+json');
    expect(server.requests[0]!.headers['user-agent']).toMatch(/mailto:editor@example\.org/u);
    expect(outcome.metadata.identifier).toBe('doi:10.1016/j.jpain.2017.11.005');
    expect(outcome.metadata.source).toBe(`${server.base}/doi/10.1016/j.jpain.2017.11.005`);
    expect(outcome.metadata.fetched).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    expect(outcome.metadata.csl).not.toHaveProperty('indexed');
    expect(outcome.metadata.csl).not.toHaveProperty('is-referenced-by-count');
    expect(outcome.metadata.csl?.title).toBe(CSL.title);
  });

  it('says when a preprint has a published version, and which DOI to cite', async () => {
    const preprint = {
      type: 'posted-content', subtype: 'preprint', title: 'Estimating the asymptomatic proportion of coronavirus disease 2019 (COVID-19) cases', author: [{ given: 'Kenji', family: 'Mizumoto', sequence: 'first', affiliation: [] }],
      institution: [{ name: 'medRxiv' }], publisher: 'Cold Spring Harbor Laboratory', 'container-title': [], posted: { 'date-parts': [[2020, 3, 6]] }, accepted: { 'date-parts': [[2020, 3, 6]] }, issued: { 'date-parts': [[2020, 3, 6]] },
      DOI: '10.1101/2020.02.20.20025866', 'group-title': 'Epidemiology', relation: { 'is-preprint-of': [{ 'id-type': 'doi', id: '10.2807/1560-7917.ES.2020.25.10.2000180', 'asserted-by': 'subject' }] },
    };
    const server = await serve({ '/doi/10.1101/2020.02.20.20025866': json(preprint), '/doi/10.1101/2020.02.20.20025867': json({ ...preprint, DOI: '10.1101/2020.02.20.20025867', relation: {} }) });
    const outcome = await fetchIdentifier(id('doi:10.1101/2020.02.20.20025866'), config(server.base));
    expect(outcome.kind === 'found' && outcome.warnings).toEqual(['DOI 10.1101/2020.02.20.20025866 is a preprint, and its registry names the version published since: DOI 10.2807/1560-7917.es.2020.25.10.2000180. Cite @doi:10.2807/1560-7917.es.2020.25.10.2000180 (`npm run refs -- add 10.2807/1560-7917.es.2020.25.10.2000180`) unless the preprint itself is meant: the published version is the peer-reviewed one, and its results may differ.']);
    expect(await fetchIdentifier(id('doi:10.1101/2020.02.20.20025867'), config(server.base))).toMatchObject({ kind: 'found', warnings: [] });
  });

  it('reports 404 as "not found", without retrying', async () => {
    const server = await serve({});
    const outcome = await fetchIdentifier(id('doi:10.3389/fphar.2021.656122'), config(server.base));
    expect(outcome).toMatchObject({ kind: 'not-found', metadata: { status: 'not-found', identifier: 'doi:10.3389/fphar.2021.656122' } });
    expect(server.requests).toHaveLength(1);
  });

  it('waits as long as Retry-After says after a 429, then succeeds', async () => {
    const server = await serve({
      '/doi/10.1000/rate': (request, response, attempt) => (attempt === 1 ? json({ message: 'slow down' }, 429, { 'retry-after': '1' }) : json(cslOf('10.1000/rate')))(request, response, attempt),
    });
    const outcome = await fetchIdentifier(id('doi:10.1000/rate'), config(server.base, { backoffMs: 1 }));
    expect(outcome.kind).toBe('found');
    expect(server.requests).toHaveLength(2);
    // The backoff alone would retry after 1 ms; the second request must wait for the server's second.
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('gives up when Retry-After asks for longer than allowed, saying so', async () => {
    const server = await serve({ '/doi/10.1000/later': json({}, 429, { 'retry-after': '3600' }) });
    const outcome = await fetchIdentifier(id('doi:10.1000/later'), config(server.base));
    expect(outcome).toMatchObject({ kind: 'failed' });
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/asked to wait 3600 s \(Retry-After\)/u);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a 500 with backoff and succeeds when the server recovers', async () => {
    const server = await serve({
      '/doi/10.1000/flaky': (request, response, attempt) => (attempt < 3 ? json('oops', 500) : json(cslOf('10.1000/flaky')))(request, response, attempt),
    });
    expect((await fetchIdentifier(id('doi:10.1000/flaky'), config(server.base))).kind).toBe('found');
    expect(server.requests).toHaveLength(3);
  });

  it('fails after the last retry when the server keeps answering 500', async () => {
    const server = await serve({ '/doi/10.1000/down': json('oops', 500) });
    const outcome = await fetchIdentifier(id('doi:10.1000/down'), config(server.base, { retries: 1 }));
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/answered HTTP 500, 2 attempt\(s\); the registry is failing on its side: try again later\./u);
    expect(server.requests).toHaveLength(2);
  });

  it('says what to do about each kind of lasting failure: a 429 is about pace, a redirect loop about the address', async () => {
    // Both had ended in "check the connection", which was working.
    const server = await serve({
      '/doi/10.1000/busy': json({ message: 'slow down' }, 429),
      '/doi/10.1000/loop': (_request, response) => { response.writeHead(302, { location: '/doi/10.1000/loop' }).end(); },
    });
    const busy = await fetchIdentifier(id('doi:10.1000/busy'), config(server.base, { retries: 1 }));
    expect(busy.kind === 'failed' && busy.message).toMatch(/answered HTTP 429, 2 attempt\(s\); the registry limits how often it may be asked: wait a few minutes .* lower concurrency in references\/refs\.config\.json\./u);
    const loop = await fetchIdentifier(id('doi:10.1000/loop'), config(server.base, { retries: 0 }));
    expect(loop.kind === 'failed' && loop.message).toMatch(/the address redirects in a loop: check the base URLs .*doiBaseUrl/u);
    expect(loop.kind === 'failed' && loop.message).not.toMatch(/connection/u);
  });

  it('times out a server that does not answer, retries, then fails with the timeout in the message', async () => {
    const server = await serve({ '/doi/10.1000/slow': (_request, response) => { setTimeout(() => json(CSL)(_request, response, 1), 3_000).unref(); } });
    const outcome = await fetchIdentifier(id('doi:10.1000/slow'), config(server.base, { timeoutMs: 200, retries: 1 }));
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/did not answer within 200 ms, 2 attempt\(s\); try again later, or allow more time \(timeoutMs/u);
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    ['with a Content-Length', true],
    ['streamed without one', false],
  ])('stops reading an answer larger than any record (%s), at once and without retrying', async (_name, announced) => {
    const size = 64 * 1024 * 1024;
    const server = await serve({
      '/doi/10.1000/huge': (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json', ...(announced ? { 'content-length': String(size) } : {}) });
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        let sent = 0;
        const write = () => {
          while (sent < size && !response.destroyed) {
            sent += chunk.length;
            if (!response.write(chunk)) return void response.once('drain', write);
          }
          response.end();
        };
        write();
      },
    });
    const outcome = await fetchIdentifier(id('doi:10.1000/huge'), config(server.base, { timeoutMs: 20_000 }));
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/sent more than 5 MB, which is no single record's metadata/u);
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ['an HTML page', '<!doctype html><title>DOI landing page</title>'],
    ['truncated JSON', '{"type": "article-journal", "title": "Acu'],
    ['JSON that is not a CSL item', '{"status": "ok", "message": []}'],
  ])('refuses %s as metadata', async (_name, body) => {
    const server = await serve({ '/doi/10.1000/bad': (_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(body) });
    const outcome = await fetchIdentifier(id('doi:10.1000/bad'), config(server.base));
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/not CSL-JSON metadata/u);
  });
});

describe('fetching by PMID and PMCID (NCBI)', () => {
  const efetch = (body: string): Route => (_request, response) => response.writeHead(200, { 'content-type': 'text/xml' }).end(body);
  const pubmedXml = (corrections: string) => `<?xml version="1.0"?><PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version="1">17893311</PMID><CommentsCorrectionsList>${corrections}</CommentsCorrectionsList></MedlineCitation></PubmedArticle></PubmedArticleSet>`;

  it('stores PubMed erratum and retraction links as updates', async () => {
    const server = await serve({
      '/ncbi/pubmed/?format=csl&id=17893311': json({ ...CSL, PMID: '17893311' }),
      '/eutils/efetch.fcgi': efetch(pubmedXml('<CommentsCorrections RefType="ErratumIn"><RefSource>Arch Intern Med. 2007 Oct 22;167(19):2072</RefSource></CommentsCorrections><CommentsCorrections RefType="RetractionIn"><RefSource>J Pain. 2020;1:1</RefSource><PMID Version="1">99999999</PMID></CommentsCorrections><CommentsCorrections RefType="Cites"><RefSource>x</RefSource></CommentsCorrections>')),
    });
    const outcome = await fetchIdentifier(id('pmid:17893311'), config(server.base));
    expect(outcome.kind === 'found' && outcome.metadata.updates).toEqual([
      { type: 'correction', label: 'ErratumIn: Arch Intern Med. 2007 Oct 22;167(19):2072' },
      { type: 'retraction', identifier: 'pmid:99999999', label: 'RetractionIn: J Pain. 2020;1:1' },
    ]);
    expect(server.requests[1]!.url).toMatch(/email=editor%40example\.org/u);
  });

  it('says when a PMID is an erratum notice rather than the work, and which PMID to cite', async () => {
    const server = await serve({
      '/ncbi/pubmed/?format=csl&id=18000001': json({ ...CSL, PMID: '18000001', title: 'Error in Table 2' }),
      '/eutils/efetch.fcgi': efetch(pubmedXml('<CommentsCorrections RefType="ErratumFor"><RefSource>Arch Intern Med. 2007;167(17):1892-8</RefSource><PMID Version="1">17893311</PMID></CommentsCorrections>').replace('<CommentsCorrectionsList>', '<Article><PublicationTypeList><PublicationType UI="D016425">Published Erratum</PublicationType></PublicationTypeList></Article><CommentsCorrectionsList>')),
    });
    const outcome = await fetchIdentifier(id('pmid:18000001'), config(server.base));
    expect(outcome.kind === 'found' && outcome.warnings).toEqual(['PMID 18000001 is an erratum about PMID 17893311, not the work itself. Cite @pmid:17893311 (`npm run refs -- add 17893311`) unless the notice itself is meant: the work\'s own record carries the notice, which the build shows readers beside it.']);
  });

  it('fails, rather than storing no retraction links, when the PubMed record is cut off', async () => {
    const server = await serve({
      '/ncbi/pubmed/?format=csl&id=17893311': json({ ...CSL, PMID: '17893311' }),
      '/eutils/efetch.fcgi': efetch(pubmedXml('<CommentsCorrections RefType="RetractionIn"><RefSource>J Pain. 2020;1:1</RefSource>').slice(0, 200)),
    });
    const outcome = await fetchIdentifier(id('pmid:17893311'), config(server.base));
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/answered with a PubMed record cut off before its end, so its retraction and erratum links cannot be read/u);
  });

  it('fetches a PMID of NCBI Bookshelf (a GeneReviews chapter), whose PubMed record is a book article, not a journal\'s', async () => {
    const chapter = { type: 'chapter', title: 'Alpha-1 Antitrypsin Deficiency', author: [{ family: 'Stoller', given: 'James K' }], editor: [{ family: 'Adam', given: 'Margaret P' }], 'container-title': 'GeneReviews®', publisher: 'University of Washington, Seattle', 'publisher-place': 'Seattle (WA)', issued: { 'date-parts': [[1993]] }, PMID: '20301295', source: 'PubMed' };
    const book = '<?xml version="1.0" ?><PubmedArticleSet><PubmedBookArticle><BookDocument><PMID Version="1">20301295</PMID><ArticleIdList><ArticleId IdType="bookaccession">NBK1519</ArticleId></ArticleIdList><Book><BookTitle book="gene">GeneReviews<sup>®</sup></BookTitle></Book><ArticleTitle book="gene" part="alpha1-a">Alpha-1 Antitrypsin Deficiency</ArticleTitle><PublicationType UI="D016454">Review</PublicationType></BookDocument><PubmedBookData><PublicationStatus>ppublish</PublicationStatus></PubmedBookData></PubmedBookArticle></PubmedArticleSet>';
    let answer = book;
    const server = await serve({ '/ncbi/pubmed/?format=csl&id=20301295': json(chapter), '/eutils/efetch.fcgi': (request, response, attempt) => efetch(answer)(request, response, attempt) });
    const outcome = await fetchIdentifier(id('pmid:20301295'), config(server.base));
    expect(outcome).toMatchObject({ kind: 'found', warnings: [], metadata: { csl: { type: 'chapter', 'container-title': 'GeneReviews®' } } });
    answer = book.slice(0, -40);
    expect(await fetchIdentifier(id('pmid:20301295'), config(server.base))).toMatchObject({ kind: 'failed', message: expect.stringMatching(/cut off before its end/u) });
  });

  it('fetches a PMCID from the pmc endpoint and follows its PMID to PubMed', async () => {
    const server = await serve({
      '/ncbi/pmc/?format=csl&id=PMC5927830': json({ ...CSL, PMID: '29198932', PMCID: 'PMC5927830' }),
      '/eutils/efetch.fcgi': efetch(pubmedXml('')),
    });
    const outcome = await fetchIdentifier(id('pmcid:PMC5927830'), config(server.base));
    expect(outcome.kind).toBe('found');
    expect(server.requests.map((r) => r.url)).toEqual(['/ncbi/pmc/?format=csl&id=PMC5927830', expect.stringMatching(/^\/eutils\/efetch\.fcgi\?db=pubmed&retmode=xml&id=29198932&/u)]);
  });
});

describe('npm run refs -- add', () => {
  function project(base: string, extra: Record<string, unknown> = {}): string {
    const root = mkdtempSync(join(tmpdir(), 'refs-add-'));
    mkdirSync(join(root, 'references'));
    writeFileSync(join(root, 'references/refs.config.json'), JSON.stringify({ contact: 'editor@example.org', doiBaseUrl: `${base}/doi`, ncbiBaseUrl: `${base}/ncbi`, eutilsBaseUrl: `${base}/eutils`, backoffMs: 10, retries: 1, ...extra }));
    return root;
  }
  const run = async (args: string[]) => {
    const lines: string[] = [];
    const status = await main(args, (t) => lines.push(t), (t) => lines.push(t));
    return { status, output: lines.join('\n') };
  };

  it('writes one reviewed file per identifier, with sorted keys, and skips it next time', async () => {
    const server = await serve({ '/doi/10.1016/j.jpain.2017.11.005': json(CSL) });
    const root = project(server.base);
    const first = await run(['add', 'https://doi.org/10.1016/J.JPAIN.2017.11.005', '--root', root]);
    expect(first).toMatchObject({ status: 0 });
    const file = join(root, 'references/identifiers/doi-10.1016%2Fj.jpain.2017.11.005.json');
    const text = readFileSync(file, 'utf8');
    expect(Object.keys(JSON.parse(text))).toEqual(['identifier', 'source', 'fetched', 'csl']);
    expect(Object.keys(JSON.parse(text).csl)).toEqual(Object.keys(JSON.parse(text).csl).sort());
    expect(text.endsWith('}\n')).toBe(true);
    const again = await run(['add', '10.1016/j.jpain.2017.11.005', '--root', root]);
    expect(again.output).toMatch(/already stored/u);
    expect(server.requests).toHaveLength(1);
  });

  it("takes the address of a work's PubMed or PMC page, or doi.org's without https, as copied from the browser", async () => {
    // They had been refused as "not a DOI, PMID or PMCID", though the page's address holds the identifier.
    const server = await serve({
      '/ncbi/pubmed/?format=csl&id=22025101': json({ ...CSL, PMID: '22025101' }),
      '/ncbi/pmc/?format=csl&id=PMC3279296': json({ ...CSL, PMCID: 'PMC3279296' }),
      '/doi/10.1016/j.jpain.2017.11.005': json(CSL),
      '/eutils/efetch.fcgi': (_request, response) => response.writeHead(200, { 'content-type': 'text/xml' }).end('<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version="1">22025101</PMID></MedlineCitation></PubmedArticle></PubmedArticleSet>'),
    });
    const root = project(server.base);
    const added = await run(['add', 'https://pubmed.ncbi.nlm.nih.gov/22025101/', 'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3279296/', 'doi.org/10.1016/j.jpain.2017.11.005', '--root', root]);
    expect(added).toMatchObject({ status: 0, output: expect.not.stringContaining('error') });
    expect(readdirSync(join(root, 'references/identifiers')).sort()).toEqual(['doi-10.1016%2Fj.jpain.2017.11.005.json', 'pmcid-PMC3279296.json', 'pmid-22025101.json']);
    expect(await run(['add', 'https://jamanetwork.com/journals/fullarticle/1105910', '--root', root])).toMatchObject({ status: 1, output: expect.stringContaining('or the address of a doi.org, PubMed or PMC page') });
  });

  it('offline, stops asking a registry that could not be reached, rather than retrying every identifier', async () => {
    // Offline, `add --missing` on the bundled library had retried each of its 45 identifiers: 3 min 48 s to say so.
    const server = await serve({});
    const root = project(server.base, { doiBaseUrl: 'http://127.0.0.1:1/doi', concurrency: 1 });
    const { status, output } = await run(['add', '10.1000/a', '10.1000/b', '10.1000/c', '--root', root]);
    expect(status).toBe(1);
    const lines = output.split('\n');
    expect(lines[0]).toMatch(/^error: DOI 10\.1000\/a: http:\/\/127\.0\.0\.1:1\/doi\/10\.1000\/a could not be reached \(.+\), 2 attempt\(s\); check the connection/u);
    expect(lines.slice(1)).toEqual(['b', 'c'].map((id) => expect.stringMatching(new RegExp(`^error: DOI 10\\.1000/${id}: http://127\\.0\\.0\\.1:1/doi/10\\.1000/${id} was not tried: http://127\\.0\\.0\\.1:1 could not be reached a moment ago \\(.+\\); check the connection`, 'u'))));
  });

  it('says how to cite what it stored: by the identifier, or by the key of the library entry it checks', async () => {
    // It had said only which file it wrote; a new author was left to find the citation syntax in the README.
    const server = await serve({ '/doi/10.1016/j.jpain.2017.11.005': json(CSL), '/doi/10.1000/c1': json(cslOf('10.1000/c1')) });
    const root = project(server.base);
    writeFileSync(join(root, 'references/library.bib'), '@article{vickers2018, title = {Acupuncture for Chronic Pain}, doi = {10.1016/j.jpain.2017.11.005}}\n');
    const { output } = await run(['add', '10.1016/j.jpain.2017.11.005', '10.1000/c1', '--root', root]);
    expect(output.split('\n')).toEqual([
      expect.stringMatching(/^doi:10\.1016\/j\.jpain\.2017\.11\.005: wrote .*; it checks the library's entry, cited as \[@vickers2018\]$/u),
      expect.stringMatching(/^doi:10\.1000\/c1: wrote .*; cite it as \[@doi:10\.1000\/c1\]$/u),
    ]);
  });

  it('limits concurrent requests to the configured number', async () => {
    const routes: Record<string, Route> = {};
    for (let i = 0; i < 6; i++) routes[`/doi/10.1000/c${i}`] = (request, response) => { setTimeout(() => json(cslOf(`10.1000/c${i}`))(request, response, 1), 150); };
    const server = await serve(routes);
    const root = project(server.base, { concurrency: 2 });
    expect((await run(['add', ...Array.from({ length: 6 }, (_, i) => `10.1000/c${i}`), '--root', root])).status).toBe(0);
    expect(server.requests).toHaveLength(6);
    expect(server.maxInFlight()).toBe(2);
  });

  it('exits 1 on a 404 and stores nothing for a typed identifier; --missing records "not found" for library identifiers', async () => {
    const server = await serve({});
    const root = project(server.base);
    const typed = await run(['add', '10.7326/M17-0254', '--root', root]);
    expect(typed.status).toBe(1);
    expect(typed.output).toMatch(/DOI 10\.7326\/m17-0254 does not exist: .* answered HTTP 404/u);
    writeFileSync(join(root, 'references/library.bib'), '@article{chou, title={T}, doi={10.7326/M17-0254}}\n');
    const missing = await run(['add', '--missing', '--root', root]);
    expect(missing.status).toBe(1);
    expect(JSON.parse(readFileSync(join(root, 'references/identifiers/doi-10.7326%2Fm17-0254.json'), 'utf8'))).toMatchObject({ status: 'not-found' });
  });

  it('stores nothing for a DOI whose record is another DOI\'s (an alias), and says which DOI to cite and add', async () => {
    const server = await serve({ '/doi/10.1000/alias': json({ ...CSL, DOI: '10.1016/J.JPAIN.2017.11.005' }) });
    const root = project(server.base);
    const result = await run(['add', '10.1000/alias', '--root', root]);
    expect(result.status).toBe(1);
    expect(result.output).toContain('answered with the record of DOI 10.1016/j.jpain.2017.11.005, so DOI 10.1000/alias is an alias or was replaced: nothing was stored. Cite @doi:10.1016/j.jpain.2017.11.005');
    expect(result.output).toContain('npm run refs -- add 10.1016/j.jpain.2017.11.005');
    expect(readdirSync(join(root, 'references/identifiers'))).toEqual([]);
    // What was stored before would have been refused by `refs check` as another DOI's record.
    expect((await run(['check', '--root', root])).status).toBe(0);
  });

  it('writes a record without a title, and says what its reference would lack and what to do', async () => {
    const server = await serve({ '/doi/10.1000/untitled': json({ type: 'article-journal', DOI: '10.1000/untitled', author: [{ family: 'Doe', given: 'Jane' }], 'container-title': 'Trials', issued: { 'date-parts': [[2020]] } }) });
    const result = await run(['add', '10.1000/untitled', '--root', project(server.base)]);
    expect(result.status).toBe(0);
    expect(result.output).toContain("warning: the registry's record of DOI 10.1000/untitled has no title, so a citation of it prints without it. Check the identifier; if it is right, cite a .bib entry that has the missing fields and this identifier, which the record then checks.");
  });

  it('--offline fetches nothing and fails for identifiers without a stored file', async () => {
    const server = await serve({ '/doi/10.1000/x': json(CSL) });
    const result = await run(['add', '10.1000/x', '--offline', '--root', project(server.base)]);
    expect(result).toMatchObject({ status: 1, output: expect.stringMatching(/--offline forbids fetching/u) });
    expect(server.requests).toHaveLength(0);
  });

  it('refuses to fetch without a contact address, and says where to set it', async () => {
    const server = await serve({ '/doi/10.1000/x': json(CSL) });
    const root = project(server.base, { contact: undefined });
    const result = await run(['add', '10.1000/x', '--root', root]);
    expect(result).toMatchObject({ status: 1, output: expect.stringMatching(/set "contact" in references\/refs\.config\.json/u) });
    expect(server.requests).toHaveLength(0);
    expect(readdirSync(join(root, 'references'))).toEqual(['refs.config.json']);
  });

  it('names a bad setting in refs.config.json instead of failing later', async () => {
    const server = await serve({});
    const result = await run(['add', '10.1000/x', '--root', project(server.base, { timeoutMs: 'soon' })]);
    expect(result).toMatchObject({ status: 1, output: expect.stringMatching(/"timeoutMs" must be a non-negative number/u) });
  });
});
