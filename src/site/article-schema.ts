import { z } from 'astro/zod';

/**
 * A calendar date written YYYY-MM-DD: YAML reads it as a date, or as text when quoted. A year alone
 * (`2027`, a number) or `01/02/2026` (day or month first?) would otherwise become some other date.
 */
const isoDate = z.union([
  z.date(),
  // z.iso.date() also refuses days the calendar does not have (2026-02-30), which new Date() would roll over.
  z.iso.date().transform((text) => new Date(`${text}T00:00:00Z`)),
  // A date with a time, as YAML (and Astro) reads an unquoted one.
  z.iso.datetime({ offset: true, local: true }).transform((text) => new Date(text)),
], { error: (issue) => (typeof issue.input === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(issue.input) ? `${issue.input} is not a date of the calendar` : 'write the date as YYYY-MM-DD, e.g. 2026-11-27') });

// Control characters (a pasted ESC, NUL or form feed) show readers nothing, and XML has no place for
// them: one in a title made the RSS feed unreadable to every feed reader, and reached pages and search.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/** Text readers see: any string without control characters (tabs and line ends are fine). */
const text = () => z.string().refine((value) => !CONTROL.test(value), {
  error: (issue) => {
    const code = String(issue.input).match(CONTROL)![0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `delete the control character U+${code}, which readers cannot see and which the site's feed cannot hold (it is often pasted with the text)`;
  },
});

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'use lower-case words joined by hyphens, e.g. chronic-low-back-pain');

const reviewer = z.object({
  name: text().min(1),
  /** Qualifications and role, e.g. "MB ChB, MRCGP; general practitioner". */
  credentials: text().min(1),
  /** Interests that could bias the review; write "None declared" when there are none. */
  disclosures: text().min(1),
}).strict();

const change = z.object({
  date: isoDate,
  summary: text().min(1),
  /** True when the change altered what the summary concludes, not only its wording or sources. */
  conclusionsChanged: z.boolean().default(false),
}).strict();

/** An evidence summary's frontmatter: plain language that readers see and search engines read. */
export const articleSchema = z.object({
  title: text().min(1, 'write the title readers see'),
  /** One or two plain-language sentences: shown under the title, in lists and in search results. */
  description: text()
    .min(20, 'write one or two plain-language sentences (at least 20 characters)')
    .max(300, 'keep it to one or two sentences (at most 300 characters): lists and search results show it whole'),
  /** Conditions the summary is about, as slugs of content/conditions/ entries. */
  conditions: z.array(slug).min(1, 'name at least one condition, e.g. [chronic-low-back-pain]'),
  /** Treatments the summary assesses, as slugs. */
  interventions: z.array(slug).min(1, 'name at least one treatment, e.g. [acupuncture]'),
  lastReviewed: isoDate,
  published: isoDate.optional(),
  authors: z.array(text()).default([]),
  /** Date of the newest evidence the editors searched for or read. */
  evidenceCurrentTo: isoDate.optional(),
  /** When the summary is next due to be checked. */
  nextReview: isoDate.optional(),
  reviewers: z.array(reviewer).default([]),
  /** Dated change history, newest first. */
  changes: z.array(change).default([]),
  /** Retracted or corrected sources the article still cites, by key: the note is shown beside the reference. */
  acknowledgedUpdates: z.record(z.string(), text().min(1)).default({}),
});
