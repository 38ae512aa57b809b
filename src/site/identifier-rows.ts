import { safeHttpUrl } from '../citations/index.ts';
import { identifierLinks, identifiersOf, type CslItem } from '../citations/index.ts';

const LABELS = { doi: 'DOI', pmid: 'PMID', pmcid: 'PMCID' } as const;

/** An item's identifiers as shown on its page: the identifier itself, linked to its resolver. */
export function identifierRows(item: CslItem): { label: string; value: string; href: string }[] {
  const links = identifierLinks(item);
  // A DOI is shown as the entry writes it (10.7326/M16-2459, as the reference prints it); it is matched lower-cased.
  const shown = (scheme: keyof typeof LABELS, value: string) => (scheme === 'doi' && typeof item.DOI === 'string' && item.DOI.trim().toLowerCase() === value ? item.DOI.trim() : value);
  const rows: { label: string; value: string; href: string }[] = identifiersOf(item).map((id, i) => ({ label: LABELS[id.scheme], value: shown(id.scheme, id.value), href: links[i]!.href }));
  const url = typeof item.URL === 'string' ? safeHttpUrl(item.URL) : undefined;
  if (url) rows.push({ label: 'Web', value: url, href: url });
  return rows;
}
