import { existsSync, readFileSync } from 'node:fs';

const LOCALES = new URL('../csl-locales/', import.meta.url);
const TAG = /^([a-z]{2,3})(?:[-_]([A-Za-z]{2,4}))?$/u;

function read(tag: string): string | undefined {
  const file = new URL(`locales-${tag}.xml`, LOCALES);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

const cache = new Map<string, string | undefined>();

/**
 * The official CSL locale for a language tag ("en-GB", "pt_BR", "de"): the tag itself, else its
 * language's main form ("de" → de-DE); undefined when the language has none.
 */
export function cslLocale(tag: string): string | undefined {
  if (!cache.has(tag)) {
    const match = tag.match(TAG);
    const [, language, region] = match ?? [];
    cache.set(tag, language ? (region ? read(`${language}-${region.toUpperCase()}`) : undefined) ?? read(`${language}-${language.toUpperCase()}`) ?? (language === 'en' ? read('en-US') : undefined) : undefined);
  }
  return cache.get(tag);
}
