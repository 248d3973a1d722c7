/** Publishing the engine's diagnostics: code = rule id, codeDescription = its documentation, source `densho`. */
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
