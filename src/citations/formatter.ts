import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import CSL from 'citeproc';
import { useFastLowerCase } from './citeproc-case.ts';
import { withDottedWordsKept } from './dotted-words.ts';
import { mapText } from './field-text.ts';
import { cslLocale } from './locales.ts';
import { isWebAddress } from './identifiers.ts';
import { etAlPrinted, withPlaceholderNames } from './more-names.ts';
import { workName, type CslItem, type NameTerms } from './csl.ts';
import type { Diagnostic } from './errors.ts';
import type { Library, LibraryEntry } from './library.ts';
import type { LocatorLabel } from './locator.ts';
import type { CitationStyle } from './style.ts';

/** A bibliography entry as citeproc formats it, without its number. */
export interface FormattedEntry {
  html: string;
  /** The entry as plain text, for sorting author-date bibliographies and for previews. */
  text: string;
}

export interface CiteRequest {
  key: string;
  label?: LocatorLabel;
  locator?: string;
  suppressAuthor?: boolean;
  authorOnly?: boolean;
}

useFastLowerCase();

// Marks a locator that a style does not simply append; never citeproc output.
const NOT_APPENDED = '\u0000';

const ENTRY = /<div class="csl-entry">([\s\S]*)<\/div>\s*$/u;
const MARGIN = /^\s*<div class="csl-left-margin">([\s\S]*?)<\/div><div class="csl-right-inline">([\s\S]*)<\/div>\s*$/u;

/** An entry's own number at its start, as `[14] ` or `14. `, with the markup around it. */
function inlineNumber(number: string): RegExp {
  return new RegExp(`^(\\s*(?:<[^/>][^>]*>)*)([[(]?)${number}([\\].):]?)((?:</[^>]+>)*)\\s*`, 'u');
}

// What citeproc prints for a cite whose style has nothing to print (MLA's year in "Cherkin et al. (…)").
const NO_PRINTED_FORM = '[NO_PRINTED_FORM]';

function escapeText(text: string): string {
  return text.replace(/&/gu, '&#38;').replace(/</gu, '&#60;').replace(/>/gu, '&#62;');
}

export function htmlToText(html: string): string {
  return html.replace(/<[^>]*>/gu, '').replace(/&#(\d+);/gu, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&amp;/gu, '&').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/\s+/gu, ' ').trim();
}

// citeproc loses an entry whose id holds a control or format character (ESC, U+202E: "Cannot read
// properties of undefined (reading 'master')"): such a key, which a hostile or damaged library may have,
// reaches it spelled out (`\u{1b}`), and so do backslashes, so that no two keys meet.
const UNSAFE_IN_ID = /[\p{Cc}\p{Cf}\\]/gu;
const citeprocId = (key: string) => key.replace(UNSAFE_IN_ID, (character) => `\\u{${character.codePointAt(0)!.toString(16)}}`);
const keyOfId = (id: string) => (id.includes('\\') ? id.replace(/\\u\{([\da-f]+)\}/gu, (_spelled, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16))) : id);

/**
 * Formats references with one citeproc engine per style and library. Every entry is formatted once
 * and every distinct in-text form once, then served from cache: per-page work is only lookups.
 */
export class CitationFormatter {
  readonly style: CitationStyle;
  /** Problems citeproc had with individual entries. */
  readonly diagnostics: Diagnostic[] = [];
  /** How often citeproc was asked to format an entry or a citation; the benchmark reports it. */
  readonly counts = { entries: 0, citations: 0 };
  private readonly engine: InstanceType<typeof CSL.Engine>;
  private readonly library: Library;
  private readonly items: Map<string, CslItem>;
  private entries?: Map<string, FormattedEntry>;
  private marginTemplate = '{n}.';
  private readonly citeCache = new Map<string, string>();
  private affixes?: { before: string; after: string };
  private readonly locale: string;
  private terms?: NameTerms;
  private readonly sortKeys = new Map<string, unknown[]>();

