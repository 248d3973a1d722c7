/**
 * The engine's state for one repository: its configuration, people,
 * standards, files and parsed documents. It does no I/O: a loader (the CLI's
 * or the language server's) feeds it text, and it answers with diagnostics
 * and reports. Changing one document re-parses only that document; metadata
 * and the index are rebuilt from parsed documents, which is cheap.
 */
import { CONFIG_FILE, configFromSettings, DEFAULT_CONFIG, parseConfig, type DenshoConfig } from './config';
import { localToday, type Day, type Duration } from './dates';
import { compareDiagnostics, withPlainRanges, type Diagnostic, type Finding, type SeveritySetting } from './diagnostics';
import { readFrontMatter, type FieldCheck } from './frontmatter';
import { parseDocumentText, unreadableDocument, withoutBom, type ParsedDocument } from './parse';
import { parsePeople, type PeopleRegistry } from './people';
import { changeKindsFrom, documentCompetence, TrainingIndex, type CompetenceEnvironment, type DocumentCompetence } from './competence';
import { parseTraining, type TrainingParseCache } from './training';
import { trainingRules } from './rules/training';
import { coverageReport, type CoverageReport } from './reports/coverage';
import { knowledgeRisk, type KnowledgeRisk } from './reports/risk';
import { reviewSchedule, type ReviewSchedule } from './reports/schedule';
import { skillsMatrix, type SkillsMatrix } from './reports/skills';
import { RULE_FAMILIES } from './rules';
import { RULE_DEFAULTS, type RuleId } from './rules/ruleIds';
import type { RuleEnvironment } from './rules/types';
import { BUILT_IN_STANDARDS, parseStandardFile, Standard } from './standards/registry';
import { RepositoryFiles } from './repositoryFiles';
import { WorkspaceIndex, type IndexedDocument, type IndexKeys } from './workspaceIndex';
import { matchesDocumentGlobs, matchesIgnoreGlobs } from './documentGlobs';
import { FileTooLargeError, UnreadableFileError } from './fileSystem';
import { message, type Message } from './messages';
import { LineIndex } from './text';
import { findEntry, parseYaml, scalarText } from './yamlValue';
import type { RepositoryHistory } from './history/model';
import type { HistoryUnavailable } from './history/source';

export interface WorkspaceOptions {
  /** "Today" for every date comparison; the machine's local date when absent. */
  readonly today?: Day;
  /** An editor's settings, shaped like densho.yaml: the defaults under the repository's densho.yaml. */
  readonly settings?: Record<string, unknown>;
}

/** A settings file densho.yaml names that was not read, and why (never what it holds). */
export interface SettingsRefusal {
  readonly key: 'people' | 'standards' | 'training';
  readonly path: string;
  readonly reason: string;
}

interface DocumentState {
  readonly parsed: ParsedDocument;
  /** The look-up keys the cache stored for a document it holds unread. */
  readonly stored?: StoredIndexKeys;
  /** Derived from `parsed` and the configuration; dropped when either changes. */
  derived?: { readonly indexed: IndexedDocument; readonly checks: FieldCheck[] };
}

/**
 * A document's look-up keys as the cache stored them, and the
 * `derivationKey` they were computed under: while it is still the
 * workspace's, the document is indexed from them, and its parse and front
 * matter are read only when something asks for them.
 */
export interface StoredIndexKeys {
  readonly keys: IndexKeys;
  readonly under: string;
}

