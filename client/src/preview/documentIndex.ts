/**
 * The Markdown preview's copy of the server's document index: fetched when
 * the server starts and again on each `densho/reportsChanged`, after which
 * open previews are re-rendered so their links and cards follow.
 */
import * as vscode from 'vscode';
import type MarkdownIt from 'markdown-it';
import { DocumentIndexRequest, type DocumentIndexEntry } from '../../../server/src/protocol';
import type { Ctx } from '../context';
import { denshoMarkdownIt, type PreviewText } from './markdownPlugin';

/** The preview's words in VS Code's display language (markdownPlugin.ts runs under plain Node too, so it is handed them). */
function previewText(): PreviewText {
  return {
    unresolved: (id) => vscode.l10n.t('Densho: no document has the id {0}', id),
    card: {
      id: vscode.l10n.t('id'),
      version: vscode.l10n.t('version'),
      status: vscode.l10n.t('status'),
      owner: vscode.l10n.t('owner'),
      expert: vscode.l10n.t('expert'),
      layer: vscode.l10n.t('layer'),
      nextReview: vscode.l10n.t('next review'),
    },
  };
}

export class PreviewDocumentIndex implements vscode.Disposable {
  private entries: readonly DocumentIndexEntry[] = [];
  private readonly subscription: vscode.Disposable;

  constructor(private readonly ctx: Ctx) {
    this.subscription = ctx.onReportsChanged(() => void this.refresh());
  }

  /** What `extendMarkdownIt` returns to VS Code's preview. */
  extend(md: MarkdownIt): MarkdownIt {
    return denshoMarkdownIt(md, () => this.entries, previewText());
  }

  async refresh(): Promise<void> {
    // Never starts the server for a preview: without one, ids stay unresolved until it runs.
    if (!this.ctx.client) return;
    try {
      this.entries = await this.ctx.request(DocumentIndexRequest, {});
    } catch (error) {
      this.ctx.output.warn(vscode.l10n.t('Densho: could not read the document index for the Markdown preview: {0}', String(error)));
      return;
    }
    await vscode.commands.executeCommand('markdown.preview.refresh');
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
