// citeproc-js ships no types; this declares the part of its API the formatter uses.
declare module 'citeproc' {
  interface CiteprocSys {
    retrieveItem(id: string): unknown;
    retrieveLocale(lang: string): string;
  }
  interface CiteprocCiteItem {
    id: string;
    locator?: string;
    label?: string;
    'suppress-author'?: boolean;
    'author-only'?: boolean;
  }
  class Engine {
    constructor(sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean);
    setOutputFormat(format: 'html' | 'text' | 'rtf'): void;
    updateItems(ids: string[], nosort?: boolean): string[];
    makeBibliography(): [{ entry_ids: string[][] }, string[]] | false;
    makeCitationCluster(items: CiteprocCiteItem[]): string;
    citation: {
      opt: {
        layout_prefix: string; layout_suffix: string; layout_delimiter: string; layout_decorations: [string, string][];
        collapse: string | []; cite_group_delimiter?: string; 'after-collapse-delimiter'?: string;
      };
      /** Compares two cites by the style's citation sort keys, then by `seq`. */
      srt: { compareKeys(a: { sortkeys: unknown[]; seq: number }, b: { sortkeys: unknown[]; seq: number }): number };
    };
    /** `sorter` compares two entries by the style's bibliography sort keys, then by `seq`. */
    registry: { sorter: Engine['citation']['srt'] };
    /** The item as the engine holds it, for getSortKeys. */
    retrieveItem(id: string): unknown;
    /** A term of the locale, as the style overrides it: "et-al", "and", "page" (short: "p.", plural "pp."). */
    getTerm(name: string, form?: 'long' | 'short', plural?: 0 | 1): string;
    opt: { development_extensions: { wrap_url_and_doi: boolean } };
  }
  /** Lowercases text for the languages in `this.tmp.lang_array` (the item's, then the engine's). */
  type LowerCase = (this: { tmp: { lang_array?: unknown } }, text: string) => string;
  /** An item's sort keys for a sort of the style ("citation_sort": how one citation orders its sources; "bibliography_sort": the reference list's). */
  type GetSortKeys = (this: Engine, item: unknown, keyType: 'citation_sort' | 'bibliography_sort') => unknown[];
  const CSL: { Engine: typeof Engine; toLocaleLowerCase: LowerCase; getSortKeys: GetSortKeys };
  export default CSL;
}
