import { describe, expect, it } from 'vitest';
import { treatmentNames } from '../../src/site/treatment-names.ts';

describe('treatmentNames', () => {
  const files = [
    { id: 'psychological-therapies', filePath: 'content/treatments/psychological-therapies.yaml', data: { alsoKnownAs: ['CBT', 'talking therapy'] } },
    { id: 'tai-chi', filePath: 'content/treatments/tai-chi.yaml', data: { name: 'Tai chi (taijiquan)', alsoKnownAs: [] } },
  ];

  it('names each listed treatment by its file, or by its slug\'s words without one', () => {
    const { names, warnings } = treatmentNames(files, ['psychological-therapies', 'tai-chi', 'yoga', 'yoga']);
    expect(Object.fromEntries(names)).toEqual({
      'psychological-therapies': { name: 'psychological therapies', aliases: ['CBT', 'talking therapy'] },
      'tai-chi': { name: 'Tai chi (taijiquan)', aliases: [] },
      yoga: { name: 'yoga', aliases: [] },
    });
    expect(warnings).toEqual([]);
  });

  it('warns about a file that no summary lists, with the slug meant', () => {
    const { warnings } = treatmentNames(files, ['psychological-therapy', 'tai-chi']);
    expect(warnings).toEqual(['content/treatments/psychological-therapies.yaml: no summary lists "psychological-therapies" in its interventions, so search does not use this file\'s names. Did you mean psychological-therapy? Name the file after a treatment slug that summaries list.']);
  });
});
