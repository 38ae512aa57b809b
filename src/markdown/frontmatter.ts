import { parse as parseYaml } from 'yaml';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/u;

/** The YAML frontmatter block at the very start of a Markdown or MDX source, or undefined. */
export function frontmatterBlock(source: string): { text: string; yaml: string } | undefined {
  const match = source.match(FRONTMATTER);
  return match ? { text: match[0], yaml: match[1]! } : undefined;
}

/** The frontmatter as data ({} when there is none); throws on invalid YAML, with its line. */
export function frontmatterData(block: { yaml: string } | undefined): Record<string, unknown> {
  return block ? (parseYaml(block.yaml) as Record<string, unknown> | null) ?? {} : {};
}
