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
import { localeFromName, message, parseDay, renderMessage, type Day, type Diagnostic, type Locale, type Message } from '../engine';
import { cacheDirectory, NodeFileSystem } from '../node';
import type { DenshoConfigurationChange, DenshoInitializationOptions, FolderParams } from '../protocol';
import type { ClientFeatures, LocatedDocument, ServerContext } from './context';
import { fileUri, uriToFsPath, type EditTarget } from './convert';
import { CODE_ACTION_KINDS, codeActions, fixAllInFolder } from './features/codeActions';
import { completion, COMPLETION_TRIGGERS } from './features/completion';
import { diagnosticsParams, SentDiagnostics } from './features/diagnostics';
import { documentLinks } from './features/documentLinks';
import { willRenameFiles } from './features/fileRenames';
import { hover } from './features/hover';
import { definition, references } from './features/navigation';
import { prepareRename, rename } from './features/rename';
import { coverage, createPartnerCopy, knowledgeRisk, reports, reviewSchedule, writeAuditReport, skills } from './features/reports';
import { init, setupStatus } from './features/setup';
import { documentIndex } from './features/documentIndex';
import { recordTraining } from './features/training';
import { configuration } from './features/configuration';
import { coverageMatrix, exportCoverage } from './features/coverageMatrix';
import { markReviewed } from './features/markReviewed';
import { checkDocumentId, newDocument, newDocumentOptions } from './features/newDocument';
import { createTranslation, translations } from './features/translations';
import { changes, history, revisionText } from './features/history';
import { documentSymbols, workspaceSymbols } from './features/symbols';
import { PulledDiagnostics } from './features/pullDiagnostics';
import { DenshoFolder, type CheckProgress, type FolderListener, type FolderOptions } from './folder';
import { OverlayFileSystem } from './overlayFileSystem';
import { GitHistorySource } from '../node/gitHistory';
import { watchGit } from '../node/gitWatcher';

/** What the server sends to the client; connection.ts implements it. */
export interface ClientPort {
  publishDiagnostics(params: lsp.PublishDiagnosticsParams): void;
  /** Asks a client that pulls diagnostics to pull them again. */
  refreshDiagnostics(): void;
  reportsChanged(params: FolderParams): void;
  log(message: string): void;
  /** A work-done progress the server starts itself (undefined when the client does not support them). */
  createProgress(): Promise<lsp.WorkDoneProgressServerReporter | undefined>;
  registerFileWatchers(): void;
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
  private clientFeatures: ClientFeatures = { documentChanges: false, createFiles: false, markdown: false, hierarchicalSymbols: false, headingSymbols: true };
  private watchDynamically = false;
  /** Whether the client announced workspace folders, and so sends workspace/didChangeWorkspaceFolders. */
  clientSendsFolderChanges = false;
  /** Set when the client pulls diagnostics: the checks' results are kept for it, not published. */
  private pulled: PulledDiagnostics | undefined;
  private refreshPulled = false;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** Progress of checks still running, ended at shutdown so none outlives the server. */
  private readonly liveProgress = new Set<CheckProgress>();
  private clientLocale: string | undefined;
  private localeValue: Locale = 'en';
  /** Watchers to close at shutdown. */
  private readonly disposables: { dispose(): void }[] = [];
  /** Each folder's Git watcher, closed when the folder is removed. */
  private readonly folderWatchers = new Map<DenshoFolder, { dispose(): void }>();
  /** What each folder's files were last sent (or, pulling, recorded): only changes go out, and what shows is withdrawn when the folder is removed. */
  private readonly sent = new Map<DenshoFolder, SentDiagnostics>();
  /** How folders are opened, as the client asked at initialize: the same for folders added later. */
  private folderSetup: { readonly options: Omit<FolderOptions, 'cacheFolder' | 'history'>; readonly cacheLocation?: string; readonly useCache: boolean; readonly withProgress: boolean } | undefined;

  constructor(
    private readonly port: ClientPort,
    private readonly version: string,
  ) {}

  // ---- lifecycle -------------------------------------------------------------------

