import { isUnifiedProcessor } from '@astrojs/markdown-remark';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { cslLocaleTag, cslLocaleTags, formatDiagnostic, formatLocation, keySlug, type Diagnostic } from '../citations/index.ts';
import remarkFindingCertainty from '../markdown/remark-finding-certainty.ts';
import remarkLiteralLessThan from '../markdown/remark-literal-less-than.ts';
import remarkMdxSyntaxHints from '../markdown/remark-mdx-syntax-hints.ts';
import remarkProseExpressions from '../markdown/prose-expressions.ts';
import remarkCitations, { type CitationContext } from '../markdown/remark-citations.ts';
import rehypeLetteredFootnotes from '../markdown/rehype-lettered-footnotes.ts';
import rehypePageHeadingIds from '../markdown/rehype-heading-ids.ts';
import { CitationOptionsSchema, type CitationOptions } from './options.ts';
import { reloadOnLibraryChanges } from './library-watch.ts';
import { buildSearchIndex } from './pagefind.ts';
import { writeFormerAddresses, type SiteAddressing } from './former-addresses.ts';
import { ARTICLES_FOLDER, articleFileNames, isArticleFile, loadCitationContext } from './project.ts';
import { frontmatterProblems } from '../site/frontmatter-check.ts';
import { dataFilesProblems } from './data-files.ts';
import { articleSlug, articleSlugClashes } from '../site/article-slugs.ts';
import { articleTitle, articleTitleClashes } from '../site/article-titles.ts';
import { pagePath } from '../site/paths.ts';
import { quietHeadInjectWarnings } from './quiet-logs.ts';
import { publishContext, referencesStale } from './shared-context.ts';
import { REFERENCES_LOADER } from './references-loader.ts';
import { articleErrorCollector } from './article-errors.ts';
import { frontmatterGate } from './frontmatter-gate.ts';
import { leftOutArticleProblems, readableFrontmatter } from './left-out-pages.ts';
import { userError } from './user-error.ts';

const UNCHECKED_CODES = new Set<Diagnostic['code']>(['unverified-identifier', 'missing-identifier']);
// A team's shared library may hold hundreds of sources no summary cites yet: every build would list them all.
const UNUSED_SHOWN = 10;

