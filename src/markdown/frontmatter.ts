import { parse as parseYaml } from 'yaml';
import type { SourceLocation } from '../citations/index.ts';

const FRONTMATTER = /^(?:\s*\n)?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/u;

/** The YAML frontmatter block at the start of a Markdown or MDX source (after blank lines, as Astro reads it), or undefined. */
export function frontmatterBlock(source: string): { text: string; yaml: string } | undefined {
  const match = source.match(FRONTMATTER);
  return match ? { text: match[0], yaml: match[1]! } : undefined;
}

/** The frontmatter as data ({} when there is none); throws on invalid YAML, with its line. */
export function frontmatterData(block: { yaml: string } | undefined): Record<string, unknown> {
  return block ? (parseYaml(block.yaml) as Record<string, unknown> | null) ?? {} : {};
}

/** Where a top-level frontmatter field is written, as messages show it; undefined when it is not. */
export function frontmatterFieldLocation(source: string, file: string, field: string): SourceLocation | undefined {
  const block = frontmatterBlock(source);
  const index = block?.text.search(new RegExp(`^${field}[ \t]*:`, 'mu')) ?? -1;
  return index === -1 ? undefined : { file, line: source.slice(0, index).split('\n').length, column: 1 };
}
