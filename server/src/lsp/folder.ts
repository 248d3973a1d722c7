/**
 * One workspace folder: its engine Workspace fed from the overlay file
 * system, and the incremental re-checking after each change. A change marks
 * the documents whose results depend on it (asked before and after the
 * change, see engine/features/dependents.ts); a short debounce later they
 * are checked, open documents first, and their diagnostics handed to the
 * listener. Nothing else is re-parsed.
 */
import {
  classifyPath,
  isListedPath,
  CONFIG_FILE,
  dependentDocuments,
  documentsAffectedByTraining,
  documentsAffectedByHistory,
  documentsAffectedByPeople,
  loadSettings,
  loadSettingsFile,
  loadWorkspace,
  localToday,
  message,
  sameMessage,
  frontMatterText,
  readDocument,
  readText,
  Workspace,
  type CheckCache,
  type CoverageReport,
  type KnowledgeRisk,
  type ReviewSchedule,
  type SkillsMatrix,
  type CheckSession,
  type Day,
  type Diagnostic,
  type Message,
  type HistorySource,
  type Locale,
  readHistory,
} from '../engine';
import { join } from 'node:path';
import { discoverRepository } from '../cli/repository';
import { ParserPool, readCacheFile, writeCacheFile, CACHE_ENGINE_KEY } from '../node';
import type { OverlayFileSystem } from './overlayFileSystem';
import { documentIndexEntries } from './features/documentIndex';

export interface FolderListener {
  /** Diagnostics of one file (a document, densho.yaml, people.yaml, or '.' for the root), replacing earlier ones. */
  diagnostics(folder: DenshoFolder, file: string, diagnostics: readonly Diagnostic[]): void;
  /** A file is no longer one of the folder's documents (deleted, or no longer counted as one): its diagnostics are cleared, whatever was sent before. */
  withdrawn(folder: DenshoFolder, file: string): void;
  /** Coverage, review schedule or knowledge risk may have changed. */
  reportsChanged(folder: DenshoFolder): void;
  /** A line for the output channel, in the server's language. */
  log(line: Message): void;
  /** The server's language: the reports' clause titles are in it. */
  readonly locale: Locale;
}

/** The work-done progress of a check: `end` is called exactly once per check, however the check stops. */
export interface CheckProgress {
  report(done: number, total: number): void;
  end(): void;
}

export interface FolderReportsData {
  readonly coverage: CoverageReport | null;
  readonly reviewSchedule: ReviewSchedule;
  readonly knowledgeRisk: KnowledgeRisk;
  readonly skills: SkillsMatrix;
}

export interface FolderOptions {
  /** A fixed "today" (tests, reproducible runs); the local date, re-read at every check, when absent. */
  readonly today?: Day;
  /** Milliseconds between the last change and the re-check. */
  readonly debounceMs: number;
  /** The editor's settings, shaped like densho.yaml, under the repository's densho.yaml. */
  readonly settings?: Record<string, unknown>;
  /** Where parses and results persist between sessions; no cache when absent. */
  readonly cacheFolder?: string;
  /** Where document history comes from; without one, the history rules stay silent and `historyOff` says why. */
  readonly history?: HistorySource;
  readonly historyOff?: Message;
}

/**
 * Findings that only make sense once a folder uses Densho: before a
 * densho.yaml exists, every plain Markdown file would have
 * frontmatter/missing and the folder a gap per ISO clause. Until the user
 * opts in (Densho: Initialise Densho here, or `densho init`), they are not
 * published; the Densho views explain how to start instead.
 */
const AFTER_OPT_IN = new Set<Diagnostic['rule']>(['frontmatter/missing', 'iso/gap']);

/** Quiet time after the last check before reports are compared (and `densho/reportsChanged` sent). */
const REPORTS_DELAY_MS = 200;

/**
 * Quiet time before the first check's results are written to the cache.
 * Writing is synchronous and takes most of a second at 15,000 documents: a
 * document opened as the first check ends must not wait for it.
 */