export class Workspace {
  private configText: string | undefined;
  private configBase: DenshoConfig = DEFAULT_CONFIG;
  private configResult = parseConfig(undefined);
  private settingsValue: Record<string, unknown> | undefined;
  private peopleSource: { file: string; text: string } | undefined;
  private peopleState: { registry: PeopleRegistry; findings: Finding[] } | undefined;
  private trainingSource: { file: string; text: string } | undefined;
  private trainingState: { index: TrainingIndex; findings: Finding[]; lines: LineIndex } | undefined;
  /** training.yaml's people as last parsed: an edit re-parses only those whose lines changed. */
  private readonly trainingParses: TrainingParseCache = { people: new Map() };
  private readonly standardFiles = new Map<string, string>();
  /** Settings files that exist but could not be read, with why: reported, not taken for absent. */
  private readonly unreadableSettings = new Map<string, Message>();
  /** Settings files densho.yaml names that are not files of the repository's listing: refused, never read. */
  private settingsRefusals: readonly SettingsRefusal[] = [];
  private standardsState: { standards: Standard[]; findings: Finding[] } | undefined;
  private derivationKeyValue: string | undefined;
  private readonly files = new RepositoryFiles();
  private readonly documentStates = new Map<string, DocumentState>();
  private indexState: WorkspaceIndex | undefined;
  private todayValue: Day;
  private historyState: RepositoryHistory | HistoryUnavailable = { unavailable: message('history.not-read') };

  constructor(options: WorkspaceOptions = {}) {
    this.todayValue = options.today ?? localToday();
    this.setSettings(options.settings);
  }

  // ---- feeding the workspace -------------------------------------------------

  get today(): Day {
    return this.todayValue;
  }

  set today(day: Day) {
    this.todayValue = day;
  }

  get config(): DenshoConfig {
    return this.configResult.config;
  }

  /** The keys densho.yaml writes (`docs`, `review.interval`, ...): what overrides the editor's settings. */
  get configKeys(): readonly string[] {
    return [...this.configResult.keyRanges.keys()];
  }

  /** densho.yaml's text as read, for the export (which copies it without its comments). */
  get configSource(): string | undefined {
    return this.configText;
  }

  get hasConfigFile(): boolean {
    return this.configText !== undefined;
  }

  /** Sets the editor's settings (shaped like densho.yaml) that densho.yaml overrides key by key. */
  setSettings(settings: Record<string, unknown> | undefined): void {
    this.settingsValue = settings;
    this.configBase = configFromSettings(settings);
    this.setConfigText(this.configText);
  }

  /** Sets densho.yaml's text (undefined when the file does not exist). */
  setConfigText(text: string | undefined): void {
    this.configText = text;
    this.configResult = parseConfig(text, this.configBase);
    if (text !== undefined) this.files.add(CONFIG_FILE);
    else this.files.delete(CONFIG_FILE);
    this.standardsState = undefined;
    this.invalidateDerived();
  }

  /** Sets the people registry's text; `file` is the path configured in `people`. */
  setPeopleText(file: string, text: string | undefined): void {
    this.peopleSource = text === undefined ? undefined : { file, text };
    this.peopleState = text === undefined ? undefined : parsePeople(file, text);
    if (text !== undefined) this.files.add(file);
  }

  /** Sets the training records' text; `file` is the path configured in `training`. */
  setTrainingText(file: string, text: string | undefined): void {
    this.trainingSource = text === undefined ? undefined : { file, text };
    if (text === undefined) {
      this.trainingState = undefined;
      return;
    }
    // Positions count from after a byte-order mark, as an editor shows the file.
    const body = withoutBom(text);
    const { training, findings } = parseTraining(file, body, this.trainingParses);
    this.trainingSource = { file, text: body };
    this.trainingState = { index: new TrainingIndex(training), findings, lines: new LineIndex(body) };
    this.files.add(file);
  }

  /** Records that a settings file exists but could not be read (reported as config/invalid on it). */
  setUnreadableSettings(file: string, message: Message): void {
    this.unreadableSettings.set(file, message);
  }

  /** Forgets that `file` (every settings file by default) could not be read, before it is read again. */
  clearUnreadableSettings(file?: string): void {
    if (file === undefined) this.unreadableSettings.clear();
    else this.unreadableSettings.delete(file);
  }

  /** Custom standard files named in `standards`, by path. */
  setStandardText(file: string, text: string | undefined): void {
    if (text === undefined) this.standardFiles.delete(file);
    else this.standardFiles.set(file, text);
    this.standardsState = undefined;
    this.invalidateDerived();
  }

