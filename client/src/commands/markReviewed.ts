/** Mark reviewed: sets `reviewed` to today through an edit that changes only that value. */
import * as vscode from 'vscode';
import { markReviewedEdit, parseMarkdown } from '../../../server/src/engine';
import type { Ctx } from '../context';
import { STATUS_MESSAGE_MS } from '../statusBar';
import { targetUri } from './documents';

export const markReviewed =
  (ctx: Ctx) =>
  async (arg?: unknown): Promise<boolean> => {
    const uri = targetUri(arg);
    if (!uri) {
      void vscode.window.showErrorMessage('Densho: open a document to mark it reviewed.');
      return false;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const wasDirty = document.isDirty;
    const today = ctx.today();
    const edit = reviewedEdit(document, today);
    if (typeof edit === 'string') {
      void vscode.window.showErrorMessage(`Densho: ${edit}`);
      return false;
    }
    if (edit === undefined) {
      void vscode.window.showInformationMessage(`Densho: ${vscode.workspace.asRelativePath(uri)} is already marked reviewed today.`);
      return true;
    }
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.replace(uri, edit.range, edit.newText);
    if (!(await vscode.workspace.applyEdit(workspaceEdit))) return false;
    // The review is a change to the file: save it unless the user had unsaved work in it.
    if (!wasDirty) await document.save();
    ctx.output.info(`Marked ${vscode.workspace.asRelativePath(uri)} reviewed on ${today}.`);
    vscode.window.setStatusBarMessage(`$(check) Densho: marked ${vscode.workspace.asRelativePath(uri)} reviewed on ${today}.`, STATUS_MESSAGE_MS);
    return true;
  };

/** The edit setting `reviewed: <today>`: undefined when already today, a message when the front matter cannot take it. */
export function reviewedEdit(document: vscode.TextDocument, today: string): vscode.TextEdit | undefined | string {
  // The engine computes the edit (and its tests check it leaves every other byte alone); this only converts it.
  const result = markReviewedEdit(parseMarkdown(document.uri.path, document.getText()), today);
  if (result.kind === 'error') return result.message;
  if (result.kind === 'unchanged') return undefined;
  const { range, newText } = result.edit;
  return vscode.TextEdit.replace(new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character), newText);
}
