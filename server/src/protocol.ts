/**
 * Densho's extensions to LSP, declared once: the server implements them and
 * the VS Code client (client/src) imports this same file. Results are the
 * CLI's JSON shapes, so a view in the editor and `densho coverage --format
 * json` can never disagree.
 */
import { NotificationType, RequestType, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { ChangesReport, CoverageReport, DenshoConfig, HistoryReport, KnowledgeRisk, RecordTrainingRequestFields, ReviewSchedule, SkillsMatrix } from './engine';

export type { ChangesReport, CoverageReport, HistoryReport, KnowledgeRisk, ReviewSchedule, SkillsMatrix };

/** Which workspace folder (by URI) a request is about; the first one when absent. */
export interface FolderParams {
  readonly folder?: string;
}

export interface CoverageParams extends FolderParams {
  /** Standard id, e.g. `iso9001`; the first configured standard when absent. */
  readonly standard?: string;
  /** Only the documents a reader cleared up to this access layer may see, as `densho coverage --max-layer`. */
  readonly maxLayer?: string;
}

/** `densho report` run by the server on the folder's saved files. */
export interface AuditReportParams extends FolderParams {
  readonly format: 'html' | 'pdf';
  /** Absolute path of the file to write. */
  readonly out: string;
  readonly maxLayer?: string;
}

/** `densho export` (the partner copy) run by the server on the folder's saved files. */
export interface PartnerCopyParams extends FolderParams {
  readonly maxLayer: string;
  /** Absolute path of the folder to write; it must be empty. */
  readonly out: string;
}

/** What a command run by the server printed, and its exit code (SPEC.md's: 0 clean, 1 findings or refusals, 2 usage). */
export interface CommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ReviewScheduleParams extends FolderParams {
  /** How far ahead to look, e.g. `30d`; `review.warn-before` when absent. */
  readonly within?: string;
}

export const CoverageRequest = new RequestType<CoverageParams, CoverageReport | null, void>('densho/coverage');
export const ReviewScheduleRequest = new RequestType<ReviewScheduleParams, ReviewSchedule, void>('densho/reviewSchedule');
export const KnowledgeRiskRequest = new RequestType<FolderParams, KnowledgeRisk, void>('densho/knowledgeRisk');
export const SkillsRequest = new RequestType<FolderParams, SkillsMatrix, void>('densho/skills');
export const AuditReportRequest = new RequestType<AuditReportParams, CommandResult, void>('densho/writeAuditReport');
export const PartnerCopyRequest = new RequestType<PartnerCopyParams, CommandResult, void>('densho/createPartnerCopy');

export interface HistoryParams extends FolderParams {
  /** A document's URI, or an id (every language of it); every document when absent. */
  readonly document?: string;
  /** YYYY-MM-DD: also the revision of each document in force on that day. */
  readonly at?: string;
}

export interface ChangesParams {
  /** The document's URI: a translation (its source's changes since translated-from-version) or a source. */
  readonly uri: string;
  readonly sinceVersion?: number;
}

/** `densho history --format json`; an error (InvalidRequest) with the reason when there is no history. */
export const HistoryRequest = new RequestType<HistoryParams, HistoryReport, void>('densho/history');
/** `densho changes --format json`; an error (InvalidRequest) with the reason when there is nothing to compare. */
export const ChangesRequest = new RequestType<ChangesParams, ChangesReport, void>('densho/changes');

export interface RevisionTextParams {
  /** The document's URI as it is now (a renamed document's older revisions are found through its lineage). */
  readonly uri: string;
  /** The 40-hex commit of one of its revisions, as densho/history and densho/changes name them. */
  readonly commit: string;
}

/**
 * The document's text as committed in that revision, read from the history
 * the server already holds (the client never runs git); an error
 * (InvalidRequest) with the reason when there is no history or no such revision.
 */
export const RevisionTextRequest = new RequestType<RevisionTextParams, string, void>('densho/revisionText');

/** What to record: person, document id and level; version (default: the document's current one), date (default: today), trainer. */
export interface RecordTrainingParams extends FolderParams, RecordTrainingRequestFields {}

/** The edit to training.yaml (created when missing) that records a training, touching no other byte; the client applies it. */
export const RecordTrainingRequest = new RequestType<RecordTrainingParams, WorkspaceEdit, void>('densho/recordTraining');

/**
 * One document as VS Code's Markdown preview shows it: where an `[[ID]]`
 * leads (its language variant by `lang`), and the card of its front matter.
 * The preview's plugin holds this list, so it carries no engine of its own.
 */
export interface DocumentIndexEntry {
  readonly uri: string;
  readonly id?: string;
  readonly lang: string;
  /** A translation of the source-language document with the same id. */
  readonly translation: boolean;
  readonly title?: string;
  readonly version?: number;
  readonly status: string;
  readonly owner?: string;
  readonly experts: readonly string[];
  readonly access?: string;
  /** YYYY-MM-DD: when the next review is due; absent for a draft, an obsolete document or without `reviewed`. */
  readonly nextReview?: string;
  /** The source language of the document's folder, where a translation missing in `lang` falls back to. */
  readonly sourceLanguage: string;
}

/** Every document of a folder (every folder when none is named), for the Markdown preview; refreshed on `densho/reportsChanged`. */
export const DocumentIndexRequest = new RequestType<FolderParams, DocumentIndexEntry[], void>('densho/documentIndex');


/** Whether a densho.yaml governs the folder (in it, or above it up to the Git work tree's top, as `densho check` finds it). */
export interface SetupStatus {
  readonly configured: boolean;
}

export interface InitParams extends FolderParams {
  /** `densho init --front-matter`: also give every document without front matter the fields Densho can state. */
  readonly frontMatter?: boolean;
}

/** `densho init` run by the server in the folder; `configFile` is the URI of the densho.yaml that now governs it. */
export interface InitResult extends CommandResult {
  readonly configFile: string;
}

export const SetupStatusRequest = new RequestType<FolderParams, SetupStatus, void>('densho/setupStatus');
/** Runs `densho init` (never overwriting a file) and re-reads what it wrote before answering. */
export const InitRequest = new RequestType<InitParams, InitResult, void>('densho/init');

/** `densho check --fix` for every document of the folder, as one edit (empty when nothing is to fix); the client applies and saves it. */
export const FixAllRequest = new RequestType<FolderParams, WorkspaceEdit, void>('densho/fixAll');

/** Every report the views show, in one answer: the client fetches it once per `densho/reportsChanged`. */
export interface FolderReports {
  /** Of the first configured standard; null when none is. */
  readonly coverage: CoverageReport | null;
  /** Within `review.warn-before`. */
  readonly reviewSchedule: ReviewSchedule;
  readonly knowledgeRisk: KnowledgeRisk;
  readonly skills: SkillsMatrix;
}
export const ReportsRequest = new RequestType<FolderParams, FolderReports, void>('densho/reports');

/** Sent by the server whenever coverage, review, knowledge, skills or document index data may have changed, so views refresh. */
export const ReportsChangedNotification = new NotificationType<FolderParams>('densho/reportsChanged');

// ---- initialization options and settings ---------------------------------------------
// What the client sends at start-up and when its settings change; the server reads these shapes.

/** The settings section of the editor: `densho.docs`, `densho.reviewInterval`, ... */
export const SETTINGS_SECTION = 'densho';

/**
 * Each editor setting (by its name after `densho.`) and the densho.yaml key
 * it is the default of: one entry per DenshoConfig key, so a new engine
 * setting without an editor setting is a compile error.
 */
export const SETTING_YAML_KEYS: Readonly<Record<keyof DenshoConfig, string>> = {
  docs: 'docs',
  ignore: 'ignore',
  layers: 'layers',
  languages: 'languages',
  requiredTranslations: 'required-translations',
  reviewInterval: 'review.interval',
  reviewWarnBefore: 'review.warn-before',
  people: 'people',
  peopleWarnBefore: 'people-warn-before',
  idPattern: 'id-pattern',
  standards: 'standards',
  rules: 'rules',
  maxDocumentSize: 'max-document-size',
  training: 'training',
  minQualified: 'min-qualified',
  organisation: 'organisation',
  history: 'history',
};

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
  /**
   * Publish diagnostics even when the client announces pull diagnostics
   * (`textDocument/diagnostic`); by default such a client pulls them.
   */
  readonly pushDiagnostics?: boolean;
  /**
   * List headings in document symbols (default true). The VS Code client
   * sends false: its built-in Markdown provider lists them, and Go to Symbol
   * would show each twice; Densho then gives the front matter and the steps.
   */
  readonly headingSymbols?: boolean;
  /** The `densho.locale` setting: `en` or `ja` overrides the client's locale; `auto` (or nothing) follows it. */
  readonly locale?: string;
}