  /**
   * Settings files the loader refused to read; each is reported as
   * `config/invalid` at its key in densho.yaml. With `key`, only the
   * refusals of that key are replaced (one settings file was read again).
   */
  setSettingsRefusals(refusals: readonly SettingsRefusal[], key?: SettingsRefusal['key']): void {
    this.settingsRefusals = key === undefined ? refusals : [...this.settingsRefusals.filter((refusal) => refusal.key !== key), ...refusals];
    // The standards read depend on the refused standard files only.
    if (key === undefined || key === 'standards') {
      this.standardsState = undefined;
      this.derivationKeyValue = undefined;
    }
  }

  /** The settings files of `key` the loader refused to read. */
  settingsRefusalsOf(key: SettingsRefusal['key']): readonly SettingsRefusal[] {
    return this.settingsRefusals.filter((refusal) => refusal.key === key);
  }

  /** Whether a file is in the repository's listing. */
  hasFile(path: string): boolean {
    return this.files.has(path);
  }

  /** Whether densho.yaml's `ignore` excludes a path. */
  isIgnoredPath(path: string): boolean {
    return matchesIgnoreGlobs(path, this.config);
  }

  /** Paths of custom standard files the configuration names; the loader reads them. */
  customStandardPaths(): string[] {
    return this.config.standards.filter((name) => !BUILT_IN_STANDARDS.has(name));
  }

  /** The documents' history from Git, or why there is none. */
  setHistory(history: RepositoryHistory | HistoryUnavailable): void {
    this.historyState = history;
  }

  /** Undefined when there is no history: `historyUnavailable` says why. */
  get history(): RepositoryHistory | undefined {
    return 'unavailable' in this.historyState ? undefined : this.historyState;
  }

  get historyUnavailable(): Message | undefined {
    return 'unavailable' in this.historyState ? this.historyState.unavailable : undefined;
  }

  /** Whether a path is a document under the configured globs. */
  isDocumentPath(path: string): boolean {
    return matchesDocumentGlobs(path, this.config);
  }

  /** Registers a file that exists (any kind), so links to it resolve. */
  addFile(path: string): void {
    // The index reads file existence from `files` itself: nothing to rebuild.
    this.files.add(path);
  }

  /** Sets a document's text (from disk or an editor buffer) and parses it, unless it is too large, binary or too deep. */
  setDocument(path: string, text: string): ParsedDocument {
    // UTF-16 length never exceeds the UTF-8 byte length of the same text, so this refuses nothing under the limit.
    const parsed =
      text.length > this.config.maxDocumentSize
        ? unreadableDocument(path, tooLarge(text.length, this.config.maxDocumentSize))
        : parseDocumentText(path, text);
    return this.store(path, parsed);
  }

  /** Sets a document from the bytes of its file: too large and non-UTF-8 files are reported without being decoded or parsed. */
  setDocumentBytes(path: string, bytes: Uint8Array): ParsedDocument {
    const screened = this.screenDocumentBytes(path, bytes);
    return typeof screened === 'string' ? this.setDocument(path, screened) : this.store(path, screened);
  }

  /**
   * The text of a document's bytes, ready to parse; or, for a file too large
   * or not UTF-8, the placeholder that reports it, without decoding it.
   */
  screenDocumentBytes(path: string, bytes: Uint8Array): string | ParsedDocument {
    if (bytes.length > this.config.maxDocumentSize) return unreadableDocument(path, tooLarge(bytes.length, this.config.maxDocumentSize));
    try {
      return strictDecoder.decode(bytes);
    } catch (error) {
      // Only a TypeError means bad bytes; anything else (a string too long for the engine) is about size.
      if (!(error instanceof TypeError)) return unreadableDocument(path, tooLarge(bytes.length, this.config.maxDocumentSize));
      return unreadableDocument(path, { rule: 'file/binary', message: message('file.not-utf8') });
    }
  }

