import type { ViteUserConfig } from 'astro';

type VitePlugin = NonNullable<ViteUserConfig['plugins']>[number];

/**
 * Drops the bundler's MODULE_LEVEL_DIRECTIVE warning about Astro's own `"use astro:head-inject"`
 * directive, which Astro 7 puts in every MDX content module (withastro/astro#18087): one warning of
 * nine lines per article, among which authors' citation warnings were lost. Other logs pass.
 */
export const quietHeadInjectWarnings: VitePlugin = {
  name: 'evidence-citations:quiet-head-inject-warnings',
  onLog(_level, log) {
    return !(log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"'));
  },
};