  constructor(library: Library, style: CitationStyle, locale = 'en-US') {
    this.library = library;
    this.style = style;
    this.locale = locale;
    const items = new Map(library.all().map((entry) => [entry.key, entry.item]));
    this.items = items;
    const locales = plugins.config.get('@csl').locales;
    // citeproc replaces /\s+'/g in every string it prints, which takes time growing with the square of a run
    // of spaces (a CSL-JSON title with 100,000 spaces took minutes): each run reaches it as its first space.
    this.engine = new CSL.Engine({
      retrieveItem: (id) => {
        const item = items.get(keyOfId(id));
        if (!item) return undefined;
        // An address that is no web address (javascript:, data:) is not printed as one (check-entry.ts warns).
        const { URL: url, ...rest } = item;
        const printable = typeof url !== 'string' || isWebAddress(url) ? item : rest;
        return Object.assign(mapText(withDottedWordsKept(withPlaceholderNames(printable)), (text) => text.replace(/(\s)\s+/gu, '$1')), { id });
      },
      retrieveLocale: (lang) => cslLocale(lang) ?? locales.get(lang) ?? locales.get('en-US'),
    }, style.xml, locale, true);
    this.engine.setOutputFormat('html');
  }

  /** The formatted entry for a key; the whole library is formatted on first use, once. */
  entry(key: string): FormattedEntry | undefined {
    this.entries ??= this.formatAll();
    return this.entries.get(key);
  }

  /** Formats the whole library now, as the build does, and returns the problems citeproc had with entries. */
  formatEveryEntry(): Diagnostic[] {
    this.entries ??= this.formatAll();
    return this.diagnostics;
  }

  /** How a numbered style labels entry n in the bibliography, e.g. "1." or "[1]". */
  numberLabel(n: number): string {
    this.entries ??= this.formatAll();
    return this.marginTemplate.replace('{n}', String(n));
  }

  private formatAll(): Map<string, FormattedEntry> {
    const formatted = new Map<string, FormattedEntry>();
    const all = this.library.all();
    try {
      this.formatBatch(all, formatted);
    } catch {
      // One entry citeproc cannot handle must not take the others down: find it, report it, go on.
      for (const entry of all) {
        try {
          this.formatBatch([entry], formatted);
        } catch (error) {
          this.diagnostics.push({
            code: 'format-failed',
            severity: 'error',
            message: `Reference "${entry.key}" could not be formatted in ${this.style.name}: ${error instanceof Error ? error.message : String(error)}`,
            hint: 'Check the entry for malformed names or dates.',
            location: entry.location,
            key: entry.key,
          });
        }
      }
    }
    return formatted;
  }

  private formatBatch(entries: LibraryEntry[], into: Map<string, FormattedEntry>): void {
    if (entries.length === 0) return;
    const ids = entries.map((entry) => citeprocId(entry.key));
    // The number citeproc gives each entry: its place in the batch (a list lookup would make 20,000 entries quadratic).
    const numbers = new Map(ids.map((id, index) => [id, String(index + 1)]));
    this.engine.updateItems(ids, true);
    const result = this.engine.makeBibliography();
    if (!result) throw new Error('the style has no bibliography');
    const [meta, bodies] = result;
    this.counts.entries += bodies.length;
    bodies.forEach((body, index) => {
      const id = meta.entry_ids[index]![0]!;
      const key = keyOfId(id);
      const inner = body.match(ENTRY)?.[1] ?? body;
      const number = numbers.get(id)!;
      const margin = inner.match(MARGIN);
      // Styles without second-field-align print the number in the entry ("14. Fransen M…"): it is the
      // library's number, not the article's, which the list puts before the entry.
      const inline = this.style.numeric && !margin ? inner.match(inlineNumber(number)) : undefined;
      if (index === 0 && (margin || inline)) this.marginTemplate = margin ? htmlToText(margin[1]!).replace(number, '{n}') : `${inline![2]}{n}${inline![3]}`;
      const entry = margin ? margin[2]! : inline ? inner.replace(inline[0], `${inline[1]}${inline[4]}`) : inner;
      const printed = etAlPrinted(entry.trim(), this.nameTerms);
      // An entry with nothing the style prints (biblatex's `shorthand` alone, an empty @set) was an empty
      // line in the reference list: it is named as its page names it, by its title, address or key.
      const html = htmlToText(printed).trim() ? printed : escapeText(workName(this.items.get(key)!));
      into.set(key, { html, text: htmlToText(html) });
    });
  }

