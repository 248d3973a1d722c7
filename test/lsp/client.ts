/**
 * A test client for the Densho language server: spawns the built
 * dist/server.js over stdio, speaks JSON-RPC to it, and waits on its
 * notifications with time limits (never on sleeps).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

export const REPO_ROOT = resolve(__dirname, '../..');
export const SERVER_JS = join(REPO_ROOT, 'dist/server.js');
export const SAMPLES = join(REPO_ROOT, 'samples');
/** The date every test runs at, so review rules answer the same on every day. */
export const TODAY = '2026-11-25';
const DEFAULT_TIMEOUT = 15_000;

export const CAPABILITIES: ClientCapabilities = {
  workspace: {
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
    didChangeWatchedFiles: { dynamicRegistration: true },
    fileOperations: { willRename: true, didRename: true },
    workspaceFolders: true,
  },
  textDocument: {
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    completion: { completionItem: { snippetSupport: false } },
    rename: { prepareSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
  },
  window: { workDoneProgress: true },
};

interface Waiter {
  readonly test: () => boolean;
  readonly resolve: () => void;
}

/** What a test client sends at start-up besides its fixed "today" and short debounce. */
export interface StartOptions {
  readonly today?: string;
  readonly capabilities?: ClientCapabilities;
  readonly folders?: string[];
  readonly settings?: Record<string, unknown>;
  readonly history?: boolean;
  readonly headingSymbols?: boolean;
  /** The client's locale (initialize params). */
  readonly locale?: string;
  /** densho.locale (initializationOptions.locale). */
  readonly localeSetting?: string;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  /** Latest diagnostics per URI, with the sequence number of the notification that brought them. */
  readonly diagnostics = new Map<string, { seq: number; params: PublishDiagnosticsParams }>();
  readonly notifications: { method: string; params: unknown; seq: number }[] = [];
  private sequence = 0;
  private waiters: Waiter[] = [];
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  readonly stderr: string[] = [];
  /** The server's answer to `initialize` (its capabilities). */
  initializeResult: InitializeResult | undefined;
  /** How the server process ended, once it has. */
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  private constructor(
    readonly root: string,
    private readonly child: ChildProcess,
  ) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    child.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    child.once('exit', (code, signal) => {
      this.exit = { code, signal };
      this.wake();
    });
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, { seq: ++this.sequence, params });
      this.wake();
    });
    for (const method of ['densho/reportsChanged', '$/progress', 'window/logMessage']) {
      this.connection.onNotification(method, (params: unknown) => {
        this.notifications.push({ method, params, seq: ++this.sequence });
        this.wake();
      });
    }
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('client/registerCapability', (params: unknown) => {
      this.notifications.push({ method: 'client/registerCapability', params, seq: ++this.sequence });
      return null;
    });
    this.connection.listen();
  }

  /** `locale`: the client's (initialize params); `localeSetting`: densho.locale (initializationOptions.locale). */
  static async start(root: string, options: StartOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new TestClient(root, child);
    const folders = options.folders ?? [root];
    client.initializeResult = await client.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: folders.map((folder) => ({ uri: pathToFileURL(folder).href, name: folder.split('/').pop() })),
      capabilities: options.capabilities ?? CAPABILITIES,
      locale: options.locale,
      initializationOptions: { today: options.today ?? TODAY, debounceMs: 10, settings: options.settings, history: options.history, headingSymbols: options.headingSymbols, locale: options.localeSetting },
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  uri(path: string): string {
    return pathToFileURL(join(this.root, path)).href;
  }

  /** The server process's id (benchmarks read its CPU time). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  get seq(): number {
    return this.sequence;
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) {
      if (waiter.test()) waiter.resolve();
      else this.waiters.push(waiter);
    }
  }

  /** Resolves when `test` holds (checked now and after every notification); rejects after `timeout` ms. */
  waitUntil(what: string, test: () => boolean, timeout = DEFAULT_TIMEOUT): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== entry);
        reject(new Error(`Timed out after ${timeout} ms waiting for ${what}.${this.stderr.length ? `\nserver stderr: ${this.stderr.join('')}` : ''}`));
      }, timeout);
      const entry: Waiter = {
        test,
        resolve: () => {
          clearTimeout(timer);
          resolvePromise();
        },
      };
      this.waiters.push(entry);
    });
  }

  /** Diagnostics of `path` published after sequence number `after` (and matching `where`, when given). */
  async diagnosticsAfter(path: string, after: number, where: (diagnostics: Diagnostic[]) => boolean = () => true, timeout?: number): Promise<Diagnostic[]> {
    const uri = this.uri(path);
    await this.waitUntil(`diagnostics of ${path}`, () => {
      const latest = this.diagnostics.get(uri);
      return latest !== undefined && latest.seq > after && where(latest.params.diagnostics);
    }, timeout);
    return this.diagnostics.get(uri)!.params.diagnostics;
  }

  /** Waits until every one of `paths` has had diagnostics published. */
  async indexed(paths: readonly string[], timeout?: number): Promise<void> {
    await this.waitUntil(`diagnostics of ${paths.join(', ')}`, () => paths.every((path) => this.diagnostics.has(this.uri(path))), timeout);
  }

  notificationAfter(method: string, after: number, timeout?: number): Promise<unknown> {
    return this.waitUntil(`notification ${method}`, () => this.notifications.some((n) => n.method === method && n.seq > after), timeout).then(
      () => this.notifications.find((n) => n.method === method && n.seq > after)!.params,
    );
  }

  /** Opens a document (its disk text unless `text` is given) and returns its first diagnostics. */
  async open(path: string, text?: string): Promise<Diagnostic[]> {
    const content = text ?? readFileSync(join(this.root, path), 'utf8');
    const before = this.sequence;
    this.versions.set(path, 1);
    this.texts.set(path, content);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: this.uri(path), languageId: 'markdown', version: 1, text: content } });
    return this.diagnosticsAfter(path, before);
  }

  /** Opens a file that may have no diagnostics to publish (training.yaml without problems), without waiting for any. */
  async openQuietly(path: string, languageId = 'yaml'): Promise<void> {
    const content = readFileSync(join(this.root, path), 'utf8');
    this.versions.set(path, 1);
    this.texts.set(path, content);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: this.uri(path), languageId, version: 1, text: content } });
  }

  /** Replaces an open document's whole text and returns its next diagnostics. */
  async change(path: string, text: string, where?: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    const before = this.sequence;
    await this.sendChange(path, text);
    return this.diagnosticsAfter(path, before, where);
  }

  async sendChange(path: string, text: string): Promise<void> {
    const version = (this.versions.get(path) ?? 1) + 1;
    this.versions.set(path, version);
    this.texts.set(path, text);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri(path), version }, contentChanges: [{ text }] });
  }

  async close(path: string): Promise<void> {
    this.versions.delete(path);
    this.texts.delete(path);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: this.uri(path) } });
  }

  text(path: string): string {
    return this.texts.get(path) ?? readFileSync(join(this.root, path), 'utf8');
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** `request`, rejected after `timeout` ms: for a server that may have stopped listening. */
  requestWithin<R>(method: string, params: unknown, timeout = DEFAULT_TIMEOUT): Promise<R> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`No answer to ${method} within ${timeout} ms.${this.stderr.length ? `\nserver stderr: ${this.stderr.join('')}` : ''}`)), timeout);
    });
    return Promise.race([this.request<R>(method, params), expired]).finally(() => clearTimeout(timer));
  }

  /**
   * Writes bytes to the server's stdin as they are, outside JSON-RPC framing
   * (for malformed-input tests). Resolves once they are written; call it only
   * when no message of the connection is being written (after awaiting it).
   */
  writeRaw(data: string | Uint8Array): Promise<void> {
    return new Promise((resolvePromise, reject) => this.child.stdin!.write(data, (error) => (error ? reject(error) : resolvePromise())));
  }

  /**
   * Applies a WorkspaceEdit as an editor would: to open documents (sending
   * didChange) and to files on disk (then reporting them as watched-file
   * changes). Returns the new texts by repository path.
   */
  async applyEdit(edit: WorkspaceEdit): Promise<Map<string, string>> {
    const results = new Map<string, string>();
    const pathOf = (uri: string) => decodeURIComponent(new URL(uri).pathname).slice(this.root.length + 1);
    const editsByUri = new Map<string, TextEdit[]>();
    const created: string[] = [];
    for (const change of edit.documentChanges ?? []) {
      if ('kind' in change) {
        if (change.kind !== 'create') throw new Error(`unexpected resource operation ${change.kind}`);
        const path = pathOf(change.uri);
        mkdirSync(dirname(join(this.root, path)), { recursive: true });
        writeFileSync(join(this.root, path), '', { flag: 'wx' });
        created.push(path);
        editsByUri.set(change.uri, editsByUri.get(change.uri) ?? []);
      } else {
        editsByUri.set(change.textDocument.uri, [...(editsByUri.get(change.textDocument.uri) ?? []), ...(change.edits as TextEdit[])]);
      }
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) editsByUri.set(uri, [...(editsByUri.get(uri) ?? []), ...edits]);
    const changedOnDisk: string[] = [];
    for (const [uri, edits] of editsByUri) {
      const path = pathOf(uri);
      const text = applyTextEdits(this.text(path), edits);
      results.set(path, text);
      if (this.versions.has(path)) await this.sendChange(path, text);
      else {
        writeFileSync(join(this.root, path), text);
        changedOnDisk.push(path);
      }
    }
    const changes = changedOnDisk.map((path) => ({ uri: this.uri(path), type: created.includes(path) ? 1 : 2 }));
    if (changes.length > 0) await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
    return results;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone.
    }
    await new Promise<void>((resolvePromise) => {
      if (this.child.exitCode !== null) return resolvePromise();
      const timer = setTimeout(() => {
        this.child.kill();
        resolvePromise();
      }, 5_000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolvePromise();
      });
    });
    this.connection.dispose();
  }
}