function parseOptions(options: CitationOptions | undefined) {
  const parsed = CitationOptionsSchema.safeParse(options ?? {});
  if (parsed.success) return parsed.data;
  throw userError(
    `Invalid evidenceCitations() options: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`).join('; ')}`,
    'See "Options" in the README: style is ama, vancouver, apa or a path to a .csl file; locale is a tag like en-US.',
  );
}

function reportFrontmatterProblems(root: string, logger: AstroIntegrationLogger): void {
  const articles = articleFileNames(root).map((name) => {
    const path = join(ARTICLES_FOLDER, name).split(sep).join('/');
    const text = readFileSync(join(root, path), 'utf8');
    return { name: name.split(sep).join('/'), path, text, frontmatter: readableFrontmatter(text) };
  });
  const problems = [
    ...articles.flatMap(({ path, text }) => frontmatterProblems(path, text)),
    ...articleSlugClashes(articles.map(({ name, path, frontmatter }) => ({ file: path, slug: articleSlug(name, frontmatter) }))),
    ...articleTitleClashes(articles.flatMap(({ path, text, frontmatter }) => articleTitle(path, text, frontmatter) ?? [])),
    ...dataFilesProblems(root),
  ];
  for (const warning of problems.filter((problem) => problem.severity === 'warning')) logger.warn(formatDiagnostic(warning));
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length === 0) return;
  throw userError(errors.map(formatDiagnostic).join('\n\n'), '`npm run refs -- check` lists these with every other problem in the articles and references.');
}

/**
 * Cites references in MDX articles: registers the citation remark plugin on the unified Markdown
 * processor, reads references/ once per build, and reports unused references when the build ends.
 */
export default function evidenceCitations(userOptions?: CitationOptions): AstroIntegration {
  const options = parseOptions(userOptions);
  const citedKeys = new Set<string>();
  // Articles cite the same references: print each warning about a reference once per build.
  const warned = new Set<string>();
  // Entries not yet checked against a registry are routine until someone runs `refs add` online:
  // one summary line, with the command that lists them, instead of a line per entry on every build.
  const unchecked = new Set<string>();
  let context: CitationContext | undefined;
  let projectRoot = '';
  let referencesDir = '';
  let addressing: SiteAddressing | undefined;

  return {
    name: 'evidence-citations',
    hooks: {
      'astro:config:setup': ({ config, command, logger, updateConfig }) => {
        const processor = config.markdown.processor;
        if (!isUnifiedProcessor(processor)) {
          throw userError(
            `Citations need the unified Markdown processor, but markdown.processor is "${processor.name}": its articles would render with every citation left as plain text.`,
            "In astro.config.mjs, import { unified } from '@astrojs/markdown-remark' and set markdown: { processor: unified() }.",
          );
        }
        const root = fileURLToPath(config.root);
        addressing = { site: config.site, base: config.base, trailingSlash: config.trailingSlash, format: config.build.format };
        try {
          context = loadCitationContext(root, options);
        } catch (error) {
          throw userError(`Could not load the citation style: ${error instanceof Error ? error.message : String(error)}`, 'Set citationStyle in content/site.json (style in evidenceCitations() options) to ama, vancouver, apa, or the path of a .csl file in the project.');
        }
        if (!cslLocaleTags().includes(options.locale)) {
          const kin = cslLocaleTags().filter((tag) => tag.startsWith(`${options.locale.split('-')[0]}-`));
          logger.warn(`The locale "${options.locale}" is not one of the official CSL locales, so citations use ${cslLocaleTag(options.locale) ?? 'en-US'} terms, dates and quotation marks.${kin.length ? ` Those of this language: ${kin.join(', ')}.` : ''}`);
        }
        publishContext(context);
        // A build reports every article's errors together; `astro dev` shows each page's as it is opened.
        const errors = command === 'build' ? articleErrorCollector() : undefined;
        const reported = <P extends Plugin<any[], any>>(plugin: P) => errors?.collecting(plugin) ?? plugin;
        updateConfig({ vite: { plugins: [quietHeadInjectWarnings, ...(errors ? [errors.stopAfterBundle] : [frontmatterGate(root)])] } });
        projectRoot = root;
        referencesDir = resolve(root, options.references);
        // Library problems are warnings here; citing a broken entry fails the build with its location.
        for (const diagnostic of context.library.diagnostics) logger.warn(formatDiagnostic({ ...diagnostic, severity: 'warning' }));
        // A build reports every summary's frontmatter problem at once, before it starts; `astro dev` on the
        // summary's page (frontmatter-gate.ts), where Astro itself only logs its content layer's error.
        if (command === 'build') reportFrontmatterProblems(root, logger);
        processor.options.remarkPlugins.push(remarkMdxSyntaxHints, remarkLiteralLessThan, reported(remarkProseExpressions), reported(remarkFindingCertainty), [reported(remarkCitations), {
          context: () => context!,
          bibliographyTitle: options.bibliographyTitle,
          // The article page renders each summary's reference list from the library's records, so the
          // compiled summaries stay small; Markdown anywhere else gets its list appended.
          appendBibliography: (file: VFile) => !isArticleFile(root, file.path),
          // src/pages/references/[slug].astro publishes one page per reference there.
          referencePage: (key: string) => pagePath(`/references/${keySlug(key)}/`, config.base, config.trailingSlash),
          onWarning: (diagnostic: Diagnostic) => {
            if (UNCHECKED_CODES.has(diagnostic.code)) {
              unchecked.add(diagnostic.key ?? diagnostic.message);
              return;
            }
            const id = `${diagnostic.code} ${diagnostic.location ? formatLocation(diagnostic.location) : ''} ${diagnostic.message}`;
            if (!warned.has(id)) logger.warn(formatDiagnostic({ ...diagnostic, related: [] }));
            warned.add(id);
          },
          onDocument: (_file: unknown, cited: { bibliography: { key: string }[] }) => {
            for (const entry of cited.bibliography) citedKeys.add(entry.key);
          },
        }]);
        processor.options.rehypePlugins.push(rehypeLetteredFootnotes, rehypePageHeadingIds);
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        reloadOnLibraryChanges(server, projectRoot, referencesDir, () => {
          try {
            context = loadCitationContext(projectRoot, options);
          } catch (error) {
            // The server keeps the library it had; the next save tries again.
            logger.error(`Could not read references/ again: ${error instanceof Error ? error.message : String(error)}`);
            return false;
          }
          publishContext(context);
          for (const diagnostic of context.library.diagnostics) logger.warn(formatDiagnostic({ ...diagnostic, severity: 'warning' }));
          return true;
        });
        // A changed library leaves Astro's references collection as it was loaded before; it is loaded
        // again before the next page is served (during setup, the content config is not ready).
        server.middlewares.use((request, _response, next) => {
          const leftOut = leftOutArticleProblems(request.url ?? '', projectRoot, addressing!);
          if (leftOut) return next(userError(leftOut, 'Fix the frontmatter and save: the page is shown again.'));
          if (!referencesStale() || !refreshContent) return next();
          refreshContent({ loaders: [REFERENCES_LOADER] }).then(() => next(), next);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(dir, logger);
        if (!context) return;
        writeFormerAddresses(dir, context.library, addressing!);
        // `npm run bench` reads how often citeproc ran: each distinct entry should be formatted once per build.
        const statsFile = process.env.EVIDENCE_CITATION_STATS;
        if (statsFile) writeFileSync(statsFile, JSON.stringify({ ...context.formatter.counts, libraryEntries: context.library.all().length }));
        const unused: Diagnostic[] = [...context.library.entries.values()]
          .filter((entry) => !citedKeys.has(entry.key))
          .map((entry) => ({ code: 'unused-reference', severity: 'warning', message: `Reference "${entry.key}" is not cited by any article`, location: entry.location }));
        if (unused.length) {
          const more = unused.length > UNUSED_SHOWN ? `\n…and ${unused.length - UNUSED_SHOWN} more: \`npm run refs -- check\` lists every one.` : '';
          logger.warn(`${unused.length} unused reference(s):\n${unused.slice(0, UNUSED_SHOWN).map(formatDiagnostic).join('\n')}${more}`);
        }
        if (unchecked.size) {
          logger.info(`${unchecked.size} cited reference(s) are not yet checked against a stored registry record (doi.org, PubMed). \`npm run refs -- check\` lists them; \`npm run refs -- add --missing\` fetches the records while online.`);
        }
      },
    },
  };
}