  /**
   * The in-text form of one cited item, without the style's outer brackets: "Vickers et al., 2018, p. 3"
   * in author-date styles; in numbered styles only what follows the number, such as "(p33-35)".
   */
  cite(request: CiteRequest): string {
    // citeproc numbers and disambiguates citations from its registry, which formatAll fills.
    this.entries ??= this.formatAll();
    if (this.style.numeric) return request.locator ? this.cached(['', request.label, request.locator], () => this.locatorSuffix(request) || this.unprinted(request)) : '';
    const { key, suppressAuthor, authorOnly } = request;
    const base = this.cached([key, suppressAuthor, authorOnly], () => this.authorDate({ key, suppressAuthor, authorOnly }));
    if (!request.locator || authorOnly) return base;
    // Styles print a locator the same way for every source of a type, after author and date: it is
    // formatted once per type rather than once per source. A style that puts it elsewhere gets each
    // source formatted with its locator.
    const appended = this.cached([this.items.get(key)?.type, request.label, request.locator, suppressAuthor], () => {
      const withLocator = this.authorDate(request);
      return withLocator.startsWith(base) ? withLocator.slice(base.length) || this.unprinted(request) : NOT_APPENDED;
    });
    return appended === NOT_APPENDED ? this.cached([key, request.label, request.locator, suppressAuthor], () => this.authorDate(request)) : base + appended;
  }

  /**
   * A locator the style prints nowhere (Vancouver's and the Lancet's citations have none): ", p. 5" with
   * the locale's label, as pandoc prints a suffix, so that the page the author named is not lost.
   */
  private unprinted(request: CiteRequest): string {
    const plural = /[-–—,&]|\band\b/u.test(request.locator!);
    const term = this.engine.getTerm(request.label ?? 'page', 'short', plural ? 1 : 0);
    return `, ${term ? `${term}\u00A0` : ''}${request.locator!.replace(/&/gu, '&#38;').replace(/</gu, '&#60;')}`;
  }

  private cached(key: unknown[], make: () => string): string {
    const cacheKey = JSON.stringify(key);
    let text = this.citeCache.get(cacheKey);
    if (text === undefined) {
      text = make();
      this.citeCache.set(cacheKey, text);
    }
    return text;
  }

  private cluster(request: CiteRequest): string {
    this.counts.citations++;
    return etAlPrinted(this.engine.makeCitationCluster([{
      id: citeprocId(request.key),
      ...(request.locator ? { locator: request.locator, label: request.label ?? 'page' } : {}),
      ...(request.suppressAuthor ? { 'suppress-author': true } : {}),
      ...(request.authorOnly ? { 'author-only': true } : {}),
    }]).replace(NO_PRINTED_FORM, ''), this.nameTerms);
  }

  /** The text a locator adds to a numbered citation: the difference between the cite with and without it. */
  private locatorSuffix(request: CiteRequest): string {
    if (!request.locator) return '';
    const withLocator = this.cluster(request);
    const without = this.cluster({ key: request.key });
    let start = 0;
    while (start < without.length && withLocator[start] === without[start]) start++;
    let end = 0;
    while (end < without.length - start && withLocator[withLocator.length - 1 - end] === without[without.length - 1 - end]) end++;
    return withLocator.slice(start, withLocator.length - end);
  }

  private authorDate(request: CiteRequest): string {
    const { layout_prefix: prefix, layout_suffix: suffix } = this.engine.citation.opt;
    let text = this.cluster(request);
    if (prefix && text.startsWith(prefix)) text = text.slice(prefix.length);
    if (suffix && text.endsWith(suffix)) text = text.slice(0, -suffix.length);
    return text;
  }

