/**
 * `densho init [dir]`: starts Densho in an existing folder of Markdown.
 * Writes densho.yaml from what it finds, and people.yaml and training.yaml
 * skeletons, never over an existing file; `--front-matter` gives every
 * document without front matter the front matter Densho can state (see
 * engine/frontMatterDraft.ts), its review date from the file's last commit.
 */
import {
  CONFIG_FILE,
  draftFrontMatter,
  INITIAL_PEOPLE,
  INITIAL_TRAINING,
  listRepositoryFiles,
  loadWorkspace,
  message,
  readText,
  renderDraft,
  renderInitialConfig,
  renderMessage,
  surveyRepository,
  terminalText,
  type Message,
} from '../../engine';
import { EXIT_CLEAN } from '../errors';
import { localeOf, type CliIo } from '../io';
import { NodeFileSystem } from '../../node';
import { createFile, replaceFile } from '../../node/safeWrite';
import { lastCommitDates } from '../../node/gitDates';
import { repositoryRoot } from '../repository';

export interface InitOptions {
  readonly frontMatter?: boolean;
  /** Read review dates from Git (default true); the editor sends false in a workspace it has not trusted. */
  readonly git?: boolean;
}

/** How much of a document is read to tell its language. */
const SAMPLE_LENGTH = 4000;

export async function initCommand(io: CliIo, dir: string | undefined, options: InitOptions): Promise<number> {
  const root = repositoryRoot(io, dir);
  const fs = new NodeFileSystem(root);
  const files = await listRepositoryFiles(fs);
  const samples = new Map<string, string>();
  for (const path of files.filter((file) => /\.md$/i.test(file)).slice(0, 200)) {
    samples.set(path, ((await readText(fs, path)) ?? '').slice(0, SAMPLE_LENGTH));
  }
  const survey = surveyRepository(files, (path) => samples.get(path));
  const say = (text: Message) => renderMessage(text, localeOf(io));
  const lines: string[] = [];
  const write = (path: string, content: string) => {
    const outcome = createFile(root, path, content);
    lines.push(say(message(outcome === 'created' ? 'init.created' : 'init.kept', { file: path })));
  };
  write(CONFIG_FILE, renderInitialConfig(survey));
  write('people.yaml', INITIAL_PEOPLE);
  write('training.yaml', INITIAL_TRAINING);
  if (options.frontMatter) lines.push(...(await addFrontMatter(root, options.git !== false)).map(say));
  else if (survey.documents.length > 0) lines.push(say(message('init.documents-found', { count: survey.documents.length })));
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT_CLEAN;
}

/**
 * Gives each document without front matter its draft, in path order, so two
 * files named alike get distinct ids whatever the file system lists first.
 * A document with front matter, even broken, is left as it is.
 */
async function addFrontMatter(root: string, git: boolean): Promise<Message[]> {
  const workspace = await loadWorkspace(new NodeFileSystem(root), { threads: 0 });
  const config = workspace.config;
  const taken = new Set<string>();
  for (const path of workspace.documentPaths()) {
    const meta = workspace.document(path)?.meta;
    if (meta?.id) taken.add(`${meta.lang}\u0000${meta.id.value}`);
  }
  // Without Git, `reviewed` stays empty: a date only a person can then state.
  const dates = git ? lastCommitDates(root) : new Map<string, string>();
  const lines: Message[] = [];
  let given = 0;
  for (const path of workspace.documentPaths()) {
    const parsed = workspace.document(path)?.parsed;
    if (!parsed || parsed.unreadable || parsed.frontMatter || parsed.unclosedFrontMatter) continue;
    const fields = draftFrontMatter({
      path,
      firstHeading: parsed.headings[0]?.text,
      config,
      isTaken: (id, lang) => taken.has(`${lang}\u0000${id}`),
      reviewed: dates.get(path),
    });
    const id = fields.find(([key]) => key === 'id')?.[1];
    const lang = fields.find(([key]) => key === 'lang')?.[1] ?? config.languages[0]!;
    const eol = parsed.lines.eol;
    const original = (parsed.bom ? '\ufeff' : '') + parsed.text;
    const separated = parsed.text.length > 0 && !/^[\r\n]/.test(parsed.text) ? eol : '';
    try {
      replaceFile(root, path, (parsed.bom ? '\ufeff' : '') + renderDraft(fields, eol) + separated + parsed.text, original);
    } catch (error) {
      lines.push(message('init.not-changed', { file: terminalText(path), error: error instanceof Error ? terminalText(error.message) : String(error) }));
      continue;
    }
    if (id) taken.add(`${lang}\u0000${id}`);
    given++;
  }
  lines.push(given === 0 ? message('init.all-have-front-matter') : message('init.front-matter-added', { count: given }));
  return lines;
}
