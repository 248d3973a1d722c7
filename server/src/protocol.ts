/**
 * Densho's extensions to LSP, declared once: the server implements them and
 * the VS Code client (client/src) imports this same file. Results are the
 * CLI's JSON shapes, so a view in the editor and `densho coverage --format
 * json` can never disagree.
 */
import { NotificationType, RequestType, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { ChangesReport, CoverageReport, HistoryReport, KnowledgeRisk, RecordTrainingRequestFields, ReviewSchedule, SkillsMatrix } from './engine';

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

/** Sent by the server whenever coverage, review, knowledge, skills or document index data may have changed, so views refresh. */
export const ReportsChangedNotification = new NotificationType<FolderParams>('densho/reportsChanged');

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