const CACHE_SAVE_DELAY_MS = 500;

/** How many documents are checked before yielding to pending requests. */
const CHUNK = 25;

export class DenshoFolder {
  private workspaceValue: Workspace;
  readonly ready: Promise<void>;
  /** Documents to check at the next flush. */
  private readonly pending = new Set<string>();
  /** Changed paths whose dependents are collected (after the change) at the next flush. */
  private readonly changed = new Set<string>();
  private repositoryDirty = false;
  private forceRepositoryPublish = false;
  private readonly repositoryFiles = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private loaded = false;
  private lastReports: string | undefined;
  /** How many checks have run: every change to the workspace is followed by one, so reports computed since the last are current. */
  private checks = 0;
  private reportsCache: { readonly checks: number; readonly locale: Locale; readonly reports: FolderReportsData } | undefined;
  private reportsTimer: ReturnType<typeof setTimeout> | undefined;
  /** The history re-reads after Git moved, in order (historyMoved), and how many are queued or running. */
  private historyMoves: Promise<void> = Promise.resolve();
  private historyReads = 0;
  /** The newest text of documents edited since the workspace was last read; parsed by `applyTypedTexts`. */
  private readonly typedTexts = new Map<string, string>();
  /** The editor's settings now in force (they can change after start-up). */
  private settings: Record<string, unknown> | undefined;
  /** The last text read of each settings file, so opening densho.yaml unchanged re-checks nothing. */
  private readonly settingsTexts = new Map<string, string | undefined>();
  /** The settings re-read in progress: the next waits for it. */
  private settingsReload: Promise<void> = Promise.resolve();
  /** Documents open in the editor, path → the URI the editor uses: checked first, published under that URI. */
  readonly openPaths = new Map<string, string>();
  /** Paths new to the folder being classified (classifyPath), shared so that their changes stay in order. */
  private readonly classifying = new Map<string, Promise<'document' | 'file' | 'excluded'>>();
  /** Set between loading and the end of the first check, when a cache is in use. */
  private initialCheck: { readonly session: CheckSession; readonly save: () => void } | undefined;
  /** The first check's cache write, waiting for the folder to be quiet (or for shutdown). */
  private cacheSave: { readonly save: () => void; timer?: ReturnType<typeof setTimeout> } | undefined;
  /** The folder holding the densho.yaml that governs this one (it, or one above it up to the Git work tree's top, as the CLI finds it); undefined when none does. */
  private configRoot: string | undefined;

  constructor(
    readonly uri: string,
    readonly name: string,
    readonly fs: OverlayFileSystem,
    private readonly listener: FolderListener,
    private readonly options: FolderOptions,
    progress?: CheckProgress,
  ) {
    this.settings = options.settings;
    this.workspaceValue = new Workspace({ today: options.today, settings: options.settings });
    // A load that fails never starts the check, so the progress ends here.
    this.ready = this.load(progress).catch((error: unknown) => {
      progress?.end();
      throw error;
    });
  }

  /**
   * The workspace, with every edit received so far applied. Reading it is
   * what parses a document typed into: a burst of thousands of changes costs
   * one parse when the next request (or the debounced check) needs it, not
   * one per keystroke.
   */
  get workspace(): Workspace {
    this.applyTypedTexts();
    return this.workspaceValue;
  }

  /** Parses the newest text of each document typed into since it was last read. */
  private applyTypedTexts(): void {
    if (this.typedTexts.size === 0) return;
    const typed = [...this.typedTexts];
    this.typedTexts.clear();
    for (const [path, text] of typed) this.mark(path, () => this.workspaceValue.setDocument(path, text));
  }

  get root(): string {
    return this.fs.root;
  }