  initialize(params: lsp.InitializeParams): lsp.InitializeResult {
    const capabilities = params.capabilities;
    const options = (params.initializationOptions ?? {}) as DenshoInitializationOptions;
    this.clientFeatures = {
      documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges ?? false,
      createFiles: capabilities.workspace?.workspaceEdit?.resourceOperations?.includes(lsp.ResourceOperationKind.Create) ?? false,
      markdown: capabilities.textDocument?.hover?.contentFormat?.includes(lsp.MarkupKind.Markdown) ?? false,
      hierarchicalSymbols: capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport ?? false,
      headingSymbols: options.headingSymbols !== false,
    };
    this.watchDynamically = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration ?? false;
    this.clientSendsFolderChanges = capabilities.workspace?.workspaceFolders === true;
    // Pull for the clients that announce it (unless they ask for push), push for the others.
    if (capabilities.textDocument?.diagnostic !== undefined && options.pushDiagnostics !== true) {
      this.pulled = new PulledDiagnostics();
      this.refreshPulled = capabilities.workspace?.diagnostics?.refreshSupport ?? false;
    }
    this.clientLocale = params.locale;
    this.localeValue = chooseServerLocale(options.locale, params.locale);
    const today: Day | undefined = options.today === undefined ? undefined : parseDay(options.today);
    if (options.today !== undefined && today === undefined) this.log(message('log.bad-today', { value: String(options.today) }));
    const debounceMs = typeof options.debounceMs === 'number' && options.debounceMs >= 0 ? options.debounceMs : 150;
    const settings = settingsObject(options.settings);
    const useCache = options.cache !== false;
    const historyOff = options.history === false ? message('history.untrusted') : undefined;

    const roots = params.workspaceFolders?.map((folder) => ({ uri: folder.uri, name: folder.name })) ?? (params.rootUri ? [{ uri: params.rootUri, name: basename(params.rootUri) }] : []);
    this.folderSetup = {
      options: { today, debounceMs, settings, historyOff },
      cacheLocation: useCache && typeof options.cacheLocation === 'string' ? options.cacheLocation : undefined,
      useCache,
      withProgress: capabilities.window?.workDoneProgress ?? false,
    };
    for (const root of roots) this.addFolder(root);

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
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
        ...(this.pulled ? { diagnosticProvider: { identifier: SERVER_NAME, interFileDependencies: true, workspaceDiagnostics: true } } : {}),
        workspace: {
          workspaceFolders: { supported: true, changeNotifications: true },
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
    for (const folder of this.folderList) this.logWhenReady(folder);
  }

  private logWhenReady(folder: DenshoFolder): void {
    folder.ready.then(
      () => this.log(message('log.indexed', { folder: folder.name, count: folder.workspace.documentPaths().length })),
      (error: unknown) => this.log(message('log.indexing-failed', { folder: folder.name, error: String(error) })),
    );
  }

  /**
   * Opens a workspace folder: its own densho.yaml, index, cache and history,
   * read as the client asked at initialize. Documents already open in the
   * editor inside it are taken with their editor text.
   */
  private addFolder(root: { readonly uri: string; readonly name: string }): DenshoFolder | undefined {
    const setup = this.folderSetup;
    const path = uriToFsPath(root.uri);
    if (!setup || !path || this.folderOrder.some((folder) => sameFolder(folder.uri, root.uri))) return undefined;
    const fs = new OverlayFileSystem(new NodeFileSystem(path));
    const progress = setup.withProgress ? this.checkProgress(root.name) : undefined;
    // One cache folder per workspace folder: their documents must not share shards.
    const cacheFolder = !setup.useCache ? undefined : setup.cacheLocation !== undefined ? join(setup.cacheLocation, createHash('sha256').update(root.uri).digest('hex').slice(0, 16)) : cacheDirectory(path);
    const history = setup.options.historyOff ? undefined : new GitHistorySource(path);
    const folder = new DenshoFolder(root.uri, root.name, fs, this, { ...setup.options, cacheFolder, history }, progress);
    for (const [uri, document] of this.documents) {
      const relativePath = fs.disk.relative(uriToFsPath(uri) ?? '');
      if (relativePath === undefined || relativePath === '') continue;
      folder.openPaths.set(relativePath, uri);
      fs.setOverlay(relativePath, document.getText());
    }
    this.folderOrder.push(folder);
    // Nested folders: the innermost one owns a file.
    this.folderList = [...this.folderOrder].sort((a, b) => b.root.length - a.root.length);
    if (history) {
      const watcher = watchGit(path, () => this.background(folder.historyMoved()));
      if (watcher) this.folderWatchers.set(folder, watcher);
    }
    return folder;
  }

  /** Closes a workspace folder: its checking stops and its diagnostics are withdrawn. */
  private removeFolder(uri: string): void {
    const folder = this.folderOrder.find((candidate) => sameFolder(candidate.uri, uri));
    if (!folder) return;
    folder.dispose();
    this.folderWatchers.get(folder)?.dispose();
    this.folderWatchers.delete(folder);
    this.folderOrder = this.folderOrder.filter((candidate) => candidate !== folder);
    this.folderList = this.folderList.filter((candidate) => candidate !== folder);
    for (const file of this.sent.get(folder)?.withDiagnostics() ?? []) {
      const uri = this.uriOf(folder, file);
      if (this.pulled) this.pulled.forget(uri);
      else this.port.publishDiagnostics({ uri, diagnostics: [] });
    }
    this.sent.delete(folder);
    if (this.pulled && this.refreshPulled) this.port.refreshDiagnostics();
  }

  /** workspace/didChangeWorkspaceFolders: folders removed, then folders added, while the server runs. */
  didChangeWorkspaceFolders(params: lsp.DidChangeWorkspaceFoldersParams): void {
    const event = params?.event;
    for (const removed of Array.isArray(event?.removed) ? event.removed : []) if (typeof removed?.uri === 'string') this.removeFolder(removed.uri);
    for (const added of Array.isArray(event?.added) ? event.added : []) {
      if (typeof added?.uri !== 'string') continue;
      const folder = this.addFolder({ uri: added.uri, name: typeof added.name === 'string' ? added.name : basename(added.uri) });
      if (folder) this.logWhenReady(folder);
    }
  }

  /**
   * The work-done progress of one folder's check, created at its first
   * report. Every `begin` is followed by one `end`: `end` may come before the
   * client has answered the creation, and reports after it are dropped.
   */
  private checkProgress(name: string): CheckProgress {
    let reporter: Promise<lsp.WorkDoneProgressServerReporter | undefined> | undefined;
    let ended = false;
    const progress: CheckProgress = {
      report: (done, total) => {
        if (ended) return;
        reporter ??= this.port.createProgress().then((created) => {
          created?.begin(renderMessage(message('progress.checking', { folder: name }), this.localeValue), 0, undefined, false);
          return created;
        });
        void reporter.then((created) => created?.report(total === 0 ? 100 : Math.round((done / total) * 100), renderMessage(message('progress.documents', { done, total }), this.localeValue)));
      },
      end: () => {
        if (ended) return;
        ended = true;
        this.liveProgress.delete(progress);
        void reporter?.then((created) => created?.done());
      },
    };
    this.liveProgress.add(progress);
    return progress;
  }

  shutdown(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const progress of [...this.liveProgress]) progress.end();
    for (const folder of this.folderList) folder.dispose();
    for (const watcher of this.folderWatchers.values()) watcher.dispose();
    this.folderWatchers.clear();
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
    if (!this.folderOrder.includes(folder)) return; // removed while it was checking
    let sent = this.sent.get(folder);
    if (!sent) this.sent.set(folder, (sent = new SentDiagnostics()));
    // Most files an edit re-checks had no diagnostics and still have none: nothing to build.
    if (diagnostics.length === 0 && sent.sentNone(file) && !folder.openPaths.has(file)) return;
    const params = diagnosticsParams(folder, file, diagnostics, (f, path) => this.uriOf(f, path), (uri) => this.versionOf(uri), this.localeValue);
    if (!sent.update(file, params)) return;
    if (!this.pulled) return this.port.publishDiagnostics(params);
    // An open document's results live under the editor's URI only.
    const onDisk = fileUri(folder.root, file);
    if (onDisk !== params.uri) this.pulled.forget(onDisk);
    this.pulled.record(params);
    if (this.refreshPulled && !this.refreshTimer) {
      // One refresh for a burst of results (a check publishes one file at a time).
      this.refreshTimer = setTimeout(() => {
        this.refreshTimer = undefined;
        this.port.refreshDiagnostics();
      }, 50);
    }
  }

