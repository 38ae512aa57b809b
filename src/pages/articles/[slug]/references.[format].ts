import type { APIRoute, GetStaticPaths } from 'astro';
import { allArticles, referencesByKey } from '../../../site/collections.ts';
import { EXPORT_FORMATS, exportReferences, type ExportFormat } from '../../../site/exports.ts';

/** /articles/<slug>/references.bib|ris|json: every source an article cites, in citation order. */
export const getStaticPaths = (async () => {
  const references = await referencesByKey();
  return (await allArticles()).flatMap((view) => {
    const items = view.citations.references.map((ref) => references.get(ref.key)!.data.item);
    return Object.keys(EXPORT_FORMATS).map((format) => ({ params: { slug: view.slug, format }, props: { items, format } }));
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const format = props.format as ExportFormat;
  return new Response(exportReferences(props.items, format), { headers: { 'Content-Type': EXPORT_FORMATS[format].type } });
};
