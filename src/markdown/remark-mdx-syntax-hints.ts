import type { Processor } from 'unified';

type ParseError = Error & { source?: string; line?: number; column?: number; hint?: string };

/** What to do about the MDX syntax an author most often writes by accident, by the parser that failed. */
export function mdxSyntaxHint(error: ParseError, document: string): string | undefined {
  const line = document.split('\n')[(error.line ?? 0) - 1] ?? '';
  if (error.source === 'micromark-extension-mdx-jsx') {
    const opened = line.lastIndexOf('<', Math.max((error.column ?? line.length) - 1, 0));
    const tag = opened === -1 ? '' : ` (here \`${line.slice(opened, opened + 12).trim()}…\`)`;
    return `In MDX, \`<\` followed by a letter starts a component or HTML tag${tag}. To write "less than", put a backslash before it, \`\\<\`, or write \`&lt;\`. An HTML comment is written {/* … */}.`;
  }
  if (error.source === 'micromark-extension-mdx-expression' || /acorn/iu.test(error.message)) {
    return 'In MDX, braces hold JavaScript. To write a brace as text, put a backslash before it: `\\{` and `\\}`.';
  }
  return undefined;
}

/**
 * Adds a hint to MDX's syntax errors in prose, which Astro prints with the parser's own words only
 * ("Unexpected character `)` (U+0029) in attribute name…" for `rare (<one in twenty people)`).
 */
export default function remarkMdxSyntaxHints(this: Processor) {
  const parse = this.parser;
  if (!parse) return;
  this.parser = (document, file) => {
    try {
      return parse(document, file);
    } catch (error) {
      const hint = error instanceof Error ? mdxSyntaxHint(error as ParseError, document) : undefined;
      if (hint) (error as ParseError).hint ??= hint;
      throw error;
    }
  };
}
