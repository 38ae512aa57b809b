/**
 * Edits (insert, delete, substitute, swap two neighbours) from a to b, or `limit + 1` as soon as it is
 * clear there are more: a swap ("yaer", "acupuntcure") is the commonest typo and counts as one.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2]! + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The first of the candidates nearest to `wanted`, compared in lower case, at most `limit` edits away;
 * undefined when none is that close.
 */
export function nearestWithin(wanted: string, candidates: Iterable<string>, limit: number): string | undefined {
  const target = wanted.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(target, candidate.toLowerCase(), limit);
    if (distance <= limit && (!best || distance < best.distance)) best = { candidate, distance };
    if (best?.distance === 0) break;
  }
  return best?.candidate;
}

/** The candidate nearest to a field or variable name: one typo away, two in names longer than five letters. */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  return nearestWithin(name, candidates, name.length > 5 ? 2 : 1);
}
