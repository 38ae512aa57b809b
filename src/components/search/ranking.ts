/**
 * How search ranks pages: readers get the summaries and condition pages that explain a topic before
 * the individual sources behind them. Used by the templates (weights) and the search page (ranking).
 */

/** `data-pagefind-weight` of a reference page's content: its words count half as much as a summary's. */
export const REFERENCE_CONTENT_WEIGHT = 0.5;

/** The metadata field with the other names of a page's conditions ("lumbago", "LBP"); only summaries and condition pages carry it. */
export const ALIASES_META = 'aliases';

/** The metadata field with the treatments a summary assesses; only summaries carry it. */
export const TREATMENTS_META = 'treatments';

/**
 * Pagefind's ranking options for the search page (pagefind.app/docs/ranking). Pagefind adds a boost for
 * a match in a metadata field, scaled by the field's weight: 5 for the title, 1 for other fields. A
 * reader's word for a condition or a treatment, matched in what a summary or condition page is about,
 * should outweigh the same word in a source's title ("osteoarthritis of the knee" and "acupuncture" are
 * also in the titles of trials).
 */
export const RANKING = { metaWeights: { [ALIASES_META]: 10, [TREATMENTS_META]: 10 } } as const;
