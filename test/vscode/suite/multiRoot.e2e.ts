/**
 * The extension in a real multi-root window: code-server opened on a
 * .code-workspace file naming two folders, `alpha` and `beta`, each with its
 * own densho.yaml and the same document (test/vscode/harness.ts multiRoot:
 * one is a finding under alpha's layers, the other under beta's id-pattern).
 * Each folder's diagnostics are what `densho check` says in that folder; the
 * views and the status bar follow the folder of the active editor; a folder
 * added at run time (in a workspace-file window the extension host stays up)
 * is checked, and a removed one has its diagnostics withdrawn.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import * as vscode from 'vscode';
import type { ReviewSchedule } from '../../../server/src/protocol';
import type { Ctx } from '../../../client/src/context';
import type { DenshoApi } from '../../../client/src/extension';
import { waitFor } from './wait';

type FolderName = 'alpha' | 'beta' | 'gamma';
const expectedDir = process.env['DENSHO_E2E_EXPECTED']!;
const addedFolder = process.env['DENSHO_E2E_ADDED_FOLDER']!;
const expected = <T>(name: FolderName, file: string): T => JSON.parse(readFileSync(join(expectedDir, name, file), 'utf8')) as T;
/** `densho check` in a folder, as `file:line:column rule`. */
const cliDiagnostics = (name: FolderName): string[] =>
  expected<{ diagnostics: { file: string; line: number; column: number; rule: string }[] }>(name, 'check.json').diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`).sort();
const overdue = (name: FolderName): number => expected<ReviewSchedule>(name, 'review.json').summary.overdue;

/** Densho's diagnostics of the files under `root`, as the CLI run in `root` prints them. */
function diagnosticsUnder(root: string): string[] {
  const keys: string[] = [];
  for (const [resource, diagnostics] of vscode.languages.getDiagnostics()) {
    if (!resource.fsPath.startsWith(root + sep)) continue;
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== 'densho') continue;
      const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
      const file = resource.fsPath.slice(root.length + 1).split(sep).join('/');
      keys.push(`${file}:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${String(code)}`);
    }
  }
  return keys.sort();
}

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((value, index) => value === b[index]);

function workspaceFolder(name: string): vscode.WorkspaceFolder {
  const found = vscode.workspace.workspaceFolders?.find((candidate) => candidate.name === name);
  assert.ok(found, `${name} is a folder of the workspace`);
  return found;
}

/** Waits until the folder's diagnostics are what the CLI says there, then asserts it (the message shows both). */
async function diagnosticsAsTheCli(root: string, name: FolderName): Promise<void> {
  const want = cliDiagnostics(name);
  await waitFor(vscode.languages.onDidChangeDiagnostics, () => same(diagnosticsUnder(root), want), `${name}'s diagnostics to be ${JSON.stringify(want)}`).catch(() => undefined);
  assert.deepEqual(diagnosticsUnder(root), want, `${name}: as \`densho check\` in ${name}`);
}

interface Node {
  readonly label?: string | vscode.TreeItemLabel;
  readonly children: readonly Node[];
}
/** Every label of the coverage tree, at any depth: what the view shows. */
function coverageLabels(ctx: Ctx): string[] {
  const labels: string[] = [];
  const walk = (nodes: readonly Node[]): void =>
    nodes.forEach((node) => {
      labels.push(typeof node.label === 'string' ? node.label : (node.label?.label ?? ''));
      walk(node.children);
    });
  walk(ctx.views.coverage.getChildren() as unknown as Node[]);
  return labels;
}

