/**
 * The new-document wizard's requests: the templates and folders to offer
 * (densho/newDocumentOptions), the id checked for pattern and uniqueness
 * with the next free id of the folder's series proposed
 * (densho/checkDocumentId), and the document made from the template as a
 * WorkspaceEdit that creates it and never overwrites (densho/newDocument).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCodes } from 'vscode-languageserver';
import { availableTemplates, findTemplate } from '../../cli/commands/new';
import { UsageError } from '../../cli/errors';
import { formatDay, message, renderMessage, sourceLanguage, type Message, type Workspace } from '../../engine';
import { fillTemplate, templateFileName, withClauses } from '../../engine/templates';
import type { DocumentIdCheck, DocumentIdParams, FolderParams, NewDocumentOptions, NewDocumentParams, NewDocumentResult } from '../../protocol';
import type { ServerContext } from '../context';
import { refusal, toWorkspaceEdit } from '../convert';
import { readyFolder } from './documentRequests';

export async function newDocumentOptions(context: ServerContext, params: FolderParams | undefined): Promise<NewDocumentOptions> {
  const folder = await readyFolder(context, params);
  const workspace = folder.workspace;
  const folders = new Set(workspace.documentPaths().map(directoryOf));
  return { templates: availableTemplates(folder.root), folders: [...folders].sort(), languages: [...workspace.config.languages] };
}

export async function checkDocumentId(context: ServerContext, params: DocumentIdParams | undefined): Promise<DocumentIdCheck> {
  const folder = await readyFolder(context, params);
  const workspace = folder.workspace;
  const directory = typeof params?.directory === 'string' ? params.directory : undefined;
  const proposal = nextFreeId(workspace, directory);
  const id = typeof params?.id === 'string' ? params.id : undefined;
  const problem = id === undefined ? undefined : idProblem(workspace, id, sourceLanguage(workspace.config));
  return { ...(problem === undefined ? {} : { problem: renderMessage(problem, context.locale) }), ...(proposal === undefined ? {} : { proposal }) };
}

export async function newDocument(context: ServerContext, params: NewDocumentParams | undefined): Promise<NewDocumentResult> {
  const folder = await readyFolder(context, params);
  const workspace = folder.workspace;
  const config = workspace.config;
  const refuse = (reason: Message) => refusal(ErrorCodes.InvalidRequest, reason, context.locale);
  const { template, id, title, lang, directory, clause } = params ?? ({} as Partial<NewDocumentParams>);
  if (typeof template !== 'string' || typeof id !== 'string' || typeof title !== 'string' || typeof lang !== 'string' || typeof directory !== 'string') {
    throw refusal(ErrorCodes.InvalidParams, message('request.required-strings', { names: ['template', 'id', 'title', 'lang', 'directory'] }), context.locale);
  }
  const problem = idProblem(workspace, id, lang);
  if (problem) throw refuse(problem);
  if (clause !== undefined && (typeof clause !== 'object' || clause === null || typeof clause.standard !== 'string' || typeof clause.number !== 'string')) {
    throw refusal(ErrorCodes.InvalidParams, message('request.clause-shape'), context.locale);
  }
  // Only a clause the configured standard has: the number goes into the front matter as written.
  if (clause && !workspace.standards.find((standard) => standard.id === clause.standard)?.clause(clause.number)) {
    throw refuse(message('iso.unknown-clause', { standard: clause.standard, clause: clause.number }));
  }
  if (!config.languages.includes(lang)) throw refuse(message('request.language-one-of', { languages: config.languages }));
  const parts = directory.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.some((part) => part === '..' || part.includes('\\'))) throw refuse(message('request.folder-outside', { folder: directory }));
  let templatePath: string;
  try {
    templatePath = findTemplate(folder.root, template, lang, folder.root);
  } catch (error) {
    if (error instanceof UsageError) throw refuse(error.text);
    throw error;
  }
  const path = [...parts, templateFileName(id, lang, sourceLanguage(config))].join('/');
  if (workspace.index.fileExists(path) || existsSync(join(folder.root, ...path.split('/')))) throw refuse(message('request.file-exists', { file: path }));
  const filled = fillTemplate(readFileSync(templatePath, 'utf8'), {
    id,
    title,
    lang,
    today: formatDay(workspace.today),
    owner: '',
    version: '1',
    access: config.layers[Math.min(1, config.layers.length - 1)] ?? 'internal',
  });
  const content = clause ? withClauses(filled, clause.standard, [clause.number]) : filled;
  const edit = toWorkspaceEdit([{ kind: 'create', file: path, content }], context.editTarget(folder));
  if (!edit) throw refuse(message('request.cannot-create', { file: path }));
  return { uri: context.uriOf(folder, path), edit };
}

/**
 * Why `id` cannot name a new document in `lang`: it breaks `id-pattern`, or
 * a document in that language has it already (the same id in another
 * language is a translation). The wizard's id step, before the language is
 * chosen, asks for the source language.
 */
function idProblem(workspace: Workspace, id: string, lang: string): Message | undefined {
  if (!workspace.config.idPattern.test(id)) return message('request.id-pattern', { pattern: workspace.config.idPattern.source });
  const holder = workspace.index.withIdAndLang(id, lang)[0];
  return holder ? message('request.id-taken', { id, file: holder.path }) : undefined;
}

/**
 * The next free id of a series: the ids of the folder's documents (of the
 * repository's when it has none) that end in a number, the most common
 * prefix among them, one more than its highest number, as wide as written.
 */
export function nextFreeId(workspace: Workspace, directory: string | undefined): string | undefined {
  const ids = (paths: string[]) => paths.flatMap((path) => workspace.index.document(path)?.meta.id?.value ?? []);
  const inFolder = directory === undefined ? [] : ids(workspace.documentPaths().filter((path) => directoryOf(path) === directory));
  const candidates = inFolder.length > 0 ? inFolder : ids(workspace.documentPaths());
  const series = new Map<string, { count: number; highest: number; width: number }>();
  for (const id of candidates) {
    const match = /^(.*?)(\d+)$/.exec(id);
    if (!match) continue;
    const [, prefix, digits] = match as unknown as [string, string, string];
    const entry = series.get(prefix) ?? { count: 0, highest: 0, width: digits.length };
    series.set(prefix, { count: entry.count + 1, highest: Math.max(entry.highest, Number(digits)), width: Math.max(entry.width, digits.length) });
  }
  const [prefix, best] = [...series].sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : 1))[0] ?? [];
  if (prefix === undefined || !best) return undefined;
  for (let number = best.highest + 1; number < best.highest + 1000; number++) {
    const id = `${prefix}${String(number).padStart(best.width, '0')}`;
    if (workspace.index.withId(id).length === 0 && workspace.config.idPattern.test(id)) return id;
  }
  return undefined;
}

function directoryOf(path: string): string {
  return path.split('/').slice(0, -1).join('/');
}