  /** The placeholder for a document the file system could not read: too large to read at all, or unreadable. */
  unreadableFile(error: UnreadableFileError | FileTooLargeError): ParsedDocument {
    if (error instanceof FileTooLargeError) return unreadableDocument(error.path, tooLarge(error.size, this.config.maxDocumentSize));
    const why = error.code === 'EACCES' || error.code === 'EPERM' ? message('file.no-permission') : message('file.read-failed', { code: error.code });
    return unreadableDocument(error.path, { rule: 'file/unreadable', message: message('file.unreadable', { why }) });
  }

  /**
   * Stores a document parsed elsewhere: on a worker thread, or taken from the
   * cache; `stored`, the keys the cache kept for it, lets the index take it
   * without reading its parse.
   */
  setParsedDocument(parsed: ParsedDocument, stored?: StoredIndexKeys): void {
    this.store(parsed.path, parsed, stored);
  }

  private store(path: string, parsed: ParsedDocument, stored?: StoredIndexKeys): ParsedDocument {
    this.documentStates.set(path, { parsed, stored });
    this.files.add(path);
    // An edit updates the index in place: rebuilding it would cost the whole repository per keystroke.
    this.indexState?.replace(path, this.derive(path)!.indexed);
    return parsed;
  }

  removeFile(path: string): void {
    this.files.delete(path);
    if (this.documentStates.delete(path)) this.indexState?.replace(path, undefined);
  }

  private invalidateDerived(): void {
    for (const state of this.documentStates.values()) state.derived = undefined;
    this.indexState = undefined;
    this.derivationKeyValue = undefined;
  }

  /**
   * Everything a document's front matter fields and look-up keys are derived
   * under besides its own text: the settings, densho.yaml and the standards'
   * ids. Keys stored under an equal key are still true.
   */
  derivationKey(): string {
    return (this.derivationKeyValue ??= JSON.stringify([this.settingsValue ?? null, this.configText ?? null, this.standards.map((standard) => standard.id)]));
  }

  /**
   * Everything besides the documents that decides what the rules say:
   * settings, densho.yaml, the people registry, the training records,
   * custom standards, today and the commit history was read at.
   * Two workspaces with equal keys and equal documents give equal diagnostics;
   * the persistent cache relies on it.
   */
  environmentKey(): string {
    const history = 'unavailable' in this.historyState ? null : this.historyState.head;
    return JSON.stringify([
      this.settingsValue ?? null,
      this.configText ?? null,
      this.peopleSource ?? null,
      this.trainingSource ?? null,
      [...this.standardFiles].sort(),
      this.settingsRefusals,
      this.todayValue,
      [...this.unreadableSettings].sort(),
      history,
    ]);
  }

  // ---- reading it back ---------------------------------------------------------

  get people(): PeopleRegistry | undefined {
    return this.peopleState?.registry;
  }

  /** training.yaml as last read (an editor's buffer included), for completion and hover in it. */
  trainingFile(): { readonly file: string; readonly text: string; readonly lines: LineIndex } | undefined {
    return this.trainingSource && this.trainingState && { ...this.trainingSource, lines: this.trainingState.lines };
  }

  /** The training records by document id; undefined when the repository has no training.yaml. */
  get training(): TrainingIndex | undefined {
    return this.trainingState?.index;
  }

  get standards(): readonly Standard[] {
    return this.loadStandards().standards;
  }

  documentPaths(): string[] {
    return [...this.documentStates.keys()].sort();
  }

  hasDocument(path: string): boolean {
    return this.documentStates.has(path);
  }

  get index(): WorkspaceIndex {
    if (!this.indexState) {
      const documents = [...this.documentStates.keys()].map((path) => this.derive(path)!.indexed);
      this.indexState = new WorkspaceIndex(documents, this.files, this.config);
    }
    return this.indexState;
  }

  document(path: string): IndexedDocument | undefined {
    return this.derive(path)?.indexed;
  }

