import { z } from 'astro/zod';

const otherNames = z.array(z.string().min(1), { error: 'write a list, as in alsoKnownAs: [lumbago, lower back pain]' }).default([]);

/** A condition readers browse by: one YAML file per condition in content/conditions/. */
export const conditionSchema = z.object({
  name: z.string({ error: 'write the name readers know it by, as in name: Chronic low back pain' }).min(1),
  /** Other names readers search for: "lumbago", "LBP". */
  alsoKnownAs: otherNames,
  /** ICD-10 code, e.g. M54.5, when one fits. */
  icd10: z.string().regex(/^[A-Z]\d{2}(\.\d{1,2})?$/u, 'use an ICD-10 code such as M54.5 or G43').optional(),
  /** Two or three plain-language sentences. */
  description: z.string({ error: 'write two or three plain-language sentences' }).min(20, 'write two or three plain-language sentences (at least 20 characters)').max(600),
}).strict();

/** A treatment's other names, for search: one YAML file per treatment in content/treatments/. */
export const treatmentSchema = z.object({
  /** The name readers see in the search's treatment filter; the slug's words ("tai chi") when left out. */
  name: z.string().min(1).optional(),
  /** Other names readers search for: "CBT", "talking therapy". */
  alsoKnownAs: otherNames,
}).strict();
