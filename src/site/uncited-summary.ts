import type { Diagnostic } from '../citations/index.ts';

/**
 * A summary that cites no source: published, as a draft may be, but its editors should know. The build
 * warns as it renders the summary, and `refs check` with the same words.
 */
export function uncitedSummary(file: string): Diagnostic {
  return {
    code: 'no-citations',
    severity: 'warning',
    message: 'cites no sources, so readers see "Sources: None cited"',
    hint: 'Cite the evidence it rests on, e.g. [@key].',
    location: { file, line: 1, column: 1 },
  };
}
