/** Export coverage: the coverage report as Markdown or CSV, the same renderings as `densho coverage --format md|csv`. */
import * as vscode from 'vscode';
import { coverageCsv, coverageMarkdown } from '../../../server/src/cli/format/reports';
import { CoverageRequest } from '../../../server/src/protocol';
import type { Ctx } from '../context';

export type CoverageFormat = 'markdown' | 'csv';

export interface ExportCoverageArgs {
  readonly format?: CoverageFormat;
  /** Where to write; asked for when absent. */
  readonly uri?: vscode.Uri;
}

const FORMATS: Record<CoverageFormat, { label: string; extension: string; render: typeof coverageMarkdown }> = {
  markdown: { label: 'Markdown', extension: 'md', render: coverageMarkdown },
  csv: { label: 'CSV', extension: 'csv', render: coverageCsv },
};

export const exportCoverage =
  (ctx: Ctx) =>
  async (args: ExportCoverageArgs = {}): Promise<vscode.Uri | undefined> => {
    const client = await ctx.start();
    const folder = ctx.folder();
    if (!client || !folder) {
      void vscode.window.showErrorMessage('Densho: the language server is not running, so there is no coverage to export.');
      return undefined;
    }
    const format =
      args.format ??
      (
        await vscode.window.showQuickPick(
          (Object.keys(FORMATS) as CoverageFormat[]).map((key) => ({ label: FORMATS[key].label, key })),
          { title: 'Export coverage as' },
        )
      )?.key;
    if (!format) return undefined;
    const report = await ctx.request(CoverageRequest, { folder: folder.uri.toString() });
    if (!report) {
      void vscode.window.showErrorMessage('Densho: no standard is configured (densho.yaml `standards`).');
      return undefined;
    }
    const { extension, label, render } = FORMATS[format];
    const uri =
      args.uri ??
      (await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(folder.uri, `coverage-${report.standard.id}.${extension}`),
        filters: { [label]: [extension] },
        title: 'Export coverage',
      }));
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(render(report)));
    void vscode.window.showInformationMessage(`Densho: coverage exported to ${vscode.workspace.asRelativePath(uri)}.`, 'Open').then((answer) => {
      if (answer === 'Open') void vscode.window.showTextDocument(uri);
    });
    return uri;
  };
