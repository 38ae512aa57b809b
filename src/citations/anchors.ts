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

/** A short digest of a sentence's words (32-bit FNV-1a, base 36): punctuation and case do not count. */
function sentenceDigest(sentence: string): string {
  const words = sentence.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  let hash = 0x811c9dc5;
  for (const character of words) hash = Math.imul(hash ^ character.codePointAt(0)!, 0x01000193) >>> 0;
  return hash.toString(36);
}

/**
 * The ids of the places an article cites a key (back-link targets), from each place's citing sentence,
 * in document order: a link to a claim (…#cite-vickers2018-1x9k2q) keeps pointing at that claim when
 * citations are added or removed elsewhere in the article, and stops resolving, rather than landing on
 * another claim, when the sentence itself is rewritten. A sentence that cites the key again gets -2, -3.
 */
export function citationIds(key: string, sentences: string[]): string[] {
  const seen = new Map<string, number>();
  return sentences.map((sentence) => {
    const digest = sentenceDigest(sentence);
    const repeat = (seen.get(digest) ?? 0) + 1;
    seen.set(digest, repeat);
    return `cite-${keySlug(key)}-${digest}${repeat > 1 ? `-${repeat}` : ''}`;
  });
}

/** Back-link labels a, b, …, z, aa, ab, … as in Wikipedia's reference lists. */
export function backlinkLabel(index: number): string {
  let label = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) label = String.fromCharCode(97 + ((n - 1) % 26)) + label;
  return label;
}
