import { suggestKeys, type Diagnostic, type SourceLocation } from '../citations/index.ts';

/**
 * The conditions a summary lists that content/conditions/ has no file for, with the slug each was likely
 * meant to be: the summary still builds, but it gets no condition page for them and is missing from theirs.
 */
export function unknownConditions(location: SourceLocation, conditions: string[], known: ReadonlySet<string>): Diagnostic[] {
  const missing = conditions.filter((id) => !known.has(id));
  if (missing.length === 0) return [];
  const meant = missing.flatMap((id) => suggestKeys(id, known).slice(0, 1).map((slug) => `"${slug}" for "${id}"`));
  return [{
    code: 'unknown-condition',
    severity: 'warning',
    message: `conditions lists ${missing.map((id) => `"${id}"`).join(', ')}, which content/conditions/ does not have, so it gets no condition page`,
    hint: `${meant.length ? `Did you mean ${meant.join(', ')}? ` : ''}Fix the slug or add content/conditions/${missing[0]}.yaml.`,
    location,
  }];
}
