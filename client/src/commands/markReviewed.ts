/** Mark reviewed: sets `reviewed` to today through the server's edit (densho/markReviewed), which changes only that value. */
import * as vscode from 'vscode';
import { MarkReviewedRequest } from '../../../server/src/protocol';
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
    const result = await ctx.requestOrShow(MarkReviewedRequest, { uri: uri.toString() });
    if (!result) return false;
    if (result.edit === null) {
      void vscode.window.showInformationMessage(`Densho: ${vscode.workspace.asRelativePath(uri)} is already marked reviewed today.`);
      return true;
    }
    if (!(await ctx.applyEdit(result.edit))) return false;
    // The review is a change to the file: save it unless the user had unsaved work in it.
    if (!wasDirty) await document.save();
    ctx.output.info(`Marked ${vscode.workspace.asRelativePath(uri)} reviewed on ${result.today}.`);
    vscode.window.setStatusBarMessage(`$(check) Densho: marked ${vscode.workspace.asRelativePath(uri)} reviewed on ${result.today}.`, STATUS_MESSAGE_MS);
    return true;
  };
