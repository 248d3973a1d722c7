/** Mark reviewed: sets `reviewed` to today through an edit that changes only that value. */
import * as vscode from 'vscode';
import { findEntry, parseMarkdown } from '../../../server/src/engine';
import type { Ctx } from '../context';
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
    return true;
  };

/** The edit setting `reviewed: <today>`: undefined when already today, a message when the front matter cannot take it. */
export function reviewedEdit(document: vscode.TextDocument, today: string): vscode.TextEdit | undefined | string {
  const parsed = parseMarkdown(document.uri.path, document.getText());
  const frontMatter = parsed.frontMatter;
  if (!frontMatter) return 'the document has no front matter.';
  if (!frontMatter.fields) return 'the front matter is not valid YAML; fix it first.';
  const entry = findEntry(frontMatter.fields, 'reviewed');
  if (!entry) {
    // No `reviewed` yet: one new line just before the closing fence.
    const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    return vscode.TextEdit.insert(document.positionAt(frontMatter.contentEnd), `reviewed: ${today}${eol}`);
  }
  if (entry.value.kind === 'empty') {
    // `reviewed:` with nothing after it: the value goes after the colon.
    const line = document.lineAt(entry.keyRange.end.line).text;
    const colon = line.indexOf(':', entry.keyRange.end.character);
    if (colon < 0) return 'could not find the value of `reviewed`.';
    const valueEnd = colon + 1 + (/^[ \t]*/.exec(line.slice(colon + 1))?.[0].length ?? 0);
    return vscode.TextEdit.replace(new vscode.Range(entry.keyRange.end.line, colon + 1, entry.keyRange.end.line, valueEnd), ` ${today}`);
  }
  const { start, end } = entry.value.range;
  const range = new vscode.Range(start.line, start.character, end.line, end.character);
  if (document.getText(range) === today) return undefined;
  return vscode.TextEdit.replace(range, today);
}
