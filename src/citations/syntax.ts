import { parseLocator, type LocatorLabel } from './locator.ts';

/** One cited source inside a citation, e.g. `see @key, p. 33`. */
export interface CiteItem {
  key: string;
  prefix: string;
  suffix: string;
  label?: LocatorLabel;
  locator?: string;
  /** `[-@key]`: the author is already named in the sentence. */
  suppressAuthor: boolean;
  /** `@smith2020's trial`: the names are printed possessive ("Smith’s (2020) trial"). */
  possessive?: boolean;
  /** Offset of the `@` in the scanned text. */
  offset: number;
}

/** A citation as written: `[@a; @b]` (bracketed) or `@a says` (narrative, with an optional `[p. 3]`). */
export interface CitationCluster {
  mode: 'bracketed' | 'narrative';
  items: CiteItem[];
  /** Offsets of the whole citation in the scanned text, end exclusive. */
  start: number;
  end: number;
}

/** Characters that cannot be seen, which a key copied from a web page or PDF may carry. */
export const INVISIBLE_IN_KEYS = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;

// Pandoc's key rule: starts with a letter, digit or underscore; internal punctuation (a run of it, as in
// NASA ADS keys) is allowed only when followed by another key character, so a sentence's full stop never joins the key.
// `<`, `>`, `{` and `}` are MDX syntax and never reach us inside text. Smartypants runs before citations
// are read, so an apostrophe may be curled, `...` an ellipsis and `--` a dash. Beyond Pandoc, a key may hold a parenthesised group
// without spaces, as DOIs do (`@doi:10.1016/S0140-6736(20)30183-5`).
// A zero-width space or soft hyphen pasted from a web page or PDF is read through, as it cannot be seen.
const KEY = String.raw`[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?~/'‘’…–—${INVISIBLE_IN_KEYS.source.slice(1, -1)}]+(?=[\p{L}\p{N}_(])|\([^\s()[\]@;,]+\))*`;
const ITEM = new RegExp(String.raw`^([\s\S]*?)(-?)@(${KEY})([\s\S]*)$`, 'u');
// A narrative key must not continue a word or an e-mail address (name@example.org).
const NARRATIVE = new RegExp(String.raw`(?<![\p{L}\p{N}_.@\\])@(${KEY})`, 'gu');

