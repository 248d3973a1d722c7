/**
 * `densho`: the engine on the command line. Each command is a function of
 * (io, arguments) returning an exit code, so tests run it in-process.
 */
import { Command, CommanderError, Option } from 'commander';
import { version } from '../../../package.json';
import { checkCommand } from './commands/check';
import { initCommand } from './commands/init';
import { newCommand } from './commands/new';
import { coverageCommand, reviewCommand, riskCommand, skillsCommand } from './commands/reports';
import { exportCommand } from './commands/export';
import { reportCommand } from './commands/report';
import { changesCommand, historyCommand } from './commands/history';
import { commanderErrorMessage } from './commanderErrors';
import { EXIT_CLEAN, EXIT_USAGE, UsageError } from './errors';
import { chooseLocale, processIo, type CliIo } from './io';
import { message, renderMessage, terminalText, type Locale } from '../engine';

/** What commander would have written for its own usage errors: shown as is in English, through the catalog otherwise (runCli). */
interface CommanderOutput {
  error: string;
}

function buildProgram(io: CliIo, setExitCode: (code: number) => void, commanderOutput: CommanderOutput): Command {
  const program = new Command('densho')
    .description('Checks a Git repository of Markdown SOPs: front matter, links, access layers, reviews, translations and ISO 9001 coverage.')
    .version(version, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text) => (commanderOutput.error += text) })
    .addOption(new Option('--locale <locale>', 'language of messages (default: from LC_ALL, LC_MESSAGES, LANG)').choices(['en', 'ja']));
  // Every command writes in the chosen language: the global --locale, read once it is parsed.
  const localized = (): CliIo => ({ ...io, locale: chooseLocale(program.opts<{ locale?: Locale }>().locale, io) });
  const today = () => new Option('--today <date>', 'date to check against, YYYY-MM-DD (default: today)');
  const run = (action: () => Promise<number>) => async () => setExitCode(await action());

  program
    .command('check')
    .description('run every rule over the repository')
    .argument('[path]', 'repository root, or a folder or document in it (densho.yaml is found above it)', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif', 'github', 'codequality']).default('text'))
    .addOption(today())
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('--baseline <file>', 'report only findings that are not recorded in this baseline file')
    .option('--update-baseline', 'record every current finding in the --baseline file (and report none)')
    .option('--cache', 'reuse results of unchanged documents from the last run (stored in node_modules/.cache/densho)')
    .option('--cache-location <dir>', 'folder for the cache file (implies --cache)')
    .option('--threads <n>', 'worker threads for parsing a large repository (default: one per core; 0: none)')
    .option('--verbose', 'say on stderr what was parsed, checked and reused')
    .option('--fix', 'apply every safe, unambiguous quick fix, say what changed, then report what is left')
    .action((dir: string, options) => run(() => checkCommand(localized(), dir, options))());

  program
    .command('init')
    .description('start Densho in a folder of Markdown: writes densho.yaml, people.yaml and training.yaml from what is there (never overwrites)')
    .argument('[dir]', 'folder to start in', '.')
    .option('--front-matter', 'also give every document without front matter one: id, title, type and language from the file, reviewed from Git')
    .action((dir: string, options) => run(() => initCommand(localized(), dir, options))());

  program
    .command('coverage')
    .description('clause → documents, with gaps')
    .argument('[dir]', 'repository root', '.')
    .option('--standard <id>', 'standard to report (default: the first configured)')
    .option('--max-layer <layer>', 'leave out every document above this access layer, titles and ids included')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'md', 'csv', 'html']).default('text'))
    .addOption(today())
    .action((dir: string, options) => run(() => coverageCommand(localized(), dir, options))());

  program
    .command('review')
    .description('review schedule: overdue and due soon, grouped by owner')
    .argument('[dir]', 'repository root', '.')
    .option('--within <duration>', 'how far ahead to look, e.g. 30d, 3m (default: review.warn-before)')
    .option('--max-layer <layer>', 'leave out every document above this access layer, titles and ids included')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(today())
    .action((dir: string, options) => run(() => reviewCommand(localized(), dir, options))());

  program
    .command('risk')
    .description('knowledge holders: per expert, the documents only they hold, and leaving dates')
    .argument('[dir]', 'repository root', '.')
    .option('--max-layer <layer>', 'leave out every document above this access layer, titles and ids included')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(today())
    .action((dir: string, options) => run(() => riskCommand(localized(), dir, options))());

  program
    .command('skills')
    .description('the skills matrix (training.yaml): who can do each procedure, at which level; who must be retrained; who has no successor')
    .argument('[dir]', 'repository root', '.')
    .option('--max-layer <layer>', 'leave out every document above this access layer, titles and ids included')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'md', 'csv', 'html']).default('text'))
    .addOption(today())
    .action((dir: string, options) => run(() => skillsCommand(localized(), dir, options))());

  program
    .command('new')
    .description('create a document from a template (never overwrites)')
    .argument('<template>', 'sop, work-instruction, master, form, policy or translation')
    .requiredOption('--id <id>', 'document id, e.g. SOP-WLD-005')
    .option('--title <title>', 'document title')
    .option('--lang <lang>', 'language (default: the source language)')
    .option('--dir <dir>', 'folder to create it in', '.')
    .option('--owner <person>', 'owner (a key of people.yaml)')
    .addOption(today())
    .action((template: string, options) => run(() => newCommand(localized(), template, options))());

  program
    .command('report')
    .description('the audit pack: register, coverage, review schedule, knowledge risk and translations in one self-contained HTML file (or PDF)')
    .argument('[dir]', 'repository root', '.')
    .option('-o, --out <file>', 'file to write, or - for standard output (default: audit.html or audit.pdf)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['html', 'pdf']).default('html'))
    .option('--max-layer <layer>', 'leave out every document above this access layer, titles and ids included')
    .option('--lang <lang>', 'prefer titles in this language where a translation has one')
    .option('--chromium <path>', 'Chromium to print the PDF with (default: DENSHO_CHROMIUM, then /usr/bin/chromium)')
    .option('--at <date>', 'show the register as in force on this date, YYYY-MM-DD: each document\'s revision then (needs the Git history)')
    .addOption(today())
    .action((dir: string, options) => run(() => reportCommand(localized(), dir, options))());

  program
    .command('export')
    .description('copy the documents at --max-layer or lower, with their media; links to withheld documents become plain text')
    .argument('[dir]', 'repository root', '.')
    .requiredOption('--max-layer <layer>', 'highest access layer to include')
    .requiredOption('-o, --out <dir>', 'folder to write the copy to (must be empty unless --force)')
    .option('--force', 'write into a folder that is not empty')
    .addOption(today())
    .action((dir: string, options) => run(() => exportCommand(localized(), dir, options))());

  program
    .command('history')
    .description('revision history from Git: per document its revisions (version, change kind, date, author, approval, commit, summary)')
    .argument('[dir]', 'repository root', '.')
    .argument('[document]', 'a document id (every language) or file (default: every document)')
    .option('--at <date>', 'also show the revision of each document in force on this date, YYYY-MM-DD')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'md', 'csv']).default('text'))
    .action((dir: string, document: string | undefined, options) => run(() => historyCommand(localized(), dir, document, options))());

  program
    .command('changes')
    .description("what changed in a document since a revision: for a translation, its source's changes since translated-from-version")
    .argument('<file>', 'the document (a source or a translation)')
    .option('--since-version <n>', 'compare with this version instead (default: translated-from-version, or the current revision)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((file: string, options) => run(() => changesCommand(localized(), file, options))());

  return program;
}

/** Runs the CLI; resolves to the exit code instead of exiting, for tests. */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = EXIT_CLEAN;
  const commanderOutput: CommanderOutput = { error: '' };
  const program = buildProgram(io, (code) => (exitCode = code), commanderOutput);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    const locale = chooseLocale(program.opts<{ locale?: Locale }>().locale, io);
    if (error instanceof CommanderError) {
      if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT_CLEAN;
      // Nothing to say when commander only showed the help (densho without a command).
      if (!commanderOutput.error) return EXIT_USAGE;
      const hint = renderMessage(message('cli.run-help'), locale);
      io.stderr(locale === 'en' ? `${commanderOutput.error}${hint}\n` : `densho: ${terminalText(renderMessage(commanderErrorMessage(error), locale))}\n${hint}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      io.stderr(`densho: ${terminalText(renderMessage(error.text, locale))}\n`);
      return EXIT_USAGE;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr(`densho: ${terminalText(renderMessage(message('usage.unexpected', { error: detail }), locale))}\n`);
    return EXIT_USAGE;
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