  withdrawn(folder: DenshoFolder, file: string): void {
    this.sent.get(folder)?.forget(file);
    this.diagnostics(folder, file, []);
  }

  /** textDocument/diagnostic: the document's results once every scheduled check has run. */
  async documentDiagnostics(params: lsp.DocumentDiagnosticParams): Promise<lsp.DocumentDiagnosticReport> {
    const uri: unknown = params?.textDocument?.uri;
    if (typeof uri !== 'string' || !this.pulled) return { kind: 'full', items: [] };
    const located = await this.locate(uri);
    if (located) await located.folder.settled();
    return this.pulled.document(uri, typeof params.previousResultId === 'string' ? params.previousResultId : undefined);
  }

  /** workspace/diagnostic: every file's results once every folder's scheduled checks have run. */
  async workspaceDiagnostics(params: lsp.WorkspaceDiagnosticParams): Promise<lsp.WorkspaceDiagnosticReport> {
    if (!this.pulled) return { items: [] };
    await Promise.all(this.folderList.map((folder) => folder.settled()));
    return this.pulled.workspace(Array.isArray(params?.previousResultIds) ? params.previousResultIds : []);
  }

  reportsChanged(folder: DenshoFolder): void {
    this.port.reportsChanged({ folder: folder.uri });
  }

