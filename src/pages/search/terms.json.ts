import type { APIRoute } from 'astro';
import { searchVocabulary } from '../../components/search/suggest.ts';
import { allArticles, allConditions, referencesByKey, treatmentsOf } from '../../site/collections.ts';

/** The words the search page corrects misspelt queries to (see suggest.ts). */
export const GET: APIRoute = async () => {
  const articles = await allArticles();
  const conditions = await allConditions();
  const references = [...(await referencesByKey()).values()];
  const vocabulary = searchVocabulary([
    ...articles.flatMap((article) => [article.entry.data.title, article.entry.data.description]),
    ...conditions.flatMap((condition) => [condition.data.name, ...condition.data.alsoKnownAs]),
    ...treatmentsOf(articles),
    ...references.map((reference) => reference.data.firstAuthor),
  ]);
  return new Response(JSON.stringify(vocabulary), { headers: { 'Content-Type': 'application/json' } });
};
