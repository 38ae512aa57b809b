import type { ParsedFile } from './bibtex.ts';
import type { CslItem } from './csl.ts';
import { parseJson } from './csl-json.ts';
import { identifierKey, parseIdentifierKey } from './identifiers.ts';
import type { Diagnostic } from './errors.ts';

/** One identifier's metadata as kept under references/identifiers/: what was fetched, from where, when. */
export interface StoredMetadata {
  identifier: string;
  source: string;
  fetched: string;
  csl: CslItem;
}

/**
 * Reads a stored-metadata file. The entry's key is the identifier itself (`doi:10.1000/x`), which is
 * what an article cites when it writes `@doi:10.1000/x`.
 */
export function parseStoredMetadata(source: string, file: string): ParsedFile {
  const { value, diagnostic } = parseJson(source, file, 'invalid-metadata');
  if (diagnostic) return { entries: [], diagnostics: [diagnostic] };
  const record = value as Partial<StoredMetadata> | null;
  const identifier = typeof record?.identifier === 'string' ? parseIdentifierKey(record.identifier) : undefined;
  const problem = (message: string): ParsedFile => ({
    entries: [],
    diagnostics: [{
      code: 'invalid-metadata',
      severity: 'error',
      message: `${file}: ${message}`,
      hint: 'Stored metadata files are written by `npm run refs -- add <doi|pmid|pmcid>`; fetch the identifier again rather than editing by hand.',
      location: { file, line: 1, column: 1 },
    } satisfies Diagnostic],
  });
  if (!identifier || 'invalid' in identifier) return problem('"identifier" must be doi:…, pmid:… or pmcid:… with a valid value');
  if (!record?.csl || typeof record.csl !== 'object' || typeof record.csl.type !== 'string') return problem('"csl" must be a CSL-JSON item with a "type"');
  const key = identifierKey(identifier);
  return { entries: [{ key, item: { ...record.csl, id: key }, location: { file, line: 1, column: 1 } }], diagnostics: [] };
}
