/**
 * Pull diagnostics (textDocument/diagnostic, workspace/diagnostic) for
 * clients that announce them: the checks run as for push, and their
 * results are kept here instead of published, each with a result id, so a
 * client that asks again for a file that has not changed hears "unchanged".
 * After a check the client is asked to pull again (workspace/diagnostic/refresh).
 */
import type * as lsp from 'vscode-languageserver';

interface Entry {
  readonly resultId: string;
  readonly version: number | null;
  readonly items: lsp.Diagnostic[];
}

export class PulledDiagnostics {
  private readonly entries = new Map<string, Entry>();
  private sequence = 0;

  /** The results of a check, as they would have been published. */
  record(params: lsp.PublishDiagnosticsParams): void {
    const before = this.entries.get(params.uri);
    // The same results keep their id: the client's copy is still right.
    if (before && JSON.stringify(before.items) === JSON.stringify(params.diagnostics)) return;
    this.entries.set(params.uri, { resultId: String(++this.sequence), version: params.version ?? null, items: params.diagnostics });
  }

  /** Forgets a URI (a document now published under the editor's URI, say). */
  forget(uri: string): void {
    this.entries.delete(uri);
  }

  document(uri: string, previousResultId: string | undefined): lsp.DocumentDiagnosticReport {
    const entry = this.entries.get(uri);
    if (!entry) return { kind: 'full', items: [] };
    if (previousResultId === entry.resultId) return { kind: 'unchanged', resultId: entry.resultId };
    return { kind: 'full', resultId: entry.resultId, items: entry.items };
  }

  workspace(previousResultIds: readonly lsp.PreviousResultId[]): lsp.WorkspaceDiagnosticReport {
    const previous = new Map(previousResultIds.map((id) => [id.uri, id.value]));
    const items: lsp.WorkspaceDocumentDiagnosticReport[] = [];
    for (const [uri, entry] of this.entries) {
      if (previous.get(uri) === entry.resultId) items.push({ kind: 'unchanged', uri, version: entry.version, resultId: entry.resultId });
      else items.push({ kind: 'full', uri, version: entry.version, resultId: entry.resultId, items: entry.items });
    }
    return { items };
  }
}
