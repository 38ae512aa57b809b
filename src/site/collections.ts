import { getCollection, render, type CollectionEntry } from 'astro:content';
import { root } from 'astro:config/server';
import { existsSync } from 'node:fs';
import type { Certainty } from '../components/search/facets.ts';
import { citationSummaryOf, type CitationSummary } from '../markdown/remark-citations.ts';
import { citedIn, type CitingArticle } from './cited-in.ts';
import { uncitedSummary } from './uncited-summary.ts';
import { unknownConditions } from './unknown-conditions.ts';
import { slugWords, treatmentNames, type TreatmentName } from './treatment-names.ts';
import { pageHref } from './urls.ts';
import type { ListPage } from './list-pages.ts';
import { articleListPages } from './article-list.ts';
import { referenceListPages, sortReferences, type ReferenceSort } from './reference-sort.ts';

export { slugWords, type TreatmentName };

export type Article = CollectionEntry<'articles'>;
export type Condition = CollectionEntry<'conditions'>;
export type Reference = CollectionEntry<'references'>;

/** An article with what its pages need besides frontmatter: its URL, citations and conditions. */
export interface ArticleView {
  entry: Article;
  slug: string;
  /** The article's href, with the site's base and trailing-slash policy. */
  url: string;
  citations: CitationSummary;
  /** The GRADE certainty of each key finding, as its `<Finding certainty>` says. */
  certainty: Certainty[];
  conditions: Condition[];
  /** The summary's `interventions`, named as content/treatments/ names them. */
  treatments: TreatmentName[];
  /** Condition slugs with no file in content/conditions/: shown as text, and warned about. */
  unknownConditions: string[];
}

let articles: Promise<ArticleView[]> | undefined;

async function loadArticles(): Promise<ArticleView[]> {
  const conditions = new Map((await getCollection('conditions')).map((c) => [c.id, c]));
  const conditionSlugs = new Set(conditions.keys());
  const entries = await getCollection('articles');
  // content/treatments/ is optional; Astro warns about reading a collection that has no entries.
  const treatmentFiles = existsSync(new URL('content/treatments/', root)) ? await getCollection('treatments') : [];
  const treatments = treatmentNames(treatmentFiles, entries.flatMap((entry) => entry.data.interventions));
  for (const warning of treatments.warnings) console.warn(`[evidence-site] ${warning}`);
  return Promise.all(entries.map(async (entry) => {
    const { remarkPluginFrontmatter } = await render(entry);
    const missing = entry.data.conditions.filter((id) => !conditions.has(id));
    // A site may start without condition pages: the summary still builds, and the author is told.
    for (const unknown of unknownConditions({ file: entry.filePath ?? entry.id, line: 1, column: 1 }, missing, conditionSlugs)) {
      console.warn(`[evidence-site] ${unknown.location!.file}: ${unknown.message}. ${unknown.hint}`);
    }
    const citations = citationSummaryOf(remarkPluginFrontmatter) ?? { title: 'References', references: [] };
    if (citations.references.length === 0) {
      const uncited = uncitedSummary(entry.filePath ?? entry.id);
      console.warn(`[evidence-site] ${uncited.location!.file}: ${uncited.message}. ${uncited.hint}`);
    }
    return {
      entry,
      slug: entry.id,
      url: pageHref(`/articles/${entry.id}/`),
      citations,
      certainty: (remarkPluginFrontmatter.certainty as Certainty[] | undefined) ?? [],
      conditions: entry.data.conditions.flatMap((id) => conditions.get(id) ?? []),
      treatments: entry.data.interventions.map((slug) => treatments.names.get(slug)!),
      unknownConditions: missing,
    };
  }));
}

/** Every article, newest review first; rendered once per build and shared by all pages. */
export function allArticles(): Promise<ArticleView[]> {
  articles ??= loadArticles().then((list) => list.sort((a, b) => b.entry.data.lastReviewed.getTime() - a.entry.data.lastReviewed.getTime() || a.slug.localeCompare(b.slug)));
  return articles;
}

let bySlug: Promise<Map<string, ArticleView>> | undefined;

/** Every article by slug; built once per build, since each of thousands of reference pages looks up the few that cite it. */
export function articlesBySlug(): Promise<Map<string, ArticleView>> {
  bySlug ??= allArticles().then((list) => new Map(list.map((article) => [article.slug, article])));
  return bySlug;
}

/** For each reference key, every article and passage that cites it, linked to each citation. */
export async function citationIndex(): Promise<Map<string, CitingArticle[]>> {
  return citedIn((await allArticles()).map((a) => ({ slug: a.slug, title: a.entry.data.title, url: a.url, citations: a.citations })));
}

/** Every condition, A to Z. */
export async function allConditions(): Promise<Condition[]> {
  return (await getCollection('conditions')).sort((a, b) => a.data.name.localeCompare(b.data.name));
}

let references: Promise<Map<string, Reference>> | undefined;

/**
 * Every reference in the library, by citation key; built once per build and shared, since every
 * article page asks for it (pages × references made 10,000 articles quadratic).
 */
export function referencesByKey(): Promise<Map<string, Reference>> {
  references ??= getCollection('references').then((list) => new Map(list.map((ref) => [ref.data.key, ref])));
  return references;
}

/** A reference as the sorted lists show it: its record and the address of its page. */
export type ReferenceRow = Reference['data'] & { id: string };

const referenceLists = new Map<ReferenceSort, Promise<ListPage<ReferenceRow>[]>>();

/** The pages of the reference list in one order; sorted once per build, since each of its pages asks. */
export function referenceList(sort: ReferenceSort): Promise<ListPage<ReferenceRow>[]> {
  let list = referenceLists.get(sort);
  if (!list) {
    list = getCollection('references').then((references) => referenceListPages(sortReferences(references.map((ref) => ({ ...ref.data, id: ref.id })), sort), sort));
    referenceLists.set(sort, list);
  }
  return list;
}

let articleList: Promise<ListPage<ArticleView>[]> | undefined;

/** The pages of the summaries' A to Z list; sorted once per build, since each of its pages asks. */
export function articlePages(): Promise<ListPage<ArticleView>[]> {
  articleList ??= allArticles().then((articles) => articleListPages(articles, (article) => article.entry.data.title));
  return articleList;
}

/** The treatments a set of summaries assesses, each once. */
export function treatmentsOf(articles: ArticleView[]): TreatmentName[] {
  return [...new Map(articles.flatMap((article) => article.treatments.map((treatment) => [treatment.name, treatment] as const))).values()];
}
