/** New document from template: quick pick of templates/, then id, title, language and folder; never overwrites. */
import * as vscode from 'vscode';
import { sourceLanguage } from '../../../server/src/engine';
import { fillTemplate, templateFileName, templateFiles, templateNameOf } from '../../../server/src/engine/templates';
import type { Ctx } from '../context';
import { createNewFile } from './documents';

/** Every answer can be given up front (tests, keybindings); whatever is missing is asked for. */
export interface NewDocumentArgs {
  readonly template?: string;
  readonly id?: string;
  readonly title?: string;
  readonly lang?: string;
  /** Repository-relative folder (`sops/welding`). */
  readonly folder?: string;
}

interface Template {
  readonly name: string;
  /** The folder that holds it, and maybe its language variants (`sop.ja.md`). */
  readonly directory: vscode.Uri;
  readonly origin: 'repository' | 'built-in';
}

export const newDocument =
  (ctx: Ctx) =>
  async (args: NewDocumentArgs = {}): Promise<vscode.Uri | undefined> => {
    const folder = ctx.folder();
    if (!folder) {
      void vscode.window.showErrorMessage('Densho: open the folder of a Densho repository first.');
      return undefined;
    }
    const config = await ctx.config(folder);
    const templates = await listTemplates(ctx, folder);
    const template = args.template
      ? templates.find((candidate) => candidate.name === args.template)
      : (
          await vscode.window.showQuickPick(
            templates.map((candidate) => ({ label: candidate.name, description: candidate.origin, template: candidate })),
            { title: 'New Densho document (1/5): template', placeHolder: 'Template' },
          )
        )?.template;
    if (!template) {
      if (args.template) void vscode.window.showErrorMessage(`Densho: no template "${args.template}" (available: ${templates.map((t) => t.name).join(', ')}).`);
      return undefined;
    }
    const id =
      args.id ??
      (await vscode.window.showInputBox({
        title: 'New Densho document (2/5): id',
        placeHolder: 'SOP-WLD-005',
        validateInput: (value) => (config.idPattern.test(value) ? undefined : `The id must match ${config.idPattern.source}`),
      }));
    if (!id) return undefined;
    if (!config.idPattern.test(id)) {
      void vscode.window.showErrorMessage(`Densho: the id "${id}" does not match ${config.idPattern.source}.`);
      return undefined;
    }
    const title = args.title ?? (await vscode.window.showInputBox({ title: 'New Densho document (3/5): title', value: '', validateInput: (value) => (value.trim() ? undefined : 'A title is required.') }));
    if (!title) return undefined;
    const lang =
      args.lang ??
      (config.languages.length === 1
        ? config.languages[0]
        : await vscode.window.showQuickPick([...config.languages], { title: 'New Densho document (4/5): language' }));
    if (!lang) return undefined;
    if (!config.languages.includes(lang)) {
      void vscode.window.showErrorMessage(`Densho: the language must be one of ${config.languages.join(', ')}.`);
      return undefined;
    }
    const directory = args.folder ?? (await pickFolder(ctx, folder));
    if (directory === undefined) return undefined;

    const target = vscode.Uri.joinPath(folder.uri, ...directory.split('/').filter(Boolean), templateFileName(id, lang, sourceLanguage(config)));
    const content = fillTemplate(new TextDecoder().decode(await readTemplate(template, lang)), {
      id,
      title,
      lang,
      today: ctx.today(),
      owner: '',
      version: '1',
      access: config.layers[Math.min(1, config.layers.length - 1)] ?? 'internal',
    });
    if (!(await createNewFile(target, content))) {
      void vscode.window.showErrorMessage(`Densho: ${vscode.workspace.asRelativePath(target)} already exists; it was not overwritten.`);
      return undefined;
    }
    await vscode.window.showTextDocument(target);
    return target;
  };

/** The repository's own templates/ first, then the ones shipped with the extension (a repository template of the same name wins). */
async function listTemplates(ctx: Ctx, folder: vscode.WorkspaceFolder): Promise<Template[]> {
  const found = new Map<string, Template>();
  const sources: [vscode.Uri, Template['origin']][] = [
    [vscode.Uri.joinPath(folder.uri, 'templates'), 'repository'],
    [vscode.Uri.joinPath(ctx.extension.extensionUri, 'templates'), 'built-in'],
  ];
  for (const [directory, origin] of sources) {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(directory);
    } catch {
      continue;
    }
    for (const [name, type] of entries.sort(([a], [b]) => a.localeCompare(b))) {
      const stem = templateNameOf(name);
      if (type !== vscode.FileType.File || stem === undefined) continue;
      if (!found.has(stem)) found.set(stem, { name: stem, directory, origin });
    }
  }
  return [...found.values()];
}

/** The template's text for a document in `lang`: its variant in that language when its folder has one (templates.ts, `templateFiles`). */
async function readTemplate(template: Template, lang: string): Promise<Uint8Array> {
  const [variant, base] = templateFiles(template.name, lang).map((file) => vscode.Uri.joinPath(template.directory, file));
  try {
    return await vscode.workspace.fs.readFile(variant!);
  } catch {
    return vscode.workspace.fs.readFile(base!);
  }
}

/** Folders that already hold documents, the active document's first; or any folder through a dialog. */
async function pickFolder(ctx: Ctx, folder: vscode.WorkspaceFolder): Promise<string | undefined> {
  const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.md'), '{**/node_modules/**,**/.git/**,templates/**}', 2000);
  const directories = new Set(files.map((file) => ctx.repositoryPath(file, folder)?.split('/').slice(0, -1).join('/') ?? ''));
  const active = vscode.window.activeTextEditor?.document.uri;
  const activeDirectory = active && ctx.repositoryPath(active, folder)?.split('/').slice(0, -1).join('/');
  const ordered = [...directories].sort((a, b) => Number(b === activeDirectory) - Number(a === activeDirectory) || a.localeCompare(b));
  const other = '$(folder-opened) Choose another folder…';
  const picked = await vscode.window.showQuickPick([...ordered.map((directory) => directory || '.'), other], { title: 'New Densho document (5/5): folder' });
  if (picked === undefined) return undefined;
  if (picked !== other) return picked === '.' ? '' : picked;
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, defaultUri: folder.uri, openLabel: 'Create here' });
  const path = chosen?.[0] && ctx.repositoryPath(chosen[0], folder);
  if (chosen?.[0] && path === undefined) void vscode.window.showErrorMessage('Densho: choose a folder inside the repository.');
  return path;
}
