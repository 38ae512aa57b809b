import { itemKey } from './bibtex-crossref.ts';
import { writtenFields, type Chunk } from './bibtex-lint.ts';
import type { CslItem } from './csl.ts';

// New-style (2101.00001) and old-style (hep-th/9901001, math.GT/0309136) identifiers, with a version or not.
// As arXiv's own BibTeX may add the category: "arXiv:2101.00006 [cs.LG]".
const ARXIV_ID = /^(?:arxiv:\s*)?(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[a-z-]+)?\/\d{7}(?:v\d+)?)(?:\s*\[[^\]]*\])?$/iu;
// Types citation-js gives @misc, @online, @unpublished and @report: the entry is the preprint itself.
const PREPRINT_TYPES = new Set(['document', 'webpage', 'manuscript', 'report', 'article']);

function unbraced(value: string): string {
  return value.trim().replace(/^[{"]([\s\S]*)[}"]$/u, '$1').trim();
}

/** The arXiv identifier of an entry written as arXiv exports it (`eprint` with `archivePrefix` or `eprinttype = {arxiv}`), or `eprint = {arXiv:…}`. */
export function arxivIdOf(chunk: Chunk): string | undefined {
  if (!/eprint/iu.test(chunk.text)) return undefined;
  const fields = new Map(writtenFields(chunk.text).map((field) => [field.name, unbraced(field.value)]));
  const eprint = fields.get('eprint');
  const archive = fields.get('archiveprefix') ?? fields.get('eprinttype');
  if (!eprint || (archive !== undefined && archive.toLowerCase() !== 'arxiv') || (archive === undefined && !/^arxiv:/iu.test(eprint))) return undefined;
  return eprint.match(ARXIV_ID)?.[1];
}

/**
 * arXiv preprints, which citation-js reads without their identifier (it keeps only PubMed eprints): the
 * preprint gets arXiv as its repository, its identifier and its abstract page, as Zotero records one,
 * so that readers can find it. A journal article that also names its preprint keeps its own details.
 */
export function withArxivPreprints(items: CslItem[], chunks: Chunk[]): CslItem[] {
  const ids = new Map<string, string>();
  for (const chunk of chunks) {
    const id = chunk.key ? arxivIdOf(chunk) : undefined;
    if (id) ids.set(chunk.key!, id);
  }
  if (ids.size === 0) return items;
  return items.map((item) => {
    const id = ids.get(itemKey(item));
    if (!id || !PREPRINT_TYPES.has(item.type)) return item;
    return {
      ...item,
      type: 'article',
      publisher: item.publisher ?? 'arXiv',
      number: item.number ?? `arXiv:${id}`,
      ...(item.URL || item.DOI ? {} : { URL: `https://arxiv.org/abs/${id}` }),
    };
  });
}
