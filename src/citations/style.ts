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
  /** The parent a dependent style formats as ("ama", "plos.csl"). */
  parent?: string;
}

/** The XML of a style found by its CSL id, as a dependent style's parent; undefined when it is not at hand. */
export type FindStyle = (id: string) => { name: string; xml: string } | undefined;

// The CSL ids of the bundled styles, which a dependent style may name as its parent.
const BUNDLED_PARENTS = {
  ama: 'http://www.zotero.org/styles/american-medical-association',
  vancouver: 'http://www.zotero.org/styles/vancouver',
  apa: 'http://www.zotero.org/styles/apa',
};

/** The short name of the bundled style with a CSL id ("ama"), if one has it. */
export function bundledStyleWithId(id: string): keyof typeof BUNDLED_PARENTS | undefined {
  return (Object.keys(BUNDLED_PARENTS) as (keyof typeof BUNDLED_PARENTS)[]).find((name) => BUNDLED_PARENTS[name] === id);
}

/** The CSL id of the parent a dependent style names; undefined for an independent style. */
function parentId(xml: string): string | undefined {
  const link = xml.match(/<link\b[^>]*\brel="independent-parent"[^>]*>/u)?.[0];
  return link?.match(/\bhref="([^"]+)"/u)?.[1];
}

/**
 * A dependent style (a journal's name over its publisher's style, as JAMA's over AMA's) formats as its
 * parent, which `findParent` finds, never downloading it.
 */
function readDependent(name: string, parent: string, findParent: FindStyle | undefined): CitationStyle {
  const found = findParent?.(parent);
  if (!found) {
    const file = `${parent.split('/').pop()}.csl`;
    throw new Error(`"${name}" is a dependent CSL style: it formats as its parent style, ${parent}, which is not at hand (the build does not download styles). Save the parent's file, ${file} from the CSL style repository, beside it, or use the parent as the style.`);
  }
  if (parentId(found.xml)) throw new Error(`"${name}" names ${found.name} as its parent style, which is itself a dependent style: use an independent style as the parent.`);
  // Its default-locale is not used: the site's locale replaces every style's own, as the page's language.
  return { ...readStyle(name, found.xml), parent: found.name };
}

/**
 * Reads what the engine needs from a style's XML; throws with a clear message when it is not CSL. A
 * dependent style is read as the parent `findParent` gives.
 */
export function readStyle(name: string, xml: string, findParent?: FindStyle): CitationStyle {
  const malformed = malformedAt(xml);
  if (malformed) throw new Error(`"${name}" is not well-formed XML at line ${malformed.line}: ${malformed.problem}. citeproc would read what it could, and references could come out cut short. Save the style again: a download or copy cut off leaves it so.`);
  const parent = parentId(xml);
  if (parent) return readDependent(name, parent, findParent);
  if (!/<style[\s>][\s\S]*<citation[\s>]/u.test(xml)) {
    throw new Error(`"${name}" is not a CSL style: it has no <style> with a <citation> element.`);
  }
  const format = xml.match(/<category\b[^>]*\bcitation-format="([^"]+)"/u)?.[1];
  // A note style's citations are footnotes: in running text each would print the whole reference.
  if (format === 'note') throw new Error(`"${name}" is a note (footnote) style, which the site does not support: its citations would print whole references in the middle of sentences.`);
  if (!/<bibliography[\s>]/u.test(xml)) throw new Error(`"${name}" has no <bibliography> element, so it cannot format the reference list each summary ends with: use a style that has one.`);
  const undefinedMacro = undefinedMacroCall(xml);
  if (undefinedMacro) throw new Error(`"${name}" calls a macro it does not define, "${undefinedMacro.macro}" (line ${undefinedMacro.line}): citeproc would leave out what it prints, such as the authors. Correct the macro's name, or save the style again from the CSL style repository.`);
  // Each article's reference list is part of one bibliography of the whole library, in another order: a
  // "———" standing for the previous entry's authors would stand for the wrong ones, or for none.
  const listed = xml.replace(/\s(?:subsequent-author-substitute|subsequent-author-substitute-rule)="[^"]*"/gu, '');
  const sortsCitations = /<citation\b[^>]*>(?:(?!<\/citation>)[\s\S])*?<sort\b/u.test(xml);
  // What the citation prints decides, not the category: a few official styles are filed wrongly (the
  // Journal of Refugee Studies as numeric, Neuropsychopharmacology as author-date).
  const numeric = citesNumbers(xml);
  const firstListKey = xml.match(/<bibliography\b(?:(?!<\/bibliography>)[\s\S])*?<sort\b[^>]*>\s*<key\b([^>]*)>/u)?.[1];
  const sortsBibliography = numeric && firstListKey !== undefined && !/variable="citation-number"/u.test(firstListKey);
  return { name, xml: listed, numeric, sortsCitations, sortsBibliography };
}

