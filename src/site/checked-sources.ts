/**
 * What an article may say about its sources: how many, and how many the build checked against a stored
 * registry record. Unchecked sources are routine until an editor runs `refs add` online; the page must
 * not claim more than the build did.
 */
export function sourcesLine(total: number, checked: number): string {
  const count = `${total} reference${total === 1 ? '' : 's'}`;
  if (checked === 0) return count;
  if (checked === total) return `${count}, ${total === 1 ? '' : 'each '}checked against PubMed or the publisher`;
  return `${count}, ${checked} of them checked against PubMed or the publisher`;
}

/**
 * Whether the site may promise that every source is checked: only when it has sources and the build
 * checked each (a new site with an empty library has nothing checked).
 */
export function everySourceChecked(sources: { checkedAgainst: unknown[] }[]): boolean {
  return sources.length > 0 && sources.every((source) => source.checkedAgainst.length > 0);
}

const REGISTRIES: [RegExp, string][] = [
  [/(^|\.)doi\.org$/u, 'doi.org (the publisher)'],
  [/(^|\.)ncbi\.nlm\.nih\.gov$/u, 'PubMed'],
];

/** Who keeps a stored record, from the address it was fetched from: "PubMed", "doi.org (the publisher)". */
export function registryName(source: string): string {
  let host = '';
  try {
    host = new URL(source).hostname;
  } catch {
    return 'its registry';
  }
  return REGISTRIES.find(([pattern]) => pattern.test(host))?.[1] ?? host;
}
