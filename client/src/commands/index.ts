/**
 * Every command of the extension, registered in this one place. Each is a
 * factory `(ctx) => handler`; its id here and in package.json's
 * `contributes.commands` must match (the in-VS-Code suite checks).
 */
import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { CoverageMatrixPanel } from '../webview/coverageMatrix';
import { exportCoverage } from './exportCoverage';
import { createPartnerCopy, exportAuditReport } from './exports';
import { compareWithTranslatedRevision, showRevisionHistory } from './history';
import { fixAllInWorkspace } from './fixAll';
import { initialise } from './initialise';
import { openStandardsSetting } from './openStandards';
import { markReviewed } from './markReviewed';
import { STATUS_MESSAGE_MS } from '../statusBar';
import { newDocument, newDocumentForClause } from './newDocument';
import { recordTraining } from './recordTraining';
import { createTranslation, openTranslation } from './translations';

type Factory = (ctx: Ctx) => (...args: never[]) => unknown;

/** Opens the matrix; `clause` (a gap clicked in the coverage view) scrolls to that clause's row and marks it. */
const showCoverageMatrix = (ctx: Ctx) => async (args?: { readonly clause?: string }): Promise<CoverageMatrixPanel> => {
  await ctx.start();
  ctx.coverageMatrix = await CoverageMatrixPanel.show(ctx, ctx.coverageMatrix);
  if (typeof args?.clause === 'string') ctx.coverageMatrix.reveal(args.clause);
  return ctx.coverageMatrix;
};

/** The matrix's layer filter: the layers given, or a multiple choice of the configured ones. */
const filterCoverageLayers = (ctx: Ctx) => async (layers?: readonly string[]): Promise<void> => {
  const matrix = ctx.coverageMatrix ?? (ctx.coverageMatrix = await CoverageMatrixPanel.show(ctx, undefined));
  if (!layers) {
    const configured = (await ctx.configuration()).layers;
    const shown = matrix.shownLayers ?? configured;
    const picked = await vscode.window.showQuickPick(
      configured.map((layer) => ({ label: layer, picked: shown.includes(layer) })),
      { title: vscode.l10n.t('Coverage matrix: documents of these layers'), canPickMany: true },
    );
    if (!picked) return;
    layers = picked.length === configured.length ? undefined : picked.map((item) => item.label);
  }
  await matrix.filterLayers(layers);
};

const showReviewSchedule = () => async (): Promise<void> => {
  await vscode.commands.executeCommand('densho.reviewSchedule.focus');
};

const refreshViews = (ctx: Ctx) => async (): Promise<void> => {
  await ctx.start();
  await ctx.refreshSetup();
  ctx.reports.invalidate();
  await Promise.all(Object.values(ctx.views).map((view) => view.refresh()));
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(refresh) Densho: refreshed coverage, review schedule, knowledge holders and skills at {0}.', new Date().toLocaleTimeString(vscode.env.language)), STATUS_MESSAGE_MS);
};

const restartServer = (ctx: Ctx) => async (): Promise<void> => {
  await ctx.restart();
};

const showOutput = (ctx: Ctx) => (): void => ctx.output.show();

/** The folder the views and the status bar show, in a multi-root workspace: picked (or given), until an editor of another folder becomes active. */
const chooseFolder = (ctx: Ctx) => async (given?: vscode.WorkspaceFolder): Promise<vscode.WorkspaceFolder | undefined> => {
  const folder = given ?? (await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('The folder the Densho views show') }));
  if (folder) ctx.follow(folder);
  return folder;
};

export const COMMANDS: Readonly<Record<string, Factory>> = {
  'densho.newDocument': newDocument,
  'densho.newDocumentForClause': newDocumentForClause,
  'densho.markReviewed': markReviewed,
  'densho.createTranslation': createTranslation,
  'densho.openTranslation': openTranslation,
  'densho.showRevisionHistory': showRevisionHistory,
  'densho.compareWithTranslatedRevision': compareWithTranslatedRevision,
  'densho.showCoverageMatrix': showCoverageMatrix,
  'densho.filterCoverageLayers': filterCoverageLayers,
  'densho.exportCoverage': exportCoverage,
  'densho.exportAuditReport': exportAuditReport,
  'densho.createPartnerCopy': createPartnerCopy,
  'densho.showReviewSchedule': showReviewSchedule,
  'densho.recordTraining': recordTraining,
  'densho.refreshViews': refreshViews,
  'densho.restartServer': restartServer,
  'densho.showOutput': showOutput,
  'densho.chooseFolder': chooseFolder,
  'densho.initialise': initialise,
  'densho.openStandardsSetting': openStandardsSetting,
  'densho.fixAllInWorkspace': fixAllInWorkspace,
};

export function registerCommands(ctx: Ctx): void {
  for (const [id, factory] of Object.entries(COMMANDS)) {
    ctx.extension.subscriptions.push(vscode.commands.registerCommand(id, factory(ctx)));
  }
}