  private async load(progress: CheckProgress | undefined): Promise<void> {
    const cacheFolder = this.options.cacheFolder;
    // Under the repository (no cacheLocation), a committed link on the way to the folder is refused, as by the CLI.
    const cache = cacheFolder === undefined ? undefined : readCacheFile(cacheFolder, CACHE_ENGINE_KEY, this.root);
    if (cache?.statistics.discarded) this.listener.log(message('log.cache-discarded', { folder: cacheFolder ?? '', detail: cache.statistics.discarded }));
    const workspace = await loadWorkspace(this.fs, { today: this.options.today ?? localToday(), settings: this.settings, cache, history: this.options.history, startParserPool: (threads) => ParserPool.start({ threads }) });
    this.workspaceValue = workspace;
    if (this.options.historyOff) workspace.setHistory({ unavailable: this.options.historyOff });
    if (workspace.historyUnavailable) this.listener.log(message('log.no-history-checks', { folder: this.name, reason: workspace.historyUnavailable }));
    // Editors may have opened (and edited) files while the disk was read: their text wins.
    for (const path of this.fs.overlaidPaths()) {
      const text = this.fs.overlay(path)!;
      if (workspace.isDocumentPath(path)) {
        workspace.setDocument(path, text);
        cache?.forget(path);
      }
    }
    // The first check of the whole folder reuses cached results; later checks follow edits and run the rules.
    if (cache && cacheFolder !== undefined) this.initialCheck = { session: cache.session(workspace), save: () => this.saveCache(cache, cacheFolder) };
    for (const path of this.settingsPaths()) this.settingsTexts.set(path, await readText(this.fs, path));
    this.updateConfigured();
    this.loaded = true;
    for (const path of workspace.documentPaths()) this.pending.add(path);
    this.repositoryDirty = true;
    // Requests are answered from here on; the first check runs in the background, open documents first.
    void this.flush(progress);
  }

  // ---- changes --------------------------------------------------------------------

  /** A file's text changed (typed in the editor, or changed on disk). */
  async textChanged(path: string, text: string | undefined): Promise<void> {
    await this.ready;
    // Not `this.workspace`: that would parse the text of the previous keystroke.
    const workspace = this.workspaceValue;
    if (this.isSettingsFile(path)) {
      const current = text ?? (await readText(this.fs, path));
      if (this.settingsTexts.has(path) && this.settingsTexts.get(path) === current) return;
      await this.reloadSettings(path);
      return;
    }
    // Git reads .gitignore from the disk: what is typed in it counts once saved.
    if (isGitignore(path)) return text === undefined ? this.gitignoreChanged(path) : undefined;
    // A path new to the folder (created, or opened in the editor) is taken only if the repository's listing would take it, as at load.
    if (!workspace.hasDocument(path) && !workspace.index.allFiles().has(path) && (await this.classify(path)) === 'excluded') return;
    this.typedTexts.delete(path);
    if (text === undefined && workspace.isDocumentPath(path)) {
      // From the disk: a file too large, unreadable or not UTF-8 is reported as such, not taken for deleted.
      const read = await readDocument(this.fs, workspace, path);
      if (read === undefined) return this.removed(path);
      if (typeof read !== 'string') return this.mark(path, () => workspace.setParsedDocument(read));
      text = read;
    }
    if (text === undefined) text = await readText(this.fs, path);
    if (text === undefined) return this.removed(path);
    if (!workspace.isDocumentPath(path)) {
      if (!this.workspace.index.allFiles().has(path)) this.mark(path, () => workspace.addFile(path));
      return;
    }
    this.typedTexts.set(path, text);
    this.schedule();
  }

  /** A file or folder was deleted. */
  async removed(path: string): Promise<void> {
    await this.ready;
    const workspace = this.workspace;
    if (this.isSettingsFile(path)) {
      await this.reloadSettings(path);
      return;
    }
    if (isGitignore(path)) {
      this.mark(path, () => workspace.removeFile(path));
      return this.gitignoreChanged(path);
    }
    const files = [...workspace.index.allFiles()];
    const gone = files.filter((file) => file === path || file.startsWith(`${path}/`));
    for (const file of gone) {
      const wasDocument = workspace.hasDocument(file);
      this.mark(file, () => workspace.removeFile(file));
      if (wasDocument) this.listener.withdrawn(this, file);
    }
  }

