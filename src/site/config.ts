import { z } from 'astro/zod';
import { citationStyleSchema } from '../integration/options.ts';
import { userError } from '../integration/user-error.ts';

/**
 * The site's identity: everything another organisation changes to publish its own evidence library,
 * read from `content/site.json` (documented in the README, "Your own evidence library").
 */
export const SiteConfigSchema = z.object({
  /** Shown in the header, page titles, feeds and "Cite this summary". */
  name: z.string().min(1),
  /** A short line under the name on the home page. */
  tagline: z.string().min(1),
  /** What the site is, for the home page, feeds and search engines. */
  description: z.string().min(20).max(300),
  /** Public origin, used for canonical links, the sitemap, the feed and citations; a path goes in Astro's `base`. */
  url: z.url({ protocol: /^https?$/u })
    .refine((url) => new URL(url).pathname === '/', 'give the origin only, e.g. https://evidence.example.org; to serve the site under a path, set base in astro.config.mjs (e.g. base: \'/library\')')
    .transform((url) => url.replace(/\/+$/u, '')),
  /** The organisation that publishes and reviews the summaries; the author when an article names none. */
  publisher: z.string().min(1),
  contact: z.object({ email: z.email().optional(), url: z.url().optional() }).strict()
    .refine((contact) => contact.email || contact.url, 'give an email or a url'),
  /** BCP 47 tag: the page language, date format and CSL locale. */
  locale: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/u, 'use a locale tag such as en-GB or en-US').default('en-GB'),
  /** Reference style of every article: ama, vancouver, apa, or a path to a .csl file. */
  citationStyle: citationStyleSchema.default('ama'),
  license: z.object({ name: z.string().min(1), url: z.url() }).strict().optional(),
}).strict();

export type SiteConfig = z.output<typeof SiteConfigSchema>;

/** Validates the text of `content/site.json`; a problem names the file, the field and the fix. */
export function parseSiteConfig(text: string, path = 'content/site.json'): SiteConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // Node names the place as "… in JSON at position 489 (line 9 column 3)".
    const place = /\(line (\d+) column (\d+)\)/u.exec(reason);
    throw userError(
      `${path}${place ? `:${place[1]}:${place[2]}` : ''}: not valid JSON (${reason.replace(/ in JSON at position \d+.*$/u, '')}).`,
      'Fix the syntax there: every key and string needs double quotes, and a comma goes between two fields but not after the last one.',
    );
  }
  const parsed = SiteConfigSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(top level)'}: ${issue.message}`).join('\n');
  throw userError(`${path} has ${parsed.error.issues.length} problem(s):\n${problems}`, 'See "Your own evidence library" in the README for every field.');
}
