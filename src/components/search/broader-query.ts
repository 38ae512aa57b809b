/** A longer query is pasted text rather than a question; trying its words one by one would stall the page. */
const MAX_WORDS = 8;

/** What the query without its rarest words finds. */
export interface BroaderQuery {
  query: string;
  /** The words left out, as typed. */
  dropped: string[];
  results: number;
}

/**
 * Pagefind finds only pages that hold every word, and readers type questions: "can acupuncture help my
 * knee" finds nothing because no page says "my". This drops the query's rarest words (those fewest pages
 * hold, "my" first), one at a time, until the rest finds pages; the common words that carry the question
 * stay longest. `count` tells how many pages a query finds. Undefined when nothing is found or there is
 * nothing to drop.
 */
export async function broaderQuery(term: string, count: (query: string) => Promise<number>): Promise<BroaderQuery | undefined> {
  const words = term.trim().split(/\s+/u).filter(Boolean);
  if (words.length < 2 || words.length > MAX_WORDS || /["]/u.test(term)) return undefined;
  const pages = new Map(await Promise.all(words.map(async (word) => [word, await count(word)] as const)));
  const kept = [...words];
  for (const rarest of [...new Set(words)].sort((a, b) => pages.get(a)! - pages.get(b)!)) {
    while (kept.includes(rarest)) kept.splice(kept.indexOf(rarest), 1);
    if (kept.length === 0) return undefined;
    const query = kept.join(' ');
    const results = kept.length === 1 ? pages.get(kept[0]!)! : await count(query);
    if (results > 0) return { query, dropped: words.filter((word) => !kept.includes(word)), results };
  }
  return undefined;
}
