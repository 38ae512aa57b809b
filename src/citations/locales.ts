import { readdirSync, readFileSync } from 'node:fs';

const LOCALES = new URL('../csl-locales/', import.meta.url);
const TAG = /^([a-z]{2,3})(?:[-_]([A-Za-z]{2,4}))?$/u;

let tags: string[] | undefined;

/** The tags of the official CSL locales, as their files name them: "en-GB", "pt-BR". */
export function cslLocaleTags(): string[] {
  tags ??= readdirSync(LOCALES).flatMap((name) => name.match(/^locales-(.+)\.xml$/u)?.[1] ?? []).sort();
  return tags;
}

// The main locale of a language with several, where it is not named after the language (CSL's
// locales.json "primary-dialects"); de-DE, es-ES, fr-FR and pt-PT are.
const PRIMARY: Record<string, string> = { en: 'en-US', zh: 'zh-CN' };

/**
 * The official CSL locale a language tag gets ("en-GB", "pt_BR", "de"): the tag itself, else its
 * language's main form ("ar-EG" → ar, "de" → de-DE, "en-UK" → en-US, "ja" → ja-JP, the only Japanese
 * one); undefined when the language has none.
 */
export function cslLocaleTag(tag: string): string | undefined {
  const [, language, region] = tag.match(TAG) ?? [];
  if (!language) return undefined;
  const known = cslLocaleTags();
  const ofLanguage = known.filter((candidate) => candidate.split('-')[0] === language);
  return [region && `${language}-${region.toUpperCase()}`, language, PRIMARY[language], `${language}-${language.toUpperCase()}`, ofLanguage.length === 1 && ofLanguage[0]]
    .find((candidate): candidate is string => typeof candidate === 'string' && known.includes(candidate));
}

const cache = new Map<string, string | undefined>();

/** The XML of the CSL locale a language tag gets (see cslLocaleTag). */
export function cslLocale(tag: string): string | undefined {
  if (!cache.has(tag)) {
    const found = cslLocaleTag(tag);
    cache.set(tag, found && readFileSync(new URL(`locales-${found}.xml`, LOCALES), 'utf8'));
  }
  return cache.get(tag);
}
