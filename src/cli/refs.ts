import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { nearestName } from '../citations/edit-distance.ts';
import { addIdentifiers, importBibtex } from './add.ts';
import { checkProject, report } from './check.ts';
import { EXPORT_FORMATS, exportReferences, type ExportFormat } from './export.ts';
import { openProject } from './project.ts';

// Each command's lines of the general usage, and the examples its own --help adds.
const COMMAND_USAGE = {
  add: {
    lines: `  add <doi|pmid|pmcid>…     fetch metadata into references/identifiers/ (one JSON file each)
      --missing             also every identifier the library names that has no stored file
      --force               fetch again even when a file exists (with --bibtex: import despite errors)
      --offline             fetch nothing; fail if an identifier has no stored file
      --bibtex FILE         import a BibTeX export into references/`,
    examples: `  npm run refs -- add 10.1016/j.jpain.2017.11.005 29198932 PMC5927830
  npm run refs -- add https://doi.org/10.1001/archinternmed.2012.3654 https://pubmed.ncbi.nlm.nih.gov/29198932/
  npm run refs -- add --missing
  npm run refs -- add --bibtex ~/Downloads/zotero-export.bib`,
  },
  check: {
    lines: `  check [FILE…]             check the library and articles (or only the given library files)
      --json                print diagnostics as JSON`,
    examples: `  npm run refs -- check
  npm run refs -- check references/new.bib
  npm run -s refs -- check --json`,
  },
  export: {
    lines: `  export --format bibtex|ris|csl-json [--article SLUG] [--out FILE]
                            the library, or one summary's sources, for a reference manager`,
    examples: `  npm run refs -- export --format ris --out library.ris
  npm run refs -- export --format bibtex --article acupuncture-chronic-pain`,
  },
};
type Command = keyof typeof COMMAND_USAGE;

const SHARED_USAGE = `  --root DIR                the project (default: the current directory)
  --references DIR          the library folder inside it (default: references)
  -h, --help                this help (after a command: that command's, with examples)`;

const isCommand = (name: string | undefined): name is Command => name !== undefined && Object.hasOwn(COMMAND_USAGE, name);

/** The usage of every command, or of one with its examples. */
function usage(command?: string): string {
  if (!isCommand(command)) {
    const lines = Object.values(COMMAND_USAGE).map((usage) => usage.lines);
    return `Usage: npm run refs -- <command> [options]\n\n${lines.join('\n')}\n\n${SHARED_USAGE}`;
  }
  const { lines, examples } = COMMAND_USAGE[command];
  return `Usage: npm run refs -- ${command} [options]\n\n${lines}\n\n${SHARED_USAGE}\n\nExamples:\n${examples}`;
}

const OPTIONS = {
  root: { type: 'string' },
  references: { type: 'string' },
  json: { type: 'boolean', default: false },
  offline: { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  missing: { type: 'boolean', default: false },
  bibtex: { type: 'string' },
  format: { type: 'string' },
  article: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

// Each command's own options; --root, --references and --help go with any. An option of another command
// was accepted and ignored (`check --force` checked as if it were not there).
const COMMAND_OPTIONS: Record<Command, (keyof typeof OPTIONS)[]> = {
  add: ['missing', 'force', 'offline', 'bibtex'],
  check: ['json'],
  export: ['format', 'article', 'out'],
};
const SHARED_OPTIONS = new Set<string>(['root', 'references', 'help']);

/** The first option given that belongs to another command, as a message naming the commands it belongs to. */
function misplacedOption(command: Command, given: string[]): string | undefined {
  const own = COMMAND_OPTIONS[command];
  const misplaced = given.find((name) => !SHARED_OPTIONS.has(name) && !own.includes(name as keyof typeof OPTIONS));
  if (!misplaced) return undefined;
  const owners = Object.keys(COMMAND_OPTIONS).filter((name) => COMMAND_OPTIONS[name as Command].includes(misplaced as keyof typeof OPTIONS));
  return `--${misplaced} is an option of ${owners.join(' and ')}, not of ${command}.`;
}

/**
 * What parseArgs refused, in the words of this command: an unknown option with the one probably meant.
 * Node's own message for it ("To specify a positional argument starting with a '-', place it at the end
 * of the command after '--'…") answers a question authors do not have.
 */
function argumentProblem(error: unknown): string {
  const unknown = (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? (error as Error).message.match(/^Unknown option '(-{1,2})([^']*)'/u) : null;
  if (!unknown) return error instanceof Error ? error.message : String(error);
  const meant = nearestName(unknown[2]!, Object.keys(OPTIONS));
  return `unknown option ${unknown[1]}${unknown[2]}.${meant ? ` Did you mean --${meant}?` : ''}`;
}

/** Runs one `refs` command line and returns its exit status; every failure is a message, never a stack trace. */
export async function main(argv: string[], out: (text: string) => void = console.log, err: (text: string) => void = console.error): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, tokens: true });
  } catch (error) {
    // The command is the first word by convention; its usage is the one that helps with its options.
    err(`error: ${argumentProblem(error)}\n\n${usage(argv[0])}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (values.help ? out : err)(usage(command));
    return values.help ? 0 : 2;
  }
  if (!isCommand(command)) {
    const meant = nearestName(command, Object.keys(COMMAND_USAGE));
    err(`error: unknown command "${command}".${meant ? ` Did you mean ${meant}?` : ''}\n\n${usage()}`);
    return 2;
  }
  const misplaced = misplacedOption(command, parsed.tokens.flatMap((token) => (token.kind === 'option' ? [token.name] : [])));
  if (misplaced) {
    err(`error: ${misplaced}\n\n${usage(command)}`);
    return 2;
  }
  try {
    const project = openProject(values.root ?? process.cwd(), values.references);
    switch (command) {
      case 'add':
        if (values.bibtex) return importBibtex(project, values.bibtex, values.force, out);
        if (rest.length === 0 && !values.missing) {
          err('error: name at least one DOI, PMID or PMCID, or use --missing or --bibtex FILE.');
          return 2;
        }
        return await addIdentifiers(project, rest, { offline: values.offline, force: values.force, missing: values.missing }, out);
      case 'check':
        return report(checkProject(project, rest), values.json, out);
      case 'export': {
        if (!EXPORT_FORMATS.includes(values.format as ExportFormat)) {
          err(`error: --format must be one of ${EXPORT_FORMATS.join(', ')}.`);
          return 2;
        }
        const text = exportReferences(project, values.format as ExportFormat, values.article);
        if (values.out) {
          writeFileSync(values.out, text);
          // Said on stderr, as the export itself goes to stdout without --out.
          err(`wrote ${values.article ? `the references of ${values.article}` : 'the library'} as ${values.format} to ${resolve(values.out)}`);
        } else out(text.trimEnd());
        return 0;
      }
    }
  } catch (error) {
    err(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main(process.argv.slice(2));
