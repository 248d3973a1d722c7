/**
 * What the Densho trees share: each shows one report the language server
 * computes, taken from the report store (reportStore.ts: one densho/reports
 * request per change notification, shared by every tree). Nodes are built eagerly
 * from the report, which is small.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../context';

export class TreeNode extends vscode.TreeItem {
  constructor(
    label: string,
    readonly children: readonly TreeNode[] = [],
    expanded = false,
  ) {
    super(label, children.length === 0 ? vscode.TreeItemCollapsibleState.None : expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  }
}

/** A node for a document of the repository: clicking opens it, and document commands apply to it. */
export class DocumentNode extends TreeNode {
  constructor(
    label: string,
    readonly uri: vscode.Uri | undefined,
    contextValue = 'densho.document',
  ) {
    super(label);
    this.contextValue = contextValue;
    if (uri) {
      this.resourceUri = uri;
      this.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
    }
  }
}

export abstract class ReportTree<T = unknown> implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private current: T | undefined;
  private failure: string | undefined;
  private generation = 0;

  constructor(
    protected readonly ctx: Ctx,
    /** What the tree shows, for messages, in the display language: "review schedule". */
    private readonly subject: string,
  ) {}

  /** The last report received; undefined before the first one or while the server is not running. */
  get data(): T | undefined {
    return this.current;
  }

  protected abstract fetch(): Promise<T>;
  protected abstract roots(data: T): TreeNode[];

  /** Fetches the report again and redraws; a slower older fetch never overwrites a newer one. */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    let data: T | undefined;
    let failure: string | undefined;
    // A folder without densho.yaml: the welcome (Initialise Densho here) rather than reports from defaults.
    if (this.ctx.client && this.ctx.configured !== false) {
      try {
        data = await this.fetch();
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
        this.ctx.output.warn(vscode.l10n.t('Densho: could not load the {0}: {1}', this.subject, failure));
      }
    }
    if (generation !== this.generation) return;
    this.current = data;
    this.failure = failure;
    this.changed.fire();
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (node) return [...node.children];
    if (this.failure !== undefined) return [message(vscode.l10n.t('Could not load the {0}: {1}', this.subject, this.failure), 'error')];
    // Nothing yet: the view's welcome content (package.json viewsWelcome) explains.
    if (this.current === undefined) return [];
    return this.roots(this.current);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function message(text: string, icon = 'info'): TreeNode {
  const node = new TreeNode(text);
  node.iconPath = new vscode.ThemeIcon(icon);
  return node;
}
