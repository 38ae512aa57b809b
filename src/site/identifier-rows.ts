import { safeHttpUrl } from '../citations/index.ts';
import { identifierLinks, identifiersOf, type CslItem } from '../citations/index.ts';

const LABELS = { doi: 'DOI', pmid: 'PMID', pmcid: 'PMCID' } as const;

/** An item's identifiers as shown on its page: the identifier itself, linked to its resolver. */
export function identifierRows(item: CslItem): { label: string; value: string; href: string }[] {
  const links = identifierLinks(item);
  const rows: { label: string; value: string; href: string }[] = identifiersOf(item).map((id, i) => ({ label: LABELS[id.scheme], value: id.value, href: links[i]!.href }));
  const url = typeof item.URL === 'string' ? safeHttpUrl(item.URL) : undefined;
  if (url) rows.push({ label: 'Web', value: url, href: url });
  return rows;
}