/** `workspace/didChangeConfiguration` as the Densho client sends it: the settings under `densho`, shaped like densho.yaml, and `densho.locale`. */
export interface DenshoConfigurationChange {
  readonly settings?: { readonly densho?: Record<string, unknown> };
  readonly locale?: string;
}

// ---- configuration: what the client asks instead of reading densho.yaml -------------------

/** The configuration in effect for a folder (the settings under its densho.yaml), as far as the client's questions need it. */
export interface EffectiveConfiguration {
  readonly layers: readonly string[];
  readonly languages: readonly string[];
  readonly sourceLanguage: string;
  /** Repository path of training.yaml. */
  readonly training: string;
  /** The source of `id-pattern`. */
  readonly idPattern: string;
  /** The symbol of each training level, as the skills matrix draws it. */
  readonly levelSymbols: Readonly<Record<string, string>>;
  /** The keys the folder's densho.yaml writes (`docs`, `review.interval`, ...): the editor settings they override are not in effect. */
  readonly repositoryKeys: readonly string[];
}
export const ConfigurationRequest = new RequestType<FolderParams, EffectiveConfiguration, void>('densho/configuration');

/** A document, by its URI. */
export interface DocumentParams {
  readonly uri: string;
}

// ---- mark reviewed ----------------------------------------------------------------------

