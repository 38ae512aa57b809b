/** The identifier schemes a citation key can name directly, as in `@doi:10.1000/x` or `@pmid:123`. */
export type IdentifierScheme = 'doi' | 'pmid' | 'pmcid';

export interface Identifier {
  scheme: IdentifierScheme;
  /** Canonical form: DOIs lower-cased without resolver prefix, PMCIDs upper-cased with "PMC". */
  value: string;
}

const DOI = /^10\.\d{4,9}\/\S+$/u;
const PMID = /^[1-9]\d{0,8}$/u;
const PMCID = /^PMC\d{1,9}$/u;

// As exporters and authors write a DOI: as a link (with or without https://, www. or dx.), `doi:` or "DOI ",
// or as a link to another DOI resolver whose path is the DOI, as ACM's and Wiley's exports give it in JabRef
// and Mendeley libraries (`http://doi.acm.org/10.1145/…`, `http://doi.wiley.com/10.1002/…`).
const DOI_PREFIX = /^\s*(?:(?:https?:\/\/)?(?:www\.|dx\.)?doi\.org\/|https?:\/\/[^/\s]+\/(?=10\.\d{4,9}\/)|doi:\s*|doi\s+(?=10\.))/iu;

const PERCENT_ESCAPE = /%[\da-f]{2}/iu;

/**
 * A DOI with its percent escapes undone: one copied from an address is encoded (Wiley's
 * `…17:8%3C857::AID-SIM777%3E3.0.CO;2-E`), and so is one cited as a key where it holds what ends a key.
 */
function percentDecoded(doi: string): string {
  if (!PERCENT_ESCAPE.test(doi)) return doi;
  try {
    const decoded = decodeURIComponent(doi);
    // A DOI holds no space or control character: "%20" there is the DOI's own text, kept as written.
    return /[\s\p{Cc}]/u.test(decoded) ? doi : decoded;
  } catch {
    return doi;
  }
}

/** Normalises a DOI as written in BibTeX, CSL or a URL, or percent-encoded; undefined when it is not a DOI. */
export function normalizeDoi(raw: string): string | undefined {
  const doi = percentDecoded(raw.trim().replace(DOI_PREFIX, '')).toLowerCase();
  return DOI.test(doi) ? doi : undefined;
}

/**
 * The item with its identifiers written bare, as styles and the downloads expect: styles print their own
 * prefix, so a DOI kept as `https://doi.org/10.…` came out as "doi:https://doi.org/10.…" (its letter case
 * is kept); a PMID written "PMID: 30999999" or a PMCID without its "PMC" went into the RIS and CSL JSON
 * downloads as written.
 */
export function withBareIdentifiers<Item extends { DOI?: unknown; PMID?: unknown; PMCID?: unknown }>(item: Item): Item {
  const doi = typeof item.DOI === 'string' && (DOI_PREFIX.test(item.DOI) || PERCENT_ESCAPE.test(item.DOI)) ? percentDecoded(item.DOI.replace(DOI_PREFIX, '').trim()) : undefined;
  const pmid = typeof item.PMID === 'string' || typeof item.PMID === 'number' ? normalizePmid(String(item.PMID)) : undefined;
  const pmcid = typeof item.PMCID === 'string' || typeof item.PMCID === 'number' ? normalizePmcid(String(item.PMCID)) : undefined;
  const changed = {
    ...(doi !== undefined ? { DOI: doi } : {}),
    ...(pmid !== undefined && pmid !== item.PMID ? { PMID: pmid } : {}),
    ...(pmcid !== undefined && pmcid !== item.PMCID ? { PMCID: pmcid } : {}),
  };
  return Object.keys(changed).length ? { ...item, ...changed } : item;
}

const DOI_RESOLVER = /^\s*https?:\/\/(?:dx\.|www\.)?doi\.org\//iu;

/**
 * The item without a URL that is only its DOI's address, as doi.org's records all have it
 * (`http://dx.doi.org/10.…`): the DOI link is there, and the source's page showed the address again,
 * over http, as its web page.
 */
export function withoutDoiAddress<Item extends { DOI?: unknown; URL?: unknown }>(item: Item): Item {
  if (typeof item.URL !== 'string' || typeof item.DOI !== 'string' || !DOI_RESOLVER.test(item.URL)) return item;
  const doi = normalizeDoi(item.DOI);
  if (!doi || normalizeDoi(item.URL) !== doi) return item;
  const { URL: _address, ...rest } = item;
  return rest as Item;
}

