// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import evidenceCitations from './src/integration/index.ts';

export default defineConfig({
  site: 'https://evidence.example.org',
  trailingSlash: 'always',
  // Citations are a remark plugin, and only the unified processor runs remark plugins.
  markdown: { processor: unified() },
  integrations: [mdx(), evidenceCitations({ style: 'ama' })],
});