export interface MarkReviewedResult {
  /** The edit setting `reviewed` to today and nothing else; null when it says today already. */
  readonly edit: WorkspaceEdit | null;
  /** YYYY-MM-DD: the server's today. */
  readonly today: string;
}
/** An error (InvalidRequest) with the reason when the front matter cannot take the date. */
export const MarkReviewedRequest = new RequestType<DocumentParams, MarkReviewedResult, void>('densho/markReviewed');

// ---- translations ---------------------------------------------------------------------

export interface TranslationsResult {
  readonly id: string | null;
  readonly lang: string;
  readonly isTranslation: boolean;
  readonly sourceLanguage: string;
  /** Languages a translation may be created in (a source's; none for a translation). */
  readonly targets: readonly string[];
  /** For a source its translations, for a translation its source. */
  readonly counterparts: readonly { readonly lang: string; readonly uri: string }[];
}
/** An error (InvalidRequest) when the URI is not a Densho document. */
export const TranslationsRequest = new RequestType<DocumentParams, TranslationsResult, void>('densho/translations');

export interface CreateTranslationParams extends DocumentParams {
  readonly lang: string;
}
export interface CreateTranslationResult {
  /** The translation's URI. */
  readonly uri: string;
  /** Creates it from the source; null when it exists already (then open it). */
  readonly edit: WorkspaceEdit | null;
}
/** An error (InvalidRequest) with the reason when no translation can be made. */
export const CreateTranslationRequest = new RequestType<CreateTranslationParams, CreateTranslationResult, void>('densho/createTranslation');

// ---- new document from template ------------------------------------------------------------

export interface DocumentTemplate {
  readonly name: string;
  readonly origin: 'repository' | 'built-in';
}
export interface NewDocumentOptions {
  /** The repository's templates/ first, then the built-in ones (a repository template of the same name wins). */
  readonly templates: readonly DocumentTemplate[];
  /** Folders that already hold documents (repository paths, '' for the root). */
  readonly folders: readonly string[];
  readonly languages: readonly string[];
}
export const NewDocumentOptionsRequest = new RequestType<FolderParams, NewDocumentOptions, void>('densho/newDocumentOptions');

export interface DocumentIdParams extends FolderParams {
  /** The id typed so far; absent to ask only for a proposal. */
  readonly id?: string;
  /** The folder the document goes in (a repository path): its series gives the proposal. */
  readonly directory?: string;
}
export interface DocumentIdCheck {
  /** Why the id cannot be used (pattern, or taken by a document); absent when it can. */
  readonly problem?: string;
  /** The next free id of the folder's series (or of the repository's), when there is one. */
  readonly proposal?: string;
}
export const CheckDocumentIdRequest = new RequestType<DocumentIdParams, DocumentIdCheck, void>('densho/checkDocumentId');

export interface NewDocumentParams extends FolderParams {
  readonly template: string;
  readonly id: string;
  readonly title: string;
  readonly lang: string;
  /** Repository-relative folder (`sops/welding`), '' for the root. */
  readonly directory: string;
  /**
   * A clause the document is for (*New document for clause X* on a gap):
   * written into its front matter, `iso9001: [8.5.1]`. Refused when the
   * standard is not configured or has no such clause.
   */
  readonly clause?: { readonly standard: string; readonly number: string };
}
export interface NewDocumentResult {
  readonly uri: string;
  /** Creates the file; never applied over an existing one. */
  readonly edit: WorkspaceEdit;
}
/** An error (InvalidRequest) with the reason (an id taken, a file that exists, ...). */
export const NewDocumentRequest = new RequestType<NewDocumentParams, NewDocumentResult, void>('densho/newDocument');

// ---- coverage export and matrix ------------------------------------------------------------

export interface CoverageExportParams extends CoverageParams {
  readonly format: 'markdown' | 'csv';
}
/** `densho coverage --format md|csv`; null when no standard is configured. */
export const CoverageExportRequest = new RequestType<CoverageExportParams, { readonly standard: string; readonly text: string } | null, void>('densho/exportCoverage');

export interface CoverageMatrixParams extends FolderParams {
  /** Only the documents of these layers; every document when absent. */
  readonly layers?: readonly string[];
  /** The webview's `cspSource`, allowed by the page's Content-Security-Policy. */
  readonly cspSource: string;
}
export interface CoverageMatrixPage {
  readonly title: string;
  /** The whole page, with a fresh nonce: the same page as `densho coverage --format html`. */
  readonly html: string;
  /** The repository paths of the matrix's columns: the only documents a click in the page may open. */
  readonly files: readonly string[];
}
export const CoverageMatrixRequest = new RequestType<CoverageMatrixParams, CoverageMatrixPage, void>('densho/coverageMatrix');
