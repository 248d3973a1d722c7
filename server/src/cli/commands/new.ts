/** `densho new TEMPLATE`: a document from a template, never over an existing file. */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { formatDay, message, parseConfig, renderMessage, sourceLanguage } from '../../engine';
import { EXIT_CLEAN, UsageError } from '../errors';
import { localeOf, type CliIo } from '../io';
import { discoverRepository, parseToday } from '../repository';
import { fillTemplate, templateFileName, templateFiles, templateNameOf } from '../../engine/templates';

export interface NewOptions {
  readonly id?: string;
  readonly title?: string;
  readonly lang?: string;
  readonly dir?: string;
  readonly owner?: string;
  readonly today?: string;
}

export async function newCommand(io: CliIo, template: string, options: NewOptions): Promise<number> {
  const repositoryRoot = discoverRepository(resolve(io.cwd)).root;
  const config = parseConfig(readOptional(join(repositoryRoot, 'densho.yaml'))).config;
  const lang = options.lang ?? sourceLanguage(config);
  const templatePath = findTemplate(repositoryRoot, template, lang, io.cwd);
  if (!options.id) throw new UsageError(message('usage.id-required'));
  if (!config.idPattern.test(options.id)) throw new UsageError(message('usage.id-pattern', { id: options.id, pattern: config.idPattern.source }));
  if (!config.languages.includes(lang)) throw new UsageError(message('usage.choice', { option: '--lang', choices: config.languages, value: lang }));

  const directory = resolve(io.cwd, options.dir ?? '.');
  const target = join(directory, templateFileName(options.id, lang, sourceLanguage(config)));
  const content = fillTemplate(readFileSync(templatePath, 'utf8'), {
    id: options.id,
    title: options.title ?? options.id,
    lang,
    today: formatDay(parseToday(options.today)),
    owner: options.owner ?? '',
    version: '1',
    access: config.layers[Math.min(1, config.layers.length - 1)] ?? 'internal',
  });
  mkdirSync(directory, { recursive: true });
  try {
    // 'wx' fails when the file exists: an existing procedure is never overwritten.
    writeFileSync(target, content, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(message('usage.exists', { file: relative(io.cwd, target) }));
    throw error;
  }
  io.stdout(`${renderMessage(message('new.created', { file: relative(io.cwd, target) || target }), localeOf(io))}\n`);
  return EXIT_CLEAN;
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The file of a template: the repository's own first, then Densho's. A
 * usage error when there is none, or when it is reached through a symbolic
 * link (a repository's template may be a link to any file on the machine,
 * which would be copied into the document). Paths in messages are relative to `cwd`.
 */
export function findTemplate(repositoryRoot: string, template: string, lang: string, cwd: string): string {
  const templates = templateDirectories(repositoryRoot);
  const directory = templateNameOf(`${template}.md`) === undefined ? undefined : templates.find((dir) => existsSync(join(dir, `${template}.md`)));
  // The language's variant (`sop.ja.md`) where the template's folder has one, else the template itself.
  const templatePath = directory && templateFiles(template, lang).map((file) => join(directory, file)).find((path) => existsSync(path));
  if (!templatePath) {
    const available = availableTemplates(repositoryRoot).map((entry) => entry.name);
    throw new UsageError(message('usage.no-template', { template, available: available.length > 0 ? available : undefined }));
  }
  const link = [dirname(templatePath), templatePath].find((path) => lstatSync(path).isSymbolicLink());
  if (link !== undefined) throw new UsageError(message('usage.template-link', { template: relative(cwd, templatePath) || templatePath, link: relative(cwd, link) || link }));
  return templatePath;
}

/** Every template by name, sorted: a repository template hides a shipped one of the same name. */
export function availableTemplates(repositoryRoot: string): { readonly name: string; readonly origin: 'repository' | 'built-in' }[] {
  const found = new Map<string, 'repository' | 'built-in'>();
  for (const dir of templateDirectories(repositoryRoot)) {
    const origin = dir === join(repositoryRoot, 'templates') ? 'repository' : 'built-in';
    for (const name of listTemplates(dir)) if (!found.has(name)) found.set(name, origin);
  }
  return [...found].map(([name, origin]) => ({ name, origin })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The repository's own templates/ first, then the ones shipped with Densho. */
function templateDirectories(repositoryRoot: string): string[] {
  const shipped = [join(__dirname, '..', 'templates'), join(__dirname, '..', '..', '..', '..', 'templates')];
  return [join(repositoryRoot, 'templates'), ...shipped].filter((dir) => existsSync(dir));
}

function listTemplates(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => templateNameOf(name) ?? []);
}
