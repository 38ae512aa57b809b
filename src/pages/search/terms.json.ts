import type { APIRoute } from 'astro';
import { root } from 'astro:config/server';
import { readFileSync } from 'node:fs';
import { everydayWordsNear } from '../../components/search/everyday-words.ts';
import { searchVocabulary, type SearchTerms } from '../../components/search/suggest.ts';
import { allArticles, allConditions, referencesByKey, treatmentsOf } from '../../site/collections.ts';
import { everydayEnglish } from '../../site/everyday-english.ts';

/** The words the search page corrects misspelt queries to, and the everyday words it leaves as typed (see suggest.ts). */
export const GET: APIRoute = async () => {
  const articles = await allArticles();
  const conditions = await allConditions();
  const references = [...(await referencesByKey()).values()];
  const words = searchVocabulary([
    // The summaries' own text too: a word they use is no misspelling, though no title has it ("dose").
    ...articles.flatMap(({ entry }) => [entry.data.title, entry.data.description, entry.filePath ? readFileSync(new URL(entry.filePath, root), 'utf8') : '']),
    ...conditions.flatMap((condition) => [condition.data.name, ...condition.data.alsoKnownAs]),
    ...treatmentsOf(articles).flatMap((treatment) => [treatment.name, ...treatment.aliases]),
    ...references.map((reference) => reference.data.firstAuthor),
    // A source's title is on its indexed page, and may be the only place a condition is named ("sciatica").
    ...references.map((reference) => reference.data.title),
    // A journal's words are on its sources' pages only: "anaesthesiology" found the pages with "an".
    ...references.flatMap((reference) => reference.data.journal ?? []),
  ]);
  const terms: SearchTerms = { words, everyday: everydayWordsNear(words, everydayEnglish(root)) };
  return new Response(JSON.stringify(terms), { headers: { 'Content-Type': 'application/json' } });
};
