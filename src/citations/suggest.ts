import { editDistance } from './edit-distance.ts';

/** Up to three known keys an author probably meant: same key in another case, a prefix, or a near spelling. */
export function suggestKeys(wanted: string, known: Iterable<string>): string[] {
  const target = wanted.toLowerCase();
  const limit = Math.max(2, Math.floor(target.length / 4));
  const scored: [number, string][] = [];
  for (const key of known) {
    const candidate = key.toLowerCase();
    const score = candidate === target ? 0 : candidate.startsWith(target) || target.startsWith(candidate) ? 1 : editDistance(target, candidate, limit) + 1;
    if (score <= limit + 1) scored.push([score, key]);
  }
  return scored.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1])).slice(0, 3).map(([, key]) => key);
}
