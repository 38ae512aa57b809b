import { writtenFields, type Chunk } from './bibtex-lint.ts';

/** Stands for a "$" that is money, not math, while citation-js reads the file; bibtex.ts puts the "$" back. */
export const MONEY_DOLLAR = '\uE000';

const UNESCAPED_DOLLAR = /(?<!\\)\$/gu;

/**
 * The file with the "$" of a field that has an odd number of them made money rather than math: a price
 * in an abstract or title (`costs were $500 per patient`, `US$500`), as reference managers and PubMed
 * records write it, opened math mode that never closed, and citation-js lost the whole entry ("expected
 * "text", got EOF"). A field with pairs of "$" keeps them as math. Offsets and lines are kept.
 */
export function withMoneyDollars(text: string, chunks: Chunk[]): string {
  if (!text.includes('$')) return text;
  let money = '';
  let done = 0;
  for (const chunk of chunks) {
    if (!chunk.key || !chunk.text.includes('$')) continue;
    for (const field of writtenFields(chunk.text)) {
      if ((field.value.match(UNESCAPED_DOLLAR)?.length ?? 0) % 2 === 0) continue;
      const start = chunk.offset + chunk.text.indexOf(field.value, field.offset);
      money += text.slice(done, start) + field.value.replace(UNESCAPED_DOLLAR, MONEY_DOLLAR);
      done = start + field.value.length;
    }
  }
  return money + text.slice(done);
}
