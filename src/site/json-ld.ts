import { fullFamilyName, fullGivenName, identifierLinks, issuedYear, plainText, safeHttpUrl, shownIdentifiersOf, type CslItem, type CslName } from '../citations/index.ts';
import { perObject } from './memo.ts';

/** A condition as the page's `about`. */
export interface JsonLdCondition {
  name: string;
  url: string;
  alternateName: string[];
  icd10?: string;
}

/** What a MedicalWebPage says about one evidence summary. */
export interface MedicalWebPageInput {
  url: string;
  name: string;
  description: string;
  locale: string;
  lastReviewed: Date;
  datePublished?: Date;
  /** People who reviewed the summary; the publisher reviews when there are none. */
  reviewers: { name: string; credentials: string }[];
  publisher: { name: string; url: string };
  conditions: JsonLdCondition[];
  /** The CSL items of the sources the summary cites, in citation order. */
  citations: CslItem[];
}

type Thing = Record<string, unknown>;

const day = (date: Date) => date.toISOString().slice(0, 10);

// Chinese, Japanese and Korean names are written family name first, with no space: 张伟.
const FAMILY_FIRST = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function person(name: CslName): Thing {
  if (name.literal || !name.given) return { '@type': 'Organization', name: plainText(name.literal ?? fullFamilyName(name) ?? '') };
  const given = plainText(fullGivenName(name) ?? '');
  const family = fullFamilyName(name) ? plainText(fullFamilyName(name)!) : undefined;
  const suffix = name.suffix ? plainText(name.suffix) : undefined;
  const whole = family && FAMILY_FIRST.test(family) ? `${family}${given}` : [given, family, suffix].filter(Boolean).join(' ');
  return { '@type': 'Person', name: whole, givenName: given, ...(family ? { familyName: family } : {}), ...(suffix ? { honorificSuffix: suffix } : {}) };
}

/** A cited source as a schema.org ScholarlyArticle, with its DOI, PMID and PMCID as identifiers; built once per source. */
export const scholarlyArticle = perObject((item: CslItem): Thing => {
  const identifiers = shownIdentifiersOf(item);
  // Resolver links are built from validated identifiers and percent-encoded; other URLs must be http(s).
  const doi = identifierLinks(item).find((link) => link.scheme === 'doi')?.href;
  const url = typeof item.URL === 'string' ? safeHttpUrl(item.URL) : undefined;
  const year = issuedYear(item);
  return {
    '@type': 'ScholarlyArticle',
    name: item.title ? plainText(item.title) : item.id,
    ...(item.author?.length ? { author: item.author.map(person) } : {}),
    ...(year ? { datePublished: String(year) } : {}),
    ...(typeof item['container-title'] === 'string' ? { isPartOf: { '@type': 'Periodical', name: plainText(item['container-title']) } } : {}),
    ...(identifiers.length
      ? { identifier: identifiers.map(({ scheme, value }) => ({ '@type': 'PropertyValue', propertyID: scheme.toUpperCase(), value })) }
      : {}),
    ...(doi ? { sameAs: doi } : url ? { url } : {}),
  };
});

/** JSON-LD for an evidence summary: a schema.org MedicalWebPage about its conditions, citing its sources. */
export function medicalWebPage(input: MedicalWebPageInput): Thing {
  const publisher = { '@type': 'Organization', name: input.publisher.name, url: input.publisher.url };
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    '@id': input.url,
    url: input.url,
    name: input.name,
    headline: input.name,
    description: input.description,
    inLanguage: input.locale,
    lastReviewed: day(input.lastReviewed),
    dateModified: day(input.lastReviewed),
    ...(input.datePublished ? { datePublished: day(input.datePublished) } : {}),
    reviewedBy: input.reviewers.length
      ? input.reviewers.map((r) => ({ '@type': 'Person', name: r.name, description: r.credentials }))
      : publisher,
    publisher,
    audience: { '@type': 'PeopleAudience', audienceType: 'Patients and clinicians' },
    about: input.conditions.map((condition) => ({
      '@type': 'MedicalCondition',
      name: condition.name,
      url: condition.url,
      ...(condition.alternateName.length ? { alternateName: condition.alternateName } : {}),
      ...(condition.icd10 ? { code: { '@type': 'MedicalCode', codeValue: condition.icd10, codingSystem: 'ICD-10' } } : {}),
    })),
    citation: input.citations.map(scholarlyArticle),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` is escaped so no field can close the script. */
export function jsonLdText(data: Thing): string {
  return JSON.stringify(data).replace(/</gu, '\\u003c');
}
