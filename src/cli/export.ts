import type { CslItem, Diagnostic } from '../citations/index.ts';
import { exportReferences as downloadOf } from '../site/exports.ts';
import { readArticles } from './articles.ts';
import { loadProjectLibrary, type Project } from './project.ts';

export const EXPORT_FORMATS = ['bibtex', 'ris', 'csl-json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// The site's download of each format: what `export` writes is what readers download.
const DOWNLOAD: Record<ExportFormat, 'bib' | 'ris' | 'json'> = { bibtex: 'bib', ris: 'ris', 'csl-json': 'json' };

/**
 * The library (or the references one article cites, in citation order) as BibTeX, RIS or CSL-JSON, as
 * the site's downloads write them: without `annote`, the editors' own remarks, or a URL that is no web
 * address, and with the note readers see. Throws with a message naming the article's problems when it
 * cannot be resolved.
 */
export function exportReferences(project: Project, format: ExportFormat, slug?: string): string {
  const { library } = loadProjectLibrary(project);
  let items: CslItem[];
  if (slug) {
    const { articles } = readArticles(project.root, project.config.articles, library.has);
    const article = articles.find((candidate) => candidate.slug === slug);
    if (!article) throw new Error(`No article "${slug}" in ${project.config.articles}/. Known: ${articles.map((a) => a.slug).join(', ') || 'none'}.`);
    const problems: Diagnostic[] = [];
    const byKey = new Map<string, CslItem>();
    for (const citation of article.citations) {
      const resolution = library.resolve(citation.key);
      if ('entry' in resolution) byKey.set(resolution.entry.key, resolution.entry.item);
      else problems.push({ ...resolution.diagnostic, location: citation.location });
    }
    if (problems.length) throw new Error(`${article.file} cites references that cannot be exported:\n${problems.map((p) => `  ${p.location ? `${p.location.line}:${p.location.column} ` : ''}${p.message}`).join('\n')}\nRun \`npm run refs -- check\`.`);
    items = [...byKey.values()];
  } else {
    items = library.all().map((entry) => entry.item);
  }
  return downloadOf(items, DOWNLOAD[format]);
}
