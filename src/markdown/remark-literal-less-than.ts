import { content } from 'micromark-core-commonmark';
import { markdownLineEndingOrSpace } from 'micromark-util-character';
import type { Code, Construct, Extension, State, TokenizeContext } from 'micromark-util-types';
import type { Processor } from 'unified';

const LESS_THAN = 60;
// What may follow `<` in a JSX tag or an HTML comment: a name, `/` (closing tag), `>` (fragment), `!`.
const TAG_START = /^[\p{ID_Start}$_/>!]$/u;

/** Whether `<` followed by this character cannot open a tag: `p<0.05`, `<5%`, `<=`, `<-`. */
function opensNoTag(code: Code): boolean {
  return code !== null && !markdownLineEndingOrSpace(code) && !TAG_START.test(String.fromCodePoint(code));
}

/** `<` as text, when the character after it cannot start a tag. */
const literalLessThan: Construct = {
  name: 'literalLessThan',
  tokenize(effects, ok, nok) {
    const start: State = (code) => {
      effects.enter('data');
      effects.consume(code);
      return after;
    };
    const after: State = (code) => {
      if (!opensNoTag(code)) return nok(code);
      effects.exit('data');
      return ok(code);
    };
    return start;
  },
};

/** A paragraph that starts with such a `<` ("<5% of people…") is a paragraph, not a broken tag. */
const paragraphStartingWithLessThan: Construct = {
  name: 'paragraphStartingWithLessThan',
  tokenize(this: TokenizeContext, effects, ok, nok) {
    return (code) => effects.check(literalLessThan, effects.attempt(content, ok, nok), nok)(code);
  },
};

/**
 * Micromark syntax: before MDX reads `<` as the start of a JSX tag, a `<` that cannot start one is
 * text. MDX otherwise stops the build on `p<0.05` or `<5%` ("Unexpected character `0` before name"),
 * which evidence summaries write all the time.
 */
export const literalLessThanSyntax: Extension = {
  text: { [LESS_THAN]: { ...literalLessThan, add: 'before' } },
  flow: { [LESS_THAN]: { ...paragraphStartingWithLessThan, add: 'before' } },
};

/** Lets summaries write `p<0.05`, `<5%` or `<=` in MDX as they would in Markdown. */
export default function remarkLiteralLessThan(this: Processor) {
  const data = this.data() as { micromarkExtensions?: Extension[] };
  (data.micromarkExtensions ??= []).push(literalLessThanSyntax);
}