  /** A file or folder was created. */
  async created(path: string): Promise<void> {
    await this.ready;
    const entries = await this.fs.readDirectory(path);
    if (entries.length === 0) return this.textChanged(path, this.fs.overlay(path));
    // A folder .gitignore excludes is not walked into, as at load.
    if (path !== '' && (await this.classify(path, true)) === 'excluded') return;
    for (const entry of entries) {
      const child = path === '' ? entry.name : `${path}/${entry.name}`;
      // Its rules are read by classifyPath; a new one is taken in by gitignoreChanged.
      if (entry.name === '.gitignore') continue;
      if (entry.kind === 'directory' && entry.name !== '.git' && entry.name !== 'node_modules') await this.created(child);
      else if (entry.kind === 'file') await this.textChanged(child, this.fs.overlay(child));
    }
  }

  /** classifyPath, once at a time per path: changes that arrive while it runs wait for the same answer, in their order. */
  private classify(path: string, isDirectory = false): Promise<'document' | 'file' | 'excluded'> {
    let pending = this.classifying.get(path);
    if (!pending) {
      pending = classifyPath(this.fs, this.workspaceValue, path, isDirectory).finally(() => this.classifying.delete(path));
      this.classifying.set(path, pending);
    }
    return pending;
  }

  /**
   * A .gitignore changed, came or went: the files under its folder that it
   * now excludes leave the folder's files, and those it lets in are read.
   */
  private async gitignoreChanged(path: string): Promise<void> {
    const directory = path.split('/').slice(0, -1).join('/');
    const workspace = this.workspace;
    for (const file of [...workspace.index.allFiles()]) {
      if (directory !== '' && !file.startsWith(`${directory}/`)) continue;
      if (!isGitignore(file) && (await this.classify(file)) === 'excluded') await this.removed(file);
    }
    if (!workspace.index.allFiles().has(path) && (await isListedPath(this.fs, path))) this.mark(path, () => workspace.addFile(path));
    await this.created(directory);
  }

  /** Records what depends on `path` before `change`, applies it, and schedules a check. */
  private mark(path: string, change: () => void): void {
    for (const dependent of dependentDocuments(this.workspace, path)) this.pending.add(dependent);
    const before = this.frontMatterOf(path);
    change();
    this.changed.add(path);
    // Repository-wide findings (coverage gaps) read only front matter: typing in a body must not recompute them.
    if (this.frontMatterOf(path) !== before) this.repositoryDirty = true;
    this.schedule();
  }

  /** A document's front matter as written (null without one), or undefined when `path` is not a document. */
  private frontMatterOf(path: string): string | null | undefined {
    const parsed = this.workspace.index.document(path)?.parsed;
    if (!parsed) return undefined;
    if (parsed.unreadable) return `unreadable:${parsed.unreadable.rule}`;
    return frontMatterText(parsed) ?? null;
  }

  private settingsPaths(): string[] {
    // Typed texts are documents, never settings: no need to parse them to know these paths.
    return [CONFIG_FILE, this.workspaceValue.config.people, this.workspaceValue.config.training, ...this.workspaceValue.customStandardPaths()];
  }

  private isSettingsFile(path: string): boolean {
    return this.settingsPaths().includes(path);
  }

  /** The editor's settings changed: the same as densho.yaml changing, since they are its defaults. */
  async settingsChanged(settings: Record<string, unknown> | undefined): Promise<void> {
    await this.ready;
    this.settings = settings;
    this.workspace.setSettings(settings);
    await this.reloadSettings(CONFIG_FILE);
  }

  /**
   * densho.yaml, a custom standard, people.yaml or training.yaml changed:
   * re-read it and re-check what it affects. One change at a time, in order,
   * so the last text read is the newest.
   */
  private reloadSettings(path: string): Promise<void> {
    const reload = this.settingsReload.then(() => this.reloadSettingsNow(path));
    this.settingsReload = reload.catch(() => undefined);
    return reload;
  }

