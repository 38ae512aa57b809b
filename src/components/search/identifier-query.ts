import { normalizeDoi, normalizePmcid, normalizePmid } from '../../citations/identifiers.ts';

// Clinicians paste identifiers as links or with a label. Pagefind splits "https://doi.org/10.1016/…"
// into words that every source page holds ("https", "doi", "org"), so the source itself is lost among
// them; the bare identifier, which reference pages index, finds it first.
// The scheme is optional: the address bar and "Copy link" give it, text copied from a page often does not.
const PUBMED_URL = /^(?:https?:\/\/)?(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov\/pubmed)\/(\d+)\/?(?:[?#].*)?$/iu;
const PMC_URL = /^(?:https?:\/\/)?(?:pmc\.ncbi\.nlm\.nih\.gov|(?:www\.)?ncbi\.nlm\.nih\.gov\/pmc)\/articles\/(PMC\d+)\/?(?:[?#].*)?$/iu;
const DOI_URL = /^(?:https?:\/\/)?(?:dx\.|www\.)?doi\.org\//iu;
// "doi:10.1016/…", as AMA and Vancouver print it (this site's reference lists too), and "pmid:29198932" or
// "PMCID:PMC5927830" as citation keys and exports write them: Pagefind reads the label and the identifier
// as one word and ranks every page that holds "doi" or "pmid" above the source.
const LABELLED: [label: RegExp, normalize: (text: string) => string | undefined][] = [
  [/^doi:(?=\s*10\.)/iu, normalizeDoi],
  [/^pmid:(?=\d)/iu, normalizePmid],
  [/^pmcid:(?=(?:pmc)?\d)/iu, normalizePmcid],
];

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The bare identifier a DOI, PubMed or PMC link or a `doi:`, `pmid:` or `pmcid:` label names, or undefined
 * for any other query. Labels followed by a space, such as "PMID 29198932", are searched as they are:
 * Pagefind finds those.
 */
export function identifierQuery(query: string): string | undefined {
  const text = query.trim();
  const pubmed = text.match(PUBMED_URL)?.[1];
  if (pubmed) return normalizePmid(pubmed);
  const pmc = text.match(PMC_URL)?.[1];
  if (pmc) return normalizePmcid(pmc);
  const labelled = LABELLED.find(([label]) => label.test(text));
  if (labelled) return labelled[1](text);
  return DOI_URL.test(text) ? normalizeDoi(decoded(text).replace(DOI_URL, '')) : undefined;
}

// A PMID has up to eight digits; a number of fewer than six is more likely a year, a dose or a sample size.
const BARE_PMID = /^\d{6,8}$/u;
// Only DOIs of letters, digits and . _ - / : how Pagefind splits one with other characters (old SICI DOIs
// hold "()<>;:") has not been checked, and a DOI the site has must never be reported missing.
const BARE_DOI = /^10\.\d{4,9}\/[a-z0-9._\-/]+$/iu;
const BARE_PMCID = /^pmc\d+$/iu;

/** An identifier as a search names it: its kind, as a reader calls it, and its bare form. */
export interface SearchedIdentifier {
  kind: 'DOI' | 'PMID' | 'PMCID';
  id: string;
}

/**
 * The identifier a query is made of alone ("10.1016/j.jpain.2017.11.005", "29198932", "PMC5927830"), quoted
 * or not, labelled or not ("PMID 29198932"); undefined for any other query. Pagefind matches the start of a DOI no page holds ("10.") with every
 * source's DOI, and a number by its first digits: such a search must find the identifier as it is or nothing.
 */
export function bareIdentifier(query: string): SearchedIdentifier | undefined {
  const text = query.trim().replace(/^"(.*)"$/u, '$1').trim().replace(/^(?:doi|pmid|pmcid)\s*:?\s*(?=\S)/iu, '');
  const doi = BARE_DOI.test(text) ? normalizeDoi(text) : undefined;
  if (doi) return { kind: 'DOI', id: doi };
  if (BARE_PMID.test(text)) return { kind: 'PMID', id: text };
  const pmcid = BARE_PMCID.test(text) ? normalizePmcid(text) : undefined;
  return pmcid ? { kind: 'PMCID', id: pmcid } : undefined;
}
