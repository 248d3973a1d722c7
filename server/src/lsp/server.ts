/**
 * The Densho language server's state: one engine Workspace per workspace
 * folder (in DenshoFolder), the editor's open documents laid over the disk,
 * and the handlers' shared context. It never touches the connection: it
 * talks to the client through the ClientPort that connection.ts gives it,
 * and each LSP feature lives in features/.
 */
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import * as lsp from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { localeFromName, parseDay, type Day, type Diagnostic, type Locale } from '../engine';
import { cacheDirectory, NodeFileSystem } from '../node';
import type { FolderParams } from '../protocol';
import type { ClientFeatures, LocatedDocument, ServerContext } from './context';
import { fileUri, uriToFsPath, type EditTarget } from './convert';
import { codeActions } from './features/codeActions';
import { completion, COMPLETION_TRIGGERS } from './features/completion';
import { diagnosticsParams } from './features/diagnostics';
import { documentLinks } from './features/documentLinks';
import { willRenameFiles } from './features/fileRenames';
import { hover } from './features/hover';
import { definition, references } from './features/navigation';
import { prepareRename, rename } from './features/rename';
import { coverage, createPartnerCopy, knowledgeRisk, reviewSchedule, writeAuditReport, skills } from './features/reports';
import { recordTraining } from './features/training';
import { changes, history } from './features/history';
import { documentSymbols, workspaceSymbols } from './features/symbols';
import { DenshoFolder, type FolderListener } from './folder';
import { OverlayFileSystem } from './overlayFileSystem';
import { GitHistorySource } from '../node/gitHistory';
import { watchGit } from '../node/gitWatcher';

/** What the server sends to the client; connection.ts implements it. */
export interface ClientPort {
  publishDiagnostics(params: lsp.PublishDiagnosticsParams): void;
  reportsChanged(params: FolderParams): void;
  log(message: string): void;
  /** A work-done progress the server starts itself (undefined when the client does not support them). */
  createProgress(): Promise<lsp.WorkDoneProgressServerReporter | undefined>;
  registerFileWatchers(): void;
}

/** `initializationOptions` the server understands. */
export interface DenshoInitializationOptions {
  /** YYYY-MM-DD: a fixed "today" for every date rule (tests and reproducible runs). */
  readonly today?: string;
  /** Milliseconds between the last edit and the re-check (default 150). */
  readonly debounceMs?: number;
  /** The editor's Densho settings, shaped like densho.yaml: defaults that a repository's densho.yaml overrides. */
  readonly settings?: Record<string, unknown>;
  /**
   * Keep parses and results between sessions (default true), in `cacheLocation`
   * (VS Code passes the workspace's storage folder) or else in each folder's
   * node_modules/.cache/densho.
   */
  readonly cache?: boolean;
  readonly cacheLocation?: string;
  /**
   * Read document history from Git (default true). The VS Code client sends
   * false in a workspace it has not trusted: Git is never run there.
   */
  readonly history?: boolean;
  /** The `densho.locale` setting: `en` or `ja` overrides the client's locale; `auto` (or nothing) follows it. */
  readonly locale?: string;
}

/** `workspace/didChangeConfiguration` as the Densho client sends it: the settings under `densho`, shaped like densho.yaml, and `densho.locale`. */
export interface DenshoConfigurationChange {
  readonly settings?: { readonly densho?: Record<string, unknown> };
  readonly locale?: string;
}

/** The server's language: the setting when it names one, else the client's (`initialize` params' `locale`, e.g. `ja` or `en-us`). */
export function chooseServerLocale(setting: unknown, clientLocale: string | undefined): Locale {
  if (setting === 'en' || setting === 'ja') return setting;
  return typeof clientLocale === 'string' ? localeFromName(clientLocale) : 'en';
}

function settingsObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export const SERVER_NAME = 'densho';