  private async reloadSettingsNow(path: string): Promise<void> {
    const workspace = this.workspace;
    // people.yaml or training.yaml alone: only that file is read again (a path in two roles is read as a whole).
    const roles = this.settingsPaths().filter((settingsPath) => settingsPath === path).length;
    const key = roles !== 1 ? undefined : path === workspace.config.training ? 'training' : path === workspace.config.people ? 'people' : undefined;
    if (key === undefined) return this.reloadAllSettings(workspace);
    const refusalsBefore = JSON.stringify(workspace.settingsRefusalsOf(key));
    const peopleBefore = workspace.people;
    const trainingBefore = workspace.training;
    await loadSettingsFile(this.fs, workspace, key);
    this.settingsTexts.set(path, await readText(this.fs, path));
    // densho.yaml reports a file it refuses to read: only then has more than this file's own diagnostics changed.
    if (JSON.stringify(workspace.settingsRefusalsOf(key)) !== refusalsBefore) this.repositoryDirty = true;
    if (key === 'training') {
      // training.yaml's own diagnostics now, before the documents whose findings depend on its records.
      this.publishRepositoryFile(path, workspace.checkTrainingFile());
      for (const dependent of documentsAffectedByTraining(workspace, trainingBefore, workspace.training)) this.pending.add(dependent);
      this.scheduleReports();
    } else {
      // people.yaml's diagnostics, and training.yaml's that name people, are repository-wide.
      this.repositoryDirty = true;
      this.forceRepositoryPublish = true;
      for (const dependent of documentsAffectedByPeople(workspace, peopleBefore, workspace.people)) this.pending.add(dependent);
    }
    this.schedule();
  }

  /** densho.yaml (or a custom standard) changed: every settings file is read again and every document checked again. */
  private async reloadAllSettings(workspace: Workspace): Promise<void> {
    const historyKeyBefore = historyKey(workspace);
    await loadSettings(this.fs, workspace);
    this.updateConfigured();
    // `history:` turned on or off, or other documents: the history is read again for them.
    if (historyKey(workspace) !== historyKeyBefore) await this.rereadHistory(workspace);
    for (const settingsPath of this.settingsPaths()) this.settingsTexts.set(settingsPath, await readText(this.fs, settingsPath));
    this.repositoryDirty = true;
    this.forceRepositoryPublish = true;
    await this.reclassify();
    for (const document of workspace.documentPaths()) this.pending.add(document);
    this.schedule();
  }

  /** After `docs` or `ignore` changed: read files that became documents, demote those that no longer are. */
  private async reclassify(): Promise<void> {
    const workspace = this.workspace;
    for (const file of [...workspace.index.allFiles()]) {
      const isDocument = workspace.isDocumentPath(file);
      if (isDocument && !workspace.hasDocument(file)) {
        const read = await readDocument(this.fs, workspace, file);
        if (typeof read === 'string') workspace.setDocument(file, read);
        else if (read !== undefined) workspace.setParsedDocument(read);
      } else if (!isDocument && workspace.hasDocument(file)) {
        workspace.removeFile(file);
        workspace.addFile(file);
        this.listener.withdrawn(this, file);
      }
    }
  }

  /**
   * Git moved (a commit, checkout, pull or branch switch): read the history
   * again and, when HEAD is another commit, check again only what the
   * history decides: the documents whose commits changed and those sharing
   * their id (documentsAffectedByHistory), and training.yaml's findings,
   * which read each version's change kind. The editor's buffers stay as
   * they are; files the checkout rewrote arrive as file changes.
   */
  historyMoved(): Promise<void> {
    // One at a time: the watcher calls twice per Git command (gitWatcher.ts), and the second finds HEAD where the first read it.
    this.historyReads++;
    const read = this.historyMoves.then(() => this.followHead()).finally(() => this.historyReads--);
    this.historyMoves = read.catch(() => undefined);
    return read;
  }

