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
import { parse as parseYamlText, stringify as stringifyYaml } from 'yaml';
import { formatDay, localToday, parseConfig, type DenshoConfig } from '../../server/src/engine';
import type { RequestType } from 'vscode-languageserver-protocol';
import { ReportsChangedNotification } from '../../server/src/protocol';
import { localeSetting, SECTION, settingsAsYaml, withRepositoryConfig } from './settings';
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
  views!: Views;
  statusBar!: StatusBar;
  /** The coverage matrix webview, while it is open. */
  coverageMatrix: CoverageMatrixPanel | undefined;

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
    if (!client) throw new Error('the Densho language server is not running');
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
      this.output.error(`The Densho language server is missing at ${module}; run \`npm run build\`.`);
      void vscode.window.showErrorMessage('Densho: the language server (dist/server.js) is missing; build the extension first.');
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
      // densho.locale: the language of diagnostics; `auto` leaves it to the client's locale in the initialize params.
      initializationOptions: { settings: this.settingsAsYaml(), cacheLocation: this.extension.storageUri?.fsPath, history: vscode.workspace.isTrusted, locale: this.locale() },
    };
    if (!vscode.workspace.isTrusted && !this.restartOnTrust) {
      this.restartOnTrust = vscode.workspace.onDidGrantWorkspaceTrust(() => void this.restart());
      this.extension.subscriptions.push(this.restartOnTrust);
    }
    const client = new LanguageClient('densho', 'Densho', serverOptions, clientOptions);
    try {
      await client.start();
    } catch (error) {
      this.output.error(`The Densho language server failed to start: ${String(error)}`);
      void vscode.window.showErrorMessage(`Densho: the language server failed to start (${String(error)}).`);
      return undefined;
    }
    this.extension.subscriptions.push(client.onNotification(ReportsChangedNotification, () => this.reportsChanged.fire()));
    this.extension.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration(SECTION)) return;
        void client.sendNotification('workspace/didChangeConfiguration', { settings: { [SECTION]: this.settingsAsYaml() }, locale: this.locale() });
      }),
    );
    this.languageClient = client;
    this.reportsChanged.fire();
    return client;
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

  /** The Densho repository: the first workspace folder holding densho.yaml, else the first folder. */
  folder(resource?: vscode.Uri): vscode.WorkspaceFolder | undefined {
    if (resource) {
      const owner = vscode.workspace.getWorkspaceFolder(resource);
      if (owner) return owner;
    }
    const folders = vscode.workspace.workspaceFolders ?? [];
    return folders.find((folder) => existsSync(vscode.Uri.joinPath(folder.uri, 'densho.yaml').fsPath)) ?? folders[0];
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

  /** The configuration that applies: the settings, overridden key by key by the repository's densho.yaml. */
  async config(folder = this.folder()): Promise<DenshoConfig> {
    let repository: unknown;
    if (folder) {
      try {
        const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, 'densho.yaml'));
        repository = parseYamlText(new TextDecoder().decode(bytes));
      } catch {
        repository = undefined; // no densho.yaml, or not valid YAML: the settings apply
      }
    }
    return parseConfig(stringifyYaml(withRepositoryConfig(this.settingsAsYaml(folder), repository))).config;
  }

  /** Today in the local calendar, as the server and the CLI take it. */
  today(): string {
    return formatDay(localToday());
  }

  dispose(): void {
    void this.stop();
  }
}
