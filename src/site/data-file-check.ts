import type { z } from 'astro/zod';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { suggestKeys, type Diagnostic } from '../citations/index.ts';
import { fieldName, lineOf } from './frontmatter-check.ts';

/** What a kind of data file is, for its messages: "a condition", and where the README describes its fields. */
export interface DataFileKind {
  noun: string;
  hint: string;
}

/**
 * Problems in one YAML file of a data collection (a condition, a treatment), each at its line, judged by
 * the schema its collection uses: all at once, where Astro's content sync stops at the first file with
 * line 0, Markdown asterisks ("name**: **name: Required") and a stack trace.
 */
export function dataFileProblems(path: string, text: string, schema: z.ZodObject, kind: DataFileKind): Diagnostic[] {
  const lines = new LineCounter();
  const document = parseDocument(text.replace(/^\uFEFF/u, ''), { lineCounter: lines, prettyErrors: false, merge: true });
  const at = (line: number) => ({ file: path, line, column: 1 });
  const [syntax] = document.errors;
  if (syntax) {
    return [{ code: 'invalid-frontmatter', severity: 'error', message: `${path} is not valid YAML: ${syntax.message.split('\n')[0]}`, hint: 'Quote text that has a colon followed by a space, or starts with [, {, *, & or #.', location: at(lines.linePos(syntax.pos[0]).line) }];
  }
  const result = schema.safeParse(document.toJS() ?? {});
  if (result.success) return [];
  const fields = Object.keys(schema.shape);
  const keyLine = (name: string) => {
    const pair = isMap(document.contents) ? document.contents.items.find((item) => isScalar(item.key) && item.key.value === name) : undefined;
    return pair ? lines.linePos((pair.key as { range: [number, number, number] }).range[0]).line : 1;
  };
  const problems = result.error.issues.flatMap((issue): Diagnostic[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((name) => {
        const [meant] = suggestKeys(name, fields);
        return { code: 'invalid-frontmatter', severity: 'error', message: `"${name}" is not a field of ${kind.noun}`, hint: meant ? `Did you mean ${meant}?` : `${kind.noun[0]!.toUpperCase()}${kind.noun.slice(1)} has ${fields.join(', ')}. ${kind.hint}`, location: at(keyLine(name)) };
      });
    }
    const missing = !document.hasIn(issue.path);
    return [{ code: 'invalid-frontmatter', severity: 'error', message: missing ? `${fieldName(issue.path)} is missing: ${issue.message}` : `${fieldName(issue.path)}: ${issue.message}`, hint: kind.hint, location: at(lineOf(document, lines, issue.path)) }];
  });
  return problems.sort((a, b) => a.location!.line - b.location!.line);
}
