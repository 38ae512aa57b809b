import type { Loader } from 'astro/loaders';
import { authorLabel, workName, formatDiagnostic, issuedYear, keySlug, pageProblems, plainText, recordsOf, referenceLinks, type CslItem, type Diagnostic, type LibraryEntry, type ReferenceLink } from '../citations/index.ts';
import type { CitationContext } from '../markdown/remark-citations.ts';
import { RESERVED_REFERENCE_PAGES } from '../site/reference-sort.ts';
import { isolateRightToLeft } from '../site/bidi.ts';
import { escapeHtml, safeReferenceHtml } from '../markdown/citation-html.ts';
import { markReferencesLoaded, sharedContext } from './shared-context.ts';
import { userError } from './user-error.ts';

/** One source as the reference pages, previews and exports use it; `html` is already sanitised, its right-to-left runs isolated (bidi.ts). */
export interface ReferenceRecord {
  key: string;
  /** URL segment: `/references/<slug>/`. */
  slug: string;
  /**
   * The keys (`doi:…`, `pmid:…`) the source was published under while cited by identifier alone: their
   * pages redirect to this one (see former-addresses.ts), and their anchors stay on its list entries.
   */
  formerKeys: string[];
  html: string;
  text: string;
  title: string;
  /** "Vickers et al": who the work is by, as a narrative citation names them. */
  authors: string;
  /** Family name (or organisation) of the first author, for sorting. */
  firstAuthor: string;
  year?: number;
  journal?: string;
  /** DOI, PubMed, PMC or web links. */
  links: ReferenceLink[];
  /** The registry records (doi.org, PubMed) stored for it, which the build checked it against: where each was fetched from, and when (YYYY-MM-DD). */
  checkedAgainst: { source: string; fetched: string }[];
  item: CslItem;
}

function firstAuthorOf(item: CslItem): string {
  const first = item.author?.[0] ?? item.editor?.[0];
  return plainText(first?.family ?? first?.literal ?? first?.given ?? item.title ?? item.id);
}

/** The record of one library entry, from the formatting the citation engine already did. */
export function referenceRecord(entry: LibraryEntry, context: CitationContext, formerKeys: string[]): ReferenceRecord {
  const formatted = context.formatter.entry(entry.key);
  const { item } = entry;
  const year = issuedYear(item);
  const journal = typeof item['container-title'] === 'string' ? plainText(item['container-title']) : undefined;
  const title = workName(item);
  const found = recordsOf(entry, context.library).filter((record) => record.found);
  return {
    key: entry.key,
    slug: keySlug(entry.key),
    formerKeys,
    // Shown on every page that lists the source: its right-to-left runs are isolated once, here.
    html: isolateRightToLeft(formatted ? safeReferenceHtml(formatted.html) : escapeHtml(title)),
    text: formatted?.text ?? title,
    title,
    authors: authorLabel(item),
    firstAuthor: firstAuthorOf(item),
    ...(year ? { year } : {}),
    ...(journal ? { journal } : {}),
    links: referenceLinks(item),
    checkedAgainst: found.map(({ source, fetched }) => ({ source, fetched })),
    item,
  };
}

const CLASH_HINT = 'Every reference gets a page at /references/<key>/; `npm run refs -- check` lists these problems too.';

/**
 * Every reference of the library, one record each; a key that cannot have a page of its own is an
 * error, thrown, or given to `onClash` and its entries left out (`astro dev`, which would stop otherwise).
 */
export function referenceRecords(context: CitationContext, onClash?: (problems: string) => void): ReferenceRecord[] {
  const entries = context.library.all();
  const clashes: Diagnostic[] = pageProblems(entries, RESERVED_REFERENCE_PAGES);
  if (clashes.length) {
    const problems = clashes.map(formatDiagnostic).join('\n\n');
    if (!onClash) throw userError(problems, CLASH_HINT);
    onClash(`${problems}\n  hint: ${CLASH_HINT} Until then these references have no page.`);
  }
  const clashing = new Set(clashes.map((clash) => clash.key));
  const former = context.library.formerKeys();
  return entries.filter((entry) => !clashing.has(entry.key)).map((entry) => referenceRecord(entry, context, former.get(entry.key) ?? []));
}

export const REFERENCES_LOADER = 'evidence-references';

/**
 * A content-layer loader with one entry per reference in the library, read from the context the
 * evidenceCitations() integration loaded: references are parsed and formatted once per build.
 */
export function referencesLoader(): Loader {
  return {
    name: REFERENCES_LOADER,
    load: async ({ store, generateDigest, logger, watcher }) => {
      const context = sharedContext();
      if (!context) {
        throw new Error('The references collection needs the evidenceCitations() integration: add it to integrations in astro.config.mjs.');
      }
      store.clear();
      // Only `astro dev` has a watcher: there the server goes on, and loads the library again once it is fixed.
      for (const record of referenceRecords(context, watcher ? (problems) => logger.error(problems) : undefined)) {
        const data = record as unknown as Record<string, unknown>;
        store.set({ id: record.slug, data, digest: generateDigest(data) });
      }
      markReferencesLoaded(context);
      // Citing such an entry fails the article; uncited, it is shown by its title and the editors are told.
      for (const diagnostic of context.formatter.diagnostics) logger.warn(formatDiagnostic({ ...diagnostic, severity: 'warning' }));
    },
  };
}
