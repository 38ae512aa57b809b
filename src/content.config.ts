import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { ARTICLES_FOLDER } from './integration/project.ts';
import { referencesLoader } from './integration/references-loader.ts';

/**
 * A calendar date written YYYY-MM-DD: YAML reads it as a date, or as text when quoted. A year alone
 * (`2027`, a number) or `01/02/2026` (day or month first?) would otherwise become some other date.
 */
const isoDate = z.union([
  z.date(),
  // z.iso.date() also refuses days the calendar does not have (2026-02-30), which new Date() would roll over.
  z.iso.date().transform((text) => new Date(`${text}T00:00:00Z`)),
], { error: 'write the date as YYYY-MM-DD, e.g. 2026-11-27' });

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'use lower-case words joined by hyphens, e.g. chronic-low-back-pain');

const reviewer = z.object({
  name: z.string().min(1),
  /** Qualifications and role, e.g. "MB ChB, MRCGP; general practitioner". */
  credentials: z.string().min(1),
  /** Interests that could bias the review; write "None declared" when there are none. */
  disclosures: z.string().min(1),
}).strict();

const change = z.object({
  date: isoDate,
  summary: z.string().min(1),
  /** True when the change altered what the summary concludes, not only its wording or sources. */
  conclusionsChanged: z.boolean().default(false),
}).strict();

/** An evidence summary: plain-language frontmatter that readers see and search engines read. */
const articles = defineCollection({
  // Pages render an article from its compiled module, never from its source text: kept in the data
  // store, that text went into the build's bundle too (450 MB more at peak for 1,000 articles).
  loader: glob({ pattern: '**/*.mdx', base: `./${ARTICLES_FOLDER}`, retainBody: false }),
  schema: z.object({
    title: z.string().min(1),
    /** One or two plain-language sentences: shown under the title, in lists and in search results. */
    description: z.string().min(20).max(300),
    /** Conditions the summary is about, as slugs of content/conditions/ entries. */
    conditions: z.array(slug).min(1),
    /** Treatments the summary assesses, as slugs. */
    interventions: z.array(slug).min(1),
    lastReviewed: isoDate,
    published: isoDate.optional(),
    authors: z.array(z.string()).default([]),
    /** Date of the newest evidence the editors searched for or read. */
    evidenceCurrentTo: isoDate.optional(),
    /** When the summary is next due to be checked. */
    nextReview: isoDate.optional(),
    reviewers: z.array(reviewer).default([]),
    /** Dated change history, newest first. */
    changes: z.array(change).default([]),
    /** Retracted or corrected sources the article still cites, by key: the note is shown beside the reference. */
    acknowledgedUpdates: z.record(z.string(), z.string().min(1)).default({}),
  }),
});

/** A condition readers browse by: one YAML file per condition in content/conditions/. */
const conditions = defineCollection({
  loader: glob({ pattern: '*.{yaml,yml}', base: './content/conditions' }),
  schema: z.object({
    name: z.string().min(1),
    /** Other names readers search for: "lumbago", "LBP". */
    alsoKnownAs: z.array(z.string().min(1)).default([]),
    /** ICD-10 code, e.g. M54.5, when one fits. */
    icd10: z.string().regex(/^[A-Z]\d{2}(\.\d{1,2})?$/u, 'use an ICD-10 code such as M54.5 or G43').optional(),
    /** Two or three plain-language sentences. */
    description: z.string().min(20).max(600),
  }).strict(),
});

/** Every source in references/, formatted by the citation engine (see src/integration/references-loader.ts). */
const references = defineCollection({
  loader: referencesLoader(),
  schema: z.object({
    key: z.string(),
    slug: z.string(),
    html: z.string(),
    text: z.string(),
    title: z.string(),
    authors: z.string(),
    firstAuthor: z.string(),
    year: z.number().optional(),
    journal: z.string().optional(),
    links: z.array(z.object({ label: z.string(), href: z.string() })),
    checked: z.boolean(),
    item: z.looseObject({ id: z.string(), type: z.string() }),
  }),
});

export const collections = { articles, conditions, references };
