import { normalizeDoi, normalizePmcid, normalizePmid } from '../../citations/identifiers.ts';

// Clinicians paste identifiers as links or with a label. Pagefind splits "https://doi.org/10.1016/…"
// into words that every source page holds ("https", "doi", "org"), so the source itself is lost among
// them; the bare identifier, which reference pages index, finds it first.
const PUBMED_URL = /^https?:\/\/(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov\/pubmed)\/(\d+)\/?(?:[?#].*)?$/iu;
const PMC_URL = /^https?:\/\/(?:pmc\.ncbi\.nlm\.nih\.gov|(?:www\.)?ncbi\.nlm\.nih\.gov\/pmc)\/articles\/(PMC\d+)\/?(?:[?#].*)?$/iu;
const LABELLED = /^(doi|pmid|pmcid)\s*:?\s*(\S+)$/iu;

/** The bare identifier a query names, or undefined when it is not a DOI, PubMed or PMC link or label. */
export function identifierQuery(query: string): string | undefined {
  const text = query.trim();
  const pubmed = text.match(PUBMED_URL)?.[1];
  if (pubmed) return normalizePmid(pubmed);
  const pmc = text.match(PMC_URL)?.[1];
  if (pmc) return normalizePmcid(pmc);
  const labelled = text.match(LABELLED);
  if (labelled) {
    const normalize = { doi: normalizeDoi, pmid: normalizePmid, pmcid: normalizePmcid }[labelled[1]!.toLowerCase() as 'doi' | 'pmid' | 'pmcid'];
    return normalize(labelled[2]!);
  }
  return /^https?:\/\/(?:dx\.)?doi\.org\//iu.test(text) ? normalizeDoi(decodeURIComponent(text)) : undefined;
}
