/**
 * Entry point of the Densho extension: builds the context, the views, the
 * status bar and the commands, and starts the language server once the
 * workspace turns out to be a Densho repository.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { REVISION_SCHEME, RevisionDocuments } from './commands/history';
import { Ctx } from './context';
import { StatusBar } from './statusBar';
import { CoverageTree } from './views/coverageTree';
import { KnowledgeTree } from './views/knowledgeTree';
import { SkillsTree } from './views/skillsTree';
import type { ReportTree } from './views/reportTree';
import { ReviewTree } from './views/reviewTree';
import { PreviewDocumentIndex } from './preview/documentIndex';
import type MarkdownIt from 'markdown-it';

/**
 * What activate() returns: the context, for the in-VS-Code tests and for other extensions, and
 * the markdown-it plugin VS Code's Markdown preview asks for (`markdown.markdownItPlugins`).
 */
export interface DenshoApi {
  readonly ctx: Ctx;
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export async function activate(context: vscode.ExtensionContext): Promise<DenshoApi> {
  const output = vscode.window.createOutputChannel('Densho', { log: true });
  const ctx = new Ctx(context, output);
  const previewIndex = new PreviewDocumentIndex(ctx);
  context.subscriptions.push(output, ctx, previewIndex);

  ctx.views = { coverage: new CoverageTree(ctx), review: new ReviewTree(ctx), knowledge: new KnowledgeTree(ctx), skills: new SkillsTree(ctx) };
  const trees: [string, ReportTree][] = [
    ['densho.coverage', ctx.views.coverage],
    ['densho.reviewSchedule', ctx.views.review],
    ['densho.knowledgeHolders', ctx.views.knowledge],
    ['densho.skills', ctx.views.skills],
  ];
  const views: vscode.TreeView<unknown>[] = [];
  for (const [id, provider] of trees) {
    const view = vscode.window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: true });
    views.push(view);
    // Opening the Densho views is asking for Densho: start the server if it is not running yet.
    view.onDidChangeVisibility((event) => event.visible && void startServer(ctx), undefined, context.subscriptions);
    context.subscriptions.push(view, provider);
    // Activated by opening the view (a folder without densho.yaml): it is visible already, and no change will say so.
    if (view.visible) void startServer(ctx);
  }
  ctx.statusBar = new StatusBar(ctx, ctx.views.review);
  // Set up or not decides whether the trees show reports or the welcome: asked first.
  const refresh = async () => {
    // In a multi-root workspace each view names the folder it shows.
    const shown = (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? ctx.folder()?.name : undefined;
    for (const view of views) view.description = shown;
    await ctx.refreshSetup();
    await Promise.all(trees.map(([, provider]) => provider.refresh()));
  };
  // The views follow the folder of the active editor (a diff or an output panel leaves them where they are).
  const followEditor = (editor: vscode.TextEditor | undefined) => editor && ctx.follow(vscode.workspace.getWorkspaceFolder(editor.document.uri));
  followEditor(vscode.window.activeTextEditor);
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(followEditor),
    vscode.workspace.onDidChangeWorkspaceFolders(() => ctx.follow(undefined)),
  );
  context.subscriptions.push(ctx.onReportsChanged(() => void refresh()));
  registerCommands(ctx);
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(REVISION_SCHEME, new RevisionDocuments(ctx)));

  if (await isDenshoWorkspace()) {
    await startServer(ctx);
  } else {
    // Activated by a Markdown file elsewhere: stay idle until a document with Densho front matter opens.
    const waiting = vscode.workspace.onDidOpenTextDocument((document) => {
      if (hasDenshoFrontMatter(document)) {
        waiting.dispose();
        void startServer(ctx);
      }
    });
    context.subscriptions.push(waiting);
  }
  return { ctx, extendMarkdownIt: (md) => previewIndex.extend(md) };
}

export function deactivate(): Promise<void> | undefined {
  // The context is disposed with the extension's subscriptions; stopping the client is awaited there.
  return undefined;
}

async function startServer(ctx: Ctx): Promise<void> {
  const client = await ctx.start();
  await vscode.commands.executeCommand('setContext', 'densho.active', client !== undefined);
}

async function isDenshoWorkspace(): Promise<boolean> {
  if ((await vscode.workspace.findFiles('**/densho.yaml', '**/node_modules/**', 1)).length > 0) return true;
  return vscode.workspace.textDocuments.some(hasDenshoFrontMatter);
}

/** A Markdown document opening with front matter that has a Densho `id` and an `access` or `owner`. */
function hasDenshoFrontMatter(document: vscode.TextDocument): boolean {
  if (document.languageId !== 'markdown') return false;
  const head = document.getText(new vscode.Range(0, 0, 60, 0));
  const match = /^\ufeff?---\r?\n([\s\S]*?)\r?\n---/.exec(head);
  return match !== null && /^id\s*:/m.test(match[1]!) && /^(access|owner)\s*:/m.test(match[1]!);
}
