import { z } from 'astro/zod';

/** The styles bundled with the site, by the short names the config accepts. */
export const BUNDLED_STYLES = {
  ama: 'american-medical-association',
  vancouver: 'vancouver',
  apa: 'apa',
} as const;

export const CitationOptionsSchema = z.object({
  /** `ama` (default), `vancouver`, `apa`, or a path to a .csl file relative to the project root. */
  style: z.union([z.enum(['ama', 'vancouver', 'apa']), z.string().regex(/\.csl$/u, 'a custom style must be a path to a .csl file')]).default('ama'),
  /** CSL locale for dates and terms, e.g. en-US or en-GB. */
  locale: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/u, 'use a locale tag such as en-US or en-GB').default('en-US'),
  /** Folder of BibTeX, CSL-JSON and stored identifier metadata, relative to the project root. */
  references: z.string().default('references'),
  /** Heading of each article's reference list. */
  bibliographyTitle: z.string().min(1).default('References'),
}).strict();

export type CitationOptions = z.input<typeof CitationOptionsSchema>;
export type ResolvedCitationOptions = z.output<typeof CitationOptionsSchema>;
