import { parse as parseYaml } from 'yaml';

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
