import type { CitationContext } from '../markdown/remark-citations.ts';

// Astro loads the config (and so the integration) and the content config as separate module graphs:
// a registry symbol is the one place both can reach, so the library is read and formatted once.
const KEY = Symbol.for('evidence-citations.context');
type Holder = { [KEY]?: CitationContext };

/** Makes the integration's loaded library and formatter available to content loaders in this process. */
export function publishContext(context: CitationContext): void {
  (globalThis as Holder)[KEY] = context;
}

/** The context the integration published; undefined when the integration is not configured. */
export function sharedContext(): CitationContext | undefined {
  return (globalThis as Holder)[KEY];
}
