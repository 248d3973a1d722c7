/** Publishing the engine's diagnostics: code = rule id, codeDescription = its documentation, source `densho`. */
import { createHash } from 'node:crypto';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import type { Diagnostic, Locale } from '../../engine';
import { toDiagnostic } from '../convert';
import type { DenshoFolder } from '../folder';

export function diagnosticsParams(
  folder: DenshoFolder,
  file: string,
  diagnostics: readonly Diagnostic[],
  uriOf: (folder: DenshoFolder, file: string) => string,
  versionOf: (uri: string) => number | null,
  locale: Locale,
): PublishDiagnosticsParams {
  const uri = uriOf(folder, file);
  const version = versionOf(uri);
  return {
    uri,
    ...(version === null ? {} : { version }),
    diagnostics: diagnostics.map((diagnostic) => toDiagnostic(diagnostic, (related) => uriOf(folder, related), locale)),
  };
}

/** What `SentDiagnostics` holds for a file the client was last sent no diagnostics for. */
const NONE = '';

/**
 * What the client was last sent for each file of one folder, so that a
 * re-check whose results did not change sends nothing. An edit to a hub
 * re-checks its hundreds of backlinks, whose diagnostics almost never
 * change: publishing each again cost a message apiece (built, stringified,
 * framed and queued on stdout) for the client to redraw what it already
 * shows. Kept small, since most files have no diagnostics: keyed by the
 * workspace's own path strings, a file without diagnostics holds an empty
 * string and one with some a digest of what was sent.
 */
export class SentDiagnostics {
  private readonly sent = new Map<string, string>();

  /**
   * Records `params` as sent for `file` and says whether they must be sent:
   * a file's first diagnostics always are (the client then knows it was
   * checked), and so are an open document's, which carry the version of
   * the text they were computed from.
   */
  update(file: string, params: PublishDiagnosticsParams): boolean {
    const fingerprint = params.diagnostics.length === 0 ? NONE : createHash('sha256').update(JSON.stringify(params.diagnostics)).digest('base64');
    const before = this.sent.get(file);
    this.sent.set(file, fingerprint);
    return before !== fingerprint || params.version !== undefined;
  }

  /** Whether `file` was last sent no diagnostics: a re-check that finds none again, of a document not open, needs nothing built or sent. */
  sentNone(file: string): boolean {
    return this.sent.get(file) === NONE;
  }

  /** Forgets what `file` was sent (its URI is about to change: a document closed goes back to its file on disk), so its next diagnostics are sent. */
  forget(file: string): void {
    this.sent.delete(file);
  }

  /** The files last sent diagnostics that are not empty: the client shows them until told otherwise. */
  *withDiagnostics(): IterableIterator<string> {
    for (const [file, fingerprint] of this.sent) if (fingerprint !== NONE) yield file;
  }
}
