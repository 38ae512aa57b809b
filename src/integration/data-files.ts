import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../citations/index.ts';
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
