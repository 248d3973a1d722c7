/** The reports' only stylesheet: system fonts, no remote resources, readable on paper. */
export const REPORT_STYLES = `
:root { --fg: #1d232b; --muted: #5b6673; --line: #d5dae0; --bg-alt: #f4f6f8; --accent: #1f5fa8;
  --gap: #b3261e; --gap-bg: #fde8e6; --warn: #8a5300; --warn-bg: #fff3d6; --ok: #1e7a3c; --ok-bg: #e3f4e8; }
* { box-sizing: border-box; }
/* On screen and in the PDF alike, Japanese text falls back to a CJK font named here (Noto Sans CJK JP is Debian's fonts-noto-cjk, which .ci/setup installs): without one Chromium prints boxes, and pdftotext reads nothing back. */
html { font-family: system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Yu Gothic UI", "Noto Sans CJK JP", "Noto Sans JP", Roboto, Arial, sans-serif;
  font-size: 14px; color: var(--fg); background: #fff; }
body { margin: 0 auto; padding: 24px 32px 48px; max-width: 1400px; line-height: 1.45; }
h1 { font-size: 1.7rem; margin: 0 0 4px; }
h2 { font-size: 1.3rem; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.05rem; margin: 20px 0 6px; }
p.lead, .muted { color: var(--muted); }
code, .file { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK JP", "Noto Sans CJK JP", monospace; font-size: 0.85em; }
.file { color: var(--muted); display: block; }
nav.toc { display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 12px 0 0; padding: 8px 12px; background: var(--bg-alt); border-radius: 6px; }
nav.toc a { color: var(--accent); text-decoration: none; }
.meta-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 10px; margin: 16px 0; }
.stat { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.stat b { display: block; font-size: 1.5rem; }
.stat.bad b { color: var(--gap); }
.stat.warn b { color: var(--warn); }
.notice { border-left: 4px solid var(--warn); background: var(--warn-bg); padding: 8px 12px; margin: 12px 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
thead th { background: var(--bg-alt); position: sticky; top: 0; z-index: 1; }
th button { all: unset; cursor: pointer; font-weight: 600; }
th button:focus-visible { outline: 2px solid var(--accent); }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
tbody tr:nth-child(even) { background: #fafbfc; }
caption { text-align: left; caption-side: top; padding: 2px 0; }
table[data-sortable] td:first-child { white-space: nowrap; }
.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin: 8px 0; }
.filters input[type="search"] { min-width: 240px; padding: 4px 6px; }
.filters select, .filters input { font: inherit; }
.badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 0.8em; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.badge.gap, .badge.overdue, .badge.left, .badge.missing { color: var(--gap); background: var(--gap-bg); }
.badge.due-soon, .badge.leaving, .badge.outdated, .badge.draft, .badge.inactive { color: var(--warn); background: var(--warn-bg); }
.badge.ok, .badge.current, .badge.approved { color: var(--ok); background: var(--ok-bg); }
.badge.obsolete, .badge.none { color: var(--muted); }
.badge.di { color: var(--accent); }
.badge.invalid, .badge.error { color: var(--gap); background: var(--gap-bg); }
.badge.warning { color: var(--warn); background: var(--warn-bg); }
.badge.info { color: var(--accent); }
.problem { display: block; color: var(--gap); font-size: 0.85em; }
.notice.bad { border-left-color: var(--gap); background: var(--gap-bg); }
.notice.ok { border-left-color: var(--ok); background: var(--ok-bg); }
.print-label { display: none; }
tr.gap > td:first-child, tr.gap > th:first-child { box-shadow: inset 4px 0 0 var(--gap); }
tr.gap { background: var(--gap-bg) !important; }
table.matrix { width: auto; font-size: 0.85em; }
table.matrix th.doc { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: 500; padding: 6px 2px; }
table.matrix th.doc .doc-title { font-weight: 400; opacity: 0.75; margin-top: 6px; max-height: 14em; overflow: hidden; text-overflow: ellipsis; }
table.matrix th.doc.opens { cursor: pointer; text-decoration: underline; }
tr.focus > td { outline: 2px solid var(--gap); outline-offset: -2px; }
table.matrix td.cell { text-align: center; min-width: 22px; color: var(--accent); }
table.matrix td.clause { white-space: nowrap; }
table.matrix .level-1 { font-weight: 700; }
table.matrix .level-2 td.clause { padding-left: 14px; }
table.matrix .level-3 td.clause, table.matrix .level-4 td.clause { padding-left: 28px; }
.matrix-wrap { overflow: auto; max-height: 80vh; border: 1px solid var(--line); }
.legend { color: var(--muted); font-size: 0.9em; }
svg.chart { max-width: 100%; height: auto; font-family: inherit; }
svg.chart text { font-size: 12px; fill: var(--fg); }
svg.chart .bar-bg { fill: var(--bg-alt); }
svg.chart .bar { fill: var(--accent); }
svg.chart .bar.di { fill: #6aa0d8; }
svg.chart .bar.bad { fill: var(--gap); }
svg.chart .bar.warn { fill: #d08a00; }
svg.chart .axis { stroke: var(--line); }
.cols { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 16px 32px; }
ul.plain { list-style: none; margin: 0; padding: 0; }
footer { margin-top: 40px; color: var(--muted); font-size: 0.85em; border-top: 1px solid var(--line); padding-top: 8px; }
[hidden] { display: none !important; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  html { font-size: 10.5px; }
  body { padding: 0; max-width: none; }
  .filters, nav.toc, .no-print, .screen-only { display: none !important; }
  /* A repeated header row is painted again on every page; a button inside it is not: print the label as text. */
  th button { display: none; }
  th .print-label { display: inline; font-weight: 600; }
  tr[hidden] { display: table-row !important; }
  thead th { position: static; background: var(--bg-alt); }
  .matrix-wrap { overflow: visible; max-height: none; border: 0; }
  section { break-before: page; }
  section:first-of-type { break-before: auto; }
  tr, .stat, svg { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
`;
