/**
 * The coverage matrix webview: clauses × documents, a page the server
 * renders (densho/coverageMatrix: the same page as `densho coverage --format
 * html`, strict CSP with a fresh nonce, nothing remote, every text escaped).
 * Clause filters (gaps, documented information, depth, search) live in the
 * page; the layer filter is the "Filter by Layer" button of the panel, which
 * has the server redraw the matrix from the documents of the chosen layers only.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../context';

export class CoverageMatrixPanel implements vscode.Disposable {
  static readonly viewType = 'densho.coverageMatrix';
  private readonly disposables: vscode.Disposable[] = [];
  /** Layers whose documents are shown; all when undefined. */
  private layers: readonly string[] | undefined;
  /** The HTML last given to the webview, for tests. */
  html = '';
  /** The files of the matrix's columns: the only ones a click in the page may open. */
  private columnFiles = new Set<string>();
  /** The clause to show once the page says it is ready (a message sent before its script runs is lost). */
  private revealing: string | undefined;
  private ready = false;
  /** The clause the page was last told to show, for tests. */
  revealed: string | undefined;
  private readonly revealedEmitter = new vscode.EventEmitter<string>();
  /** Fires with the clause once the page has been told to show it. */
  readonly onDidReveal = this.revealedEmitter.event;

  private constructor(
    private readonly ctx: Ctx,
    readonly panel: vscode.WebviewPanel,
  ) {
    this.disposables.push(
      ctx.onReportsChanged(() => void this.update()),
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => this.received(message)),
      this.revealedEmitter,
    );
  }

  /** Scrolls the matrix to a clause's row and marks it (now, or as soon as the page is ready). */
  reveal(clause: string): void {
    this.revealing = clause;
    if (this.ready) this.sendReveal();
  }

  private sendReveal(): void {
    if (this.revealing === undefined) return;
    const clause = this.revealing;
    void this.panel.webview.postMessage({ command: 'reveal', clause }).then((delivered) => {
      if (!delivered) return;
      this.revealed = clause;
      this.revealedEmitter.fire(clause);
    });
  }

  /** What the page asks: `ready` after each render, `open` a column's document (only a file of a column), `newDocument` for a gap's clause. */
  private received(message: unknown): void {
    if (typeof message !== 'object' || message === null) return;
    const { command, file, clause } = message as { command?: unknown; file?: unknown; clause?: unknown };
    if (command === 'ready') {
      this.ready = true;
      this.sendReveal();
    } else if (command === 'newDocument' && typeof clause === 'string') {
      void vscode.commands.executeCommand('densho.newDocumentForClause', { clause });
    } else if (command === 'open' && typeof file === 'string' && this.columnFiles.has(file)) {
      const uri = this.ctx.uriOf(file);
      if (uri) void vscode.commands.executeCommand('vscode.open', uri, vscode.ViewColumn.Beside);
    }
  }

  static async show(ctx: Ctx, existing: CoverageMatrixPanel | undefined): Promise<CoverageMatrixPanel> {
    if (existing) {
      existing.panel.reveal();
      await existing.update();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(CoverageMatrixPanel.viewType, vscode.l10n.t('Coverage matrix'), vscode.ViewColumn.Active, {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      // Nothing is loaded, local or remote: the page's style and script are inline, allowed by the nonce.
      localResourceRoots: [],
    });
    panel.iconPath = vscode.Uri.joinPath(ctx.extension.extensionUri, 'client', 'assets', 'icon.png');
    const matrix = new CoverageMatrixPanel(ctx, panel);
    await matrix.update();
    return matrix;
  }

  /** Shows only the documents of these layers (all when undefined), then redraws. */
  async filterLayers(layers: readonly string[] | undefined): Promise<void> {
    this.layers = layers;
    await this.update();
  }

  get shownLayers(): readonly string[] | undefined {
    return this.layers;
  }

  async update(): Promise<void> {
    const folder = this.ctx.folder();
    try {
      // From the report store: one fetch per change, shared with every other caller (another redraw, the tests).
      const page = await this.ctx.reports.matrix({ cspSource: this.panel.webview.cspSource, ...(this.layers ? { layers: this.layers } : {}) }, folder?.uri.toString());
      this.panel.title = page.title;
      this.columnFiles = new Set(page.files);
      this.setHtml(page.html);
    } catch (error) {
      this.setHtml(placeholder(vscode.l10n.t('The coverage could not be loaded: {0}', error instanceof Error ? error.message : String(error))));
    }
  }

  private setHtml(html: string): void {
    // The same page again (the store's, for a redraw without a change): VS Code keeps the page as it is, filters and all, and says no new `ready`.
    if (html === this.html) return;
    this.ready = false;
    this.html = html;
    this.panel.webview.html = html;
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
    if (this.ctx.coverageMatrix === this) this.ctx.coverageMatrix = undefined;
  }
}

function placeholder(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p>${escaped}</p></body></html>`;
}
