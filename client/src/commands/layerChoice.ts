/**
 * Which access layer an export from the editor is for: what the coverage
 * matrix shows when its filter is "this layer and every lower one", else the
 * user's choice. Every export then goes through the server's visibility
 * model (`--max-layer`), never through a filter of declared layers.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../context';
export { maxLayerOfFilter } from '../webview/layerFilter';

/** Asks for the highest layer the output may hold; `allowAll` offers "every layer" too. Undefined when cancelled. */
export async function pickMaxLayer(ctx: Ctx, title: string, allowAll: boolean): Promise<{ readonly maxLayer?: string } | undefined> {
  const { layers } = await ctx.configuration();
  const items: (vscode.QuickPickItem & { maxLayer?: string })[] = layers.map((layer, i) => ({
    label: vscode.l10n.t('Up to {0}', layer),
    description: i === layers.length - 1 ? vscode.l10n.t('every layer') : vscode.l10n.t('leaves out {0}', layers.slice(i + 1).join(', ')),
    maxLayer: layer,
  }));
  if (allowAll) items.push({ label: vscode.l10n.t('Every layer'), description: vscode.l10n.t('for use inside the organisation only') });
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Who will read it? Nothing above this layer goes in.') });
  return picked ? { maxLayer: picked.maxLayer } : undefined;
}

/** A location next to the repository, not inside it: an export is meant to leave, and must not be committed by accident. */
export function outsideRepository(folder: vscode.Uri, name: string): vscode.Uri {
  return vscode.Uri.joinPath(folder, '..', name);
}
