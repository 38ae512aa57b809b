import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { slug as githubSlug } from 'github-slugger';
import type { Diagnostic } from '../citations/index.ts';
import { checkedReport, type EntryReport } from './content-file-errors.ts';
import { dataFileProblems } from '../site/data-file-check.ts';
import { conditionSchema, treatmentSchema } from '../site/data-schemas.ts';

// The folders and file pattern of the conditions and treatments collections (src/content.config.ts).
const DATA_FOLDERS = [
  { folder: 'content/conditions', schema: conditionSchema, kind: { noun: 'a condition', hint: 'See "Conditions" in the README: name, alsoKnownAs, icd10 and description.' } },
  { folder: 'content/treatments', schema: treatmentSchema, kind: { noun: 'a treatment', hint: 'See "Treatments" in the README: name and alsoKnownAs, both optional.' } },
];

/** Problems in every condition and treatment file, each at its line, before Astro's content sync reads them. */
export function dataFilesProblems(root: string): Diagnostic[] {
  return DATA_FOLDERS.flatMap(({ folder, schema, kind }) => {
    const dir = join(root, folder);
    if (!existsSync(dir)) return [];
    return readdirSync(dir).filter((name) => /\.ya?ml$/u.test(name)).sort()
      .flatMap((name) => dataFileProblems(`${folder}/${name}`, readFileSync(join(dir, name), 'utf8'), schema, kind));
  });
}

/** The slug of each condition file, as Astro's glob loader names its entry (`Low Back Pain.yaml` is `low-back-pain`). */
export function conditionSlugs(root: string): Set<string> {
  const dir = join(root, 'content/conditions');
  return new Set(existsSync(dir) ? readdirSync(dir).filter((name) => /\.ya?ml$/u.test(name)).map((name) => githubSlug(name.replace(/\.ya?ml$/u, ''))) : []);
}

/** How `astro dev` reports a broken file of one of these folders: in the words of the build's check above. */
export function dataFileReport(folder: (typeof DATA_FOLDERS)[number]['folder']): EntryReport {
  const { schema, kind } = DATA_FOLDERS.find((data) => data.folder === folder)!;
  return checkedReport((path, text) => dataFileProblems(path, text, schema, kind));
}
