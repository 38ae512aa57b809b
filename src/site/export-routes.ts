import type { CslItem } from '../citations/index.ts';
import { allArticles, referencesByKey } from './collections.ts';
import { EXPORT_FORMATS, exportReferences, type ExportFormat } from './exports.ts';

// One route file per format (`references.bib.ts`…): a static extension is served in `astro dev`
// as in the build, where `[format]` in the file name is not.

/** Static paths of `/articles/<slug>/references.<ext>`: every source an article cites, in citation order. */
export async function articleExportPaths() {
  const references = await referencesByKey();
  return (await allArticles()).map((view) => ({
    params: { slug: view.slug },
    props: { items: view.citations.references.map((ref) => references.get(ref.key)!.data.item as CslItem) },
  }));
}

/** Static paths of `/references/<slug>.<ext>`: one source each, the same records the articles' downloads use. */
export async function referenceExportPaths() {
  return [...(await referencesByKey()).values()].map((ref) => ({ params: { slug: ref.id }, props: { items: [ref.data.item as CslItem] } }));
}

/** The file a reference manager downloads. */
export function exportResponse(items: CslItem[], format: ExportFormat): Response {
  return new Response(exportReferences(items, format), { headers: { 'Content-Type': EXPORT_FORMATS[format].type } });
}