  private derive(path: string): DocumentState['derived'] {
    const state = this.documentStates.get(path);
    if (!state) return undefined;
    if (!state.derived) {
      const read = () => readFrontMatter(state.parsed, this.config, this.standards.map((standard) => standard.id));
      if (state.stored?.under === this.derivationKey()) {
        // Held from the cache: indexed by its stored keys, its front matter read when a rule or feature first asks.
        let fields: ReturnType<typeof read> | undefined;
        const once = () => (fields ??= read());
        const indexed: IndexedDocument = { path, parsed: state.parsed, storedKeys: state.stored.keys, get meta() { return once().meta; } };
        state.derived = { indexed, get checks() { return once().checks; } };
      } else {
        const { meta, checks } = read();
        state.derived = { indexed: { path, parsed: state.parsed, meta }, checks };
      }
    }
    return state.derived;
  }

  private loadStandards(): { standards: Standard[]; findings: Finding[] } {
    if (!this.standardsState) {
      const standards: Standard[] = [];
      const findings: Finding[] = [];
      for (const name of this.config.standards) {
        const builtIn = BUILT_IN_STANDARDS.get(name);
        if (builtIn) {
          standards.push(new Standard(builtIn));
          continue;
        }
        const text = this.standardFiles.get(name);
        if (text === undefined && this.settingsRefusals.some((refusal) => refusal.key === 'standards' && refusal.path === name)) continue;
        if (text === undefined) {
          findings.push({ file: CONFIG_FILE, rule: 'config/invalid', range: zeroRange, message: message('config.unknown-standard', { name, builtIn: [...BUILT_IN_STANDARDS.keys()] }) });
          continue;
        }
        const parsed = parseStandardFile(name, text);
        findings.push(...parsed.findings);
        if (parsed.standard) standards.push(new Standard(parsed.standard));
      }
      this.standardsState = { standards, findings };
    }
    return this.standardsState;
  }

  private environment(): RuleEnvironment {
    return {
      config: this.config,
      index: this.index,
      people: this.people,
      training: this.training,
      changeKindOf: changeKindsFrom(this.history),
      standards: this.standards,
      today: this.todayValue,
      hasConfigFile: this.hasConfigFile,
      configKeyRanges: this.configResult.keyRanges,
      history: this.history,
    };
  }

  // ---- checking ----------------------------------------------------------------

  severityOf(rule: RuleId): SeveritySetting {
    const overrides = this.config.rules;
    return overrides.get(rule) ?? overrides.get(`${rule.split('/')[0]}/*`) ?? RULE_DEFAULTS[rule];
  }

