/**
 * The coverage matrix, clauses × documents: one renderer for the audit pack,
 * `densho coverage --format html` and the VS Code webview.
 */
import type { CoverageReport } from '../coverage';
import { barChart, type BarGroup } from './charts';
import { html, type Html } from './escape';
import { labelsFor, type Labels } from './labels';
import { renderPage, type PageOptions } from './page';

export interface CoverageMatrixOptions extends PageOptions {
  /** Clause → number of withheld documents covering it (from the audit pack under `--max-layer`). */
  readonly withheld?: Readonly<Record<string, number>>;
  /** Prefix for element ids, so several matrices can share a page. */
  readonly idPrefix?: string;
  /**
   * The editor's webview only: each gap's row gets a button that asks the
   * editor for a new document for that clause; clause → its label.
   */
  readonly newDocumentLabel?: (clause: string) => string;
}

/** A whole page (strict CSP, no remote resources) holding the matrix: for the CLI and the VS Code webview. */
export function renderCoverageMatrix(report: CoverageReport, options: CoverageMatrixOptions = {}): string {
  const t = labelsFor(options.locale);
  const body = html`<header>
<h1>${t.text('html.coverage-matrix-heading', { standard: report.standard.title })}</h1>
<p class="lead">${t.text('html.as-of', { today: report.today })} ${coverageSummaryText(t, report, options.withheld)}</p>
</header>
${coverageChart(t, report, options.withheld)}
${coverageMatrix(report, options)}
<footer>${t.text('html.self-contained-page')}</footer>`;
  return renderPage({ title: t.text('coverage.title', { standard: report.standard.title }), body, data: report }, options);
}

export function coverageSummaryText(t: Labels, report: CoverageReport, withheld: Readonly<Record<string, number>> = {}): string {
  const gaps = report.clauses.filter((clause) => clause.gap && !withheld[clause.clause]).length;
  const withheldOnly = report.clauses.filter((clause) => clause.gap && withheld[clause.clause]).length;
  const counts = { covered: report.summary.covered, clauses: report.summary.clauses, gaps, documented: report.summary.documented };
  return withheldOnly > 0 ? t.text('html.coverage-summary-withheld', { ...counts, withheld: withheldOnly }) : t.text('html.coverage-summary', counts);
}

/** Coverage per top-level clause group, as an inline SVG bar chart. */
export function coverageChart(t: Labels, report: CoverageReport, withheld: Readonly<Record<string, number>> = {}): Html {
  const groups: BarGroup[] = [];
  for (const top of report.clauses.filter((clause) => clause.level === 1)) {
    const members = report.clauses.filter((clause) => clause.clause === top.clause || clause.clause.startsWith(`${top.clause}.`));
    const covered = members.filter((clause) => clause.covered || withheld[clause.clause]).length;
    const documented = members.filter((clause) => clause.documented);
    const documentedCovered = documented.filter((clause) => !clause.gap || withheld[clause.clause]).length;
    const bars = [{ label: t.text('html.chart.covered'), value: covered, max: members.length, caption: `${covered} / ${members.length}` }];
    if (documented.length > 0) {
      bars.push({
        label: t.text('html.chart.documented'),
        value: documentedCovered,
        max: documented.length,
        caption: `${documentedCovered} / ${documented.length}`,
        ...(documentedCovered < documented.length ? { tone: 'bad' as const } : { tone: 'di' as const }),
      });
    }
    groups.push({ label: `${top.clause} ${top.title}`, bars });
  }
  return html`<figure class="coverage-chart">${barChart(t.text('html.chart.title', { standard: report.standard.title }), groups, [
    { label: t.text('html.chart.covered') },
    { label: t.text('html.chart.di-present'), tone: 'di' },
    { label: t.text('html.chart.di-missing'), tone: 'bad' },
  ])}</figure>`;
}