/** Applies LSP text edits (non-overlapping, in any order) to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (position: { line: number; character: number }) =>
    position.line >= lineStarts.length ? text.length : lineStarts[position.line]! + position.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}

/** A temporary repository: a copy of samples/, or the given files. Removed by `dispose`. */
export function tempRepository(files?: Record<string, string>): { root: string; write(path: string, text: string): void; read(path: string): string; remove(path: string): void; dispose(): void } {
  const root = mkdtempSync(join(tmpdir(), 'densho-lsp-'));
  if (files) {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  } else cpSync(SAMPLES, root, { recursive: true });
  return {
    root,
    write: (path, text) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    },
    read: (path) => readFileSync(join(root, path), 'utf8'),
    remove: (path) => rmSync(join(root, path), { recursive: true, force: true }),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** The position of the first occurrence of `needle` in `text` (plus `offset` characters). */
export function positionOf(text: string, needle: string, offset = 0): { line: number; character: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, at + offset);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

/**
 * The server of one suite: started on `repo` in the suite's `before` hook
 * (waiting until `indexed` have their diagnostics), stopped and the
 * repository removed in its `after` hook. The returned client forwards to the
 * started one, so tests use it like any TestClient.
 */
export function clientForSuite(repo: { root: string; dispose(): void }, indexed: readonly string[] = [], options: StartOptions = {}): TestClient {
  let started: TestClient | undefined;
  before(async () => {
    started = await TestClient.start(repo.root, options);
    await started.indexed(indexed);
  });
  after(async () => {
    await started?.stop();
    repo.dispose();
  });
  return new Proxy({} as TestClient, {
    get(_, property) {
      if (!started) throw new Error('the suite\'s server has not started yet: use the client inside hooks and tests');
      const value: unknown = Reflect.get(started, property, started);
      return typeof value === 'function' ? value.bind(started) : value;
    },
  });
}
