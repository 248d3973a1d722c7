/** Helpers the document commands share: which document a command is about, and files that are never overwritten. */
import { writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { parseMarkdown, readFrontMatter, type DenshoConfig, type IndexedDocument } from '../../../server/src/engine';
import type { Ctx } from '../context';

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

/**
 * The document a command is about (its argument, else the active editor), parsed
 * with the configuration that applies, from the editor's text (saved or not).
 */
export async function indexedDocument(ctx: Ctx, arg: unknown): Promise<{ uri: vscode.Uri; document: IndexedDocument; text: vscode.TextDocument; config: DenshoConfig; folder: vscode.WorkspaceFolder } | undefined> {
  const uri = targetUri(arg);
  if (!uri) return undefined;
  const folder = ctx.folder(uri);
  const path = folder && ctx.repositoryPath(uri, folder);
  if (!folder || path === undefined) {
    void vscode.window.showErrorMessage('Densho: the document is not inside the workspace folder.');
    return undefined;
  }
  const text = await vscode.workspace.openTextDocument(uri);
  const config = await ctx.config(folder);
  const parsed = parseMarkdown(path, text.getText());
  const { meta } = readFrontMatter(parsed, config, config.standards);
  return { uri, document: { path, parsed, meta }, text, config, folder };
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Creates a file with this content; false (and nothing written) when it exists already. */
export async function createNewFile(uri: vscode.Uri, content: string): Promise<boolean> {
  if (uri.scheme === 'file') {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    try {
      // 'wx' fails when the file exists, atomically: an existing document is never overwritten.
      await writeFile(uri.fsPath, content, { flag: 'wx' });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  }
  if (await exists(uri)) return false;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return true;
}
