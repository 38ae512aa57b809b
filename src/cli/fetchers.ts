import { citableKey, identifierKey, missingFields, publishedVersionOf, recordOfAnother, updatesFromCsl, type Identifier, type CslItem, type SourceUpdate, type StoredMetadata } from '../citations/index.ts';

import type { RefsConfig } from './config.ts';
import { FetchError, httpGet, type HttpOptions } from './http.ts';

/** The outcome for one identifier: its metadata, or a registry's "not found" (also worth storing), or a failure. */
export type FetchOutcome =
  | { kind: 'found'; metadata: StoredMetadata; warnings: string[] }
  | { kind: 'not-found'; metadata: StoredMetadata; message: string }
  | { kind: 'failed'; message: string };

const CSL_JSON = 'application/vnd.citationstyles.csl+json';

// Counters and timestamps that change on every fetch would make each re-fetch a noisy diff.
const VOLATILE = ['indexed', 'deposited', 'created', 'score', 'is-referenced-by-count', 'reference-count', 'references-count', 'reference', 'link', 'content-domain', 'source'];

function userAgent(config: RefsConfig): string {
  return `evidence-reference-site-refs/0.1 (mailto:${config.contact})`;
}

// One run's settings object, one memory of the registries that could not be reached: the rest of the run does not wait on them.
const unreachableOrigins = new WeakMap<RefsConfig, Map<string, string>>();

function httpOptions(config: RefsConfig, accept: string): HttpOptions {
  let unreachable = unreachableOrigins.get(config);
  if (!unreachable) unreachableOrigins.set(config, (unreachable = new Map()));
  return { accept, userAgent: userAgent(config), timeoutMs: config.timeoutMs, retries: config.retries, backoffMs: config.backoffMs, maxRetryAfterMs: config.maxRetryAfterMs, unreachable };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Parses a CSL-JSON answer (an item, or a one-item list); undefined when it is not one. */
function readCsl(body: string): CslItem | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  const item = (Array.isArray(value) ? value[0] : value) as Partial<CslItem> | undefined;
  if (!item || typeof item !== 'object' || typeof item.type !== 'string' || (!item.title && !item.author)) return undefined;
  const csl = Object.fromEntries(Object.entries(item).filter(([field]) => !VOLATILE.includes(field))) as CslItem;
  // Crossref sends titles as one-element lists in some records.
  for (const field of ['title', 'container-title', 'container-title-short'] as const) if (Array.isArray(csl[field])) csl[field] = (csl[field] as unknown as string[])[0];
  return csl;
}

function sourceUrl(identifier: Identifier, config: RefsConfig): string {
  switch (identifier.scheme) {
    case 'doi':
      return `${config.doiBaseUrl}/${encodeURI(identifier.value).replace(/[?#]/gu, encodeURIComponent)}`;
    case 'pmid':
      return `${config.ncbiBaseUrl}/pubmed/?format=csl&id=${identifier.value}`;
    case 'pmcid':
      return `${config.ncbiBaseUrl}/pmc/?format=csl&id=${identifier.value}`;
  }
}

const PUBMED_UPDATES: [string, SourceUpdate['type']][] = [['RetractionIn', 'retraction'], ['ErratumIn', 'correction'], ['ExpressionOfConcernIn', 'expression-of-concern']];

// A PubMed record that is itself a notice about another article: [its publication type, what it is, its link to that article].
const PUBMED_NOTICES: [string, string, string][] = [['Published Erratum', 'an erratum', 'ErratumFor'], ['Retraction of Publication', 'a retraction notice', 'RetractionOf'], ['Expression of Concern', 'an expression of concern', 'ExpressionOfConcernFor']];

/** The PubMed record of one PMID, from E-utilities: its XML, complete (a cut-off answer would lose its retraction links). */
async function pubmedXml(pmid: string, config: RefsConfig): Promise<string> {
  const url = `${config.eutilsBaseUrl}/efetch.fcgi?db=pubmed&retmode=xml&id=${pmid}&tool=evidence-reference-site&email=${encodeURIComponent(config.contact ?? '')}`;
  const answer = await httpGet(url, httpOptions(config, 'application/xml'));
  // An article is a PubmedArticle; a book or chapter on NCBI Bookshelf (GeneReviews, StatPearls) a PubmedBookArticle.
  const record = answer.body.match(/<(PubmedArticle|PubmedBookArticle)[\s>]/u)?.[1];
  if (answer.status !== 200 || !record) throw new FetchError(`${url} answered HTTP ${answer.status} without a PubMed record; try again later.`);
  if (!answer.body.includes(`</${record}>`)) throw new FetchError(`${url} answered with a PubMed record cut off before its end, so its retraction and erratum links cannot be read; try again later.`);
  return answer.body;
}

/** Says so when a PubMed record is an erratum, retraction notice or expression of concern rather than the work it is about. */
function noticeWarning(name: string, xml: string): string | undefined {
  const notice = PUBMED_NOTICES.find(([type]) => new RegExp(`<PublicationType[^>]*>${type}</PublicationType>`, 'u').test(xml));
  if (!notice) return undefined;
  const about = xml.match(new RegExp(`<CommentsCorrections\\s+RefType="${notice[2]}"[^>]*>[\\s\\S]*?<PMID[^>]*>(\\d+)</PMID>`, 'u'))?.[1];
  return `${name} is ${notice[1]}${about ? ` about PMID ${about}` : ''}, not the work itself. Cite ${about ? `@pmid:${about} (\`npm run refs -- add ${about}\`)` : 'the article it is about'} unless the notice itself is meant: the work's own record carries the notice, which the build shows readers beside it.`;
}

