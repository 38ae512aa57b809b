import { z } from 'astro/zod';

/** The styles bundled with the site, by the short names the config accepts. */
export const BUNDLED_STYLES = {
  ama: 'american-medical-association',
  vancouver: 'vancouver',
  apa: 'apa',
} as const;

/**
 * `ama`, `vancouver`, `apa`, or a path to a .csl file relative to the project root. Any other name
 * (`ieee`, `harvard`) is one of the official styles the site does not bundle: the message says where to get it.
 */
export const citationStyleSchema = z.string().refine((style) => Object.hasOwn(BUNDLED_STYLES, style) || /\.csl$/iu.test(style), {
  error: (issue) => `${JSON.stringify(issue.input)} is not a bundled style: write ama, vancouver or apa, or the path of a .csl file in the project, such as references/styles/ieee.csl, saved from the official CSL styles (https://github.com/citation-style-language/styles; Debian's citation-style-language-styles package puts them in /usr/share/citation-style-language/styles/)`,
});

export const CitationOptionsSchema = z.object({
  style: citationStyleSchema.default('ama'),
  /** CSL locale for dates and terms, e.g. en-US or en-GB. */
  locale: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/u, 'use a locale tag such as en-US or en-GB').default('en-US'),
  /** Folder of BibTeX, CSL-JSON and stored identifier metadata, relative to the project root. */
  references: z.string().default('references'),
  /** Heading of each article's reference list. */
  bibliographyTitle: z.string().min(1).default('References'),
}).strict();

export type CitationOptions = z.input<typeof CitationOptionsSchema>;
export type ResolvedCitationOptions = z.output<typeof CitationOptionsSchema>;
