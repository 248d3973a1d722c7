/**
 * New document from template: template, folder, id, title and language, then
 * the server makes the document (densho/newDocument) and the client applies
 * the edit that creates it, never over an existing file. The id step checks
 * the pattern and that no document has the id yet (densho/checkDocumentId)
 * as it is typed, and proposes the next free id of the folder's series. A
 * refusal at the end offers another id, keeping every other answer.
 */
import * as vscode from 'vscode';
import { CheckDocumentIdRequest, NewDocumentOptionsRequest, NewDocumentRequest, type NewDocumentParams } from '../../../server/src/protocol';
import type { Ctx } from '../context';

/** Every answer can be given up front (tests, keybindings); whatever is missing is asked for. */
export interface NewDocumentArgs {
  readonly template?: string;
  readonly id?: string;
  readonly title?: string;
  readonly lang?: string;
  /** Repository-relative folder (`sops/welding`). */
  readonly folder?: string;
  /** The clause the document is for (a gap's *New document for clause X*): its front matter maps it there. */
  readonly clause?: NewDocumentParams['clause'];
}

/** The title of each of the five steps (one whole sentence per step, so each language orders its own words). */
const STEP = {
  template: () => vscode.l10n.t('New Densho document (1/5): template'),
  folder: () => vscode.l10n.t('New Densho document (2/5): folder'),
  id: () => vscode.l10n.t('New Densho document (3/5): id'),
  title: () => vscode.l10n.t('New Densho document (4/5): title'),
  language: () => vscode.l10n.t('New Densho document (5/5): language'),
};

export const newDocument =
  (ctx: Ctx) =>
  async (args: NewDocumentArgs = {}): Promise<vscode.Uri | undefined> => {
    const folder = ctx.folder();
    if (!folder) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Densho: open the folder of a Densho repository first.'));
      return undefined;
    }
    const folderUri = folder.uri.toString();
    const options = await ctx.requestOrShow(NewDocumentOptionsRequest, { folder: folderUri });
    if (!options) return undefined;
    const template =
      args.template ??
      (await vscode.window.showQuickPick(options.templates.map((candidate) => ({ label: candidate.name, description: candidate.origin === 'repository' ? vscode.l10n.t("the repository's templates/") : vscode.l10n.t('shipped with Densho') })), { title: STEP.template(), placeHolder: vscode.l10n.t('Template'), ignoreFocusOut: true }))?.label;
    if (!template) return undefined;
    const directory = args.folder ?? (await pickFolder(ctx, folder, options.folders));
    if (directory === undefined) return undefined;
    let id = args.id;
    let typedId: string | undefined;
    let title = args.title;
    let lang = args.lang;
    for (;;) {
      id ??= await askId(ctx, folderUri, directory, typedId);
      if (!id) return undefined;
      title ??= await vscode.window.showInputBox({ title: STEP.title(), ignoreFocusOut: true, validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('A title is required.')) });
      if (!title) return undefined;
      lang ??= options.languages.length === 1 ? options.languages[0] : await vscode.window.showQuickPick([...options.languages], { title: STEP.language(), ignoreFocusOut: true });
      if (!lang) return undefined;
      const params: NewDocumentParams = { folder: folderUri, template, id, title, lang, directory, ...(args.clause ? { clause: args.clause } : {}) };
      let created;
      try {
        created = await ctx.request(NewDocumentRequest, params);
      } catch (error) {
        const message = `Densho: ${error instanceof Error ? error.message : String(error)}`;
        // Given every answer up front, nobody is there to choose another id.
        if (args.id !== undefined) {
          void vscode.window.showErrorMessage(message);
          return undefined;
        }
        const anotherId = vscode.l10n.t('Choose another id');
        if ((await vscode.window.showErrorMessage(message, anotherId)) !== anotherId) return undefined;
        typedId = id;
        id = undefined;
        continue;
      }
      const target = vscode.Uri.parse(created.uri);
      if (!(await ctx.createFile(created.edit, target))) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Densho: {0} already exists; it was not overwritten.', vscode.workspace.asRelativePath(target)));
        return undefined;
      }
      await vscode.window.showTextDocument(target);
      return target;
    }
  };

// Every step keeps its box open when focus moves (a notification, the matrix beside it): what was typed is never lost.
/** The id, checked as it is typed; the box starts with what was typed before, else the folder's next free id. */
async function askId(ctx: Ctx, folder: string, directory: string, typed: string | undefined): Promise<string | undefined> {
  const proposal = typed === undefined ? (await ctx.request(CheckDocumentIdRequest, { folder, directory })).proposal : undefined;
  return vscode.window.showInputBox({
    title: STEP.id(),
    ignoreFocusOut: true,
    value: typed ?? proposal ?? '',
    placeHolder: 'SOP-WLD-005',
    validateInput: async (value) => (await ctx.request(CheckDocumentIdRequest, { folder, directory, id: value })).problem,
  });
}

/** Folders that already hold documents, the active document's first; or any folder through a dialog. */
async function pickFolder(ctx: Ctx, folder: vscode.WorkspaceFolder, folders: readonly string[]): Promise<string | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const activeDirectory = active && ctx.repositoryPath(active, folder)?.split('/').slice(0, -1).join('/');
  const ordered = [...folders].sort((a, b) => Number(b === activeDirectory) - Number(a === activeDirectory) || a.localeCompare(b));
  const other = vscode.l10n.t('$(folder-opened) Choose another folder…');
  const picked = await vscode.window.showQuickPick([...ordered.map((directory) => directory || '.'), other], { title: STEP.folder(), ignoreFocusOut: true });
  if (picked === undefined) return undefined;
  if (picked !== other) return picked === '.' ? '' : picked;
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, defaultUri: folder.uri, openLabel: vscode.l10n.t('Create here') });
  const path = chosen?.[0] && ctx.repositoryPath(chosen[0], folder);
  if (chosen?.[0] && path === undefined) void vscode.window.showErrorMessage(vscode.l10n.t('Densho: choose a folder inside the repository.'));
  return path;
}

/**
 * *New document for clause X*, from a gap of the coverage view (its node,
 * a ClauseNode) or of the matrix (`{ clause }`: the coverage's standard):
 * the wizard with the clause preset, so the new document's front matter
 * maps it to the clause.
 */
export const newDocumentForClause =
  (ctx: Ctx) =>
  async (target?: { readonly clause?: unknown; readonly standard?: unknown }, args: NewDocumentArgs = {}): Promise<vscode.Uri | undefined> => {
    const number = typeof target?.clause === 'string' ? target.clause : undefined;
    const standard = typeof target?.standard === 'string' ? target.standard : number && (await ctx.reports.get()).coverage?.standard.id;
    if (!number || !standard) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Densho: choose a gap in the coverage view or the coverage matrix.'));
      return undefined;
    }
    return newDocument(ctx)({ ...args, clause: { standard, number } });
  };