  private finish(findings: readonly Finding[], file: string): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    for (const finding of findings) {
      const severity = this.severityOf(finding.rule);
      if (severity === 'off') continue;
      diagnostics.push(withPlainRanges({ ...finding, file: finding.file ?? file, severity }));
    }
    return diagnostics.sort(compareDiagnostics);
  }

  /** Diagnostics of one document. */
  checkDocument(path: string): Diagnostic[] {
    const derived = this.derive(path);
    if (!derived) return [];
    const unreadable = derived.indexed.parsed.unreadable;
    if (unreadable) return this.finish([{ rule: unreadable.rule, range: zeroRange, message: unreadable.message }], path);
    const findings: Finding[] = [];
    const context = {
      ...this.environment(),
      document: derived.indexed,
      fieldChecks: derived.checks,
      report: (finding: Finding) => findings.push(finding),
    };
    for (const family of RULE_FAMILIES) family.checkDocument?.(context);
    return this.finish(findings, path);
  }

  /** Diagnostics about the repository as a whole: densho.yaml, people.yaml, training.yaml, custom standards, coverage gaps. */
  checkRepository(): Diagnostic[] {
    const findings: Finding[] = [...this.configResult.findings, ...this.refusalFindings(), ...(this.peopleState?.findings ?? []), ...(this.trainingState?.findings ?? []), ...this.loadStandards().findings];
    for (const [file, message] of this.unreadableSettings) findings.push({ file, rule: 'config/invalid', range: zeroRange, message });
    const context = { ...this.environment(), report: (finding: Finding) => findings.push(finding) };
    for (const family of RULE_FAMILIES) family.checkWorkspace?.(context);
    return this.finish(findings, CONFIG_FILE);
  }

  /**
   * training.yaml's own diagnostics, the same checkRepository reports at it:
   * what the language server publishes first after an edit to the file,
   * before it re-checks the documents that depend on it.
   */
  checkTrainingFile(): Diagnostic[] {
    const file = this.config.training;
    const findings: Finding[] = [...(this.trainingState?.findings ?? [])];
    const unreadable = this.unreadableSettings.get(file);
    if (unreadable !== undefined) findings.push({ file, rule: 'config/invalid', range: zeroRange, message: unreadable });
    trainingRules.checkWorkspace!({ ...this.environment(), report: (finding: Finding) => findings.push(finding) });
    return this.finish(findings, file).filter((diagnostic) => diagnostic.file === file);
  }

  /** `config/invalid` at the densho.yaml value naming each refused settings file; the message names the path, never its content. */
  private refusalFindings(): Finding[] {
    if (this.settingsRefusals.length === 0) return [];
    const lines = new LineIndex(this.configText ?? '');
    const root = this.configText === undefined ? undefined : parseYaml(this.configText, lines).root;
    return this.settingsRefusals.map((refusal) => {
      const entry = findEntry(root, refusal.key);
      const value = entry?.value.kind === 'list' ? entry.value.items.find((item) => scalarText(item) === refusal.path) : entry?.value;
      return {
        file: CONFIG_FILE,
        rule: 'config/invalid' as const,
        range: value?.range ?? entry?.keyRange ?? zeroRange,
        message: message('config.refused', { key: refusal.key, path: JSON.stringify(refusal.path), reason: refusal.reason }),
      };
    });
  }

  /** Every diagnostic of the repository, sorted by file and position; `onProgress` hears of each document checked. */
  checkAll(onProgress?: (done: number, total: number) => void): Diagnostic[] {
    const all = [...this.checkRepository()];
    const paths = this.documentPaths();
    paths.forEach((path, index) => {
      all.push(...this.checkDocument(path));
      onProgress?.(index + 1, paths.length);
    });
    return all.sort(compareDiagnostics);
  }

  // ---- reports -------------------------------------------------------------------

  /** `language` picks the clause titles (English when absent). */
  coverage(standardId?: string, language?: string): CoverageReport | undefined {
    const standard = standardId ? this.standards.find((candidate) => candidate.id === standardId) : this.standards[0];
    return standard && coverageReport(standard, this.index.documents, this.todayValue, language);
  }

  reviewSchedule(within?: Duration): ReviewSchedule {
    return reviewSchedule(this.index.documents, this.config, this.people, this.todayValue, within);
  }

  /** Knowledge holders of `documents` (every document by default), with qualified counts when training.yaml exists. */
  knowledgeRisk(documents: Iterable<IndexedDocument> = this.index.documents): KnowledgeRisk {
    const qualified = this.training && ((document: IndexedDocument) => this.competence(document)?.qualified.length ?? 0);
    return knowledgeRisk(documents, this.config, this.people, this.todayValue, qualified);
  }

  /** Who can do the document's work, from training.yaml; undefined without training records or for a document without id. */
  competence(document: IndexedDocument): DocumentCompetence | undefined {
    const training = this.training;
    return training && document.meta.id ? documentCompetence(document, training, this.competenceEnvironment()) : undefined;
  }

  /**
   * The skills matrix of `documents` (every document by default). A subset is
   * a view for readers of a lower layer: its roster holds only the people of
   * its own records, not the whole registry.
   */
  skills(documents?: Iterable<IndexedDocument>): SkillsMatrix {
    return skillsMatrix(documents ?? this.index.documents, this.training, this.people, this.competenceEnvironment(), documents === undefined);
  }

  private competenceEnvironment(): CompetenceEnvironment {
    return { config: this.config, people: this.people, today: this.todayValue, changeKindOf: changeKindsFrom(this.history) };
  }
}

const zeroRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
// ignoreBOM keeps a byte-order mark in the text: the parser strips it and remembers it, so files made from this one keep it.
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function tooLarge(size: number, limit: number): { rule: 'file/too-large'; message: Message } {
  const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return { rule: 'file/too-large', message: message('file.too-large', { size: megabytes(size), limit: megabytes(limit) }) };
}
