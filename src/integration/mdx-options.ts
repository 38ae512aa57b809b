import type { MdxOptions } from '@astrojs/mdx';

/**
 * The @astrojs/mdx options summaries are compiled with. MDX turns each element of a summary into a call
 * that is rendered on its own; `optimize` makes each run of elements without a component in it one HTML
 * string instead: the same HTML, and a 1,000-summary build took a fifth less time (`npm run bench`).
 * An element that the summary page draws with a component of its own (its `components` in
 * src/pages/articles/[slug]/index.astro: `table` is ArticleTable) has to stay an element.
 */
export const summaryMdxOptions = { optimize: { ignoreElementNames: ['table'] } } satisfies Partial<MdxOptions>;
