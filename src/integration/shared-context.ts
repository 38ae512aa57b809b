import type { CitationContext } from '../markdown/remark-citations.ts';

// Astro loads the config (and so the integration) and the content config as separate module graphs:
// a registry symbol is the one place both can reach, so the library is read and formatted once.
const KEY = Symbol.for('evidence-citations.context');
const LOADED = Symbol.for('evidence-citations.loaded-context');
type Holder = { [KEY]?: CitationContext; [LOADED]?: CitationContext };

/** Makes the integration's loaded library and formatter available to content loaders in this process. */
export function publishContext(context: CitationContext): void {
  (globalThis as Holder)[KEY] = context;
}

/** The context the integration published; undefined when the integration is not configured. */
export function sharedContext(): CitationContext | undefined {
  return (globalThis as Holder)[KEY];
}

/** Records the context the references collection was last loaded from. */
export function markReferencesLoaded(context: CitationContext): void {
  (globalThis as Holder)[LOADED] = context;
}

/**
 * Whether the references collection was loaded from a library read before the current one: in
 * `astro dev`, a changed library file has the library read again (library-watch.ts), but Astro keeps
 * its content store, so the reference pages and lists would miss a new entry (and an article citing
 * it failed with "Cannot read properties of undefined").
 */
export function referencesStale(): boolean {
  const holder = globalThis as Holder;
  return holder[LOADED] !== undefined && holder[LOADED] !== holder[KEY];
}