/** Says so when the registry's record lacks what its reference prints (a title, the authors): it would be printed with gaps. */
function gapsWarning(name: string, csl: CslItem): string | undefined {
  const missing = missingFields(csl, 'csl');
  if (!missing.length) return undefined;
  return `the registry's record of ${name} has no ${missing.join(', ')}, so a citation of it prints without ${missing.length > 1 ? 'them' : 'it'}. Check the identifier; if it is right, cite a .bib entry that has the missing fields and this identifier, which the record then checks.`;
}

/** Says so when a DOI's record is a preprint that Crossref links to the version published since, which a summary should usually cite. */
function publishedVersionWarning(name: string, csl: CslItem): string | undefined {
  const doi = publishedVersionOf(csl);
  if (!doi) return undefined;
  return `${name} is a preprint, and its registry names the version published since: DOI ${doi}. Cite @${citableKey({ scheme: 'doi', value: doi })} (\`npm run refs -- add ${doi}\`) unless the preprint itself is meant: the published version is the peer-reviewed one, and its results may differ.`;
}

/** Retraction, erratum and expression-of-concern links of a PubMed record, from its E-utilities XML. */
function pubmedUpdates(xml: string): SourceUpdate[] {
  const updates: SourceUpdate[] = [];
  for (const match of xml.matchAll(/<CommentsCorrections\s+RefType="(\w+)"[^>]*>([\s\S]*?)<\/CommentsCorrections>/gu)) {
    const type = PUBMED_UPDATES.find(([refType]) => refType === match[1])?.[1];
    if (!type) continue;
    const notice = match[2]!.match(/<PMID[^>]*>(\d+)<\/PMID>/u)?.[1];
    const label = match[2]!.match(/<RefSource>([\s\S]*?)<\/RefSource>/u)?.[1]?.trim();
    updates.push({ type, ...(notice ? { identifier: `pmid:${notice}` } : {}), ...(label ? { label: `${match[1]}: ${label}` } : {}) });
  }
  if (updates.every((u) => u.type !== 'retraction') && /<PublicationType[^>]*>Retracted Publication<\/PublicationType>/u.test(xml)) updates.push({ type: 'retraction', label: 'Retracted Publication' });
  return updates;
}

/** What to do when the registry answers for `name` with the record of `another`, an alias's target or a replacing identifier. */
function anotherWorkMessage(name: string, source: string, another: Identifier): string {
  const scheme = another.scheme.toUpperCase();
  return `${name}: ${source} answered with the record of ${scheme} ${another.value}, so ${name} is an alias or was replaced: nothing was stored. Cite @${citableKey(another)} (or put ${scheme} ${another.value} in the library entry) and run \`npm run refs -- add ${another.value}\`.`;
}

/**
 * Fetches one identifier's CSL-JSON: a DOI by doi.org content negotiation, a PMID or PMCID from NCBI's
 * Literature Citation Exporter, plus PubMed's retraction and erratum links. Never throws.
 */
export async function fetchIdentifier(identifier: Identifier, config: RefsConfig): Promise<FetchOutcome> {
  const source = sourceUrl(identifier, config);
  const name = `${identifier.scheme.toUpperCase()} ${identifier.value}`;
  try {
    const answer = await httpGet(source, httpOptions(config, identifier.scheme === 'doi' ? CSL_JSON : 'application/json'));
    const base = { identifier: identifierKey(identifier), source, fetched: today() };
    if (answer.status === 404 || answer.status === 410) {
      return { kind: 'not-found', message: `${name} does not exist: ${source} answered HTTP ${answer.status}.`, metadata: { ...base, status: 'not-found' } };
    }
    if (answer.status !== 200) return { kind: 'failed', message: `${name}: ${source} answered HTTP ${answer.status}.` };
    const csl = readCsl(answer.body);
    if (!csl) {
      return { kind: 'failed', message: `${name}: ${source} answered ${answer.contentType || 'without a content type'}, not CSL-JSON metadata (first characters: ${JSON.stringify(answer.body.slice(0, 60))}). The registrar may not support content negotiation; add the entry to a .bib file by hand.` };
    }
    const another = recordOfAnother(csl, identifier);
    if (another) return { kind: 'failed', message: anotherWorkMessage(name, source, another) };
    const pmid = identifier.scheme === 'pmid' ? identifier.value : typeof csl.PMID === 'string' || typeof csl.PMID === 'number' ? String(csl.PMID) : undefined;
    const xml = identifier.scheme !== 'doi' && pmid ? await pubmedXml(pmid, config) : undefined;
    const updates = [...updatesFromCsl(csl), ...(xml ? pubmedUpdates(xml) : [])];
    const warnings = [xml ? noticeWarning(name, xml) : undefined, publishedVersionWarning(name, csl), gapsWarning(name, csl)].filter((warning) => warning !== undefined);
    return { kind: 'found', metadata: { ...base, ...(updates.length ? { updates } : {}), csl: { ...csl, id: identifierKey(identifier) } }, warnings };
  } catch (error) {
    return { kind: 'failed', message: `${name}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
