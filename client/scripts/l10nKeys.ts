/**
 * The run-time strings of the extension as `vscode.l10n` looks them up: the
 * first argument of every `vscode.l10n.t(…)` call in client/src. Read with
 * the TypeScript parser, not a pattern, so a call split over lines or with
 * a comma in its text is read whole. A key must be a literal string: a key
 * built at run time could not be checked against the bundle, so such a call
 * is reported as a problem instead of a key.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface L10nCall {
  readonly key: string;
  /** `client/src/statusBar.ts:42`. */
  readonly at: string;
}

export interface L10nKeys {
  readonly calls: readonly L10nCall[];
  /** Calls whose first argument is not a literal string, where they are. */
  readonly nonLiteral: readonly string[];
}

export function l10nKeys(root: string, folder = 'client/src'): L10nKeys {
  const calls: L10nCall[] = [];
  const nonLiteral: string[] = [];
  for (const file of typeScriptFiles(join(root, folder))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.expression.getText(source).replace(/\s+/g, '') === 'vscode.l10n.t') {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        const at = `${relative(root, file).split('\\').join('/')}:${line + 1}`;
        const first = node.arguments[0];
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) calls.push({ key: first.text, at });
        else nonLiteral.push(at);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { calls, nonLiteral };
}

/** `{0}`, `{name}`: the placeholders vscode.l10n fills, sorted, for comparing a key with its translation. */
export function l10nPlaceholders(text: string): string[] {
  return [...new Set(text.match(/\{[^{}\s]+\}/g) ?? [])].sort();
}

function typeScriptFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}
