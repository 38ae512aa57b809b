import type { APIRoute, GetStaticPaths } from 'astro';
import { articleExportPaths, exportResponse } from '../../../site/export-routes.ts';

export const getStaticPaths = (() => articleExportPaths()) satisfies GetStaticPaths;
export const GET: APIRoute = ({ props }) => exportResponse(props.items, 'json');
