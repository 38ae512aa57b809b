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

// Google Scholar and Zotero write a preprint's identifier as its journal: "arXiv preprint arXiv:1803.02250",
// "arXiv:2107.05616 [cs, eess]", which styles print without its full stop ("arXiv:180302250").
// Each run of spaces is read by one \s*: three in a row (`\s*(?:arxiv)?\s*:?\s*`) took time growing with
// the cube of the spaces in a journal such as "arXiv   …" (2,000 spaces: 2 s).
const ARXIV_JOURNAL = /^\s*arxiv(?:\s+preprint)?(?:\s*arxiv)?\s*(?::\s*)?(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[a-z-]+)?\/\d{7}(?:v\d+)?)(?:\s*\[[^\]]*\])?\s*$/iu;

/**
 * The arXiv identifier of an entry written as arXiv exports it (`eprint` with `archivePrefix` or
 * `eprinttype = {arxiv}`), as `eprint = {arXiv:…}`, or as its journal.
 */
export function arxivIdOf(chunk: Chunk): string | undefined {
  if (!/arxiv/iu.test(chunk.text)) return undefined;
  const fields = new Map(writtenFields(chunk.text).map((field) => [field.name, unbraced(field.value)]));
  // Zotero's BibLaTeX export keeps the braces it guards words with: `{arXiv} preprint {arXiv}:2210.12090`.
  const inJournal = (name: string) => fields.get(name)?.replace(/[{}]/gu, '').match(ARXIV_JOURNAL)?.[1];
  const fromJournal = inJournal('journal') ?? inJournal('journaltitle');
  const eprint = fields.get('eprint');
  const archive = fields.get('archiveprefix') ?? fields.get('eprinttype');
  if (!eprint || (archive !== undefined && archive.toLowerCase() !== 'arxiv') || (archive === undefined && !/^arxiv:/iu.test(eprint))) return fromJournal;
  return eprint.match(ARXIV_ID)?.[1] ?? fromJournal;
}

/** Whether the item is the preprint itself: a type of no journal, or an article whose journal is arXiv or none (INSPIRE writes `journal = ""`). */
function isPreprint(item: CslItem): boolean {
  if (PREPRINT_TYPES.has(item.type)) return true;
  const journal = item['container-title'];
  return item.type === 'article-journal' && (!journal || /^\s*arxiv\b/iu.test(journal));
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
    if (!id || !isPreprint(item)) return item;
    const { 'container-title': _arxivAsJournal, ...rest } = item;
    return {
      ...(item.type === 'article-journal' ? rest : item),
      type: 'article',
      publisher: item.publisher ?? 'arXiv',
      number: item.number ?? `arXiv:${id}`,
      ...(item.URL || item.DOI ? {} : { URL: `https://arxiv.org/abs/${id}` }),
    };
  });
}
