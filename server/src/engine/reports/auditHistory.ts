/**
 * The audit pack's revision history (ISO 9001 7.5.3.2): per document of the
 * register, its revisions from Git; or, without history, a notice that says
 * why, so an auditor never mistakes "no history" for "no changes".
 */
import { message, type Message } from '../messages';
import type { Workspace } from '../workspace';
import type { RevisionEntry } from './history';
import { historyReport } from './history';

export interface AuditHistory {
  /** Why there is no revision history (no Git, a shallow clone, `history: false`); null when there is one. */
  readonly notice: Message | null;
  readonly documents: readonly { readonly id: string | null; readonly file: string; readonly revisions: readonly RevisionEntry[] }[];
}

/** The revisions of `files` (the register's documents, nothing withheld), newest first. */
export function auditHistory(workspace: Workspace, files: readonly string[]): AuditHistory {
  const history = workspace.history;
  if (!history) return { notice: message('html.no-revision-history', { reason: workspace.historyUnavailable ?? message('history.not-read') }), documents: [] };
  const documents = files.map((file) => workspace.document(file)).filter((document) => document !== undefined);
  const report = historyReport('', history, documents);
  return { notice: null, documents: report.documents.map(({ id, file, revisions }) => ({ id, file, revisions })) };
}