  private async followHead(): Promise<void> {
    await this.ready;
    const source = this.options.history;
    if (!source || !this.workspace.config.history || this.options.historyOff) return;
    const head = await source.readHead();
    const previous = this.workspace.history;
    if (typeof head === 'string' && head === previous?.head) return;
    // Still no history for the same reason (a shallow clone, say): nothing to re-check, and nothing new to log.
    if (typeof head !== 'string' && sameMessage(head.unavailable, this.workspace.historyUnavailable)) return;
    const workspace = this.workspace;
    const started = performance.now();
    await this.rereadHistory(workspace);
    if (workspace !== this.workspace) return;
    if (workspace.historyUnavailable) this.listener.log(message('log.no-history', { folder: this.name, reason: workspace.historyUnavailable }));
    const affected = documentsAffectedByHistory(workspace, previous, workspace.history);
    if (workspace.history) this.listener.log(message('log.history-reread', { folder: this.name, commit: workspace.history.head.slice(0, 12), ms: Math.round(performance.now() - started), count: affected.size }));
    for (const document of affected) this.pending.add(document);
    this.repositoryDirty = true;
    // No debounce: nothing is being typed, and the user just committed.
    this.checkNow();
  }

  private async rereadHistory(workspace: Workspace): Promise<void> {
    const source = this.options.history;
    if (this.options.historyOff) return;
    if (!workspace.config.history) workspace.setHistory({ unavailable: message('history.off') });
    else if (source) workspace.setHistory(await readHistory(source, (path) => workspace.isDocumentPath(path), workspace.history));
  }

  /** "Today" moved on (the server ran past midnight): every date rule may answer differently. */
  private refreshToday(): void {
    if (this.options.today !== undefined) return;
    const today = localToday();
    if (today === this.workspace.today) return;
    this.workspace.today = today;
    for (const document of this.workspace.documentPaths()) this.pending.add(document);
    this.repositoryDirty = true;
  }

  // ---- opting in ---------------------------------------------------------------------

  /** Whether the folder uses Densho: a densho.yaml in it or above it (up to the Git work tree's top). */
  get configured(): boolean {
    return this.configRoot !== undefined;
  }

  /** Whether Git may be run for this folder (not in a workspace the user has not trusted). */
  get gitAllowed(): boolean {
    return this.options.historyOff === undefined;
  }

  /** The absolute path of the densho.yaml that governs the folder, if one does. */
  get configFile(): string | undefined {
    return this.configRoot === undefined ? undefined : join(this.configRoot, CONFIG_FILE);
  }

  private updateConfigured(): void {
    const wasConfigured = this.configured;
    const above = discoverRepository(this.root).root;
    this.configRoot = this.workspaceValue.hasConfigFile ? this.root : above !== this.root ? above : undefined;
    if (!this.loaded) {
      if (!this.configured) this.listener.log(message('log.no-config', { folder: this.name }));
      return;
    }
    if (this.configured === wasConfigured) return;
    // The views show a welcome or the reports depending on this: tell the client even if no report changed.
    this.lastReports = undefined;
    this.listener.log(message(this.configured ? 'log.config-found' : 'log.no-config', { folder: this.name }));
  }

  /** A document's diagnostics as the editor shows them: without the opt-in findings before densho.yaml exists. */
  checkDocument(path: string): Diagnostic[] {
    return this.shown(this.workspace.checkDocument(path));
  }

  /** The repository's diagnostics as the editor shows them. */
  checkRepository(): Diagnostic[] {
    return this.shown(this.workspace.checkRepository());
  }

  shown(diagnostics: Diagnostic[]): Diagnostic[] {
    return this.configured ? diagnostics : diagnostics.filter((diagnostic) => !AFTER_OPT_IN.has(diagnostic.rule));
  }

  // ---- checking ---------------------------------------------------------------------