/** The matrix itself with its filters: an HTML fragment. */
export function coverageMatrix(report: CoverageReport, options: CoverageMatrixOptions = {}): Html {
  const t = labelsFor(options.locale);
  const prefix = options.idPrefix ?? 'coverage';
  const withheld = options.withheld ?? {};
  const hasWithheld = Object.keys(withheld).length > 0;
  const columns = new Map<string, { id: string; title: string; file: string }>();
  for (const clause of report.clauses) for (const document of clause.documents) if (!columns.has(document.id)) columns.set(document.id, document);
  const documents = [...columns.values()].sort((a, b) => a.id.localeCompare(b.id));
  const tableId = `${prefix}-matrix`;

  const rows = report.clauses.map((clause) => {
    const byId = new Map(clause.documents.map((document) => [document.id, document]));
    const hidden = withheld[clause.clause] ?? 0;
    const gap = clause.gap && hidden === 0;
    const newDocument = gap && options.newDocumentLabel ? html` <button type="button" class="new-document" data-clause="${clause.clause}">${options.newDocumentLabel(clause.clause)}</button>` : '';
    const status = gap
      ? html`<span class="badge gap">${t.text('html.matrix.gap')}</span>${newDocument}`
      : clause.gap
        ? html`<span class="badge due-soon">${t.text('html.matrix.withheld-only')}</span>`
        : clause.covered
          ? html`<span class="badge ok">${t.text('html.matrix.covered')}</span>`
          : '';
    const cells = documents.map((document) => {
      const entry = byId.get(document.id);
      if (!entry) return html`<td class="cell"></td>`;
      return entry.direct
        ? html`<td class="cell" title="${t.text('html.matrix.covers', { document: document.id, clause: clause.clause })}">●</td>`
        : html`<td class="cell" title="${t.text('html.matrix.covers-subclause', { document: document.id, clause: clause.clause })}">○</td>`;
    });
    const experts = clause.experts && clause.experts.length > 0 ? html`<div class="muted">${t.text('coverage.experts', { experts: clause.experts })}</div>` : '';
    return html`<tr class="level-${Math.min(clause.level, 4)}${gap ? ' gap' : ''}" data-clause="${clause.clause}" data-gap="${String(gap)}" data-documented="${String(clause.documented)}" data-level="${String(clause.level)}">
<td class="clause">${clause.clause}</td><td>${clause.title}${clause.documented ? html` <span class="badge di" title="${t.text('html.matrix.requires-di')}">${t.text('html.matrix.di')}</span>` : ''}${experts}</td><td>${status}</td>${hasWithheld ? html`<td class="cell">${hidden > 0 ? `+${hidden}` : ''}</td>` : ''}${cells}</tr>`;
  });

  return html`<form class="filters" data-for="${tableId}" aria-label="${t.text('html.filter-matrix')}">
<label>${t.text('html.search')} <input type="search" placeholder="${t.text('html.search-matrix')}"></label>
<label><input type="checkbox" data-attr="data-gap" value="true"> ${t.text('html.gaps-only')}</label>
<label><input type="checkbox" data-attr="data-documented" value="true"> ${t.text('html.matrix.requires-di')}</label>
<label>${t.text('html.depth')} <select data-attr="data-level"><option value="">${t.text('html.all')}</option><option value="1">${t.text('html.depth.clauses')}</option><option value="2">${t.text('html.depth.subclauses')}</option><option value="3">${t.text('html.depth.sub-subclauses')}</option></select></label>
<span>${t.rich('html.clauses-shown', { shown: html`<output>${report.clauses.length}</output>` })}</span>
</form>
<p class="legend">${t.rich('html.matrix-legend', { di: html`<span class="badge di">${t.text('html.matrix.di')}</span>`, gap: html`<span class="badge gap">${t.text('html.matrix.gap')}</span>` })}${hasWithheld ? t.text('html.matrix-legend-withheld') : ''}</p>
<div class="matrix-wrap">
<table class="matrix" id="${tableId}">
<thead><tr><th>${t.text('html.col.clause')}</th><th>${t.text('html.col.title')}</th><th>${t.text('html.col.status')}</th>${hasWithheld ? html`<th class="doc">${t.text('html.col.withheld')}</th>` : ''}${documents.map((document) => html`<th class="doc" title="${document.title}" data-file="${document.file}">${document.id}<div class="doc-title">${document.title}</div></th>`)}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>`;
}
