/** Levenshtein distance: insertions, deletions and substitutions each count one. */
export function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Up to three known keys an author probably meant: same key in another case, a prefix, or a near spelling. */
export function suggestKeys(wanted: string, known: Iterable<string>): string[] {
  const target = wanted.toLowerCase();
  const limit = Math.max(2, Math.floor(target.length / 4));
  const scored: [number, string][] = [];
  for (const key of known) {
    const candidate = key.toLowerCase();
    const score = candidate === target ? 0 : candidate.startsWith(target) || target.startsWith(candidate) ? 1 : distance(target, candidate) + 1;
    if (score <= limit + 1) scored.push([score, key]);
  }
  return scored.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1])).slice(0, 3).map(([, key]) => key);
}
