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
      void vscode.window.showErrorMessage(vscode.l10n.t('Densho: open a document to mark it reviewed.'));
      return false;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const wasDirty = document.isDirty;
    const result = await ctx.requestOrShow(MarkReviewedRequest, { uri: uri.toString() });
    if (!result) return false;
    if (result.edit === null) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Densho: {0} is already marked reviewed today.', vscode.workspace.asRelativePath(uri)));
      return true;
    }
    if (!(await ctx.applyEdit(result.edit))) return false;
    // The review is a change to the file: save it unless the user had unsaved work in it.
    if (!wasDirty) await document.save();
    ctx.output.info(vscode.l10n.t('Marked {0} reviewed on {1}.', vscode.workspace.asRelativePath(uri), result.today));
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Densho: marked {0} reviewed on {1}.', vscode.workspace.asRelativePath(uri), result.today), STATUS_MESSAGE_MS);
    return true;
  };
