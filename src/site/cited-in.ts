/** What the index needs of an article's citations (a CitationSummary): each cited source's number and citing places. */
type ArticleCitations = { references: { key: string; label?: string; citations: { id: string; context: string }[] }[] };

/** A passage that cites a reference, with a link to each citation of it in that passage. */
export interface CitingPassage {
  context: string;
  /** Links to the citation instances, the article's URL and `#cite-…`, in reading order. */
  hrefs: string[];
}

/** One article's citations of a reference: each citing passage, deep-linked to the citation instances. */
export interface CitingArticle {
  slug: string;
  title: string;
  /** The article's href, as the site links to it. */
  url: string;
  /** The reference's number in that article's list ("3."), in numbered styles. */
  label?: string;
  passages: CitingPassage[];
}

/**
 * Inverts the articles' citation summaries: for each reference key, every article that cites it and
 * every passage there, in reading order. Two citations in one passage share one entry.
 */
export function citedIn(articles: { slug: string; title: string; url: string; citations: ArticleCitations }[]): Map<string, CitingArticle[]> {
  const index = new Map<string, CitingArticle[]>();
  for (const article of articles) {
    for (const reference of article.citations.references) {
      const passages: CitingPassage[] = [];
      for (const citation of reference.citations) {
        const href = `${article.url}#${citation.id}`;
        const same = passages.find((passage) => passage.context === citation.context && citation.context !== '');
        if (same) same.hrefs.push(href);
        else passages.push({ context: citation.context, hrefs: [href] });
      }
      const citing: CitingArticle = { slug: article.slug, title: article.title, url: article.url, ...(reference.label ? { label: reference.label } : {}), passages };
      index.set(reference.key, [...(index.get(reference.key) ?? []), citing]);
    }
  }
  return index;
}
