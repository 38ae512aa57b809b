import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { CitationError, formatDiagnostic } from '../../src/citations/index.ts';
import remarkFindingCertainty from '../../src/markdown/remark-finding-certainty.ts';

async function run(mdx: string) {
  const file = new VFile({ path: 'content/articles/a.mdx', value: mdx });
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkFindingCertainty);
  await processor.run(processor.parse(file), file);
  return (file.data as { astro: { frontmatter: { certainty: string[] } } }).astro.frontmatter.certainty;
}

async function problems(mdx: string): Promise<string[]> {
  const error = await run(mdx).then(() => undefined, (e: unknown) => e);
  return error instanceof CitationError ? error.diagnostics.map((d) => formatDiagnostic(d).split('\n')[0]!) : [];
}

describe('remark-finding-certainty', () => {
  it("records each finding's certainty", async () => {
    expect(await run('<KeyFindings>\n<Finding id="a" outcome="Pain" certainty="moderate">x</Finding>\n<Finding id="b" outcome="Function" certainty="low">y</Finding>\n</KeyFindings>')).toEqual(['moderate', 'low']);
  });

  it('stops at each finding the page would print broken or fail on without a line', async () => {
    expect(await problems([
      '<KeyFindings>',
      '<Finding outcome="Pain" certainty="moderate">no id</Finding>',
      '<Finding id="dup" outcome="Pain" certainty="medium">bad level</Finding>',
      '<Finding id="dup" certainty="low">no outcome, same id</Finding>',
      '</KeyFindings>',
      '',
      '<Finding id="alone" outcome="Sleep" certainty="high">outside the table</Finding>',
    ].join('\n'))).toEqual([
      'content/articles/a.mdx:2:1: error: <Finding>: it has no id, which its link (#finding-<id>) needs [invalid-finding]',
      'content/articles/a.mdx:3:1: error: <Finding>: certainty "medium" is not a GRADE level [invalid-finding]',
      'content/articles/a.mdx:4:1: error: <Finding>: id "dup" is used by another finding of this summary [invalid-finding]',
      'content/articles/a.mdx:4:1: error: <Finding>: it has no outcome, the row\'s heading [invalid-finding]',
      'content/articles/a.mdx:7:1: error: <Finding>: it is outside <KeyFindings>, the table its row belongs in [invalid-finding]',
    ]);
  });

  it('leaves attributes written as expressions to the page', async () => {
    expect(await problems('<KeyFindings>\n<Finding id={"a"} outcome={frontmatter.title} certainty={"low"}>x</Finding>\n</KeyFindings>')).toEqual([]);
  });
});
