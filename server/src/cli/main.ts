/**
 * `densho`: the engine on the command line. Each command is a function of
 * (io, arguments) returning an exit code, so tests run it in-process.
 */
import { Command, CommanderError, Option, type HelpConfiguration } from 'commander';
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
import { message, renderMessage, terminalText, type Locale, type Message, type MessageId } from '../engine';

/** What commander would have written for its own usage errors: shown as is in English, through the catalog otherwise (runCli). */
interface CommanderOutput {
  error: string;
}

/**
 * The language of `--help`, decided before the command line is parsed (the
 * descriptions are given when the program is built): a `--locale` on the
 * command line, else the environment, as for every other message.
 */
function helpLocale(argv: readonly string[], io: CliIo): Locale {
  const at = argv.findIndex((argument) => argument === '--locale' || argument.startsWith('--locale='));
  const written = at < 0 ? undefined : argv[at]!.includes('=') ? argv[at]!.slice('--locale='.length) : argv[at + 1];
  return chooseLocale(written === 'en' || written === 'ja' ? written : undefined, io);
}

/**
 * Commander's own words in the help (titles, choices, defaults) in `locale`;
 * English keeps commander's help exactly as it writes it.
 */
function localizedHelp(locale: Locale, say: (id: HelpTitle) => string): HelpConfiguration {
  if (locale === 'en') return {};
  const titles: Readonly<Record<string, HelpTitle>> = {
    'Usage:': 'help.title.usage',
    'Options:': 'help.title.options',
    'Arguments:': 'help.title.arguments',
    'Commands:': 'help.title.commands',
    'Global Options:': 'help.title.global-options',
  };
  const extra = (description: string, choices: readonly string[] | undefined, value: string | undefined): string => {
    const notes = [
      ...(choices ? [renderMessage(message('help.choices', { choices: choices.map((choice) => JSON.stringify(choice)) }), locale)] : []),
      ...(value !== undefined ? [renderMessage(message('help.default', { value }), locale)] : []),
    ];
    return notes.length === 0 ? description : `${description}（${notes.join('、')}）`;
  };
  return {
    // Commander wraps descriptions at spaces; Japanese has none between words, so it would break lines only at the Latin ones.
    helpWidth: Number.MAX_SAFE_INTEGER,
    styleTitle: (title) => (titles[title] ? say(titles[title]) : title),
    optionDescription: (option) => {
      // As commander decides: a default is shown for an option that takes a value.
      const shown = option.defaultValue !== undefined && (option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean'));
      return extra(option.description, option.argChoices, shown ? option.defaultValueDescription || JSON.stringify(option.defaultValue) : undefined);
    },
    argumentDescription: (argument) =>
      extra(argument.description, argument.argChoices, argument.defaultValue !== undefined ? argument.defaultValueDescription || JSON.stringify(argument.defaultValue) : undefined),
  };
}

/** The help's words that take no argument: descriptions and titles. */
type HelpText = Exclude<Extract<MessageId, `help.${string}`>, 'help.choices' | 'help.default'>;
type HelpTitle = Extract<HelpText, `help.title.${string}`>;

function buildProgram(io: CliIo, setExitCode: (code: number) => void, commanderOutput: CommanderOutput, locale: Locale): Command {
  const say = (id: HelpText): string => renderMessage(message(id) as Message, locale);
  const program = new Command('densho')
    .description(say('help.program'))
    .version(version, '-v, --version', say('help.option.version'))
    .helpOption('-h, --help', say('help.option.help'))
    .helpCommand('help [command]', say('help.command.help'))
    .configureHelp(localizedHelp(locale, say))
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text) => (commanderOutput.error += text) })
    .addOption(new Option('--locale <locale>', say('help.option.locale')).choices(['en', 'ja']));
  // Every command writes in the chosen language: the global --locale, read once it is parsed.
  const localized = (): CliIo => ({ ...io, locale: chooseLocale(program.opts<{ locale?: Locale }>().locale, io) });
  const today = () => new Option('--today <date>', say('help.option.today'));
  const run = (action: () => Promise<number>) => async () => setExitCode(await action());

  program
    .command('check')
    .description(say('help.check'))
    .argument('[path]', say('help.check.path'), '.')
    .addOption(new Option('-f, --format <format>', say('help.option.format')).choices(['text', 'json', 'sarif', 'github', 'codequality']).default('text'))
    .addOption(today())
    .option('--max-warnings <n>', say('help.check.max-warnings'))
    .option('--baseline <file>', say('help.check.baseline'))
    .option('--update-baseline', say('help.check.update-baseline'))
    .option('--cache', say('help.check.cache'))
    .option('--cache-location <dir>', say('help.check.cache-location'))
    .option('--threads <n>', say('help.check.threads'))
    .option('--verbose', say('help.check.verbose'))
    .option('--fix', say('help.check.fix'))
    .action((dir: string, options) => run(() => checkCommand(localized(), dir, options))());

  program
    .command('init')
    .description(say('help.init'))
    .argument('[dir]', say('help.init.dir'), '.')
    .option('--front-matter', say('help.init.front-matter'))
    .action((dir: string, options) => run(() => initCommand(localized(), dir, options))());

  program
    .command('coverage')
    .description(say('help.coverage'))
    .argument('[dir]', say('help.argument.root'), '.')
    .option('--standard <id>', say('help.coverage.standard'))
    .option('--max-layer <layer>', say('help.option.max-layer'))
    .addOption(new Option('-f, --format <format>', say('help.option.format')).choices(['text', 'json', 'md', 'csv', 'html']).default('text'))
    .addOption(today())
    .action((dir: string, options) => run(() => coverageCommand(localized(), dir, options))());

  program
    .command('review')
    .description(say('help.review'))
    .argument('[dir]', say('help.argument.root'), '.')
    .option('--within <duration>', say('help.review.within'))
    .option('--max-layer <layer>', say('help.option.max-layer'))
    .addOption(new Option('-f, --format <format>', say('help.option.format')).choices(['text', 'json']).default('text'))
    .addOption(today())
    .action((dir: string, options) => run(() => reviewCommand(localized(), dir, options))());

  program
    .command('risk')
    .description(say('help.risk'))
    .argument('[dir]', say('help.argument.root'), '.')
    .option('--max-layer <layer>', say('help.option.max-layer'))
    .addOption(new Option('-f, --format <format>', say('help.option.format')).choices(['text', 'json']).default('text'))
    .addOption(today())
    .action((dir: string, options) => run(() => riskCommand(localized(), dir, options))());

  program
    .command('skills')
    .description(say('help.skills'))
    .argument('[dir]', say('help.argument.root'), '.')
    .option('--max-layer <layer>', say('help.option.max-layer'))
    .addOption(new Option('-f, --format <format>', say('help.option.format')).choices(['text', 'json', 'md', 'csv', 'html']).default('text'))
    .addOption(today())
    .action((dir: string, options) => run(() => skillsCommand(localized(), dir, options))());

  program
    .command('new')
    .description(say('help.new'))
    .argument('<template>', say('help.new.template'))
    .requiredOption('--id <id>', say('help.new.id'))
    .option('--title <title>', say('help.new.title'))
    .option('--lang <lang>', say('help.new.lang'))
    .option('--dir <dir>', say('help.new.dir'), '.')
    .option('--owner <person>', say('help.new.owner'))
    .addOption(today())
    .action((template: string, options) => run(() => newCommand(localized(), template, options))());

  program
    .command('report')
    .description(say('help.report'))
    .argument('[dir]', say('help.argument.root'), '.')
    .option('-o, --out <file>', say('help.report.out'))
    .addOption(new Option('-f, --format <format>', say('help.option.format')).choices(['html', 'pdf']).default('html'))
    .option('--max-layer <layer>', say('help.option.max-layer'))
    .option('--lang <lang>', say('help.report.lang'))
    .option('--chromium <path>', say('help.report.chromium'))
    .option('--at <date>', say('help.report.at'))
    .addOption(today())
    .action((dir: string, options) => run(() => reportCommand(localized(), dir, options))());

  program
    .command('export')
    .description(say('help.export'))
    .argument('[dir]', say('help.argument.root'), '.')
    .requiredOption('--max-layer <layer>', say('help.export.max-layer'))
    .requiredOption('-o, --out <dir>', say('help.export.out'))
    .option('--force', say('help.export.force'))
    .addOption(today())
    .action((dir: string, options) => run(() => exportCommand(localized(), dir, options))());

  program
    .command('history')
    .description(say('help.history'))
    .argument('[dir]', say('help.argument.root'), '.')
    .argument('[document]', say('help.history.document'))
    .option('--at <date>', say('help.history.at'))
    .addOption(new Option('-f, --format <format>', say('help.option.format')).choices(['text', 'json', 'md', 'csv']).default('text'))
    .action((dir: string, document: string | undefined, options) => run(() => historyCommand(localized(), dir, document, options))());

  program
    .command('changes')
    .description(say('help.changes'))
    .argument('<file>', say('help.changes.file'))
    .option('--since-version <n>', say('help.changes.since-version'))
    .addOption(new Option('-f, --format <format>', say('help.option.format')).choices(['text', 'json']).default('text'))
    .action((file: string, options) => run(() => changesCommand(localized(), file, options))());

  return program;
}

/** Runs the CLI; resolves to the exit code instead of exiting, for tests. */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = EXIT_CLEAN;
  const commanderOutput: CommanderOutput = { error: '' };
  const program = buildProgram(io, (code) => (exitCode = code), commanderOutput, helpLocale(argv, io));
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
