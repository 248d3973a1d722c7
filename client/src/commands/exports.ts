/**
 * Export audit report and Create partner copy: the server runs `densho
 * report` and `densho export` on the folder's saved files, with the layer
 * asked for, into a location proposed beside the repository. What the CLI
 * prints is shown; an exit code of 1 (errors found, or documents refused)
 * is a warning, 2 an error.
 */
import * as vscode from 'vscode';
import { AuditReportRequest, PartnerCopyRequest, type CommandResult } from '../../../server/src/protocol';
import type { Ctx } from '../context';
import { outsideRepository, pickMaxLayer } from './layerChoice';

export interface ExportAuditReportArgs {
  readonly format?: 'html' | 'pdf';
  /** `null` for every layer. */
  readonly maxLayer?: string | null;
  readonly uri?: vscode.Uri;
}

export const exportAuditReport =
  (ctx: Ctx) =>
  async (args: ExportAuditReportArgs = {}): Promise<CommandResult | undefined> => {
    const folder = await readyFolder(ctx);
    if (!folder) return undefined;
    const format =
      args.format ??
      (await vscode.window.showQuickPick([{ label: 'HTML', format: 'html' as const }, { label: 'PDF', format: 'pdf' as const, description: vscode.l10n.t('printed by Chromium') }], { title: vscode.l10n.t('Export audit report as') }))?.format;
    if (!format) return undefined;
    const layer = args.maxLayer !== undefined ? { maxLayer: args.maxLayer ?? undefined } : await pickMaxLayer(ctx, vscode.l10n.t('Audit report for readers cleared up to'), true);
    if (!layer) return undefined;
    const name = `audit-${layer.maxLayer === undefined ? 'all-layers' : `up-to-${layer.maxLayer}`}.${format}`;
    const uri = args.uri ?? (await vscode.window.showSaveDialog({ defaultUri: outsideRepository(folder.uri, name), filters: { [format.toUpperCase()]: [format] }, title: vscode.l10n.t('Export audit report') }));
    if (!uri) return undefined;
    const result = await ctx.request(AuditReportRequest, { folder: folder.uri.toString(), format, out: uri.fsPath, ...(layer.maxLayer === undefined ? {} : { maxLayer: layer.maxLayer }) });
    report(ctx, auditReportTexts(), result, uri);
    return result;
  };

export interface CreatePartnerCopyArgs {
  readonly maxLayer?: string;
  readonly uri?: vscode.Uri;
}

export const createPartnerCopy =
  (ctx: Ctx) =>
  async (args: CreatePartnerCopyArgs = {}): Promise<CommandResult | undefined> => {
    const folder = await readyFolder(ctx);
    if (!folder) return undefined;
    const layer = args.maxLayer !== undefined ? { maxLayer: args.maxLayer } : await pickMaxLayer(ctx, vscode.l10n.t('Partner copy for readers cleared up to'), false);
    if (!layer?.maxLayer) return undefined;
    const uri =
      args.uri ??
      (await vscode.window.showSaveDialog({ defaultUri: outsideRepository(folder.uri, `${folder.name}-up-to-${layer.maxLayer}`), title: vscode.l10n.t('Create partner copy: a new, empty folder'), saveLabel: vscode.l10n.t('Create copy here') }));
    if (!uri) return undefined;
    const result = await ctx.request(PartnerCopyRequest, { folder: folder.uri.toString(), maxLayer: layer.maxLayer, out: uri.fsPath });
    report(ctx, partnerCopyTexts(), result, uri);
    return result;
  };

async function readyFolder(ctx: Ctx): Promise<vscode.WorkspaceFolder | undefined> {
  const client = await ctx.start();
  const folder = ctx.folder();
  if (!client || !folder) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Densho: the language server is not running, so there is nothing to export.'));
    return undefined;
  }
  return folder;
}

/** What `report` says about one kind of output: whole sentences, so each language words them its own way. */
interface ReportTexts {
  readonly log: (path: string, exitCode: number) => string;
  readonly notWritten: (reason: string) => string;
  readonly withProblems: (path: string) => string;
  readonly written: (path: string) => string;
}

const auditReportTexts = (): ReportTexts => ({
  log: (path, exitCode) => vscode.l10n.t('Audit report → {0} (exit {1})', path, exitCode),
  notWritten: (reason) => vscode.l10n.t('Densho: audit report not written: {0}', reason),
  withProblems: (path) => vscode.l10n.t('Densho: audit report written to {0}, with problems: see the Densho output.', path),
  written: (path) => vscode.l10n.t('Densho: audit report written to {0}.', path),
});

const partnerCopyTexts = (): ReportTexts => ({
  log: (path, exitCode) => vscode.l10n.t('Partner copy → {0} (exit {1})', path, exitCode),
  notWritten: (reason) => vscode.l10n.t('Densho: partner copy not written: {0}', reason),
  withProblems: (path) => vscode.l10n.t('Densho: partner copy written to {0}, with problems: see the Densho output.', path),
  written: (path) => vscode.l10n.t('Densho: partner copy written to {0}.', path),
});

/** The command's output goes to the Densho output channel; the notification says how it went. */
function report(ctx: Ctx, texts: ReportTexts, result: CommandResult, uri: vscode.Uri): void {
  ctx.output.appendLine(texts.log(uri.fsPath, result.exitCode));
  if (result.stdout) ctx.output.append(result.stdout);
  if (result.stderr) ctx.output.append(result.stderr);
  const firstLine = (text: string) => text.trim().split('\n')[0] ?? '';
  if (result.exitCode === 2) void vscode.window.showErrorMessage(texts.notWritten(firstLine(result.stderr).replace(/^densho: /, '')));
  else if (result.exitCode === 1) {
    const showOutput = vscode.l10n.t('Show output');
    void vscode.window.showWarningMessage(texts.withProblems(uri.fsPath), showOutput).then((answer) => answer === showOutput && ctx.output.show());
  } else void vscode.window.showInformationMessage(texts.written(uri.fsPath));
}
