/**
 * The one object every part of the extension receives: the language client,
 * the output channel, the views and the status bar, and the few questions
 * they all ask (which folder is the repository, what its configuration is,
 * what today is). Commands are factories of this context
 * (commands/index.ts); nothing is kept in module globals.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { RequestType, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { ConfigurationRequest, ReportsChangedNotification, SetupStatusRequest, type DenshoInitializationOptions, type EffectiveConfiguration } from '../../server/src/protocol';
import { ReportStore } from './reportStore';
import { viewsFolder } from './viewsFolder';
import { localeSetting, SECTION, settingsAsYaml, settingsOverriddenBy } from './settingsYaml';
import type { StatusBar } from './statusBar';
import type { CoverageMatrixPanel } from './webview/coverageMatrix';
import type { CoverageTree } from './views/coverageTree';
import type { KnowledgeTree } from './views/knowledgeTree';
import type { ReviewTree } from './views/reviewTree';
import type { SkillsTree } from './views/skillsTree';

export interface Views {
  readonly coverage: CoverageTree;
  readonly review: ReviewTree;
  readonly knowledge: KnowledgeTree;
  readonly skills: SkillsTree;
}

export class Ctx implements vscode.Disposable {
  private languageClient: LanguageClient | undefined;
  private starting: Promise<LanguageClient | undefined> | undefined;
  private readonly reportsChanged = new vscode.EventEmitter<void>();
  /** Fires when the server says coverage, review or knowledge data may have changed, and when it (re)starts. */
  readonly onReportsChanged = this.reportsChanged.event;
  /** The reports the views show, fetched once per change. */
  readonly reports = new ReportStore(this);
  views!: Views;
  statusBar!: StatusBar;
  /** The coverage matrix webview, while it is open. */
  coverageMatrix: CoverageMatrixPanel | undefined;
  /** Whether a densho.yaml governs the repository folder, as the server last said; undefined until it has. */
  configured: boolean | undefined;

  constructor(
    readonly extension: vscode.ExtensionContext,
    readonly output: vscode.LogOutputChannel,
  ) {
    extension.subscriptions.push(this.reportsChanged);
  }

  get client(): LanguageClient | undefined {
    return this.languageClient;
  }

  /** Path of the bundled language server. */
  get serverModule(): string {
    return vscode.Uri.joinPath(this.extension.extensionUri, 'dist', 'server.js').fsPath;
  }

  /**
   * Sends one of Densho's custom requests (server/src/protocol.ts), typed by
   * its declaration. Sent by method name: the typed overload of sendRequest
   * wants `NoInfer<RequestParam<P>>`, which a generic P cannot satisfy.
   */
  async request<P, R>(type: RequestType<P, R, void>, params: P): Promise<R> {
    const client = await this.start();
    if (!client) throw new Error(vscode.l10n.t('the Densho language server is not running'));
    return client.sendRequest<R>(type.method, params);
  }

  /** Starts the language server once; later calls return the same client. Undefined when it cannot start. */
  start(): Promise<LanguageClient | undefined> {
    this.starting ??= this.startClient();
    return this.starting;
  }

  private async startClient(): Promise<LanguageClient | undefined> {
    const module = this.serverModule;
    if (!existsSync(module)) {
      this.output.error(vscode.l10n.t('The Densho language server is missing at {0}; run `npm run build`.', module));
      void vscode.window.showErrorMessage(vscode.l10n.t('Densho: the language server (dist/server.js) is missing; build the extension first.'));
      return undefined;
    }
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.stdio },
      debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'markdown' },
        { scheme: 'file', pattern: '**/{densho,people,training}.yaml' },
      ],
      outputChannel: this.output,
      // File events: the server registers its own watchers (client/registerCapability).
      // Settings changes are sent by hand below, shaped like densho.yaml as at start-up.
      // The defaults of densho.yaml from the settings, shaped as densho.yaml; the repository's file takes precedence.
      // The cache lives in VS Code's storage for this workspace, not in the repository.
      // Document history runs git: never in a workspace the user has not trusted (Restricted Mode).
      // Diagnostics are pushed: the views, the status bar and the in-VS-Code suite follow them as published (pull is for other clients).
      // Headings are outlined by VS Code's built-in Markdown provider: Densho adds the front matter and steps, not a second copy.
      // densho.locale: the language of diagnostics; `auto` leaves it to the client's locale in the initialize params.
      initializationOptions: { settings: this.settingsAsYaml(), cacheLocation: this.extension.storageUri?.fsPath, history: vscode.workspace.isTrusted, pushDiagnostics: true, headingSymbols: false, locale: this.locale() } satisfies DenshoInitializationOptions,
    };
    if (!vscode.workspace.isTrusted && !this.restartOnTrust) {
      this.restartOnTrust = vscode.workspace.onDidGrantWorkspaceTrust(() => void this.restart());
      this.extension.subscriptions.push(this.restartOnTrust);
    }
    const client = new LanguageClient('densho', 'Densho', serverOptions, clientOptions);
    try {
      await client.start();
    } catch (error) {
      this.output.error(vscode.l10n.t('The Densho language server failed to start: {0}', String(error)));
      void vscode.window.showErrorMessage(vscode.l10n.t('Densho: the language server failed to start ({0}).', String(error)));
      return undefined;
    }
    this.extension.subscriptions.push(client.onNotification(ReportsChangedNotification, () => this.reportsMayHaveChanged()));
    this.extension.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration(SECTION)) return;
        void client.sendNotification('workspace/didChangeConfiguration', { settings: { [SECTION]: this.settingsAsYaml() }, locale: this.locale() });
      }),
    );
    this.languageClient = client;
    this.reportsMayHaveChanged();
    return client;
  }

  /**
   * Asks the server whether the repository folder is set up, and sets
   * `densho.needsSetup`, which shows the views' welcome with Initialise
   * Densho here instead of reports computed from defaults.
   */
  async refreshSetup(): Promise<void> {
    let configured: boolean | undefined;
    if (this.client) {
      try {
        configured = (await this.request(SetupStatusRequest, { folder: this.folder()?.uri.toString() })).configured;
      } catch (error) {
        this.output.warn(vscode.l10n.t('Densho: could not ask whether the folder is set up: {0}', error instanceof Error ? error.message : String(error)));
      }
    }
    this.configured = configured;
    await vscode.commands.executeCommand('setContext', 'densho.needsSetup', configured === false);
  }

  /** Drops the stored reports and tells the views, which fetch them again (once, between them). */
  reportsMayHaveChanged(): void {
    this.reports.invalidate();
    this.reportsChanged.fire();
  }

  /** Set once the server is to restart, with history, when the workspace becomes trusted. */
  private restartOnTrust: vscode.Disposable | undefined;

  async restart(): Promise<void> {
    const client = await this.starting;
    this.starting = undefined;
    this.languageClient = undefined;
    await client?.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = await this.starting;
    this.starting = undefined;
    this.languageClient = undefined;
    await client?.stop();
  }

  /** The folder the views follow: the active editor's last one, or the one picked (see viewsFolder.ts). */
  private followed: vscode.WorkspaceFolder | undefined;

  /**
   * The Densho repository: the folder holding `resource`; without one, the
   * folder the views show (the active editor's last folder or the one
   * picked, else the first folder holding densho.yaml, else the first).
   */
  folder(resource?: vscode.Uri): vscode.WorkspaceFolder | undefined {
    if (resource) {
      const owner = vscode.workspace.getWorkspaceFolder(resource);
      if (owner) return owner;
    }
    return viewsFolder(vscode.workspace.workspaceFolders ?? [], this.followed, (folder) => existsSync(vscode.Uri.joinPath(folder.uri, 'densho.yaml').fsPath));
  }

  /**
   * The views, the status bar and the matrix show `folder` from now on (an
   * editor of it became active, or it was picked); they redraw when that is
   * another folder than they showed. A folder removed from the workspace
   * (`undefined`) lets them fall back.
   */
  follow(folder: vscode.WorkspaceFolder | undefined): void {
    const before = this.folder()?.uri.toString();
    if (folder) this.followed = folder;
    const after = this.folder();
    if (after?.uri.toString() === before) return;
    this.output.info(after ? vscode.l10n.t('Densho: the views show {0}.', after.name) : vscode.l10n.t('Densho: the views show no folder.'));
    // Not a change of the reports: each folder's stay in the store; the views only ask for the other folder's.
    this.reportsChanged.fire();
  }

  /** A repository path (`sops/a.md`, as the reports write it) as a URI. */
  uriOf(file: string, folder = this.folder()): vscode.Uri | undefined {
    return folder ? vscode.Uri.joinPath(folder.uri, ...file.split('/')) : undefined;
  }

  /** The folder-relative path with `/` separators. */
  repositoryPath(uri: vscode.Uri, folder = this.folder(uri)): string | undefined {
    if (!folder || uri.scheme !== folder.uri.scheme) return undefined;
    const path = relative(folder.uri.fsPath, uri.fsPath);
    if (path.startsWith('..') || isAbsolute(path)) return undefined;
    return path.split(sep).join('/');
  }

  private locale(): string {
    const settings = vscode.workspace.getConfiguration(SECTION);
    return localeSetting((name) => settings.get(name));
  }

  /** The settings of a folder, shaped as densho.yaml. */
  settingsAsYaml(folder = this.folder()): Record<string, unknown> {
    const settings = vscode.workspace.getConfiguration(SECTION, folder?.uri);
    return settingsAsYaml((name) => settings.get(name));
  }

  /** The settings the user set that the folder's densho.yaml overrides (for the status bar). */
  async overriddenSettings(folder = this.folder()): Promise<{ readonly setting: string; readonly yamlKey: string }[]> {
    const settings = vscode.workspace.getConfiguration(SECTION, folder?.uri);
    const isSet = (name: string): boolean => {
      const set = settings.inspect(name);
      return [set?.globalValue, set?.workspaceValue, set?.workspaceFolderValue].some((value) => value !== undefined);
    };
    return settingsOverriddenBy((await this.configuration(folder)).repositoryKeys, isSet);
  }

  /** The configuration in effect for a folder (the settings under its densho.yaml), as the server reads it. */
  configuration(folder = this.folder()): Promise<EffectiveConfiguration> {
    return this.request(ConfigurationRequest, { folder: folder?.uri.toString() });
  }

  /** Applies an edit the server computed; false when VS Code refused it (a file to create exists, say). */
  async applyEdit(edit: WorkspaceEdit): Promise<boolean> {
    const client = await this.start();
    if (!client) return false;
    return vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit));
  }

  /**
   * Applies an edit that creates `uri` (and writes its text) and saves it:
   * applied, the text is only in the editor's buffer, and a new document is
   * a file. False when VS Code refused it (the file exists, say).
   */
  async createFile(edit: WorkspaceEdit, uri: vscode.Uri): Promise<boolean> {
    if (!(await this.applyEdit(edit))) return false;
    await (await vscode.workspace.openTextDocument(uri)).save();
    return true;
  }

  /**
   * Sends a request whose refusal (an error with the reason) is shown to
   * the user; undefined then. For the document commands.
   */
  async requestOrShow<P, R>(type: RequestType<P, R, void>, params: P): Promise<R | undefined> {
    try {
      return await this.request(type, params);
    } catch (error) {
      void vscode.window.showErrorMessage(`Densho: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  dispose(): void {
    void this.stop();
  }
}
