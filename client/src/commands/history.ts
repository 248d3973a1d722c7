/**
 * Show revision history (a quick pick of a document's revisions, opening any
 * of them read-only) and Compare with the translated revision (VS Code's
 * diff editor). The server holds the history and runs git; the client only
 * sends densho/history, densho/changes and densho/revisionText and shows
 * what comes back, so Restricted Mode, a shallow clone or `history: false`
 * reach the user as the server's one-line reason.
 */
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { ChangesRequest, HistoryRequest, RevisionTextRequest, type HistoryReport } from '../../../server/src/protocol';
import type { Ctx } from '../context';
import { targetUri } from './documents';

/** Old revisions are virtual, read-only documents of this scheme; their text comes from densho/revisionText. */
export const REVISION_SCHEME = 'densho-revision';

type RevisionEntry = HistoryReport['documents'][number]['revisions'][number];

/**
 * The URI of a document's text at a commit. The path keeps the folder and
 * the `.md` ending (Markdown highlighting) with the version in the name, so
 * the tab says which revision it is; the query says what to ask the server.
 */
export function revisionUri(document: vscode.Uri, commit: string, version: number | null): vscode.Uri {
  const name = posix.basename(document.path).replace(/(\.md)?$/i, (ending) => ` (v${version ?? '?'}, ${commit.slice(0, 7)})${ending}`);
  const query = new URLSearchParams({ uri: document.toString(), commit }).toString();
  return vscode.Uri.from({ scheme: REVISION_SCHEME, path: posix.join(posix.dirname(document.path), name), query });
}

/** Serves `densho-revision:` documents; VS Code shows them read-only, as it does every content provider's. */
export class RevisionDocuments implements vscode.TextDocumentContentProvider {
  constructor(private readonly ctx: Ctx) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const query = new URLSearchParams(uri.query);
    return this.ctx.request(RevisionTextRequest, { uri: query.get('uri') ?? '', commit: query.get('commit') ?? '' });
  }
}

/** The server's reason (a ResponseError's message) shown as one line, or undefined when the request succeeded. */
async function orReason<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request;
  } catch (error) {
    void vscode.window.showErrorMessage(`Densho: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function revisionItem(revision: RevisionEntry): vscode.QuickPickItem & { revision: RevisionEntry } {
  const approval = revision.approvedBy
    ? revision.approved
      ? vscode.l10n.t('approved by {0} on {1}', revision.approvedBy, revision.approved)
      : vscode.l10n.t('approved by {0}', revision.approvedBy)
    : vscode.l10n.t('not approved');
  return {
    label: `v${revision.version ?? '?'} · ${revision.change === 'minor' ? vscode.l10n.t('minor change') : vscode.l10n.t('major change')}`,
    description: `${revision.date} · ${revision.author}`,
    detail: `${revision.summary} — ${approval}`,
    revision,
  };
}

export interface RevisionArgs {
  readonly uri?: vscode.Uri;
  /** Open this revision without asking (tests, other extensions). */
  readonly commit?: string;
}

export const showRevisionHistory =
  (ctx: Ctx) =>
  async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    const uri = targetUri(arg);
    if (!uri) return undefined;
    const report = await orReason(ctx.request(HistoryRequest, { document: uri.toString() }));
    const revisions = report?.documents[0]?.revisions;
    if (!revisions) return undefined;
    if (revisions.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Densho: {0} has no revisions yet: it was never committed.', vscode.workspace.asRelativePath(uri)));
      return undefined;
    }
    const wanted = (arg as RevisionArgs | undefined)?.commit;
    const revision = wanted
      ? revisions.find((candidate) => candidate.commit === wanted)
      : (await vscode.window.showQuickPick(revisions.map(revisionItem), { title: vscode.l10n.t('Revisions of {0}', vscode.workspace.asRelativePath(uri)), matchOnDescription: true, matchOnDetail: true }))?.revision;
    if (!revision) return undefined;
    const opened = revisionUri(uri, revision.commit, revision.version);
    await vscode.window.showTextDocument(opened, { preview: true });
    return opened;
  };

/**
 * For a translation: its source as it was at `translated-from-version` on
 * the left, the source now on the right. For a source: its current
 * revision in Git on the left, the text now on the right.
 */
export const compareWithTranslatedRevision =
  (ctx: Ctx) =>
  async (arg?: unknown): Promise<{ left: vscode.Uri; right: vscode.Uri } | undefined> => {
    const uri = targetUri(arg);
    if (!uri) return undefined;
    const report = await orReason(ctx.request(ChangesRequest, { uri: uri.toString() }));
    if (!report) return undefined;
    const right = report.source === report.file ? uri : ctx.uriOf(report.source, ctx.folder(uri));
    if (!right) return undefined;
    const left = revisionUri(right, report.fromCommit, report.fromVersion);
    const title = vscode.l10n.t('{file}: v{from} ({date}) ↔ now (v{to})', { file: posix.basename(right.path), from: report.fromVersion ?? '?', date: report.fromDate, to: report.toVersion ?? '?' });
    await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: false });
    return { left, right };
  };
