/**
 * Export coverage: the coverage report as Markdown or CSV, the same
 * renderings as `densho coverage --format md|csv --max-layer L`. The layer
 * is the coverage matrix's filter when that is "up to a layer", else asked;
 * the file name says it, and the proposed location is beside the repository.
 */
import * as vscode from 'vscode';
import { CoverageExportRequest } from '../../../server/src/protocol';
import type { Ctx } from '../context';
import { maxLayerOfFilter, outsideRepository, pickMaxLayer } from './layerChoice';

export type CoverageFormat = 'markdown' | 'csv';

export interface ExportCoverageArgs {
  readonly format?: CoverageFormat;
  /** Where to write; asked for when absent. */
  readonly uri?: vscode.Uri;
  /** The highest layer to include; `null` for every layer; the matrix's filter or a question when absent. */
  readonly maxLayer?: string | null;
}

const FORMATS: Record<CoverageFormat, { label: string; extension: string }> = {
  markdown: { label: 'Markdown', extension: 'md' },
  csv: { label: 'CSV', extension: 'csv' },
};

export const exportCoverage =
  (ctx: Ctx) =>
  async (args: ExportCoverageArgs = {}): Promise<vscode.Uri | undefined> => {
    const client = await ctx.start();
    const folder = ctx.folder();
    if (!client || !folder) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Densho: the language server is not running, so there is no coverage to export.'));
      return undefined;
    }
    const format =
      args.format ??
      (
        await vscode.window.showQuickPick(
          (Object.keys(FORMATS) as CoverageFormat[]).map((key) => ({ label: FORMATS[key].label, key })),
          { title: vscode.l10n.t('Export coverage as') },
        )
      )?.key;
    if (!format) return undefined;
    let maxLayer: string | undefined;
    if (args.maxLayer !== undefined) maxLayer = args.maxLayer ?? undefined;
    else {
      maxLayer = maxLayerOfFilter((await ctx.configuration()).layers, ctx.coverageMatrix?.shownLayers);
      // No filter, or one that is not "up to a layer": ask rather than guess.
      if (maxLayer === undefined) {
        const choice = await pickMaxLayer(ctx, vscode.l10n.t('Export coverage for readers cleared up to'), true);
        if (!choice) return undefined;
        maxLayer = choice.maxLayer;
      }
    }
    const exported = await ctx.request(CoverageExportRequest, { folder: folder.uri.toString(), format, ...(maxLayer === undefined ? {} : { maxLayer }) });
    if (!exported) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Densho: no standard is configured (densho.yaml `standards`).'));
      return undefined;
    }
    const { extension, label } = FORMATS[format];
    const uri =
      args.uri ??
      (await vscode.window.showSaveDialog({
        defaultUri: outsideRepository(folder.uri, `coverage-${exported.standard}-${maxLayer === undefined ? 'all-layers' : `up-to-${maxLayer}`}.${extension}`),
        filters: { [label]: [extension] },
        title: vscode.l10n.t('Export coverage'),
      }));
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(exported.text));
    const open = vscode.l10n.t('Open');
    void vscode.window.showInformationMessage(vscode.l10n.t('Densho: coverage exported to {0}.', vscode.workspace.asRelativePath(uri)), open).then((answer) => {
      if (answer === open) void vscode.window.showTextDocument(uri);
    });
    return uri;
  };
