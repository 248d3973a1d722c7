/**
 * A coverage gap, clicked: densho.yaml opened at `standards:`, where the
 * standard that asks for the clause is named and where iso/gap is reported.
 * Without a densho.yaml, the offer to create one (Initialise Densho here).
 */
import * as vscode from 'vscode';
import type { Ctx } from '../context';

export const openStandardsSetting = (ctx: Ctx) => async (): Promise<vscode.TextEditor | undefined> => {
  const uri = ctx.uriOf('densho.yaml');
  let document: vscode.TextDocument | undefined;
  try {
    document = uri && (await vscode.workspace.openTextDocument(uri));
  } catch {
    document = undefined; // no densho.yaml
  }
  if (!document) {
    const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Densho: this folder has no densho.yaml, which names the standards to cover.'), vscode.l10n.t('Create densho.yaml'));
    if (answer) await vscode.commands.executeCommand('densho.initialise', { frontMatter: false });
    return undefined;
  }
  const line = document.getText().split(/\r?\n/).findIndex((text) => /^standards\s*:/.test(text));
  const at = new vscode.Position(Math.max(line, 0), 0);
  return vscode.window.showTextDocument(document, { selection: new vscode.Range(at, at), preview: false });
};