describe('Densho in a multi-root workspace (a .code-workspace file, each folder its own densho.yaml)', function () {
  let ctx: Ctx;

  before(async function () {
    const extension = vscode.extensions.getExtension<DenshoApi>('densho.densho');
    assert.ok(extension, 'the extension under development is loaded');
    ctx = (await extension.activate()).ctx;
    assert.ok(await ctx.start(), 'the language server started');
  });

  it('checks each folder with its own densho.yaml, as `densho check` in that folder', async function () {
    assert.ok(vscode.workspace.workspaceFile?.fsPath.endsWith('.code-workspace'), `opened on a workspace file, not ${String(vscode.workspace.workspaceFile)}`);
    assert.deepEqual(vscode.workspace.workspaceFolders?.map((candidate) => candidate.name), ['alpha', 'beta']);
    const alpha = workspaceFolder('alpha').uri.fsPath;
    const beta = workspaceFolder('beta').uri.fsPath;
    await diagnosticsAsTheCli(alpha, 'alpha');
    await diagnosticsAsTheCli(beta, 'beta');
    // The same document, each folder's own verdict: alpha's layers lack `internal`, beta's id-pattern refuses QA-001.
    assert.deepEqual(diagnosticsUnder(alpha), ['procedures/qa-001.md:5:9 frontmatter/invalid']);
    assert.ok(diagnosticsUnder(beta).includes('procedures/qa-001.md:2:5 id/pattern'));
    assert.ok(!diagnosticsUnder(beta).some((key) => key.endsWith('frontmatter/invalid')), 'beta has the layer internal');
  });

  it('the views and the status bar follow the folder of the active editor', async function () {
    await vscode.commands.executeCommand('workbench.view.extension.densho');
    for (const name of ['beta', 'alpha', 'beta'] as const) {
      await vscode.window.showTextDocument(vscode.Uri.joinPath(workspaceFolder(name).uri, 'procedures', 'qa-001.md'));
      const title = `QA-001 Incoming inspection (${name})`;
      await waitFor(ctx.views.coverage.onDidChangeTreeData, () => coverageLabels(ctx).includes(title), `the coverage view to list ${title}`);
      const text = `$(calendar) ${overdue(name)} overdue`;
      await waitFor(ctx.statusBar.onDidUpdate, () => ctx.statusBar.item.text === text, `the status bar to read ${text} for ${name}`);
      assert.equal(ctx.folder()?.name, name);
      assert.ok(!coverageLabels(ctx).some((label) => label.startsWith('QA-001 ') && label !== title), `only ${name}'s document`);
    }
    assert.notEqual(overdue('alpha'), overdue('beta'), 'the folders differ in what the status bar counts');
  });

  it('a folder added at run time is checked with its own densho.yaml; a removed folder\'s diagnostics are withdrawn and the views fall back', async function () {
    const beta = workspaceFolder('beta').uri.fsPath;
    assert.ok(diagnosticsUnder(beta).length > 0, 'beta has diagnostics to withdraw');
    assert.equal(ctx.folder()?.name, 'beta', 'the views show beta (the last editor was of beta)');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    const count = () => vscode.workspace.workspaceFolders?.length ?? 0;
    assert.ok(vscode.workspace.updateWorkspaceFolders(count(), 0, { uri: vscode.Uri.file(addedFolder), name: 'gamma' }), 'VS Code took the new folder');
    await waitFor(vscode.workspace.onDidChangeWorkspaceFolders, () => count() === 3, 'gamma to join the workspace');
    assert.ok(cliDiagnostics('gamma').length > 0, 'gamma has something to report');
    await diagnosticsAsTheCli(workspaceFolder('gamma').uri.fsPath, 'gamma');

    const index = vscode.workspace.workspaceFolders!.findIndex((candidate) => candidate.name === 'beta');
    assert.ok(vscode.workspace.updateWorkspaceFolders(index, 1), 'VS Code removed beta');
    await waitFor(vscode.workspace.onDidChangeWorkspaceFolders, () => count() === 2, 'beta to leave the workspace');
    await waitFor(vscode.languages.onDidChangeDiagnostics, () => diagnosticsUnder(beta).length === 0, 'beta\'s diagnostics to be withdrawn').catch(() => undefined);
    assert.deepEqual(diagnosticsUnder(beta), [], 'nothing is left in the Problems panel for a folder no longer open');
    assert.deepEqual(diagnosticsUnder(workspaceFolder('alpha').uri.fsPath), cliDiagnostics('alpha'), 'alpha keeps its own');
    // The views showed beta: now the first folder with densho.yaml, alpha.
    const text = `$(calendar) ${overdue('alpha')} overdue`;
    await waitFor(ctx.statusBar.onDidUpdate, () => ctx.statusBar.item.text === text, `the status bar to fall back to alpha (${text})`);
    assert.equal(ctx.folder()?.name, 'alpha');
  });
});