  /**
   * What a numbered style puts around each number inside the citation, as IEEE's "[1], [3]–[5]" does,
   * where AMA and Vancouver put nothing ("1,3-5", "(1,3-5)"): markup, and the layout's own brackets, left out.
   */
  get numberAffixes(): { before: string; after: string } {
    this.entries ??= this.formatAll();
    if (this.affixes) return this.affixes;
    const first = this.entries.keys().next().value;
    const { prefix, suffix } = this.layout;
    let text = '';
    try {
      text = first === undefined ? '' : this.cluster({ key: first }).replace(/<[^>]*>/gu, '');
    } catch {
      // An entry citeproc cannot format can leave its registry unable to cite: the numbers go bare.
    }
    if (prefix && text.startsWith(prefix)) text = text.slice(prefix.length);
    if (suffix && text.endsWith(suffix)) text = text.slice(0, -suffix.length);
    // Brackets only: a style that prints the author with the number ("Vickers [1]") would give every number that name.
    const parts = text.match(/^([[(]?)\d+([\])]?)$/u);
    this.affixes = { before: parts?.[1] ?? '', after: parts?.[2] ?? '' };
    return this.affixes;
  }

  /**
   * Keys in the order the style gives the sources of one citation (APA: by author, then year; Harvard:
   * by year), from citeproc's own citation sort; the written order when the style has none.
   */
  citationOrder(keys: string[]): string[] {
    return this.style.sortsCitations ? this.sorted(keys, 'citation') : keys;
  }

  /**
   * Keys in the order a numbered style lists its sources when that is its own (by author, as the
   * "alphabetical" styles do), from citeproc's bibliography sort; the given order (first citation) otherwise.
   */
  bibliographyOrder(keys: string[]): string[] {
    return this.style.sortsBibliography ? this.sorted(keys, 'bibliography') : keys;
  }

  private sorted(keys: string[], area: 'citation' | 'bibliography'): string[] {
    if (keys.length < 2) return keys;
    this.entries ??= this.formatAll();
    const sortKeys = (key: string) => {
      let found = this.sortKeys.get(`${area} ${key}`);
      if (!found) {
        found = CSL.getSortKeys.call(this.engine, this.engine.retrieveItem(citeprocId(key)), `${area}_sort`);
        this.sortKeys.set(`${area} ${key}`, found);
      }
      return found;
    };
    return keys.map((key, seq) => ({ key, seq, sortkeys: sortKeys(key) })).sort((area === 'citation' ? this.engine.citation.srt : this.engine.registry.sorter).compareKeys).map(({ key }) => key);
  }

  /**
   * The words narrative citations join names with: the locale's ("u. a.", "und"), or English's as AMA
   * writes them in running text ("et al", with no full stop) for an English site.
   */
  get nameTerms(): NameTerms | undefined {
    if (this.locale.toLowerCase().startsWith('en')) return undefined;
    this.terms ??= { etAl: this.engine.getTerm('et-al'), and: this.engine.getTerm('and') };
    return this.terms;
  }

  /**
   * The style's own separators, whether citations are superscript, and whether runs of numbers collapse
   * ("1–3", CSL's collapse="citation-number"; without it "1,2,3").
   */
  get layout(): { prefix: string; suffix: string; delimiter: string; superscript: boolean; collapsesNumbers: boolean } {
    const opt = this.engine.citation.opt;
    return {
      prefix: opt.layout_prefix,
      suffix: opt.layout_suffix,
      delimiter: opt.layout_delimiter,
      superscript: opt.layout_decorations.some(([name, value]) => name === '@vertical-align' && value === 'sup'),
      collapsesNumbers: opt.collapse === 'citation-number',
    };
  }

  /**
   * How an author-date style groups one author's works in a citation ("Vickers et al., 2012, 2018"), as
   * its `collapse="year"` (or year-suffix) asks; undefined when it prints every name. `between` joins the
   * years, `after` ends a group, as CSL's cite-group-delimiter and after-collapse-delimiter.
   */
  get yearGrouping(): { between: string; after: string } | undefined {
    const opt = this.engine.citation.opt;
    // citeproc keeps an empty list where the style sets no collapse.
    if (this.style.numeric || typeof opt.collapse !== 'string' || !opt.collapse.startsWith('year')) return undefined;
    return { between: opt.cite_group_delimiter ?? ', ', after: opt['after-collapse-delimiter'] ?? opt.layout_delimiter };
  }
}

export type { CslItem };
