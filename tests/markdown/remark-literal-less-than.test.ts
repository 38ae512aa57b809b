import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkLiteralLessThan from '../../src/markdown/remark-literal-less-than.ts';

const parse = (markdown: string) => unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkLiteralLessThan).parse(markdown) as Root;

/** The tree as types and text, e.g. "paragraph(text:p<0.05)". */
function outline(node: Root | Root['children'][number]): string {
  if ('value' in node) return `${node.type}:${node.value}`;
  const name = 'name' in node && node.name ? `${node.type}[${node.name}]` : node.type;
  return 'children' in node ? `${name}(${(node.children as Root['children']).map(outline).join(' ')})` : name;
}

describe('remark-literal-less-than', () => {
  it.each([
    ['p<0.001 and <10 trials', 'root(paragraph(text:p<0.001 and <10 trials))'],
    ['<5% had harms.', 'root(paragraph(text:<5% had harms.))'],
    ['- <18 years\n- BMI <=25', 'root(list(listItem(paragraph(text:<18 years)) listItem(paragraph(text:BMI <=25))))'],
    ['> <5% of people', 'root(blockquote(paragraph(text:<5% of people)))'],
    ['| a | b |\n| - | - |\n| <5% | p<.05 |', 'root(table(tableRow(tableCell(text:a) tableCell(text:b)) tableRow(tableCell(text:<5%) tableCell(text:p<.05))))'],
    ['score <-1 or <(2)', 'root(paragraph(text:score <-1 or <(2)))'],
  ])('reads %j as text', (markdown, expected) => {
    expect(outline(parse(markdown))).toBe(expected);
  });

  it.each([
    ['A <Finding outcome="x">y</Finding> z', 'root(paragraph(text:A  mdxJsxTextElement[Finding](text:y) text: z))'],
    ['<Finding>\n\n<5% of people\n\n</Finding>', 'root(mdxJsxFlowElement[Finding](paragraph(text:<5% of people)))'],
    ['Code `a<0`', 'root(paragraph(text:Code  inlineCode:a<0))'],
    ['An expression {1<2}', 'root(paragraph(text:An expression  mdxTextExpression:1<2))'],
  ])('leaves tags, code and expressions to MDX: %j', (markdown, expected) => {
    expect(outline(parse(markdown))).toBe(expected);
  });

  it("still stops on a tag that is broken, with MDX's own message", () => {
    expect(() => parse('Fine <br text')).toThrow(/Unexpected end of file in attribute name/u);
    expect(() => parse('<!-- a comment -->')).toThrow(/to create a comment in MDX/u);
  });
});
