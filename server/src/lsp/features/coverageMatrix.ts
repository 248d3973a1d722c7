/**
 * densho/coverageMatrix: the coverage matrix webview's page, rendered here
 * by the engine (the same page as `densho coverage --format html`: strict
 * CSP with a fresh nonce, nothing remote, every text escaped), with the
 * panel's layer filter applied; and densho/exportCoverage, the Markdown and
 * CSV renderings of `densho coverage --format md|csv`.
 */
import { randomBytes } from 'node:crypto';
import { ErrorCodes } from 'vscode-languageserver';
import { coverageCsv, coverageMarkdown } from '../../cli/format/reports';
import { message, renderCoverageMatrix, renderMessage, type Message } from '../../engine';
import type { CoverageExportParams, CoverageMatrixPage, CoverageMatrixParams, CoverageReport } from '../../protocol';
import type { ServerContext } from '../context';
import { refusal } from '../convert';
import { coverage } from './reports';

export async function coverageMatrix(context: ServerContext, params: CoverageMatrixParams | undefined): Promise<CoverageMatrixPage> {
  if (typeof params?.cspSource !== 'string') throw refusal(ErrorCodes.InvalidParams, message('request.required-string', { name: 'cspSource' }), context.locale);
  const layers = Array.isArray(params.layers) ? params.layers.filter((layer): layer is string => typeof layer === 'string') : undefined;
  const report = await coverage(context, { folder: params.folder });
  const text = (label: Message) => renderMessage(label, context.locale);
  if (!report) return { title: text(message('html.coverage-matrix')), html: placeholder(text(message('html.no-standard-configured')), context.locale), files: [] };
  const view = filterByLayers(report, layers);
  const standard = report.standard.title;
  const title = !layers ? message('html.coverage-matrix-of', { standard }) : layers.length > 0 ? message('html.coverage-matrix-of-layers', { standard, layers }) : message('html.coverage-matrix-no-layer', { standard });
  return {
    files: [...new Set(view.report.clauses.flatMap((clause) => clause.documents.map((document) => document.file)))],
    title: text(title),
    html: renderCoverageMatrix(view.report, { nonce: randomBytes(18).toString('base64'), cspSource: params.cspSource, withheld: view.withheld, locale: context.locale, newDocumentLabel: (clause) => text(message('coverage.new-document', { clause })) }),
  };
}

const RENDERINGS = { markdown: coverageMarkdown, csv: coverageCsv } as const;

export async function exportCoverage(context: ServerContext, params: CoverageExportParams | undefined): Promise<{ standard: string; text: string } | null> {
  const render = params && Object.hasOwn(RENDERINGS, params.format) ? RENDERINGS[params.format] : undefined;
  if (!render) throw refusal(ErrorCodes.InvalidParams, message('request.one-of', { name: 'format', allowed: Object.keys(RENDERINGS) }), context.locale);
  const report = await coverage(context, params);
  return report ? { standard: report.standard.id, text: render(report, context.locale) } : null;
}

export interface LayerView {
  readonly report: CoverageReport;
  /** Clause → number of covering documents left out by the filter. */
  readonly withheld: Readonly<Record<string, number>>;
}

/**
 * The coverage report as it would be with only the documents of some
 * access layers, covered and gap flags recomputed, and per clause how many
 * documents were left out (the renderer's `withheld`).
 */
export function filterByLayers(report: CoverageReport, layers: readonly string[] | undefined): LayerView {
  if (!layers) return { report, withheld: {} };
  const shown = new Set(layers);
  const withheld: Record<string, number> = {};
  const clauses = report.clauses.map((clause) => {
    const documents = clause.documents.filter((document) => document.access !== null && shown.has(document.access));
    const left = clause.documents.length - documents.length;
    if (left > 0) withheld[clause.clause] = left;
    const covered = documents.length > 0;
    return { ...clause, documents, covered, gap: clause.documented && !covered };
  });
  const summary = {
    ...report.summary,
    covered: clauses.filter((clause) => clause.covered).length,
    gaps: clauses.filter((clause) => clause.gap).length,
  };
  return { report: { ...report, clauses, summary }, withheld };
}

function placeholder(text: string, lang: string): string {
  const escaped = text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  return `<!DOCTYPE html><html lang="${lang}"><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p>${escaped}</p></body></html>`;
}