  log(line: Message): void {
    this.port.log(renderMessage(line, this.localeValue));
  }

  // ---- document synchronisation ----------------------------------------------------

  /**
   * A second didOpen of an open document replaces it, whatever its version:
   * it is the client's latest word on the document.
   */
  didOpen(params: lsp.DidOpenTextDocumentParams): void {
    const item: unknown = params?.textDocument;
    if (!isTextDocumentItem(item)) {
      this.log(message('log.open-without-text'));
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
      this.log(message('log.change-not-open', { uri: String(uri) }));
      return;
    }
    const changes: unknown = params.contentChanges;
    if (!Array.isArray(changes) || !changes.every(isContentChange)) {
      this.log(message('log.change-not-a-list', { uri: previous.uri }));
      return;
    }
    if (typeof version === 'number' && version < previous.version) {
      this.log(message('log.change-older', { uri: previous.uri, version, held: previous.version }));
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
      this.log(message('log.close-not-open', { uri: String(uri) }));
      return;
    }
    const located = this.locateNow(uri);
    if (!located) return;
    located.folder.openPaths.delete(located.path);
    this.sent.get(located.folder)?.forget(located.path);
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
          // An open document's text comes from the editor, not the disk; but Git reads a .gitignore when it is saved.
          if (!folder.openPaths.has(path) || path === '.gitignore' || path.endsWith('/.gitignore')) this.background(folder.textChanged(path, undefined));
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
    work.catch((error: unknown) => this.log(message('log.request-failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) })));
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
  reports = (params: Parameters<typeof reports>[1]) => reports(this, params);
  recordTraining = (params: Parameters<typeof recordTraining>[1]) => recordTraining(this, params);
  writeAuditReport = (params: Parameters<typeof writeAuditReport>[1]) => writeAuditReport(this, params);
  createPartnerCopy = (params: Parameters<typeof createPartnerCopy>[1]) => createPartnerCopy(this, params);
  history = (params: Parameters<typeof history>[1]) => history(this, params);
  changes = (params: Parameters<typeof changes>[1]) => changes(this, params);
  revisionText = (params: Parameters<typeof revisionText>[1]) => revisionText(this, params);
  setupStatus = (params: Parameters<typeof setupStatus>[1]) => setupStatus(this, params);
  init = (params: Parameters<typeof init>[1]) => init(this, params);
  fixAll = (params: Parameters<typeof fixAllInFolder>[1]) => fixAllInFolder(this, params);
  documentIndex = (params: Parameters<typeof documentIndex>[1]) => documentIndex(this, params);
  configuration = (params: Parameters<typeof configuration>[1]) => configuration(this, params);
  markReviewed = (params: Parameters<typeof markReviewed>[1]) => markReviewed(this, params);
  translations = (params: Parameters<typeof translations>[1]) => translations(this, params);
  createTranslation = (params: Parameters<typeof createTranslation>[1]) => createTranslation(this, params);
  newDocumentOptions = (params: Parameters<typeof newDocumentOptions>[1]) => newDocumentOptions(this, params);
  checkDocumentId = (params: Parameters<typeof checkDocumentId>[1]) => checkDocumentId(this, params);
  newDocument = (params: Parameters<typeof newDocument>[1]) => newDocument(this, params);
  exportCoverage = (params: Parameters<typeof exportCoverage>[1]) => exportCoverage(this, params);
  coverageMatrix = (params: Parameters<typeof coverageMatrix>[1]) => coverageMatrix(this, params);
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