// What smartypants makes of a key's punctuation, undone (and invisible characters taken out): `o’brien2020`, `2019ApJ…871…12S`, `who—2020`.
const TYPOGRAPHY: [RegExp, string][] = [[/[‘’]/gu, "'"], [/…/gu, '...'], [/[–—]/gu, '--'], [INVISIBLE_IN_KEYS, '']];
const POSSESSIVE = /'s$/u;
const POSSESSIVE_AFTER = /^['‘’]s(?![\p{L}\p{N}])/u;

/** Whether a key names a reference, which decides where a key with an apostrophe ends. */
export type KeyTest = (key: string) => boolean;

const typed = (written: string) => TYPOGRAPHY.reduce((text, [typographic, plain]) => text.replace(typographic, plain), written);

/**
 * The key a written key names, as typed (apostrophes straightened, ellipses and dashes undone), and
 * how much of the written text it takes: the whole when it names a reference (`o'brien2020`); else up
 * to a dash or ellipsis when that part names one (`@smith2020—a trial`); else without a possessive
 * (`@smith2020's` cites smith2020; a narrative citation takes the "'s" for its names). Never shorter
 * otherwise, so a misspelt `@o'brian2020` fails as itself rather than citing a key "o".
 */
function keyOf(written: string, isKnown?: KeyTest): { key: string; length: number } {
  const key = typed(written);
  if (isKnown?.(key)) return { key, length: written.length };
  // Also as typed, before smartypants (`refs check` reads the source): `@smith2020--a trial`.
  const dash = written.search(/[…–—]|--|\.\.\./u);
  if (dash > 0 && isKnown?.(typed(written.slice(0, dash)))) return { key: typed(written.slice(0, dash)), length: dash };
  return POSSESSIVE.test(key) ? { key: key.replace(POSSESSIVE, ''), length: written.length - 2 } : { key, length: written.length };
}

/**
 * Finds every citation in a run of plain text, in order of appearance. `isKnown` tells a key that
 * ends in "'s" from a possessive; without it, a trailing "'s" is always read as one.
 */
export function parseCitations(text: string, isKnown?: KeyTest): CitationCluster[] {
  const clusters: CitationCluster[] = [];
  let cursor = 0;
  for (const bracket of findBrackets(text)) {
    const cluster = parseBracket(text, bracket.start, bracket.end, isKnown);
    if (!cluster) continue;
    const previous = clusters.at(-1);
    // `[@a][@b]` or `[@a] [@b]` is one citation of two sources: two clusters side by side would print
    // as "¹²", which reads as reference 12.
    if (previous?.mode === 'bracketed' && previous.end === cursor && text.slice(cursor, cluster.start).trim() === '') {
      previous.items.push(...cluster.items);
      previous.end = cluster.end;
      cursor = cluster.end;
      continue;
    }
    clusters.push(...parseNarrative(text, cursor, cluster.start, isKnown));
    clusters.push(cluster);
    cursor = cluster.end;
  }
  clusters.push(...parseNarrative(text, cursor, text.length, isKnown));
  return attachNarrativeLocators(text, clusters);
}

function* findBrackets(text: string): Generator<{ start: number; end: number }> {
  for (let open = text.indexOf('['); open !== -1; open = text.indexOf('[', open + 1)) {
    const close = text.indexOf(']', open);
    if (close === -1) return;
    const inner = text.indexOf('[', open + 1);
    if (inner !== -1 && inner < close) continue;
    yield { start: open, end: close + 1 };
  }
}

function parseBracket(text: string, start: number, end: number, isKnown?: KeyTest): CitationCluster | undefined {
  const items: CiteItem[] = [];
  let partStart = start + 1;
  for (const part of text.slice(start + 1, end - 1).split(';')) {
    const match = part.match(ITEM);
    // "name@example.org" inside brackets is an address, not a citation.
    if (match && !/[\p{L}\p{N}_.]$/u.test(match[1]!)) {
      const [, prefix, dash, written, rest] = match as unknown as [string, string, string, string, string];
      const offset = partStart + prefix.length + dash.length;
      const { key, length } = keyOf(written, isKnown);
      items.push({ key, prefix: prefix.trim(), suppressAuthor: dash === '-', offset, ...splitSuffix(written.slice(length) + rest) });
    } else if (items.length > 0) {
      // Text between semicolons with no key belongs to the previous item, as in Pandoc.
      const last = items[items.length - 1]!;
      last.suffix = `${last.suffix}; ${part.trim()}`.replace(/^; /, '');
    } else {
      return undefined;
    }
    partStart += part.length + 1;
  }
  return items.length > 0 ? { mode: 'bracketed', items, start, end } : undefined;
}

const KEY_START = /^-?@[\p{L}\p{N}_]/u;

/**
 * Keys written inside an item's prefix or suffix, where they are read as text: `[@a, @b]` (a comma
 * where a semicolon was meant) makes "@b" part of @a's suffix, `[@a; b]` makes "b" one too. Words
 * with an @ count, and words without one that name a reference.
 */
export function strayKeys(text: string, isKnown: KeyTest): string[] {
  return text.split(/[\s,;()]+/u)
    .map((word) => word.replace(/[.:]+$/u, ''))
    .filter((word) => KEY_START.test(word) || (word !== '' && isKnown(word)));
}

function splitSuffix(rest: string): Pick<CiteItem, 'suffix' | 'label' | 'locator'> {
  const trimmed = rest.trim();
  if (!trimmed.startsWith(',')) return { suffix: trimmed };
  const { label, locator, suffix } = parseLocator(trimmed.slice(1));
  const cleanSuffix = suffix.trim().replace(/^,\s*/, '');
  return locator ? { label, locator, suffix: cleanSuffix } : { suffix: cleanSuffix };
}

function parseNarrative(text: string, from: number, to: number, isKnown?: KeyTest): CitationCluster[] {
  const clusters: CitationCluster[] = [];
  const segment = text.slice(from, to);
  for (const match of segment.matchAll(NARRATIVE)) {
    const start = from + match.index;
    const { key, length } = keyOf(match[1]!, isKnown);
    const possessive = text.slice(start + 1 + length).match(POSSESSIVE_AFTER)?.[0];
    clusters.push({
      mode: 'narrative',
      items: [{ key, prefix: '', suffix: '', suppressAuthor: false, offset: start, ...(possessive ? { possessive: true } : {}) }],
      start,
      end: start + 1 + length + (possessive?.length ?? 0),
    });
  }
  return clusters;
}

/** `@key [p. 33]`: a bracket right after a narrative key that holds no key of its own is its locator. */
function attachNarrativeLocators(text: string, clusters: CitationCluster[]): CitationCluster[] {
  for (const cluster of clusters) {
    if (cluster.mode !== 'narrative') continue;
    const after = text.slice(cluster.end).match(/^ ?\[([^[\]@]*)\]/u);
    if (!after) continue;
    const item = cluster.items[0]!;
    Object.assign(item, splitSuffix(`,${after[1]}`));
    cluster.end += after[0].length;
  }
  return clusters;
}
