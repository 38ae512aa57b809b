/** A CSL style as the engine needs it: its XML and whether citations are numbers or author-date. */
export interface CitationStyle {
  /** Short name shown in messages, e.g. "american-medical-association". */
  name: string;
  xml: string;
  numeric: boolean;
  /** Whether the style orders the sources of one citation (APA: by author, then year) rather than as written. */
  sortsCitations: boolean;
  /**
   * Whether a numbered style lists its sources in an order of its own (by author, as the "alphabetical"
   * styles do) rather than by first citation: their numbers then follow that order, as CSL's
   * citation-number is the position in the reference list.
   */
  sortsBibliography: boolean;
}

// The CSL ids of the bundled styles, which a dependent style may name as its parent.
const BUNDLED_PARENTS = {
  ama: 'http://www.zotero.org/styles/american-medical-association',
  vancouver: 'http://www.zotero.org/styles/vancouver',
  apa: 'http://www.zotero.org/styles/apa',
};

/** Reads what the engine needs from a style's XML; throws with a clear message when it is not CSL. */
export function readStyle(name: string, xml: string): CitationStyle {
  // Dependent styles only name a parent style and cannot be formatted on their own.
  const parentLink = xml.match(/<link\b[^>]*\brel="independent-parent"[^>]*>/u)?.[0];
  const parent = parentLink?.match(/\bhref="([^"]+)"/u)?.[1];
  if (parent) {
    const bundled = Object.entries(BUNDLED_PARENTS).find(([, id]) => parent === id)?.[0];
    throw new Error(`"${name}" is a dependent CSL style, which only names its parent style: use the parent instead, ${bundled ? `"${bundled}", which is bundled` : parent}.`);
  }
  if (!/<style[\s>][\s\S]*<citation[\s>]/u.test(xml)) {
    throw new Error(`"${name}" is not a CSL style: it has no <style> with a <citation> element.`);
  }
  const format = xml.match(/<category\b[^>]*\bcitation-format="([^"]+)"/u)?.[1];
  // A note style's citations are footnotes: in running text each would print the whole reference.
  if (format === 'note') throw new Error(`"${name}" is a note (footnote) style, which the site does not support: its citations would print whole references in the middle of sentences.`);
  // Each article's reference list is part of one bibliography of the whole library, in another order: a
  // "———" standing for the previous entry's authors would stand for the wrong ones, or for none.
  const listed = xml.replace(/\s(?:subsequent-author-substitute|subsequent-author-substitute-rule)="[^"]*"/gu, '');
  const sortsCitations = /<citation\b[^>]*>(?:(?!<\/citation>)[\s\S])*?<sort\b/u.test(xml);
  const numeric = format ? format === 'numeric' : /variable="citation-number"/u.test(xml);
  const firstListKey = xml.match(/<bibliography\b(?:(?!<\/bibliography>)[\s\S])*?<sort\b[^>]*>\s*<key\b([^>]*)>/u)?.[1];
  const sortsBibliography = numeric && firstListKey !== undefined && !/variable="citation-number"/u.test(firstListKey);
  return { name, xml: listed, numeric, sortsCitations, sortsBibliography };
}
