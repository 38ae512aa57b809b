import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTICLES_FOLDER } from '../integration/project.ts';

/** Settings of the `refs` command, from `references/refs.config.json`; every field has a default except `contact`. */
export interface RefsConfig {
  /** E-mail address sent in the User-Agent (and to NCBI) so registries can reach whoever runs the tool. */
  contact?: string;
  /** doi.org content negotiation; tests point it at a local server. */
  doiBaseUrl: string;
  /** NCBI Literature Citation Exporter (CSL-JSON for PMIDs and PMCIDs). */
  ncbiBaseUrl: string;
  /** NCBI E-utilities (retraction and erratum links of PubMed records). */
  eutilsBaseUrl: string;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  /** A Retry-After longer than this fails the identifier instead of waiting. */
  maxRetryAfterMs: number;
  concurrency: number;
  /** Folder of the MDX articles, relative to the project root. */
  articles: string;
}

export const CONFIG_FILE = 'refs.config.json';

const DEFAULTS: RefsConfig = {
  doiBaseUrl: 'https://doi.org',
  ncbiBaseUrl: 'https://api.ncbi.nlm.nih.gov/lit/ctxp/v1',
  eutilsBaseUrl: 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils',
  timeoutMs: 20_000,
  retries: 4,
  backoffMs: 1_000,
  maxRetryAfterMs: 120_000,
  concurrency: 3,
  articles: ARTICLES_FOLDER,
};

/** Reads `<references>/refs.config.json`; a missing file means defaults, a bad one is an error that names the field. */
export function readConfig(referencesDir: string): RefsConfig {
  const path = join(referencesDir, CONFIG_FILE);
  if (!existsSync(path)) return { ...DEFAULTS };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${path} must hold a JSON object such as { "contact": "editor@example.org" }.`);
  const config = { ...DEFAULTS } as Record<string, unknown>;
  for (const [field, value] of Object.entries(raw)) {
    if (field !== 'contact' && !(field in DEFAULTS)) throw new Error(`${path}: unknown setting "${field}". Known settings: contact, ${Object.keys(DEFAULTS).join(', ')}.`);
    const expected = field === 'contact' ? 'string' : typeof DEFAULTS[field as keyof RefsConfig];
    if (typeof value !== expected || (expected === 'number' && !(Number(value) >= 0))) throw new Error(`${path}: "${field}" must be a ${expected === 'number' ? 'non-negative number' : 'string'}.`);
    config[field] = value;
  }
  if (config.contact !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(String(config.contact))) throw new Error(`${path}: "contact" must be an e-mail address, such as editor@example.org.`);
  return config as unknown as RefsConfig;
}
