import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/citations/index.ts';
import { proseExpressions } from '../../src/markdown/prose-expressions.ts';

function check(mdx: string): string[] {
  const file = new VFile({ path: 'content/articles/a.mdx', value: mdx });
  return proseExpressions(unified().use(remarkParse).use(remarkMdx).parse(file) as Root, file).map(formatDiagnostic);
}

describe('proseExpressions', () => {
  it('stops on braces written as text, which MDX would compute or fail on', () => {
    expect(check('A dose of {1-2} mg, a ratio {2/3}.\n\n{0.1, 0.3}\n\nThe sample size {n} was small.').map((message) => message.split('\n')[0])).toEqual([
      'content/articles/a.mdx:1:11: error: {1-2} is read as JavaScript, not as text: MDX would print what it computes, or stop on a name it does not know [prose-expression]',
      'content/articles/a.mdx:1:29: error: {2/3} is read as JavaScript, not as text: MDX would print what it computes, or stop on a name it does not know [prose-expression]',
      'content/articles/a.mdx:3:1: error: {0.1, 0.3} is read as JavaScript, not as text: MDX would print what it computes, or stop on a name it does not know [prose-expression]',
      'content/articles/a.mdx:5:17: error: {n} is read as JavaScript, not as text: MDX would print what it computes, or stop on a name it does not know [prose-expression]',
    ]);
    expect(check('Dose {1-2} mg.')[0]).toContain('hint: Write \\{1-2\\} to show the braces, or leave them out (`1-2 mg`).');
  });

  it('leaves code alone: comments, strings, frontmatter, props and what the file declares', () => {
    expect(check([
      "import data from './data.ts';",
      'export const n = 12;',
      '{/* an editor\'s note */}',
      'Written by {frontmatter.authors}, {props.name}, {"a string"}, {n} people, {n * 2} arms, {data.count}.',
      'Escaped \\{1-2\\} braces and `{1-2}` in code.',
    ].join('\n\n'))).toEqual([]);
  });
});
