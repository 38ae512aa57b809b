import type { CitationSummary } from '../markdown/remark-citations.ts';

/** One article's citations of a reference: each citing passage, deep-linked to the citation instance. */
export interface CitingArticle {
  slug: string;
  title: string;
  /** The reference's number in that article's list ("3."), in numbered styles. */
  label?: string;
  places: { href: string; context: string }[];
}

/**
 * Inverts the articles' citation summaries: for each reference key, every article that cites it,
 * in the order given, and every place in that article, in reading order.
 */
export function citedIn(articles: { slug: string; title: string; citations: CitationSummary }[]): Map<string, CitingArticle[]> {
  const index = new Map<string, CitingArticle[]>();
  for (const article of articles) {
    for (const reference of article.citations.references) {
      const citing: CitingArticle = {
        slug: article.slug,
        title: article.title,
        ...(reference.label ? { label: reference.label } : {}),
        places: reference.citations.map((citation) => ({ href: `/articles/${article.slug}/#${citation.id}`, context: citation.context })),
      };
      index.set(reference.key, [...(index.get(reference.key) ?? []), citing]);
    }
  }
  return index;
}
