/**
 * Densho: Fix All Safe Problems in Workspace: `densho check --fix` for the
 * repository folder, computed by the server (densho/fixAll) as one edit,
 * applied (one undo step per file) and saved, as `--fix` writes the files.
 */
import * as vscode from 'vscode';
import { FixAllRequest } from '../../../server/src/protocol';
import type { Ctx } from '../context';

export const fixAllInWorkspace = (ctx: Ctx) => async (): Promise<number> => {
  const client = await ctx.start();
  const folder = ctx.folder();
  if (!client || !folder) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Densho: the language server is not running, so there is nothing to fix.'));
    return 0;
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(await ctx.request(FixAllRequest, { folder: folder.uri.toString() }));
  const files = edit.entries().map(([uri]) => uri);
  if (files.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Densho: nothing to fix.'));
    return 0;
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Densho: the fixes could not be applied (a file changed meanwhile?). Try again.'));
    return 0;
  }
  for (const uri of files) await (await vscode.workspace.openTextDocument(uri)).save();
  void vscode.window.showInformationMessage(
    files.length === 1 ? vscode.l10n.t('Densho: fixed 1 file; the Problems view lists what is left.') : vscode.l10n.t('Densho: fixed {0} files; the Problems view lists what is left.', files.length),
  );
  return files.length;
};
