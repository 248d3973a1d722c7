/**
 * The Markdown preview's copy of the server's document index: fetched when
 * the server starts and again on each `densho/reportsChanged`, after which
 * open previews are re-rendered so their links and cards follow.
 */
import * as vscode from 'vscode';
import type MarkdownIt from 'markdown-it';
import { DocumentIndexRequest, type DocumentIndexEntry } from '../../../server/src/protocol';
import type { Ctx } from '../context';
import { denshoMarkdownIt } from './markdownPlugin';

export class PreviewDocumentIndex implements vscode.Disposable {
  private entries: readonly DocumentIndexEntry[] = [];
  private readonly subscription: vscode.Disposable;

  constructor(private readonly ctx: Ctx) {
    this.subscription = ctx.onReportsChanged(() => void this.refresh());
  }

  /** What `extendMarkdownIt` returns to VS Code's preview. */
  extend(md: MarkdownIt): MarkdownIt {
    return denshoMarkdownIt(md, () => this.entries);
  }

  async refresh(): Promise<void> {
    // Never starts the server for a preview: without one, ids stay unresolved until it runs.
    if (!this.ctx.client) return;
    try {
      this.entries = await this.ctx.request(DocumentIndexRequest, {});
    } catch (error) {
      this.ctx.output.warn(`Densho: could not read the document index for the Markdown preview: ${String(error)}`);
      return;
    }
    await vscode.commands.executeCommand('markdown.preview.refresh');
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
