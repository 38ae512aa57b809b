import type { APIRoute } from 'astro';
import { searchVocabulary } from '../../components/search/suggest.ts';
import { allArticles, allConditions, referencesByKey, treatmentsOf } from '../../site/collections.ts';

/** The words the search page corrects misspelt queries to (see suggest.ts). */
export const GET: APIRoute = async () => {
  const articles = await allArticles();
  const conditions = await allConditions();
  const references = [...(await referencesByKey()).values()];
  const vocabulary = searchVocabulary([
    // The summaries' own text too: a word they use is no misspelling, though no title has it ("dose").
    ...articles.flatMap((article) => [article.entry.data.title, article.entry.data.description, article.entry.body ?? '']),
    ...conditions.flatMap((condition) => [condition.data.name, ...condition.data.alsoKnownAs]),
    ...treatmentsOf(articles),
    ...references.map((reference) => reference.data.firstAuthor),
  ]);
  return new Response(JSON.stringify(vocabulary), { headers: { 'Content-Type': 'application/json' } });
};
