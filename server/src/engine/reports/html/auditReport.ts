/**
 * The audit pack as one self-contained HTML page: document register,
 * coverage, review schedule, knowledge-risk register and translation status.
 * It renders an `AuditPack` and nothing else, so what `--max-layer` withheld
 * from the pack cannot reach the page.
 */
import { reviewAgeBuckets, type AuditPack, type RegisterEntry } from '../auditPack';
import { columnChart } from './charts';
import { coverageChart, coverageMatrix, coverageSummaryText } from './coverageMatrix';
import { html, type Html, type HtmlValue } from './escape';
import { renderPage, type PageOptions } from './page';
import { skillsSection, skillsSummaryText } from './skillsMatrix';

export interface AuditReportOptions extends PageOptions {
  /** Shown in the header, e.g. the repository folder's name. */
  readonly name?: string;
  /** Shown in the footer, e.g. "Densho 0.1.0". */
  readonly generator?: string;
}

export function renderAuditReport(pack: AuditPack, options: AuditReportOptions = {}): string {
  const organisation = pack.organisation ?? options.name;
  const heading = organisation ? `Audit pack: ${organisation}` : 'Audit pack';
  const body = html`<header>
<h1>${heading}</h1>
<p class="lead">Documented information as of ${pack.today}. ${scopeText(pack)}</p>
${pack.maxLayer !== null ? html`<p class="notice">${scopeNotice(pack)}</p>` : ''}
${pack.at !== null ? html`<p class="notice">The document register shows each document's revision in force on ${pack.at}: its version, approval and revision date then. The other sections show the repository as of ${pack.today}.</p>` : ''}
${findingsNotice(pack)}
${summaryStats(pack)}
<nav class="toc" aria-label="Sections"><a href="#register">Document register</a><a href="#findings">Findings</a><a href="#coverage">Coverage</a><a href="#reviews">Review schedule</a><a href="#knowledge">Knowledge risk</a>${pack.skills ? html`<a href="#skills">Competence</a>` : ''}<a href="#translations">Translations</a><a href="#revisions">Revision history</a></nav>
</header>
${registerSection(pack)}
${findingsSection(pack)}
${coverageSection(pack)}
${reviewSection(pack)}
${knowledgeSection(pack)}
${competenceSection(pack)}
${translationSection(pack)}
${revisionHistorySection(pack)}
<footer>Generated${options.generator ? ` by ${options.generator}` : ''} on ${pack.today}. ${scopeText(pack)} This file is self-contained: it loads nothing from anywhere and can be archived as a record.</footer>`;
  return renderPage({ title: `${heading} (${pack.today})`, body, data: pack, printFooter: `${organisation ? `${organisation} · ` : ''}Audit pack generated ${pack.today}` }, options);
}

/** What `check` found, on the first page: an auditor must not have to reach the last section to learn the pack is not clean. */
function findingsNotice(pack: AuditPack): Html {
  const { errors, warnings, documents } = pack.findings.summary;
  if (errors === 0 && warnings === 0) return html`<p class="notice ok"><code>densho check</code> found no errors and no warnings.</p>`;
  const invalid = pack.register.filter((entry) => entry.status === 'invalid').length;
  return html`<p class="notice ${errors > 0 ? 'bad' : 'warn'}"><b><code>densho check</code> found ${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'}</b> in ${documents} file${documents === 1 ? '' : 's'}${invalid > 0 ? html`; ${invalid} document${invalid === 1 ? '' : 's'} could not be read and ${invalid === 1 ? 'is' : 'are'} marked <span class="badge invalid">not valid</span> in the register` : ''}. See <a href="#findings">Findings</a>.</p>`;
}

function findingsSection(pack: AuditPack): Html {
  const rows = pack.findings.documents.flatMap((document) =>
    document.findings.map(
      (finding) => html`<tr data-severity="${finding.severity}">
<td>${document.id ?? ''}<span class="file">${document.file}</span></td>
<td data-sort="${String(finding.line).padStart(6, '0')}">${finding.line}</td>
<td><span class="badge ${finding.severity}">${finding.severity}</span></td>
<td><code>${finding.rule}</code></td>
<td>${finding.message}</td>
</tr>`,
    ),
  );
  const { errors, warnings, infos } = pack.findings.summary;
  return html`<section id="findings">
<h2>Findings</h2>
<p>What <code>densho check</code> reports, by document: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info.${pack.maxLayer === null ? '' : ' With a layer limit each finding is described by its rule, since a message may name a withheld document.'}</p>
${rows.length > 0 ? sortableTable('findings-table', `${rows.length} findings`, ['Document', 'Line', 'Severity', 'Rule', 'Message'], rows) : html`<p>Nothing to report.</p>`}
</section>`;
}

function scopeText(pack: AuditPack): string {
  return pack.maxLayer === null
    ? `All access layers (${pack.layers.join(', ')}).`
    : `Access layers up to ${pack.maxLayer} (of ${pack.layers.join(', ')}).`;
}

function scopeNotice(pack: AuditPack): string {
  const count = pack.withheldDocuments;
  return `${count} document file${count === 1 ? '' : 's'} above layer ${pack.maxLayer} ${count === 1 ? 'is' : 'are'} withheld from this report: neither their ids nor their titles appear. Coverage counts them only as numbers.`;
}

function summaryStats(pack: AuditPack): Html {
  const { errors, warnings } = pack.findings.summary;
  const gaps = pack.coverage.reduce((sum, coverage) => sum + coverage.gaps, 0);
  const outdated = pack.translations.reduce((sum, pair) => sum + pair.summary.outdated, 0);
  const missing = pack.translations.filter((pair) => pair.required).reduce((sum, pair) => sum + pair.summary.missing, 0);
  const stat = (value: number, label: string, tone: '' | 'bad' | 'warn' = '') => html`<div class="stat${value > 0 && tone ? ` ${tone}` : ''}"><b>${value}</b>${label}</div>`;
  return html`<div class="meta-grid">
${stat(pack.register.length, 'documents in the register')}
${stat(errors, 'check errors', 'bad')}
${stat(warnings, 'check warnings', 'warn')}
${stat(gaps, 'coverage gaps', 'bad')}
${stat(pack.schedule.summary.overdue, 'reviews overdue', 'bad')}
${stat(pack.schedule.summary.dueSoon, `reviews due within ${pack.schedule.within}`, 'warn')}
${stat(pack.risk.summary.atRisk, 'sole knowledge holders leaving or gone', 'bad')}
${stat(outdated + missing, 'translations outdated or missing', 'warn')}
</div>`;
}

/** A sortable table: `columns` are header labels, each row's cells in the same order. */
function sortableTable(id: string, caption: string, columns: readonly string[], rows: readonly Html[]): Html {
  return html`<table id="${id}" data-sortable>
<caption class="muted">${caption}</caption>
<thead><tr>${columns.map((label, col) => html`<th data-col="${col}" scope="col"><button type="button">${label}</button><span class="print-label">${label}</span></th>`)}</tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function select(label: string, attribute: string, values: readonly string[]): Html {
  const unique = [...new Set(values)].sort();
  return html`<label>${label} <select data-attr="${attribute}"><option value="">all</option>${unique.map((value) => html`<option value="${value}">${value}</option>`)}</select></label>`;
}

function checkCell(entry: RegisterEntry): Html {
  if (entry.errors === 0 && entry.warnings === 0) return html`<span class="badge ok">clean</span>`;
  return html`${entry.errors > 0 ? html`<span class="badge error">${entry.errors} error${entry.errors === 1 ? '' : 's'}</span> ` : ''}${entry.warnings > 0 ? html`<span class="badge warning">${entry.warnings} warning${entry.warnings === 1 ? '' : 's'}</span>` : ''}`;
}

const person = (key: string | null, name: string | null): HtmlValue => (key === null ? html`<span class="muted">—</span>` : name ? html`${name}<span class="file">${key}</span>` : key);

function reviewBadge(entry: RegisterEntry): Html {
  switch (entry.reviewState) {
    case 'overdue':
      return html`<span class="badge overdue">overdue</span>`;
    case 'due-soon':
      return html`<span class="badge due-soon">due soon</span>`;
    case 'current':
      return html`<span class="badge ok">current</span>`;
    case 'future':
      return html`<span class="badge gap">review date in the future</span>`;
    case 'invalid-date':
      return html`<span class="badge gap">review date invalid</span>`;
    default:
      return html`<span class="badge none">not scheduled</span>`;
  }
}

/** The register's version and approval columns: today's, or with `--at` the revision in force then (null: none was). */
function revisionColumns(entry: RegisterEntry): { version: number | null; approvedBy: string | null; approvedByName: string | null; approved: string | null; revisionDate: string | null } | null {
  if (entry.inForce === undefined) return entry;
  return entry.inForce && { ...entry.inForce, revisionDate: entry.inForce.date };
}

function registerSection(pack: AuditPack): Html {
  const layerRank = (access: string | null) => (access === null ? '' : String(pack.layers.indexOf(access)));
  const rows = pack.register.map((entry) => ({ entry, revision: revisionColumns(entry) })).map(
    ({ entry, revision }) => html`<tr data-type="${entry.type ?? '(unknown)'}" data-status="${entry.status}" data-access="${entry.access ?? '(none)'}" data-review="${entry.reviewState}">
<td>${entry.id ?? html`<span class="muted">(no id)</span>`}</td>
<td>${entry.title || html`<span class="muted">(no title)</span>`}${entry.otherTitle ? html`<span class="file">${entry.otherTitle}</span>` : ''}<span class="file">${entry.file}</span></td>
<td>${entry.type ?? html`<span class="muted">—</span>`}</td>
<td data-sort="${revision?.version == null ? '' : String(revision.version).padStart(6, '0')}">${revision ? (revision.version ?? '') : html`<span class="badge none">not in force</span>`}</td>
<td><span class="badge ${entry.status}">${entry.status === 'invalid' ? 'not valid' : entry.status}</span>${entry.problem ? html`<span class="problem">${entry.problem}</span>` : ''}</td>
<td data-sort="${String(entry.errors * 10000 + entry.warnings).padStart(8, '0')}">${checkCell(entry)}</td>
<td>${person(entry.owner, entry.ownerName)}</td>
<td>${entry.reviewed ?? ''}</td>
<td data-sort="${entry.nextReview ?? ''}">${entry.nextReview ?? ''} ${reviewBadge(entry)}</td>
<td data-sort="${layerRank(entry.access)}">${entry.access ?? html`<span class="badge gap">none</span>`}</td>
<td>${entry.languages.map((language, i) => html`${i > 0 ? ' ' : ''}<span class="badge ${language.state === 'source' ? 'none' : language.state === 'current' ? 'current' : 'outdated'}" title="${language.file}">${language.lang}${language.state === 'outdated' ? ' (outdated)' : ''}</span>`)}</td>
<td>${person(revision?.approvedBy ?? null, revision?.approvedByName ?? null)}</td>
<td>${revision?.approved ?? ''}</td>
<td>${revision?.revisionDate ?? ''}</td>
</tr>`,
  );
  return html`<section id="register">
<h2>Document register${pack.at !== null ? ` as in force on ${pack.at}` : ''}</h2>
<p class="muted">The master list of documented information (ISO 9001:2015, 7.5.3): every controlled document with its version, status, open findings, owner, review dates, access layer, languages and approval.<span class="screen-only"> Click a column heading to sort.</span></p>
<form class="filters" data-for="register-table" aria-label="Filter the register">
<label>Search <input type="search" placeholder="id, title, owner, file"></label>
${select('Type', 'data-type', pack.register.map((entry) => entry.type ?? '(unknown)'))}
${select('Status', 'data-status', pack.register.map((entry) => entry.status))}
${select('Layer', 'data-access', pack.register.map((entry) => entry.access ?? '(none)'))}
${select('Review', 'data-review', pack.register.map((entry) => entry.reviewState))}
<span><output>${pack.register.length}</output> of ${pack.register.length} documents shown</span>
</form>
${sortableTable('register-table', `${pack.register.length} documents`, ['ID', 'Title', 'Type', 'Version', 'Status', 'Check', 'Owner', 'Last review', 'Next review', 'Access layer', 'Languages', 'Approved by', 'Approved', 'Revision date'], rows)}
</section>`;
}

function coverageSection(pack: AuditPack): Html {
  const standards = pack.coverage.map(
    ({ report, withheld }, i) => html`<h3>${report.standard.title}</h3>
<p>${coverageSummaryText(report, withheld)}</p>
${coverageChart(report, withheld)}
${coverageMatrix(report, { withheld, idPrefix: `coverage-${i}` })}`,
  );
  return html`<section id="coverage">
<h2>Coverage</h2>
<p class="muted">Which approved documents cover which clause; a document mapped to a subclause counts for its parent. Clauses that require documented information and have none are gaps.</p>
${standards.length > 0 ? standards : html`<p>No standard is configured.</p>`}
</section>`;
}

function reviewSection(pack: AuditPack): Html {
  const { schedule } = pack;
  const rows = schedule.owners.flatMap((owner) =>
    owner.documents.map(
      (review) => html`<tr data-state="${review.state}">
<td>${review.id}</td><td>${review.title}<span class="file">${review.file}</span></td><td>${review.lang}</td><td>${person(owner.owner, owner.name)}</td>
<td>${review.reviewed}</td><td>${review.due}</td>
<td data-sort="${review.state === 'overdue' ? String(100000 + review.days) : String(100000 - review.days)}">${review.state === 'overdue' ? html`<span class="badge overdue">overdue ${review.days} d</span>` : html`<span class="badge due-soon">due in ${review.days} d</span>`}</td>
</tr>`,
    ),
  );
  const buckets = reviewAgeBuckets(pack.register);
  const chart = columnChart(
    'Age of the last review',
    buckets.map((bucket) => ({ label: bucket.label, value: bucket.count, ...(bucket.overdue > 0 ? { tone: 'bad' as const } : {}) })),
    'months since the last review (red: holds overdue documents)',
  );
  return html`<section id="reviews">
<h2>Review schedule</h2>
<p>${schedule.summary.overdue} overdue, ${schedule.summary.dueSoon} due within ${schedule.within} (approved documents, every language).</p>
<div class="cols">
<div>
${rows.length > 0 ? sortableTable('review-table', 'Overdue and due soon, most urgent first', ['ID', 'Title', 'Lang', 'Owner', 'Last review', 'Due', 'State'], rows) : html`<p>Nothing is overdue or due soon.</p>`}
</div>
<figure>${chart}<figcaption class="muted">Age of the last review of each document in the register.</figcaption></figure>
</div>
</section>`;
}

function knowledgeSection(pack: AuditPack): Html {
  const { risk } = pack;
  const rows = risk.experts.map((holder) => {
    const state = holder.left
      ? html`<span class="badge left">left ${holder.leaves}</span>`
      : holder.leavingSoon
        ? html`<span class="badge leaving">leaves ${holder.leaves}</span>`
        : holder.leaves
          ? html`leaves ${holder.leaves}`
          : '';
    const only = holder.documents.filter((document) => document.soleHolder);
    const shared = holder.documents.filter((document) => !document.soleHolder);
    const list = (documents: typeof holder.documents) =>
      html`<ul class="plain">${documents.map((document) => html`<li><b>${document.id}</b> ${document.title}</li>`)}</ul>`;
    return html`<tr data-risk="${String(holder.left || holder.leavingSoon || !holder.active)}">
<td>${person(holder.expert, holder.name)}</td><td>${holder.role ?? ''}</td>
<td data-sort="${holder.leaves ?? '9999'}">${state}${holder.active ? '' : html` <span class="badge inactive">inactive</span>`}</td>
<td data-sort="${String(holder.soleHolderOf).padStart(4, '0')}">${only.length > 0 ? list(only) : html`<span class="muted">none</span>`}</td>
<td>${shared.length > 0 ? list(shared) : ''}</td>
</tr>`;
  });
  return html`<section id="knowledge">
<h2>Knowledge-risk register</h2>
<p class="muted">Organizational knowledge (ISO 9001:2015, 7.1.6): each expert source whose know-how a document records, the documents that rest on them alone, and when they leave. Most at risk first.</p>
<p>${risk.summary.experts} expert sources; ${risk.summary.soleHeldDocuments} documents rest on one expert; ${risk.summary.atRisk} sole holders are leaving, gone or inactive.</p>
${sortableTable('knowledge-table', 'Expert sources', ['Expert', 'Role', 'Leaving', 'Only they hold', 'Shared with others'], rows)}
</section>`;
}

/** The skills matrix, retraining and succession (ISO 9001 7.2, 7.1.6): only when training.yaml exists. */
function competenceSection(pack: AuditPack): Html {
  if (!pack.skills) return html``;
  return html`<section id="skills">
<h2>Competence</h2>
<p class="muted">Who can do each procedure, at which level, from the training records (ISO 9001:2015, 7.2 and 7.1.6). ${skillsSummaryText(pack.skills)}</p>
${skillsSection(pack.skills)}
</section>`;
}

function translationSection(pack: AuditPack): Html {
  const pairs = pack.translations.map((pair, i) => {
    const rows = pair.documents.map(
      (document) => html`<tr data-state="${document.state}"><td>${document.id}</td><td>${document.title}<span class="file">${document.file}</span></td>
<td><span class="badge ${document.state}">${document.state}</span></td><td>${document.sourceVersion ?? ''}</td><td>${document.translatedFromVersion ?? ''}</td><td>${document.translation ? html`<span class="file">${document.translation}</span>` : ''}</td></tr>`,
    );
    return html`<h3>${pair.source} → ${pair.target}${pair.required ? ' (required)' : ''}</h3>
<p>${pair.summary.current} current, ${pair.summary.outdated} outdated, ${pair.summary.missing} missing.</p>
<form class="filters" data-for="translation-table-${i}" aria-label="Filter translations"><label>State <select data-attr="data-state"><option value="">all</option><option value="current">current</option><option value="outdated">outdated</option><option value="missing">missing</option></select></label><span><output>${pair.documents.length}</output> shown</span></form>
${sortableTable(`translation-table-${i}`, `${pair.source} → ${pair.target}`, ['ID', 'Title', 'State', 'Source version', 'Translated from', 'Translation'], rows)}`;
  });
  return html`<section id="translations">
<h2>Translation status</h2>
<p class="muted">Per language pair: whether each document in the source language has a translation that matches its current version.</p>
${pairs.length > 0 ? pairs : html`<p>Only one language is configured.</p>`}
</section>`;
}

function revisionHistorySection(pack: AuditPack): Html {
  const { history } = pack;
  const tables = history.documents
    .filter((document) => document.revisions.length > 0)
    .map((document) => {
      const rows = document.revisions.map(
        (revision) => html`<tr><td>${revision.version ?? ''}</td><td>${revision.date}</td><td>${revision.author}</td><td>${revision.approvedBy ?? ''}${revision.approved ? html` <span class="muted">${revision.approved}</span>` : ''}</td><td>${revision.change}</td><td>${revision.summary}<span class="file">${revision.commit.slice(0, 12)}</span></td></tr>`,
      );
      return html`<h3>${document.id ?? document.file}</h3>
${sortableTable(`revisions-${document.file}`, document.file, ['Version', 'Date', 'Author', 'Approved by', 'Change', 'Summary'], rows)}`;
    });
  return html`<section id="revisions">
<h2>Revision history</h2>
<p class="muted">Control of changes (ISO 9001:2015, 7.5.3.2): each document's revisions from Git, newest first, with who approved each version.</p>
${history.notice !== null ? html`<p class="notice">${history.notice}</p>` : tables.length > 0 ? tables : html`<p>No document has been committed yet.</p>`}
</section>`;
}
