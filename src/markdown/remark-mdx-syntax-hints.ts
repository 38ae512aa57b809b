import type { Processor } from 'unified';

type ParseError = Error & { source?: string; ruleId?: string; line?: number; column?: number; hint?: string };

const LESS_THAN = 'To write "less than", put a backslash before it, `\\<`, or write `&lt;`.';

/** What to do about a tag MDX found unclosed or closed twice: its name and how to close it. */
function unclosedTagHint(error: ParseError): string {
  const tag = error.message.match(/closing tag for `<([^>`]*)>`/u)?.[1];
  const closing = tag ? `\`</${tag}>\`` : 'its closing tag';
  const empty = tag ? `\`<${tag} />\`` : '`<br />`';
  return `In MDX every tag is closed: put ${closing} where its content ends (in the same paragraph, or on a line of its own after a block of paragraphs), or write ${empty} for a tag with no content. ${LESS_THAN}`;
}

/** What to do about the MDX syntax an author most often writes by accident, by the parser that failed. */
export function mdxSyntaxHint(error: ParseError, document: string): string | undefined {
  const line = document.split('\n')[(error.line ?? 0) - 1] ?? '';
  if (error.source === 'micromark-extension-mdx-jsx') {
    const opened = line.lastIndexOf('<', Math.max((error.column ?? line.length) - 1, 0));
    const written = line.slice(opened, opened + 12).trim();
    // Markdown's <https://…> and <name@example.org> links are tags to MDX.
    if (/^<(?:[a-z][\w+.-]*:\/\/|[^\s<>@]+@)/iu.test(written)) {
      return 'MDX has no `<…>` links: write the address without the angle brackets (https://example.org and name@example.org become links as they are), or as [text](https://example.org).';
    }
    if (/before attribute value/u.test(error.message)) {
      return 'In MDX, an attribute\'s value is quoted: `href="https://example.org"`, `id="pain-at-12-weeks"`.';
    }
    const tag = opened === -1 ? '' : ` (here \`${written}…\`)`;
    return `In MDX, \`<\` followed by a letter starts a component or HTML tag${tag}. ${LESS_THAN} An HTML comment is written {/* … */}.`;
  }
  if (error.source === 'mdast-util-mdx-jsx') {
    if (error.ruleId === 'unexpected-closing-slash') return `This closing tag has no opening tag before it in the same paragraph: remove it, or open the tag where its content starts. ${LESS_THAN}`;
    return unclosedTagHint(error);
  }
  if (error.source === 'micromark-extension-mdxjs-esm') {
    return 'In MDX, a line that starts with `import` or `export` is JavaScript, and this one is not valid: fix the statement, or if it is a sentence, start it with a capital (Import…, Export…).';
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
      if (!(error instanceof Error)) throw error;
      const hint = mdxSyntaxHint(error as ParseError, document);
      if (hint) (error as ParseError).hint ??= hint;
      // MDX places an unclosed tag's error at the start of its paragraph, and names the tag's own place.
      const opened = /^Expected a closing tag for `<[^>`]*>` \((\d+):(\d+)-/u.exec(error.message);
      if (opened) Object.assign(error, { line: Number(opened[1]), column: Number(opened[2]) });
      throw error;
    }
  };
}
