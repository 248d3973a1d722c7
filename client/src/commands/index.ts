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
import { markReviewed } from './markReviewed';
import { newDocument } from './newDocument';
import { recordTraining } from './recordTraining';
import { createTranslation, openTranslation } from './translations';

type Factory = (ctx: Ctx) => (...args: never[]) => unknown;

const showCoverageMatrix = (ctx: Ctx) => async (): Promise<CoverageMatrixPanel> => {
  await ctx.start();
  ctx.coverageMatrix = await CoverageMatrixPanel.show(ctx, ctx.coverageMatrix);
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
      { title: 'Coverage matrix: documents of these layers', canPickMany: true },
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
  ctx.reports.invalidate();
  await Promise.all(Object.values(ctx.views).map((view) => view.refresh()));
};

const restartServer = (ctx: Ctx) => async (): Promise<void> => {
  await ctx.restart();
};

const showOutput = (ctx: Ctx) => (): void => ctx.output.show();

export const COMMANDS: Readonly<Record<string, Factory>> = {
  'densho.newDocument': newDocument,
  'densho.markReviewed': markReviewed,
  'densho.createTranslation': createTranslation,
  'densho.openTranslation': openTranslation,
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
};

export function registerCommands(ctx: Ctx): void {
  for (const [id, factory] of Object.entries(COMMANDS)) {
    ctx.extension.subscriptions.push(vscode.commands.registerCommand(id, factory(ctx)));
  }
}