// What reference managers (Mendeley, JabRef) escape in a DOI or URL for LaTeX: `10.1000/abc\_def`,
// Mendeley's `{\_}`, a home page's `/\~{}user/`, `file\%20name.pdf`, Wiley's
// `{\textless}657…{\textgreater}`. Left as written, links break. citation-js percent-encodes a URL's
// backslash and braces (`%5C_`, `%7B%5C_%7D`) unless the URL already holds a `%`, so both spellings
// are undone.
// Mendeley's `{\%}` (ScienceDirect's `?via{\%}3Dihub`) comes from citation-js as `%7B%5C%25%7D`, its
// percent sign encoded too: `%7B%25%7D` once the backslash is undone.
const LATEX_ESCAPES: [RegExp, string][] = [
  [/%7B%5C([_%&#$~])%7D|%5C([_%&#$~])(?:%7B%7D)?/giu, '$1$2'],
  [/%7B%25%7D/giu, '%'],
  [/\{?\\textless\}?(?:\{\})?/gu, '<'],
  [/\{?\\textgreater\}?(?:\{\})?/gu, '>'],
  [/\{\\?([_%&#$~])\}|\\([_%&#$~])(?:\{\})?/gu, '$1$2'],
];

const unescapeLatex = (text: string) => LATEX_ESCAPES.reduce((result, [pattern, plain]) => result.replace(pattern, plain), text);

// Mendeley joins several URLs of a work with spaces, which citation-js encodes as %20, or with a
// literal `\n` (`abstract{\%}5Cnhttp://…`, `%5Cn` once the escape is undone); Beebe's bibliographies
// (TUGboat's, and bibclean's output) with a semicolon and a line end (`…calendar.html;%0A%20%20…https://…`).
// A run of spaces is tried from its start only: from each of its characters, a long run not followed by
// an address took time growing with the square of its length.
const NEXT_URL = /(?<!\s|%0A|%0D|%09|%20)(?:[;,]|%3B|%2C)?(?:\s|%0A|%0D|%09|%20)+(?=https?:\/\/)|(?:%5C|\\)n(?=https?:\/\/)/iu;

// An address written without its scheme, as Cochrane's own citation has it ("Available from
// www.training.cochrane.org/handbook"), or protocol-relative (`//example.org/x`, as a page's own links are):
// no link could be made of it, and AMA prints addresses whole.
const SCHEMELESS_WEB = /^(?:www\.|\/\/(?=[^/\s]))/iu;

// citation-js reads a BibTeX URL as encodeURI(decodeURI(url)): decodeURI leaves the escapes of reserved
// characters as written, so encodeURI encoded their percent sign again, and ScienceDirect's `?via%3Dihub`
// and Scopus's `doi=10.1016%2fj.…` became `%253D` and `%252f`, which the servers read as other text.
const REENCODED_RESERVED = /%25(2[346BCF]|3[ABDF]|40)/giu;

/**
 * A URL as a link: LaTeX escapes undone, `~` that LaTeX read as a no-break space restored, the first of
 * several, and `https://` before a `www.` address.
 */
function linkableUrl(url: string): string {
  return unescapeLatex(url).replace(REENCODED_RESERVED, '%$1').replaceAll('\u00A0', '~').trim().split(NEXT_URL)[0]!.replace(SCHEMELESS_WEB, (start) => (start === '//' ? 'https://' : `https://${start}`));
}

// Addresses a reader can open. Reference fields are untrusted: `javascript:`, `data:text/html,…` and
// `vbscript:` addresses are printed, linked and exported nowhere.
const WEB_ADDRESS = /^(?:https?|ftp):\/\//iu;

/** Whether a URL field holds a web address (http, https or ftp), which the site may print and export. */
export function isWebAddress(url: string): boolean {
  return WEB_ADDRESS.test(url.trim());
}

/** The item with the LaTeX escapes of its DOI and URL undone. */
export function withUnescapedLinks<Item extends { DOI?: unknown; URL?: unknown }>(item: Item): Item {
  const DOI = typeof item.DOI === 'string' ? unescapeLatex(item.DOI) : item.DOI;
  const URL = typeof item.URL === 'string' ? linkableUrl(item.URL) : item.URL;
  return DOI === item.DOI && URL === item.URL ? item : { ...item, ...(DOI === undefined ? {} : { DOI }), ...(URL === undefined ? {} : { URL }) };
}

export function normalizePmid(raw: string): string | undefined {
  const pmid = raw.trim().replace(/^pmid:\s*/iu, '');
  return PMID.test(pmid) ? pmid : undefined;
}

export function normalizePmcid(raw: string): string | undefined {
  const pmcid = raw.trim().toUpperCase().replace(/^(?:PMCID:\s*)?(?:PMC)?/u, 'PMC');
  return PMCID.test(pmcid) ? pmcid : undefined;
}

const NORMALIZERS: Record<IdentifierScheme, (raw: string) => string | undefined> = {
  doi: normalizeDoi,
  pmid: normalizePmid,
  pmcid: normalizePmcid,
};

/** Reads `doi:…`, `pmid:…` or `pmcid:…` citation keys; undefined for ordinary BibTeX keys. */
export function parseIdentifierKey(key: string): Identifier | { scheme: IdentifierScheme; invalid: string } | undefined {
  const match = key.match(/^(doi|pmid|pmcid):(.+)$/iu);
  if (!match) return undefined;
  const scheme = match[1]!.toLowerCase() as IdentifierScheme;
  const value = NORMALIZERS[scheme](match[2]!);
  return value ? { scheme, value } : { scheme, invalid: match[2]! };
}

/** `doi:10.1016/x`: the key under which identifier-only references are known. */
export function identifierKey(identifier: Identifier): string {
  return `${identifier.scheme}:${identifier.value}`;
}

// What a citation key holds (syntax.ts); anything else in a DOI, such as the <, > and ; of Wiley's
// `10.1002/(sici)1097-0258(19980430)17:8<857::aid-sim777>3.0.co;2-e`, would end the key there.
const IN_A_KEY = /[\p{L}\p{N}_:.#$&+?~/()'-]/u;

/** `doi:…` as an article can cite it: each character that would end the key percent-encoded, as normalizeDoi reads it back. */
export function citableKey(identifier: Identifier): string {
  return [...identifierKey(identifier)].map((character) => (IN_A_KEY.test(character)
    ? character
    : [...new TextEncoder().encode(character)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''))).join('');
}

/** The CSL field that holds each scheme. */
const FIELD_OF = { doi: 'DOI', pmid: 'PMID', pmcid: 'PMCID' } as const;

/** Identifiers stated in a CSL item, normalised; malformed values are left out. */
export function identifiersOf(item: { DOI?: unknown; PMID?: unknown; PMCID?: unknown }): Identifier[] {
  const found: Identifier[] = [];
  const add = (scheme: IdentifierScheme, raw: unknown) => {
    const value = typeof raw === 'string' || typeof raw === 'number' ? NORMALIZERS[scheme](String(raw)) : undefined;
    if (value) found.push({ scheme, value });
  };
  for (const [scheme, field] of Object.entries(FIELD_OF) as [IdentifierScheme, keyof typeof item][]) add(scheme, item[field]);
  return found;
}

// CSL's "cheater syntax", as Zotero writes its Extra field into the note: it starts with lines such as
// "PMID: 29198932" (BibTeX joins them with spaces). Only those leading pairs count: a DOI further on is
// another work's, such as an erratum's.
const LEADING_IDENTIFIER = /^\s*(DOI|PMID|PMCID):[ \t]*(\S+?)[.,;]?(?=\s|$)/u;
// A PMID or PMCID on a line of its own further on is the work's too, as Zotero's Extra field keeps it
// after lines such as "tex.ids: …" or "Publisher: …"; a DOI there may be an erratum's, and is not read.
const PUBMED_LINE = /^[ \t]*(PMID|PMCID):[ \t]*(\S+?)[.,;]?[ \t]*$/gimu;
// TeXMed's note, "[PubMed Central:\href{…}{PMC3023169}] [DOI:\href{…}{10.1002/…}] [PubMed:\href{…}{19877092}]",
// which citation-js reads as the addresses.
const TEXMED_NOTE = /\[(PubMed Central|DOI|PubMed):\s*([^\]\s]+)\]\s*/gu;
const TEXMED_SOURCES: Record<string, IdentifierScheme> = { 'PubMed Central': 'pmcid', DOI: 'doi', PubMed: 'pmid' };

/**
 * The item with the identifiers its note starts with copied into their own fields, where those are
 * empty, so that PubMed-imported references get their links and checks like any other.
 */
export function withNoteIdentifiers<Item extends { note?: unknown; DOI?: unknown; PMID?: unknown; PMCID?: unknown }>(item: Item): Item {
  let rest = typeof item.note === 'string' ? item.note : '';
  let result = item;
  const take = (written: string, raw: string) => {
    const scheme = written.toLowerCase() as IdentifierScheme;
    const field = FIELD_OF[scheme];
    const value = NORMALIZERS[scheme](raw);
    if (value && (result[field] === undefined || result[field] === '')) result = { ...result, [field]: value };
  };
  for (let pair = rest.match(LEADING_IDENTIFIER); pair; pair = rest.match(LEADING_IDENTIFIER)) {
    rest = rest.slice(pair[0].length);
    take(pair[1]!, pair[2]!);
  }
  for (const [, written, raw] of rest.matchAll(PUBMED_LINE)) take(written!, raw!);
  for (const [, source, raw] of rest.matchAll(TEXMED_NOTE)) {
    const scheme = TEXMED_SOURCES[source!]!;
    take(scheme, identifierOfPage(raw!)?.value ?? raw!);
  }
  return result;
}

// PubMed and PMC addresses, which EndNote and Mendeley give a PubMed import as its URL.
const IDENTIFIER_PAGES: [IdentifierScheme, RegExp][] = [
  ['pmid', /^https?:\/\/(?:www\.)?(?:ncbi\.nlm\.nih\.gov\/pubmed|pubmed\.ncbi\.nlm\.nih\.gov)\/(\d+)\/?(?:[?#].*)?$/iu],
  ['pmcid', /^https?:\/\/(?:www\.)?(?:ncbi\.nlm\.nih\.gov\/pmc\/articles|pmc\.ncbi\.nlm\.nih\.gov\/articles|europepmc\.org\/articles?)\/(PMC\d+)\/?(?:[?#].*)?$/iu],
];

/** The PMID or PMCID whose PubMed or PMC page a URL is; undefined for any other address. */
export function identifierOfPage(url: string): Identifier | undefined {
  for (const [scheme, page] of IDENTIFIER_PAGES) {
    const value = url.trim().match(page)?.[1];
    const normalized = value ? NORMALIZERS[scheme](value) : undefined;
    if (normalized) return { scheme, value: normalized };
  }
  return undefined;
}

/** The item with the PMID or PMCID its URL gives, where that field is empty: PubMed imports then get their PubMed link and checks. */
export function withPageIdentifiers<Item extends { URL?: unknown; DOI?: unknown; PMID?: unknown; PMCID?: unknown }>(item: Item): Item {
  const identifier = typeof item.URL === 'string' ? identifierOfPage(item.URL) : undefined;
  if (!identifier) return item;
  const field = FIELD_OF[identifier.scheme];
  return item[field] === undefined || item[field] === '' ? { ...item, [field]: identifier.value } : item;
}

/** A note without the identifier lines it starts with, which the reference's links show. */
export function noteWithoutIdentifiers(note: string): string {
  let rest = note;
  for (let pair = rest.match(LEADING_IDENTIFIER); pair; pair = rest.match(LEADING_IDENTIFIER)) rest = rest.slice(pair[0].length);
  return rest.replace(PUBMED_LINE, '').replace(TEXMED_NOTE, '').replace(/\n{2,}/gu, '\n').trim();
}

/**
 * The identifiers stated in an item as readers and reference managers should get them: a DOI keeps its
 * letter case (Zotero stores and prints the DOI a page gives it), where identifiersOf's are for comparing.
 */
export function shownIdentifiersOf(item: { DOI?: unknown; PMID?: unknown; PMCID?: unknown }): Identifier[] {
  return identifiersOf(item).map((identifier) => (identifier.scheme === 'doi' && typeof item.DOI === 'string'
    ? { scheme: 'doi', value: percentDecoded(item.DOI.trim().replace(DOI_PREFIX, '')) }
    : identifier));
}

/** Resolver links for an item's identifiers; only https URLs built from validated identifiers. */
export function identifierLinks(item: { DOI?: unknown; PMID?: unknown; PMCID?: unknown }): { label: string; href: string; scheme: IdentifierScheme }[] {
  return shownIdentifiersOf(item).map(({ scheme, value }) => {
    switch (scheme) {
      case 'doi':
        return { scheme, label: 'DOI', href: `https://doi.org/${encodeURI(value).replace(/[?#]/gu, encodeURIComponent)}` };
      case 'pmid':
        return { scheme, label: 'PubMed', href: `https://pubmed.ncbi.nlm.nih.gov/${value}/` };
      case 'pmcid':
        return { scheme, label: 'PMC', href: `https://pmc.ncbi.nlm.nih.gov/articles/${value}/` };
    }
  });
}