/** The first macro="…" a style calls without a <macro name="…"> for it, which citeproc would print as nothing. */
function undefinedMacroCall(xml: string): { macro: string; line: number } | undefined {
  const code = xml.replace(/<!--[\s\S]*?-->/gu, (comment) => comment.replace(/[^\n]/gu, ' '));
  const defined = new Set([...code.matchAll(/<macro\b[^>]*\bname="([^"]*)"/gu)].map((match) => match[1]));
  for (const call of code.matchAll(/<(?:text|key)\b[^>]*\bmacro="([^"]*)"/gu)) {
    if (!defined.has(call[1])) return { macro: call[1]!, line: code.slice(0, call.index).split('\n').length };
  }
  return undefined;
}

/** Whether a style's citations print reference numbers: <citation>, or a macro it calls, prints citation-number. */
function citesNumbers(xml: string): boolean {
  const macros = new Map([...xml.matchAll(/<macro\b[^>]*\bname="([^"]*)"[^>]*>([\s\S]*?)<\/macro>/gu)].map((match) => [match[1]!, match[2]!]));
  const seen = new Set<string>();
  const pending = [xml.match(/<citation\b[\s\S]*?<\/citation>/u)?.[0].replace(/<sort\b[\s\S]*?<\/sort>/u, '') ?? ''];
  for (let part = pending.pop(); part !== undefined; part = pending.pop()) {
    if (/<(?:text|number)\b[^>]*\bvariable="citation-number"/u.test(part)) return true;
    for (const [, name] of part.matchAll(/\bmacro="([^"]*)"/gu)) {
      if (seen.has(name!) || !macros.has(name!)) continue;
      seen.add(name!);
      pending.push(macros.get(name!)!);
    }
  }
  return false;
}

// A tag (with its attributes, whose quoted values may hold ">"), or what XML lets stand between tags
// (comments, declarations, CDATA); a "<" that starts none of them is itself an error.
const MARKUP = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)(?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>|</gu;

/** The first place a style's XML is not well-formed: a tag cut short, closed out of turn or never closed. */
function malformedAt(xml: string): { problem: string; line: number } | undefined {
  const lineAt = (index: number) => xml.slice(0, index).split('\n').length;
  const open: { name: string; index: number }[] = [];
  for (const match of xml.matchAll(MARKUP)) {
    const [text, closing, name, selfClosing] = match;
    if (text === '<') return { problem: 'a "<" that starts no complete tag', line: lineAt(match.index) };
    if (!name) continue;
    if (!closing) {
      if (!selfClosing) open.push({ name, index: match.index });
      continue;
    }
    const innermost = open.pop();
    if (innermost?.name !== name) return { problem: innermost ? `</${name}> where <${innermost.name}> (line ${lineAt(innermost.index)}) should close` : `</${name}> closes nothing`, line: lineAt(match.index) };
  }
  const unclosed = open.pop();
  return unclosed && { problem: `<${unclosed.name}> is never closed`, line: lineAt(unclosed.index) };
}
