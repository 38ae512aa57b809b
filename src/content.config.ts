import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { existsSync } from 'node:fs';
import { z } from 'astro/zod';
import { articlesLoader } from './integration/articles-loader.ts';
import { reportingErrors } from './integration/content-file-errors.ts';
import { dataFileReport } from './integration/data-files.ts';
import { referencesLoader } from './integration/references-loader.ts';
import { articleSchema } from './site/article-schema.ts';
import { conditionSchema, treatmentSchema } from './site/data-schemas.ts';

/** An evidence summary: plain-language frontmatter that readers see and search engines read. */
const articles = defineCollection({
  loader: articlesLoader(),
  schema: articleSchema,
});

/** A condition readers browse by: one YAML file per condition in content/conditions/. */
const conditions = defineCollection({
  loader: reportingErrors(glob({ pattern: '*.{yaml,yml}', base: './content/conditions' }), dataFileReport('content/conditions')),
  schema: conditionSchema,
});

/** A folder a site may leave out: Astro's glob loader warns about a missing one on every build. */
function optionalFolder(base: string, pattern: string): Loader {
  const loader = glob({ pattern, base });
  return { ...loader, load: (context) => (existsSync(new URL(base, context.config.root)) ? loader.load(context) : Promise.resolve(context.store.clear())) };
}

/**
 * A treatment's other names, for search: one YAML file per treatment in content/treatments/, named after the
 * slug summaries list in `interventions` (cognitive-behavioural-therapy.yaml). Optional: a treatment without a
 * file is named by its slug's words.
 */
const treatments = defineCollection({
  loader: reportingErrors(optionalFolder('./content/treatments', '*.{yaml,yml}'), dataFileReport('content/treatments')),
  schema: treatmentSchema,
});

/** Every source in references/, formatted by the citation engine (see src/integration/references-loader.ts). */
const references = defineCollection({
  loader: referencesLoader(),
  schema: z.object({
    key: z.string(),
    slug: z.string(),
    formerKeys: z.array(z.string()),
    html: z.string(),
    text: z.string(),
    title: z.string(),
    authors: z.string(),
    firstAuthor: z.string(),
    year: z.number().optional(),
    journal: z.string().optional(),
    links: z.array(z.object({ label: z.string(), href: z.string() })),
    checkedAgainst: z.array(z.object({ source: z.string(), fetched: z.string() })),
    item: z.looseObject({ id: z.string(), type: z.string() }),
  }),
});

export const collections = { articles, conditions, treatments, references };
