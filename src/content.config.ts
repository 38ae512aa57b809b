import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'use lower-case words joined by hyphens, e.g. chronic-low-back-pain');

/** An evidence summary: plain-language frontmatter that readers see and search engines read. */
const articles = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/articles' }),
  schema: z.object({
    title: z.string().min(1),
    /** One or two plain-language sentences: shown under the title, in lists and in search results. */
    description: z.string().min(20).max(300),
    /** Conditions the summary is about, as slugs. */
    conditions: z.array(slug).min(1),
    /** Treatments the summary assesses, as slugs. */
    interventions: z.array(slug).min(1),
    lastReviewed: z.coerce.date(),
    published: z.coerce.date().optional(),
    authors: z.array(z.string()).default([]),
    /** Retracted or corrected sources the article still cites, by key: the note is shown beside the reference. */
    acknowledgedUpdates: z.record(z.string(), z.string().min(1)).default({}),
  }),
});

export const collections = { articles };
