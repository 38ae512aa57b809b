// Latin letters that Unicode does not decompose into a base letter and an accent.
const UNACCENTED: Record<string, string> = { ß: 'ss', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', þ: 'th', Þ: 'Th', ı: 'i' };
const UNDECOMPOSED = new RegExp(`[${Object.keys(UNACCENTED).join('')}]`, 'gu');

/**
 * A fragment- and URL-safe form of a citation key: letters (accents dropped: `müller2020` → `muller2020`),
 * digits, `_`, `.` and `-` survive, anything else becomes `-`. It neither starts nor ends with `.` or `-`:
 * `..` would be the folder above, `.x` a file many hosts do not serve, `x.` a name Windows cannot keep.
 */
export function keySlug(key: string): string {
  const unaccented = key.normalize('NFD').replace(/\p{M}+/gu, '').replace(UNDECOMPOSED, (letter) => UNACCENTED[letter]!);
  return unaccented.replace(/[^A-Za-z0-9_.-]+/gu, '-').replace(/^[-.]+|[-.]+$/gu, '') || 'ref';
}

/** The id of a reference's bibliography entry: derived from its key, so links survive renumbering. */
export function referenceId(key: string): string {
  return `ref-${keySlug(key)}`;
}

/** The id of the n-th (1-based) place an article cites a key; a back-link target. */
export function citationId(key: string, occurrence: number): string {
  return `cite-${keySlug(key)}-${occurrence}`;
}

/** Back-link labels a, b, …, z, aa, ab, … as in Wikipedia's reference lists. */
export function backlinkLabel(index: number): string {
  let label = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) label = String.fromCharCode(97 + ((n - 1) % 26)) + label;
  return label;
}