export class DenshoServer implements ServerContext, FolderListener {
  private folderList: DenshoFolder[] = [];
  /** Folders in the order the client listed them: the first is the default of custom requests. */
  private folderOrder: DenshoFolder[] = [];
  private readonly documents = new Map<string, TextDocument>();
  private clientFeatures: ClientFeatures = { documentChanges: false, createFiles: false, markdown: false, hierarchicalSymbols: false };
  private watchDynamically = false;
  private clientLocale: string | undefined;
  private localeValue: Locale = 'en';
  private progressPromise: Promise<lsp.WorkDoneProgressServerReporter | undefined> | undefined;
  /** Watchers to close at shutdown. */
  private readonly disposables: { dispose(): void }[] = [];

  constructor(
    private readonly port: ClientPort,
    private readonly version: string,
  ) {}

  // ---- lifecycle -------------------------------------------------------------------

  initialize(params: lsp.InitializeParams): lsp.InitializeResult {
    const capabilities = params.capabilities;
    this.clientFeatures = {
      documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges ?? false,
      createFiles: capabilities.workspace?.workspaceEdit?.resourceOperations?.includes(lsp.ResourceOperationKind.Create) ?? false,
      markdown: capabilities.textDocument?.hover?.contentFormat?.includes(lsp.MarkupKind.Markdown) ?? false,
      hierarchicalSymbols: capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport ?? false,
    };
    this.watchDynamically = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration ?? false;
    const options = (params.initializationOptions ?? {}) as DenshoInitializationOptions;
    this.clientLocale = params.locale;
    this.localeValue = chooseServerLocale(options.locale, params.locale);
    const today: Day | undefined = options.today === undefined ? undefined : parseDay(options.today);
    if (options.today !== undefined && today === undefined) this.port.log(`Densho: ignoring initializationOptions.today "${options.today}" (not YYYY-MM-DD).`);
    const debounceMs = typeof options.debounceMs === 'number' && options.debounceMs >= 0 ? options.debounceMs : 150;
    const settings = settingsObject(options.settings);
    const useCache = options.cache !== false;
    const historyOff = options.history === false ? 'the workspace is not trusted (Restricted Mode), so Git is not run' : undefined;

    const roots = params.workspaceFolders?.map((folder) => ({ uri: folder.uri, name: folder.name })) ?? (params.rootUri ? [{ uri: params.rootUri, name: basename(params.rootUri) }] : []);
    const withProgress = capabilities.window?.workDoneProgress ?? false;
    for (const root of roots) {
      const path = uriToFsPath(root.uri);
      if (!path) continue;
      const fs = new OverlayFileSystem(new NodeFileSystem(path));
      const onProgress = withProgress ? (done: number, total: number) => this.background(this.reportProgress(root.name, done, total)) : undefined;
      // One cache folder per workspace folder: their documents must not share shards.
      const cacheFolder = !useCache ? undefined : typeof options.cacheLocation === 'string' ? join(options.cacheLocation, createHash('sha256').update(root.uri).digest('hex').slice(0, 16)) : cacheDirectory(path);
      const history = historyOff ? undefined : new GitHistorySource(path);
      const folder = new DenshoFolder(root.uri, root.name, fs, this, { today, debounceMs, settings, cacheFolder, history, historyOff }, onProgress);
      this.folderList.push(folder);
      if (history) {
        const watcher = watchGit(path, () => this.background(folder.historyMoved()));
        if (watcher) this.disposables.push(watcher);
      }
    }
    this.folderOrder = [...this.folderList];
    // Nested folders: the innermost one owns a file.
    this.folderList.sort((a, b) => b.root.length - a.root.length);

    const fileOperationFilter: lsp.FileOperationRegistrationOptions = { filters: [{ scheme: 'file', pattern: { glob: '**/*' } }] };
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: lsp.TextDocumentSyncKind.Incremental, save: false },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [lsp.CodeActionKind.QuickFix] },
        workspace: {
          workspaceFolders: { supported: true, changeNotifications: false },
          fileOperations: { willRename: fileOperationFilter, didRename: fileOperationFilter, didDelete: fileOperationFilter, didCreate: fileOperationFilter },
        },
      },
      serverInfo: { name: SERVER_NAME, version: this.version },
    };
  }

  /** The editor's settings changed: they are the defaults under each repository's densho.yaml. */
  async didChangeConfiguration(params: DenshoConfigurationChange): Promise<void> {
    const settings = settingsObject(params.settings?.densho);
    // Every folder re-checks and re-publishes below, so a new language reaches every diagnostic.
    if (params.locale !== undefined) this.localeValue = chooseServerLocale(params.locale, this.clientLocale);
    await Promise.all(this.folderList.map((folder) => folder.settingsChanged(settings)));
  }

  initialized(): void {
    if (this.watchDynamically) this.port.registerFileWatchers();
    for (const folder of this.folderList) {
      folder.ready.then(
        () => this.port.log(`Densho: ${folder.name} indexed, ${folder.workspace.documentPaths().length} documents.`),
        (error: unknown) => this.port.log(`Densho: indexing ${folder.name} failed: ${String(error)}`),
      );
    }
  }

  private async reportProgress(name: string, done: number, total: number): Promise<void> {
    if (!this.progressPromise) {
      this.progressPromise = this.port.createProgress().then((reporter) => {
        reporter?.begin(`Densho: checking ${name}`, 0, undefined, false);
        return reporter;
      });
    }
    const reporter = await this.progressPromise;
    reporter?.report(total === 0 ? 100 : Math.round((done / total) * 100), `${done}/${total} documents`);
    if (done >= total) {
      reporter?.done();
      this.progressPromise = undefined;
    }
  }

  shutdown(): void {
    for (const folder of this.folderList) folder.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  // ---- ServerContext ---------------------------------------------------------------

  get folders(): readonly DenshoFolder[] {
    return this.folderOrder;
  }

  get client(): ClientFeatures {
    return this.clientFeatures;
  }

  get locale(): Locale {
    return this.localeValue;
  }

  /** The folder and path of a URI, without waiting for the folder to load. */
  private locateNow(uri: string): LocatedDocument | undefined {
    const absolute = uriToFsPath(uri);
    if (!absolute) return undefined;
    for (const folder of this.folderList) {
      const path = folder.fs.disk.relative(absolute);
      if (path !== undefined && path !== '') return { folder, path, uri };
    }
    return undefined;
  }

  async locate(uri: string): Promise<LocatedDocument | undefined> {
    const located = this.locateNow(uri);
    if (located) await located.folder.ready;
    return located;
  }

  async folderFor(uri: string | undefined): Promise<DenshoFolder | undefined> {
    const folder = uri === undefined ? this.folderOrder[0] : this.folderOrder.find((candidate) => sameFolder(candidate.uri, uri));
    if (folder) await folder.ready;
    return folder;
  }

  uriOf(folder: DenshoFolder, file: string): string {
    return folder.openPaths.get(file) ?? fileUri(folder.root, file);
  }

  private versionOf(uri: string): number | null {
    return this.documents.get(uri)?.version ?? null;
  }

  editTarget(folder: DenshoFolder): EditTarget {
    return {
      uriOf: (file) => this.uriOf(folder, file),
      versionOf: (uri) => this.versionOf(uri),
      documentChanges: this.clientFeatures.documentChanges,
      createFiles: this.clientFeatures.createFiles,
    };
  }

  // ---- FolderListener --------------------------------------------------------------

  diagnostics(folder: DenshoFolder, file: string, diagnostics: readonly Diagnostic[]): void {
    this.port.publishDiagnostics(diagnosticsParams(folder, file, diagnostics, (f, path) => this.uriOf(f, path), (uri) => this.versionOf(uri), this.localeValue));
  }

  reportsChanged(folder: DenshoFolder): void {
    this.port.reportsChanged({ folder: folder.uri });
  }

  log(message: string): void {
    this.port.log(message);
  }

  // ---- document synchronisation ----------------------------------------------------

  /**
   * A second didOpen of an open document replaces it, whatever its version:
   * it is the client's latest word on the document.
   */
  didOpen(params: lsp.DidOpenTextDocumentParams): void {
    const item: unknown = params?.textDocument;
    if (!isTextDocumentItem(item)) {
      this.port.log('Densho: ignoring a didOpen without a URI and a text.');
      return;
    }
    const { uri, text } = item;
    // Lenient about the rest: a client that leaves out the language or the version still gets its document checked.
    const languageId = typeof item.languageId === 'string' ? item.languageId : 'markdown';
    const version = typeof item.version === 'number' ? item.version : 0;
    this.documents.set(uri, TextDocument.create(uri, languageId, version, text));
    const located = this.locateNow(uri);
    if (!located) return;
    located.folder.openPaths.set(located.path, uri);
    located.folder.fs.setOverlay(located.path, text);
    this.background(located.folder.textChanged(located.path, text));
  }

  /**
   * Changes to a document that is not open are ignored: there is no text to
   * apply them to. So are changes older than the text held (a version lower
   * than the document's): applied, they would undo newer edits, or, being
   * incremental, edit the wrong text. The same version again is taken, for
   * clients that do not count.
   */
  didChange(params: lsp.DidChangeTextDocumentParams): void {
    const uri: unknown = params?.textDocument?.uri;
    const version: unknown = params?.textDocument?.version;
    const previous = typeof uri === 'string' ? this.documents.get(uri) : undefined;
    if (!previous) {
      this.port.log(`Densho: ignoring a change to ${String(uri)}, which is not open.`);
      return;
    }
    const changes: unknown = params.contentChanges;
    if (!Array.isArray(changes) || !changes.every(isContentChange)) {
      this.port.log(`Densho: ignoring a change to ${previous.uri} that is not a list of text changes.`);
      return;
    }
    if (typeof version === 'number' && version < previous.version) {
      this.port.log(`Densho: ignoring a change to ${previous.uri}: its version ${version} is older than version ${previous.version}, which the server holds.`);
      return;
    }
    const document = TextDocument.update(previous, changes, typeof version === 'number' ? version : previous.version);
    this.documents.set(previous.uri, document);
    const located = this.locateNow(previous.uri);
    if (!located) return;
    located.folder.fs.setOverlay(located.path, document.getText());
    this.background(located.folder.textChanged(located.path, document.getText()));
  }

  didClose(params: lsp.DidCloseTextDocumentParams): void {
    const uri: unknown = params?.textDocument?.uri;
    if (typeof uri !== 'string' || !this.documents.delete(uri)) {
      this.port.log(`Densho: ignoring the close of ${String(uri)}, which is not open.`);
      return;
    }
    const located = this.locateNow(uri);
    if (!located) return;
    located.folder.openPaths.delete(located.path);
    located.folder.fs.setOverlay(located.path, undefined);
    // Back to what is on disk (or gone, if the file was never saved).
    this.background(located.folder.textChanged(located.path, undefined));
  }

  didChangeWatchedFiles(params: lsp.DidChangeWatchedFilesParams): void {
    for (const change of params.changes) {
      const located = this.locateNow(change.uri);
      if (!located) continue;
      const { folder, path } = located;
      switch (change.type) {
        case lsp.FileChangeType.Created:
          this.background(folder.created(path));
          break;
        case lsp.FileChangeType.Changed:
          // An open document's text comes from the editor, not the disk.
          if (!folder.openPaths.has(path)) this.background(folder.textChanged(path, undefined));
          break;
        case lsp.FileChangeType.Deleted:
          this.background(folder.removed(path));
          break;
      }
    }
  }

  didRenameFiles(params: lsp.RenameFilesParams): void {
    for (const file of params.files) {
      const [from, to] = [this.locateNow(file.oldUri), this.locateNow(file.newUri)];
      if (from) this.background(from.folder.removed(from.path));
      if (to) this.background(to.folder.created(to.path));
    }
  }

  didCreateFiles(params: lsp.CreateFilesParams): void {
    for (const file of params.files) {
      const located = this.locateNow(file.uri);
      if (located) this.background(located.folder.created(located.path));
    }
  }

  didDeleteFiles(params: lsp.DeleteFilesParams): void {
    for (const file of params.files) {
      const located = this.locateNow(file.uri);
      if (located) this.background(located.folder.removed(located.path));
    }
  }

  /**
   * Work the client does not wait for. Its failure is logged: left unhandled,
   * a rejected promise ends the Node process, and with it every open editor's checking.
   */
  private background(work: Promise<unknown>): void {
    work.catch((error: unknown) => this.port.log(`Densho: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
  }

  // ---- features ------------------------------------------------------------------------

  completion = (params: lsp.CompletionParams) => completion(this, params);
  hover = (params: lsp.HoverParams) => hover(this, params);
  definition = (params: lsp.DefinitionParams) => definition(this, params);
  references = (params: lsp.ReferenceParams) => references(this, params);
  prepareRename = (params: lsp.PrepareRenameParams) => prepareRename(this, params);
  rename = (params: lsp.RenameParams) => rename(this, params);
  documentSymbols = (params: lsp.DocumentSymbolParams) => documentSymbols(this, params);
  workspaceSymbols = (params: lsp.WorkspaceSymbolParams) => workspaceSymbols(this, params);
  documentLinks = (params: lsp.DocumentLinkParams) => documentLinks(this, params);
  codeActions = (params: lsp.CodeActionParams) => codeActions(this, params);
  willRenameFiles = (params: lsp.RenameFilesParams) => willRenameFiles(this, params);
  coverage = (params: Parameters<typeof coverage>[1]) => coverage(this, params);
  reviewSchedule = (params: Parameters<typeof reviewSchedule>[1]) => reviewSchedule(this, params);
  knowledgeRisk = (params: Parameters<typeof knowledgeRisk>[1]) => knowledgeRisk(this, params);
  skills = (params: Parameters<typeof skills>[1]) => skills(this, params);
  recordTraining = (params: Parameters<typeof recordTraining>[1]) => recordTraining(this, params);
  writeAuditReport = (params: Parameters<typeof writeAuditReport>[1]) => writeAuditReport(this, params);
  createPartnerCopy = (params: Parameters<typeof createPartnerCopy>[1]) => createPartnerCopy(this, params);
  history = (params: Parameters<typeof history>[1]) => history(this, params);
  changes = (params: Parameters<typeof changes>[1]) => changes(this, params);
}

/** What a didOpen needs: a URI and a text (the language and version are checked where they are read). */
function isTextDocumentItem(value: unknown): value is { uri: string; text: string; languageId?: unknown; version?: unknown } {
  if (value === null || typeof value !== 'object') return false;
  const item = value as Record<string, unknown>;
  return typeof item['uri'] === 'string' && typeof item['text'] === 'string';
}

function isPosition(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const position = value as Record<string, unknown>;
  return typeof position['line'] === 'number' && typeof position['character'] === 'number';
}

/** A whole-text change, or a range and its replacement text. */
function isContentChange(value: unknown): value is lsp.TextDocumentContentChangeEvent {
  if (value === null || typeof value !== 'object') return false;
  const change = value as Record<string, unknown>;
  if (typeof change['text'] !== 'string') return false;
  if (change['range'] === undefined) return true;
  const range = change['range'] as Record<string, unknown> | null;
  return range !== null && typeof range === 'object' && isPosition(range['start']) && isPosition(range['end']);
}

function sameFolder(a: string, b: string): boolean {
  const [pathA, pathB] = [uriToFsPath(a), uriToFsPath(b)];
  return pathA !== undefined && pathA === pathB ? true : a.replace(/\/$/, '') === b.replace(/\/$/, '');
}
