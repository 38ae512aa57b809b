import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { EXPORT_FORMATS, exportReferences, type ExportFormat } from '../../site/exports.ts';

/** /references/<slug>.bib|ris|json: one source, for a reference manager. */
export const getStaticPaths = (async () => {
  const references = await getCollection('references');
  return references.flatMap((ref) => Object.keys(EXPORT_FORMATS).map((format) => ({ params: { slug: ref.id, format }, props: { item: ref.data.item, format } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const format = props.format as ExportFormat;
  return new Response(exportReferences([props.item], format), { headers: { 'Content-Type': EXPORT_FORMATS[format].type } });
};
