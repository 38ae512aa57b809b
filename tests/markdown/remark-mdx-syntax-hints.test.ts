import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkLiteralLessThan from '../../src/markdown/remark-literal-less-than.ts';
import remarkMdxSyntaxHints from '../../src/markdown/remark-mdx-syntax-hints.ts';

type ParseError = Error & { hint?: string; line?: number; column?: number };

/** The error MDX stops on for `markdown`, as the build's processor parses it. */
function parseError(markdown: string): ParseError {
  try {
    unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkLiteralLessThan).use(remarkMdxSyntaxHints).parse(markdown);
  } catch (error) {
    return error as ParseError;
  }
  throw new Error(`${markdown} parsed without an error`);
}

describe('remark-mdx-syntax-hints', () => {
  it.each([
    ['a "less than" before a word', 'Harms were rare (<one in twenty people).', 'In MDX, `<` followed by a letter starts a component or HTML tag (here `<one in twen…`). To write "less than", put a backslash before it'],
    ['an HTML comment', 'A comment <!-- hidden --> here.', 'An HTML comment is written {/* … */}.'],
    ['a brace in prose', 'Doses ranged {low to high.', 'In MDX, braces hold JavaScript. To write a brace as text, put a backslash before it'],
    ['a component left open', 'See <Finding id="x" outcome="y"> here.', 'In MDX every tag is closed: put `</Finding>` where its content ends'],
    ['an HTML tag with no closing tag', 'One line<br>and the next.', 'or write `<br />` for a tag with no content'],
    ['a block closed in the wrong order', '<KeyFindings>\n<Finding id="a" outcome="b">\nLess pain.\n</KeyFindings>', 'put `</Finding>` where its content ends'],
    ['a closing tag with no opening tag', 'Pain fell </div> by half.', 'This closing tag has no opening tag before it in the same paragraph'],
    ['a Markdown link in angle brackets', 'See <https://www.nice.org.uk/guidance/ng59> for more.', 'MDX has no `<…>` links: write the address without the angle brackets'],
    ['an e-mail address in angle brackets', 'Write to <editors@example.org> with corrections.', 'MDX has no `<…>` links'],
    ['an attribute value without quotes', 'The <abbr title=GERAC>trials</abbr>.', 'In MDX, an attribute\'s value is quoted'],
    ['a broken import', "import Chart from './chart.astro'\nimport {\n\nText.", 'a line that starts with `import` or `export` is JavaScript'],
  ])('%s: says what to write', (_what, markdown, hint) => {
    expect(parseError(markdown).hint).toContain(hint);
  });

  it('places a tag left open at the tag, not at the start of its paragraph', () => {
    const error = parseError('Pain fell by half\nin the trial <Finding id="x" outcome="y"> here.');
    expect([error.line, error.column]).toEqual([2, 14]);
  });
});
