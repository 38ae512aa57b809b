import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { suggestKeys, type Diagnostic } from '../citations/index.ts';
import { frontmatterBlock } from '../markdown/frontmatter.ts';
import { articleSchema } from './article-schema.ts';

const HINT = 'See "Writing an article" in the README for the fields a summary starts with.';
const FIELDS = Object.keys(articleSchema.shape);
const REQUIRED = FIELDS.filter((field) => !articleSchema.shape[field as keyof typeof articleSchema.shape].safeParse(undefined).success);
// Astro's glob loader reads `slug` as the page's address.
const KNOWN_FIELDS = new Set([...FIELDS, 'slug']);

export type Path = readonly PropertyKey[];

export function fieldName(path: Path): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join('');
}

/** The line of the deepest part of `path` the YAML has: the field itself, or the field it is missing from. */
export function lineOf(document: Document, lines: LineCounter, path: Path): number {
  for (let depth = path.length; depth > 0; depth -= 1) {
    const node = document.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  return 1;
}

/**
 * The line that opens a list (`[`) or map (`{`) that YAML found unclosed: YAML reports it on the line
 * after, with a hint about colons that does not apply (`conditions: [neck-pain` on line 4 was reported
 * at line 5).
 */
function unclosedBracket(yaml: string, message: string, errorLine: number): { bracket: string; line: number } | undefined {
  const closing = message.match(/must be sufficiently indented and end with a ([\]}])/u)?.[1];
  if (!closing) return undefined;
  const opening = closing === ']' ? '[' : '{';
  const yamlLines = yaml.split('\n');
  for (let line = Math.min(errorLine - 1, yamlLines.length); line >= 1; line -= 1) {
    if (yamlLines[line - 1]!.includes(opening)) return { bracket: opening, line };
  }
  return undefined;
}

/**
 * Problems in a summary's frontmatter, each at the line it is on, judged by the schema the articles
 * collection uses: all at once, before Astro's content sync stops at the first with line 0 and a stack
 * trace. YAML's own dates are left as text here, so an impossible date (2026-02-30), which YAML would
 * roll over to 2 March without a word, is reported too. Fields the schema lacks are warnings: a typo
 * (`nextReveiw`) would otherwise be ignored.
 */
export function frontmatterProblems(path: string, text: string): Diagnostic[] {
  const source = text.replace(/^\uFEFF/u, '');
  // TOML frontmatter, which Astro reads too, is left to Astro's own check.
  if (/^\s*\+\+\+\r?\n/u.test(source)) return [];
  const block = frontmatterBlock(source);
  if (!block) {
    return [{ code: 'invalid-frontmatter', severity: 'error', message: `${path} does not start with frontmatter (title, description, conditions… between --- lines)`, hint: HINT, location: { file: path, line: 1, column: 1 } }];
  }
  // Lines of the YAML are counted from the file's first line: the block starts after its --- line.
  const firstLine = source.slice(0, block.text.indexOf(block.yaml)).split('\n').length - 1;
  const lines = new LineCounter();
  // Merge keys (`<<: *base`) as Astro's YAML reader takes them.
  const document = parseDocument(block.yaml, { lineCounter: lines, prettyErrors: false, merge: true });
  const at = (line: number) => ({ file: path, line: firstLine + line, column: 1 });
  if (document.errors.length) {
    const [error] = document.errors;
    const message = `The frontmatter is not valid YAML: ${error!.message.split('\n')[0]}`;
    const errorLine = lines.linePos(error!.pos[0]).line;
    const unclosed = unclosedBracket(block.yaml, error!.message, errorLine);
    if (unclosed) return [{ code: 'invalid-frontmatter', severity: 'error', message, hint: `The ${unclosed.bracket} opened on this line is not closed: a list ends on its line, as in conditions: [neck-pain, migraine].`, location: at(unclosed.line) }];
    return [{ code: 'invalid-frontmatter', severity: 'error', message, hint: 'Quote text that has a colon followed by a space, or starts with [, {, *, & or #.', location: at(errorLine) }];
  }
  const data: unknown = document.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return [{ code: 'invalid-frontmatter', severity: 'error', message: `The frontmatter has no fields: a summary needs ${REQUIRED.join(', ')}`, hint: HINT, location: at(1) }];
  }
  const problems: Diagnostic[] = [];
  const result = articleSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const missing = !document.hasIn(issue.path);
      problems.push({
        code: 'invalid-frontmatter',
        severity: 'error',
        message: missing ? `${fieldName(issue.path)} is missing` : `${fieldName(issue.path)}: ${issue.message}`,
        hint: HINT,
        location: at(lineOf(document, lines, issue.path)),
      });
    }
  }
  // `authors: [Doe, Jane]` is YAML for two authors, "Doe" and "Jane": "Family, Given" needs its quotes.
  const authors = (data as { authors?: unknown }).authors;
  if (Array.isArray(authors) && authors.length > 1 && authors.every((name) => typeof name === 'string' && !/[\s,]/u.test(name.trim()))) {
    problems.push({
      code: 'invalid-frontmatter',
      severity: 'warning',
      message: `authors lists ${authors.map((name) => `"${name}"`).join(', ')}, each a single word: YAML reads [Doe, Jane] as two people`,
      hint: `Quote each person as "Family, Given": authors: ["${authors[0]}, ${authors[1]}"].`,
      location: at(lineOf(document, lines, ['authors'])),
    });
  }
  if (isMap(document.contents)) {
    for (const pair of document.contents.items) {
      // A merge key (`<<`) is read as a symbol, not a field.
      const name = isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : undefined;
      if (name === undefined || KNOWN_FIELDS.has(name)) continue;
      const [meant] = suggestKeys(name, FIELDS);
      problems.push({
        code: 'unknown-frontmatter-field',
        severity: 'warning',
        message: `"${name}" is not a field of a summary, so the site ignores it`,
        hint: meant ? `Did you mean ${meant}?` : HINT,
        location: at(lines.linePos((pair.key as { range: [number, number, number] }).range[0]).line),
      });
    }
  }
  return problems;
}
