import { normalizeDoi, normalizePmcid, normalizePmid } from '../../citations/identifiers.ts';

// Clinicians paste identifiers as links or with a label. Pagefind splits "https://doi.org/10.1016/…"
// into words that every source page holds ("https", "doi", "org"), so the source itself is lost among
// them; the bare identifier, which reference pages index, finds it first.
const PUBMED_URL = /^https?:\/\/(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov\/pubmed)\/(\d+)\/?(?:[?#].*)?$/iu;
const PMC_URL = /^https?:\/\/(?:pmc\.ncbi\.nlm\.nih\.gov|(?:www\.)?ncbi\.nlm\.nih\.gov\/pmc)\/articles\/(PMC\d+)\/?(?:[?#].*)?$/iu;
const DOI_URL = /^https?:\/\/(?:dx\.|www\.)?doi\.org\//iu;
// "doi:10.1016/…", as AMA and Vancouver print it (this site's reference lists too): Pagefind reads the
// label and the DOI as one word and ranks every page that holds "doi" above the source.
const DOI_LABEL = /^doi:(?=\s*10\.)/iu;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The bare identifier a DOI, PubMed or PMC link or a `doi:` DOI names, or undefined for any other query.
 * Labels such as "PMID 29198932" are searched as they are: Pagefind finds those.
 */
export function identifierQuery(query: string): string | undefined {
  const text = query.trim();
  const pubmed = text.match(PUBMED_URL)?.[1];
  if (pubmed) return normalizePmid(pubmed);
  const pmc = text.match(PMC_URL)?.[1];
  if (pmc) return normalizePmcid(pmc);
  if (DOI_LABEL.test(text)) return normalizeDoi(text);
  return DOI_URL.test(text) ? normalizeDoi(decoded(text).replace(DOI_URL, '')) : undefined;
}
