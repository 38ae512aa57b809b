/** A CSL style as the engine needs it: its XML and whether citations are numbers or author-date. */
export interface CitationStyle {
  /** Short name shown in messages, e.g. "american-medical-association". */
  name: string;
  xml: string;
  numeric: boolean;
}

/** Reads what the engine needs from a style's XML; throws with a clear message when it is not CSL. */
export function readStyle(name: string, xml: string): CitationStyle {
  // Dependent styles only name a parent style and cannot be formatted on their own.
  const parent = xml.match(/<link\b[^>]*href="([^"]+)"[^>]*rel="independent-parent"/u)?.[1];
  if (parent) throw new Error(`"${name}" is a dependent CSL style; use its parent style ${parent} instead.`);
  if (!/<style[\s>][\s\S]*<citation[\s>]/u.test(xml)) {
    throw new Error(`"${name}" is not a CSL style: it has no <style> with a <citation> element.`);
  }
  const format = xml.match(/<category\b[^>]*\bcitation-format="([^"]+)"/u)?.[1];
  return { name, xml, numeric: format ? format === 'numeric' : /variable="citation-number"/u.test(xml) };
}
