/** A longer query is pasted text rather than a question; trying its words one by one would stall the page. */
const MAX_WORDS = 8;
const HAS_WORD = /[\p{L}\p{N}]/u;
// "Vickers et al 2018", as a citation names a group of authors (and as this site's breadcrumbs and narrative
// citations print it): no page spells it out, and "al" alone is on pages that do ("Cherkin et al").
const ET_AL = /(?<![\p{L}\p{N}])et\.?\s+al\b\.?,?/giu;

/**
 * The query without "et al" (and the comma after it), which no page spells out, so that "Vickers et al 2018"
 * finds what "Vickers 2018" finds; undefined when the query has none or is nothing else.
 */
export function withoutEtAl(term: string): string | undefined {
  const rest = term.replace(ET_AL, ' ').replace(/\s+/gu, ' ').trim();
  return rest !== term.trim() && HAS_WORD.test(rest) ? rest : undefined;
}

// Words that only join others ("stiff knees in the morning"): once a shorter query finds pages, offering
// "stiff knees in the" reads as a broken sentence and finds fewer pages than "stiff knees".
const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'in', 'on', 'at', 'of', 'to', 'for', 'with', 'from', 'by', 'after', 'before', 'during', 'about',
  'over', 'under', 'into', 'onto', 'than', 'as', 'so', 'if', 'up', 'out', 'off', 'through', 'between', 'per', 'via', 'vs', 'versus',
  'when', 'while', 'how', 'why', 'will',
  'and', 'or', 'but', 'that', 'this', 'these', 'those', 'it', 'is', 'are', 'was', 'be', 'can', 'do', 'has', 'have', 'all', 'every', 'any', 'some',
]);
const isFunctionWord = (word: string) => FUNCTION_WORDS.has(word.toLowerCase());

/** What the query without its rarest words finds. */
export interface BroaderQuery {
  query: string;
  /** The words left out, as typed. */
  dropped: string[];
  results: number;
  /**
   * When one word is left, each other word that pages hold, alone: "sciatica exercises" finds nothing, and
   * "exercises" is no more what was asked than "sciatica".
   */
  alternatives?: BroaderQuery[];
}

/**
 * Pagefind finds only pages that hold every word, and readers type questions: "can acupuncture help my
 * knee" finds nothing because no page says "my". This leaves out the words no page holds, then the
 * rarest of the rest (those fewest pages hold) one at a time, until the rest finds pages; the common
 * words that carry the question stay longest. `count` tells how many pages a query finds. Undefined
 * when nothing is found, there is nothing to leave out, or the query is a quoted phrase. The query offered
 * leaves out the words that only joined others ("in", "the"); `dropped` names the others. The page has
 * taken "et al" out already (withoutEtAl).
 */
export async function broaderQuery(term: string, count: (query: string) => Promise<number>): Promise<BroaderQuery | undefined> {
  // Pagefind lowercases words; repeats and bare punctuation find nothing more.
  const seen = new Set<string>();
  const words = term.trim().split(/\s+/u).filter((word) => HAS_WORD.test(word) && !seen.has(word.toLowerCase()) && seen.add(word.toLowerCase()));
  if (words.length < 2 || words.length > MAX_WORDS || term.includes('"')) return undefined;
  const pages = new Map(await Promise.all(words.map(async (word) => [word, await count(word)] as const)));
  let kept = words.filter((word) => pages.get(word)! > 0);
  const withAlternatives = (found: BroaderQuery): BroaderQuery => {
    if (found.query.includes(' ')) return found;
    const alternatives = found.dropped.filter((word) => !isFunctionWord(word) && pages.get(word)! > 0)
      .map((word) => ({ query: word, dropped: words.filter((other) => other !== word && !isFunctionWord(other)), results: pages.get(word)! }));
    return alternatives.length ? { ...found, alternatives } : found;
  };
  const result = async (): Promise<BroaderQuery | undefined> => {
    if (kept.length === 0) return undefined;
    const results = kept.length === 1 ? pages.get(kept[0]!)! : await count(kept.join(' '));
    // Words that only joined the dropped ones are no search ("for"); without them the rest finds at least as many pages.
    const content = kept.filter((word) => !isFunctionWord(word));
    if (results === 0 || content.length === 0) return undefined;
    const found = { query: kept.join(' '), dropped: words.filter((word) => !kept.includes(word)), results };
    if (content.length === kept.length) return withAlternatives(found);
    return withAlternatives({ ...found, query: content.join(' '), results: content.length === 1 ? pages.get(content[0]!)! : await count(content.join(' ')) });
  };
  if (kept.length < words.length) {
    const found = await result();
    if (found) return found;
  }
  for (const rarest of [...kept].sort((a, b) => pages.get(a)! - pages.get(b)!)) {
    kept = kept.filter((word) => word !== rarest);
    const found = await result();
    if (found) return found;
  }
  return undefined;
}

/**
 * Whether the broader query can be searched in place of the one typed: it keeps two or more words that
 * carry meaning, or leaves out only words that join others. One word left of two may not be what the
 * reader asked about ("heart attack" without "heart" finds migraine attacks): that one is offered instead.
 */
export function standsInFor(broader: BroaderQuery): boolean {
  return broader.query.split(' ').filter((word) => !isFunctionWord(word)).length >= 2 || broader.dropped.every(isFunctionWord);
}
