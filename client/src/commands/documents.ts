/** What the document commands share: which document a command is about. */
import * as vscode from 'vscode';

/**
 * The document a command applies to: a URI, a tree node of a document (its
 * `resourceUri`), an argument object with `uri`, or else the active editor's.
 */
export function targetUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'object' && arg !== null) {
    const candidate = (arg as { uri?: unknown; resourceUri?: unknown }).uri ?? (arg as { resourceUri?: unknown }).resourceUri;
    if (candidate instanceof vscode.Uri) return candidate;
  }
  return vscode.window.activeTextEditor?.document.uri;
}
