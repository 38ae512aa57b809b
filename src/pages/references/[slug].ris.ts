import type { APIRoute, GetStaticPaths } from 'astro';
import { exportResponse, referenceExportPaths } from '../../site/export-routes.ts';

export const getStaticPaths = (() => referenceExportPaths()) satisfies GetStaticPaths;
export const GET: APIRoute = ({ props }) => exportResponse(props.items, 'ris');
