import { suggestKeys } from '../citations/index.ts';

/** A treatment as readers name it, with its other names from content/treatments/ (none without a file there). */
export interface TreatmentName {
  name: string;
  aliases: string[];
}

/** A file of content/treatments/, as the collection gives it. */
export interface TreatmentFile {
  id: string;
  filePath?: string;
  data: { name?: string; alsoKnownAs: string[] };
}

/** A treatment or condition slug as readers name it: "acupuncture", "exercise therapy". */
export function slugWords(slug: string): string {
  return slug.replaceAll('-', ' ');
}

/**
 * Each treatment the summaries list (`interventions`), named by its file in content/treatments/ or by its slug's
 * words, and a warning for each file that no summary lists: its names would find nothing, silently.
 */
export function treatmentNames(files: TreatmentFile[], listed: readonly string[]): { names: Map<string, TreatmentName>; warnings: string[] } {
  const byId = new Map(files.map((file) => [file.id, file]));
  const slugs = new Set(listed);
  const names = new Map([...slugs].map((slug) => {
    const file = byId.get(slug);
    return [slug, { name: file?.data.name ?? slugWords(slug), aliases: file?.data.alsoKnownAs ?? [] }];
  }));
  const warnings = files.filter((file) => !slugs.has(file.id)).map(({ id, filePath }) => {
    const meant = suggestKeys(id, slugs).slice(0, 1).map((slug) => `Did you mean ${slug}? `).join('');
    return `${filePath ?? `content/treatments/${id}.yaml`}: no summary lists "${id}" in its interventions, so search does not use this file's names. ${meant}Name the file after a treatment slug that summaries list.`;
  });
  return { names, warnings };
}