  private schedule(): void {
    if (!this.loaded) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.options.debounceMs);
  }

  private checkNow(): void {
    if (!this.loaded) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    void this.flush();
  }

  /** Waits until every scheduled check has run. */
  async settled(): Promise<void> {
    await this.ready;
    while (this.timer || this.flushing) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = undefined;
        void this.flush();
      }
      await this.flushing;
    }
  }

  private flush(progress?: CheckProgress): Promise<void> {
    if (this.flushing) {
      // One flush at a time; whatever arrives meanwhile is picked up by the next.
      return this.flushing.then(() => (this.pending.size > 0 || this.changed.size > 0 || this.repositoryDirty ? this.flush(progress) : progress?.end()));
    }
    this.flushing = this.runFlush(progress).finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  /**
   * One check of what is pending. Its progress ends in `finally`: a check
   * cut short by an edit (the rest goes back in the queue) or by an error
   * must not leave "checking 25/41 documents" on the screen for ever.
   */
  private async runFlush(progress?: CheckProgress): Promise<void> {
    this.checks++;
    try {
      this.refreshToday();
      const workspace = this.workspace;
      for (const path of this.changed) for (const dependent of dependentDocuments(workspace, path)) this.pending.add(dependent);
      this.changed.clear();
      const queue = [...this.pending].filter((path) => workspace.hasDocument(path));
      this.pending.clear();
      const changedAnything = queue.length > 0 || this.repositoryDirty;
      // Open documents first: they are what the user is looking at.
      queue.sort((a, b) => Number(this.openPaths.has(b)) - Number(this.openPaths.has(a)));
      const initial = this.initialCheck;
      this.initialCheck = undefined;
      // The open documents make a chunk of their own: their diagnostics go out (the connection writes on a later turn) before the documents that depend on them are checked.
      const opened = queue.findIndex((path) => !this.openPaths.has(path));
      for (let start = 0, end = opened > 0 ? Math.min(opened, CHUNK) : CHUNK; start < queue.length; start = end, end += CHUNK) {
        if (start > 0 && this.changed.size > 0) {
          // Edited while checking: stop here and start over, the edited (open) documents first.
          // What was not checked yet goes back in the queue, so nothing is skipped.
          for (const path of queue.slice(start)) this.pending.add(path);
          break;
        }
        for (const path of queue.slice(start, end)) {
          if (!this.workspace.hasDocument(path)) continue;
          // The session is valid while the workspace is as it was loaded: an edit during the first check ends it.
          const fromCache = initial && this.changed.size === 0 && this.pending.size === 0;
          this.listener.diagnostics(this, path, fromCache ? this.shown([...initial.session.document(path)]) : this.checkDocument(path));
        }
        progress?.report(Math.min(end, queue.length), queue.length);
        if (end < queue.length) await new Promise((resolve) => setImmediate(resolve));
      }
      if (this.repositoryDirty) {
        // The documents' diagnostics go out first: the connection writes on a later turn, and checking the whole repository takes a while at scale.
        if (queue.length > 0) await new Promise((resolve) => setImmediate(resolve));
        this.repositoryDirty = false;
        this.publishRepository();
      }
      if (changedAnything) this.scheduleReports();
      if (initial) this.scheduleCacheSave(initial.save);
    } catch (error) {
      this.listener.log(message('log.check-failed', { folder: this.name, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
    } finally {
      progress?.end();
    }
  }

  /** densho.yaml, people.yaml, custom standards and coverage gaps, by file; files no longer reported are cleared. */
  private publishRepository(): void {
    const byFile = new Map<string, Diagnostic[]>();
    for (const diagnostic of this.checkRepository()) {
      const list = byFile.get(diagnostic.file) ?? [];
      list.push(diagnostic);
      byFile.set(diagnostic.file, list);
    }
    const force = this.forceRepositoryPublish;
    this.forceRepositoryPublish = false;
    for (const file of this.repositoryFiles.keys()) {
      if (!byFile.has(file)) {
        this.repositoryFiles.delete(file);
        this.listener.diagnostics(this, file, []);
      }
    }
    for (const [file, diagnostics] of byFile) this.publishRepositoryFile(file, diagnostics, force);
  }

  /** One file's repository-wide diagnostics, published when they changed (or when `force`d). */
  private publishRepositoryFile(file: string, diagnostics: readonly Diagnostic[], force = false): void {
    const key = JSON.stringify(diagnostics);
    if (!force && (this.repositoryFiles.get(file) ?? '[]') === key) return;
    if (diagnostics.length === 0) this.repositoryFiles.delete(file);
    else this.repositoryFiles.set(file, key);
    this.listener.diagnostics(this, file, diagnostics);
  }

  /**
   * Reports cover the whole repository; computing them after every keystroke
   * would slow every edit in a large one. They are compared once edits pause.
   */
  private scheduleReports(): void {
    if (this.reportsTimer) clearTimeout(this.reportsTimer);
    this.reportsTimer = setTimeout(() => {
      this.reportsTimer = undefined;
      // The reports wait for a history being read again too: comparing them blocks the event loop, and the history rules' check comes first.
      if (this.timer || this.flushing || this.historyReads > 0) this.scheduleReports();
      else this.notifyReports();
    }, REPORTS_DELAY_MS);
  }

  /**
   * The folder's four reports (coverage of the first standard, the review
   * schedule within `review.warn-before`, knowledge risk, skills), computed
   * once per check: the comparison that decides on `densho/reportsChanged`
   * and the requests that follow it share them. Call after `settled()`.
   */
  reports(): FolderReportsData {
    // The views show clause titles in the server's language (JIS Q 9001's in Japanese); a change of language re-checks, so the key follows it.
    const { locale } = this.listener;
    if (this.reportsCache?.checks !== this.checks || this.reportsCache.locale !== locale) {
      const workspace = this.workspace;
      this.reportsCache = { checks: this.checks, locale, reports: { coverage: workspace.coverage(undefined, locale) ?? null, reviewSchedule: workspace.reviewSchedule(), knowledgeRisk: workspace.knowledgeRisk(), skills: workspace.skills() } };
    }
    return this.reportsCache.reports;
  }

  private notifyReports(): void {
    // The document index too: the Markdown preview's links and cards follow an id, title or version edit.
    const key = JSON.stringify([this.reports(), documentIndexEntries(this.workspace, (path) => path)]);
    if (key === this.lastReports) return;
    this.lastReports = key;
    this.listener.reportsChanged(this);
  }

  /** Writes the cache once nothing is being checked, read from Git or compared; at the latest when the folder is disposed. */
  private scheduleCacheSave(save: () => void): void {
    const pending = (this.cacheSave ??= { save });
    if (pending.timer) clearTimeout(pending.timer);
    pending.timer = setTimeout(() => {
      pending.timer = undefined;
      if (this.timer || this.flushing || this.reportsTimer || this.historyReads > 0) return this.scheduleCacheSave(save);
      this.writePendingCache();
    }, CACHE_SAVE_DELAY_MS);
  }

  private writePendingCache(): void {
    const pending = this.cacheSave;
    this.cacheSave = undefined;
    if (pending?.timer) clearTimeout(pending.timer);
    pending?.save();
  }

  private saveCache(cache: CheckCache, folder: string): void {
    try {
      writeCacheFile(folder, cache, this.root);
    } catch (error) {
      this.listener.log(message('log.cache-write-failed', { folder, error: error instanceof Error ? error.message : String(error) }));
    }
  }

  dispose(): void {
    this.writePendingCache();
    if (this.reportsTimer) clearTimeout(this.reportsTimer);
    this.reportsTimer = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** What decides which history is read: whether it is on, and which files are documents. */
function historyKey(workspace: Workspace): string {
  const { history, docs, ignore } = workspace.config;
  return JSON.stringify([history, docs, ignore]);
}

function isGitignore(path: string): boolean {
  return path === '.gitignore' || path.endsWith('/.gitignore');
}
