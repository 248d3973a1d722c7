/**
 * The audit pack as one self-contained HTML page: document register,
 * coverage, review schedule, knowledge-risk register and translation status.
 * It renders an `AuditPack` and nothing else, so what `--max-layer` withheld
 * from the pack cannot reach the page.
 */
import { renderMessage, type MessageId } from '../../messages';
import { reviewAgeBuckets, type AuditPack, type RegisterEntry, type RegisterReviewState } from '../auditPack';
import { columnChart } from './charts';
import { coverageChart, coverageMatrix, coverageSummaryText } from './coverageMatrix';
import { html, type Html, type HtmlValue } from './escape';
import { CHECK_COMMAND, labelsFor, type Labels } from './labels';
import { renderPage, type PageOptions } from './page';
import { skillsSection, skillsSummaryText } from './skillsMatrix';

export interface AuditReportOptions extends PageOptions {
  /** Shown in the header, e.g. the repository folder's name. */
  readonly name?: string;
  /** Shown in the footer, e.g. "Densho 0.1.0". */
  readonly generator?: string;
}

export function renderAuditReport(pack: AuditPack, options: AuditReportOptions = {}): string {
  const t = labelsFor(options.locale);
  const organisation = pack.organisation ?? options.name;
  const heading = organisation ? t.text('html.audit-pack-of', { organisation }) : t.text('html.audit-pack');
  const body = html`<header>
<h1>${heading}</h1>
<p class="lead">${t.text('html.documented-as-of', { today: pack.today })} ${scopeText(t, pack)}</p>
${pack.maxLayer !== null ? html`<p class="notice">${t.text('html.withheld-notice', { count: pack.withheldDocuments, layer: pack.maxLayer })}</p>` : ''}
${pack.at !== null ? html`<p class="notice">${t.text('html.at-notice', { at: pack.at, today: pack.today })}</p>` : ''}
${findingsNotice(t, pack)}
${summaryStats(t, pack)}
<nav class="toc" aria-label="${t.text('html.sections')}"><a href="#register">${t.text('html.section.register')}</a><a href="#findings">${t.text('html.section.findings')}</a><a href="#coverage">${t.text('html.section.coverage')}</a><a href="#reviews">${t.text('html.section.reviews')}</a><a href="#knowledge">${t.text('html.section.knowledge')}</a>${pack.skills ? html`<a href="#skills">${t.text('html.section.competence')}</a>` : ''}<a href="#translations">${t.text('html.section.translations')}</a><a href="#revisions">${t.text('html.section.revisions')}</a></nav>
</header>
${registerSection(t, pack)}
${findingsSection(t, pack)}
${coverageSection(t, pack)}
${reviewSection(t, pack)}
${knowledgeSection(t, pack)}
${competenceSection(t, pack)}
${translationSection(t, pack)}
${revisionHistorySection(t, pack)}
<footer>${options.generator ? t.text('html.generated-by', { generator: options.generator, today: pack.today }) : t.text('html.generated', { today: pack.today })} ${scopeText(t, pack)} ${t.text('html.self-contained-record')}</footer>`;
  const printFooter = organisation ? t.text('html.print-footer-of', { organisation, today: pack.today }) : t.text('html.print-footer', { today: pack.today });
  return renderPage({ title: `${heading} (${pack.today})`, body, data: pack, printFooter }, options);
}

/** What `check` found, on the first page: an auditor must not have to reach the last section to learn the pack is not clean. */
function findingsNotice(t: Labels, pack: AuditPack): Html {
  const { errors, warnings, documents } = pack.findings.summary;
  if (errors === 0 && warnings === 0) return html`<p class="notice ok">${t.rich('html.check-clean', { command: CHECK_COMMAND })}</p>`;
  const invalid = pack.register.filter((entry) => entry.status === 'invalid').length;
  const link = html`<a href="#findings">${t.text('html.section.findings')}</a>`;
  const where =
    invalid > 0
      ? t.rich('html.check-found-invalid', { documents, invalid, badge: html`<span class="badge invalid">${t.text('html.not-valid')}</span>`, link })
      : t.rich('html.check-found-in', { documents, link });
  return html`<p class="notice ${errors > 0 ? 'bad' : 'warn'}"><b>${t.rich('html.check-found', { command: CHECK_COMMAND, errors, warnings })}</b>${where}</p>`;
}

const SEVERITY_LABELS = { error: 'html.severity.error', warning: 'html.severity.warning', info: 'html.severity.info' } as const;

function findingsSection(t: Labels, pack: AuditPack): Html {
  const rows = pack.findings.documents.flatMap((document) =>
    document.findings.map(
      (finding) => html`<tr data-severity="${finding.severity}">
<td>${document.id ?? ''}<span class="file">${document.file}</span></td>
<td data-sort="${String(finding.line).padStart(6, '0')}">${finding.line}</td>
<td><span class="badge ${finding.severity}">${t.text(SEVERITY_LABELS[finding.severity])}</span></td>
<td><code>${finding.rule}</code></td>
<td>${finding.message}</td>
</tr>`,
    ),
  );
  const { errors, warnings, infos } = pack.findings.summary;
  return html`<section id="findings">
<h2>${t.text('html.section.findings')}</h2>
<p>${t.rich('html.findings-intro', { command: CHECK_COMMAND, errors, warnings, infos })}${pack.maxLayer === null ? '' : t.text('html.findings-layer-note')}</p>
${rows.length > 0 ? sortableTable('findings-table', t.text('html.findings-count', { count: rows.length }), columns(t, ['document', 'line', 'severity', 'rule', 'message']), rows) : html`<p>${t.text('html.nothing-to-report')}</p>`}
</section>`;
}

function scopeText(t: Labels, pack: AuditPack): string {
  return pack.maxLayer === null ? t.text('html.scope-all', { layers: pack.layers }) : t.text('html.scope-up-to', { layer: pack.maxLayer, layers: pack.layers });
}

type Column = 'document' | 'line' | 'severity' | 'rule' | 'message' | 'id' | 'title' | 'type' | 'version' | 'status' | 'check' | 'owner' | 'last-review' | 'next-review' | 'access-layer' | 'languages' | 'approved-by' | 'approved' | 'revision-date' | 'lang' | 'due' | 'state' | 'expert' | 'role' | 'leaving' | 'only-they-hold' | 'shared' | 'source-version' | 'translated-from' | 'translation' | 'date' | 'author' | 'change' | 'summary';

function columns(t: Labels, names: readonly Column[]): string[] {
  return names.map((name) => t.text(`html.col.${name}`));
}

function summaryStats(t: Labels, pack: AuditPack): Html {
  const { errors, warnings } = pack.findings.summary;
  const gaps = pack.coverage.reduce((sum, coverage) => sum + coverage.gaps, 0);
  const outdated = pack.translations.reduce((sum, pair) => sum + pair.summary.outdated, 0);
  const missing = pack.translations.filter((pair) => pair.required).reduce((sum, pair) => sum + pair.summary.missing, 0);
  const stat = (value: number, label: string, tone: '' | 'bad' | 'warn' = '') => html`<div class="stat${value > 0 && tone ? ` ${tone}` : ''}"><b>${value}</b>${label}</div>`;
  return html`<div class="meta-grid">
${stat(pack.register.length, t.text('html.stat.documents'))}
${stat(errors, t.text('html.stat.errors'), 'bad')}
${stat(warnings, t.text('html.stat.warnings'), 'warn')}
${stat(gaps, t.text('html.stat.gaps'), 'bad')}
${stat(pack.schedule.summary.overdue, t.text('html.stat.overdue'), 'bad')}
${stat(pack.schedule.summary.dueSoon, t.text('html.stat.due-soon', { within: pack.schedule.within }), 'warn')}
${stat(pack.risk.summary.atRisk, t.text('html.stat.at-risk'), 'bad')}
${stat(outdated + missing, t.text('html.stat.translations'), 'warn')}
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

/** A filter: `shown` gives an option's label when it is not the value as written in the files. */
function select(t: Labels, label: string, attribute: string, values: readonly string[], shown: (value: string) => string = (value) => value): Html {
  const unique = [...new Set(values)].sort();
  return html`<label>${label} <select data-attr="${attribute}"><option value="">${t.text('html.all')}</option>${unique.map((value) => html`<option value="${value}">${shown(value)}</option>`)}</select></label>`;
}

function checkCell(t: Labels, entry: RegisterEntry): Html {
  if (entry.errors === 0 && entry.warnings === 0) return html`<span class="badge ok">${t.text('html.clean')}</span>`;
  return html`${entry.errors > 0 ? html`<span class="badge error">${t.text('html.errors', { count: entry.errors })}</span> ` : ''}${entry.warnings > 0 ? html`<span class="badge warning">${t.text('html.warnings', { count: entry.warnings })}</span>` : ''}`;
}

const person = (key: string | null, name: string | null): HtmlValue => (key === null ? html`<span class="muted">—</span>` : name ? html`${name}<span class="file">${key}</span>` : key);

const REVIEW_BADGES: Readonly<Record<RegisterReviewState, readonly [badge: string, label: `html.review.${string}` & MessageId]>> = {
  overdue: ['overdue', 'html.review.overdue'],
  'due-soon': ['due-soon', 'html.review.due-soon'],
  current: ['ok', 'html.review.current'],
  future: ['gap', 'html.review.future'],
  'invalid-date': ['gap', 'html.review.invalid-date'],
  'not-scheduled': ['none', 'html.review.none'],
};

function reviewLabel(t: Labels, state: string): string {
  return t.text((REVIEW_BADGES[state as RegisterReviewState] ?? REVIEW_BADGES['not-scheduled'])[1]);
}

function reviewBadge(t: Labels, entry: RegisterEntry): Html {
  const [badge] = REVIEW_BADGES[entry.reviewState];
  return html`<span class="badge ${badge}">${reviewLabel(t, entry.reviewState)}</span>`;
}

/** The register's version and approval columns: today's, or with `--at` the revision in force then (null: none was). */
function revisionColumns(entry: RegisterEntry): { version: number | null; approvedBy: string | null; approvedByName: string | null; approved: string | null; revisionDate: string | null } | null {
  if (entry.inForce === undefined) return entry;
  return entry.inForce && { ...entry.inForce, revisionDate: entry.inForce.date };
}

// The filters' values for a document without a type or a layer: matched by the page's script, shown by their labels.
const UNKNOWN_TYPE = '(unknown)';
const NO_LAYER = '(none)';

function registerSection(t: Labels, pack: AuditPack): Html {
  const layerRank = (access: string | null) => (access === null ? '' : String(pack.layers.indexOf(access)));
  const rows = pack.register.map((entry) => ({ entry, revision: revisionColumns(entry) })).map(
    ({ entry, revision }) => html`<tr data-type="${entry.type ?? UNKNOWN_TYPE}" data-status="${entry.status}" data-access="${entry.access ?? NO_LAYER}" data-review="${entry.reviewState}">
<td>${entry.id ?? html`<span class="muted">${t.text('html.no-id')}</span>`}</td>
<td>${entry.title || html`<span class="muted">${t.text('html.no-title')}</span>`}${entry.otherTitle ? html`<span class="file">${entry.otherTitle}</span>` : ''}<span class="file">${entry.file}</span></td>
<td>${entry.type ?? html`<span class="muted">—</span>`}</td>
<td data-sort="${revision?.version == null ? '' : String(revision.version).padStart(6, '0')}">${revision ? (revision.version ?? '') : html`<span class="badge none">${t.text('html.not-in-force')}</span>`}</td>
<td><span class="badge ${entry.status}">${entry.status === 'invalid' ? t.text('html.not-valid') : entry.status}</span>${entry.problem ? html`<span class="problem">${entry.problem}</span>` : ''}</td>
<td data-sort="${String(entry.errors * 10000 + entry.warnings).padStart(8, '0')}">${checkCell(t, entry)}</td>
<td>${person(entry.owner, entry.ownerName)}</td>
<td>${entry.reviewed ?? ''}</td>
<td data-sort="${entry.nextReview ?? ''}">${entry.nextReview ?? ''} ${reviewBadge(t, entry)}</td>
<td data-sort="${layerRank(entry.access)}">${entry.access ?? html`<span class="badge gap">${t.text('html.none')}</span>`}</td>
<td>${entry.languages.map((language, i) => html`${i > 0 ? ' ' : ''}<span class="badge ${language.state === 'source' ? 'none' : language.state === 'current' ? 'current' : 'outdated'}" title="${language.file}">${language.state === 'outdated' ? t.text('html.outdated', { text: language.lang }) : language.lang}</span>`)}</td>
<td>${person(revision?.approvedBy ?? null, revision?.approvedByName ?? null)}</td>
<td>${revision?.approved ?? ''}</td>
<td>${revision?.revisionDate ?? ''}</td>
</tr>`,
  );
  return html`<section id="register">
<h2>${pack.at !== null ? t.text('html.register-heading-at', { at: pack.at }) : t.text('html.section.register')}</h2>
<p class="muted">${t.text('html.register-intro')}<span class="screen-only">${t.text('html.click-to-sort')}</span></p>
<form class="filters" data-for="register-table" aria-label="${t.text('html.filter-register')}">
<label>${t.text('html.search')} <input type="search" placeholder="${t.text('html.search-register')}"></label>
${select(t, t.text('html.filter.type'), 'data-type', pack.register.map((entry) => entry.type ?? UNKNOWN_TYPE), (type) => (type === UNKNOWN_TYPE ? t.text('html.unknown-type') : type))}
${select(t, t.text('html.filter.status'), 'data-status', pack.register.map((entry) => entry.status), (status) => (status === 'invalid' ? t.text('html.not-valid') : status))}
${select(t, t.text('html.filter.layer'), 'data-access', pack.register.map((entry) => entry.access ?? NO_LAYER), (layer) => (layer === NO_LAYER ? t.text('html.no-layer') : layer))}
${select(t, t.text('html.filter.review'), 'data-review', pack.register.map((entry) => entry.reviewState), (state) => reviewLabel(t, state))}
<span>${t.rich('html.documents-shown', { shown: html`<output>${pack.register.length}</output>`, total: pack.register.length })}</span>
</form>
${sortableTable('register-table', t.text('html.documents-count', { count: pack.register.length }), columns(t, ['id', 'title', 'type', 'version', 'status', 'check', 'owner', 'last-review', 'next-review', 'access-layer', 'languages', 'approved-by', 'approved', 'revision-date']), rows)}
</section>`;
}

function coverageSection(t: Labels, pack: AuditPack): Html {
  const standards = pack.coverage.map(
    ({ report, withheld }, i) => html`<h3>${report.standard.title}</h3>
<p>${coverageSummaryText(t, report, withheld)}</p>
${coverageChart(t, report, withheld)}
${coverageMatrix(report, { withheld, idPrefix: `coverage-${i}`, locale: t.locale })}`,
  );
  return html`<section id="coverage">
<h2>${t.text('html.section.coverage')}</h2>
<p class="muted">${t.text('html.coverage-intro')}</p>
${standards.length > 0 ? standards : html`<p>${t.text('html.no-standard')}</p>`}
</section>`;
}

function reviewSection(t: Labels, pack: AuditPack): Html {
  const { schedule } = pack;
  const rows = schedule.owners.flatMap((owner) =>
    owner.documents.map(
      (review) => html`<tr data-state="${review.state}">
<td>${review.id}</td><td>${review.title}<span class="file">${review.file}</span></td><td>${review.lang}</td><td>${person(owner.owner, owner.name)}</td>
<td>${review.reviewed}</td><td>${review.due}</td>
<td data-sort="${review.state === 'overdue' ? String(100000 + review.days) : String(100000 - review.days)}">${review.state === 'overdue' ? html`<span class="badge overdue">${t.text('html.overdue-days', { days: review.days })}</span>` : html`<span class="badge due-soon">${t.text('html.due-in-days', { days: review.days })}</span>`}</td>
</tr>`,
    ),
  );
  const buckets = reviewAgeBuckets(pack.register);
  const chart = columnChart(
    t.text('html.review-age-title'),
    buckets.map((bucket) => ({ label: renderMessage(bucket.label, t.locale), value: bucket.count, ...(bucket.overdue > 0 ? { tone: 'bad' as const } : {}) })),
    t.text('html.review-age-axis'),
  );
  return html`<section id="reviews">
<h2>${t.text('html.section.reviews')}</h2>
<p>${t.text('html.review-summary', { overdue: schedule.summary.overdue, dueSoon: schedule.summary.dueSoon, within: schedule.within })}</p>
<div class="cols">
<div>
${rows.length > 0 ? sortableTable('review-table', t.text('html.review-table-caption'), columns(t, ['id', 'title', 'lang', 'owner', 'last-review', 'due', 'state']), rows) : html`<p>${t.text('html.nothing-due')}</p>`}
</div>
<figure>${chart}<figcaption class="muted">${t.text('html.review-age-caption')}</figcaption></figure>
</div>
</section>`;
}

function knowledgeSection(t: Labels, pack: AuditPack): Html {
  const { risk } = pack;
  const rows = risk.experts.map((holder) => {
    const state = holder.left
      ? html`<span class="badge left">${t.text('risk.left', { day: holder.leaves ?? '' })}</span>`
      : holder.leavingSoon
        ? html`<span class="badge leaving">${t.text('risk.leaves', { day: holder.leaves ?? '' })}</span>`
        : holder.leaves
          ? t.text('risk.leaves', { day: holder.leaves })
          : '';
    const only = holder.documents.filter((document) => document.soleHolder);
    const shared = holder.documents.filter((document) => !document.soleHolder);
    const list = (documents: typeof holder.documents) =>
      html`<ul class="plain">${documents.map((document) => html`<li><b>${document.id}</b> ${document.title}</li>`)}</ul>`;
    return html`<tr data-risk="${String(holder.left || holder.leavingSoon || !holder.active)}">
<td>${person(holder.expert, holder.name)}</td><td>${holder.role ?? ''}</td>
<td data-sort="${holder.leaves ?? '9999'}">${state}${holder.active ? '' : html` <span class="badge inactive">${t.text('risk.inactive')}</span>`}</td>
<td data-sort="${String(holder.soleHolderOf).padStart(4, '0')}">${only.length > 0 ? list(only) : html`<span class="muted">${t.text('html.none')}</span>`}</td>
<td>${shared.length > 0 ? list(shared) : ''}</td>
</tr>`;
  });
  return html`<section id="knowledge">
<h2>${t.text('html.knowledge-heading')}</h2>
<p class="muted">${t.text('html.knowledge-intro')}</p>
<p>${t.text('risk.summary', { experts: risk.summary.experts, sole: risk.summary.soleHeldDocuments, atRisk: risk.summary.atRisk })}</p>
${sortableTable('knowledge-table', t.text('html.knowledge-caption'), columns(t, ['expert', 'role', 'leaving', 'only-they-hold', 'shared']), rows)}
</section>`;
}

/** The skills matrix, retraining and succession (ISO 9001 7.2, 7.1.6): only when training.yaml exists. */
function competenceSection(t: Labels, pack: AuditPack): Html {
  if (!pack.skills) return html``;
  return html`<section id="skills">
<h2>${t.text('html.section.competence')}</h2>
<p class="muted">${t.text('html.competence-intro', { summary: skillsSummaryText(t, pack.skills) })}</p>
${skillsSection(t, pack.skills)}
</section>`;
}

const TRANSLATION_STATES = { current: 'html.translation.current', outdated: 'html.translation.outdated', missing: 'html.translation.missing' } as const;

function translationSection(t: Labels, pack: AuditPack): Html {
  const pairs = pack.translations.map((pair, i) => {
    const rows = pair.documents.map(
      (document) => html`<tr data-state="${document.state}"><td>${document.id}</td><td>${document.title}<span class="file">${document.file}</span></td>
<td><span class="badge ${document.state}">${t.text(TRANSLATION_STATES[document.state])}</span></td><td>${document.sourceVersion ?? ''}</td><td>${document.translatedFromVersion ?? ''}</td><td>${document.translation ? html`<span class="file">${document.translation}</span>` : ''}</td></tr>`,
    );
    const states = (['current', 'outdated', 'missing'] as const).map((state) => html`<option value="${state}">${t.text(TRANSLATION_STATES[state])}</option>`);
    return html`<h3>${pair.source} → ${pair.target}${pair.required ? t.text('html.required') : ''}</h3>
<p>${t.text('html.translation-summary', pair.summary)}</p>
<form class="filters" data-for="translation-table-${i}" aria-label="${t.text('html.filter-translations')}"><label>${t.text('html.col.state')} <select data-attr="data-state"><option value="">${t.text('html.all')}</option>${states}</select></label><span>${t.rich('html.shown', { shown: html`<output>${pair.documents.length}</output>` })}</span></form>
${sortableTable(`translation-table-${i}`, `${pair.source} → ${pair.target}`, columns(t, ['id', 'title', 'state', 'source-version', 'translated-from', 'translation']), rows)}`;
  });
  return html`<section id="translations">
<h2>${t.text('html.translations-heading')}</h2>
<p class="muted">${t.text('html.translations-intro')}</p>
${pairs.length > 0 ? pairs : html`<p>${t.text('html.one-language')}</p>`}
</section>`;
}

function revisionHistorySection(t: Labels, pack: AuditPack): Html {
  const { history } = pack;
  const tables = history.documents
    .filter((document) => document.revisions.length > 0)
    .map((document) => {
      const rows = document.revisions.map(
        (revision) => html`<tr><td>${revision.version ?? ''}</td><td>${revision.date}</td><td>${revision.author}</td><td>${revision.approvedBy ?? ''}${revision.approved ? html` <span class="muted">${revision.approved}</span>` : ''}</td><td>${revision.change}</td><td>${revision.summary}<span class="file">${revision.commit.slice(0, 12)}</span></td></tr>`,
      );
      return html`<h3>${document.id ?? document.file}</h3>
${sortableTable(`revisions-${document.file}`, document.file, columns(t, ['version', 'date', 'author', 'approved-by', 'change', 'summary']), rows)}`;
    });
  return html`<section id="revisions">
<h2>${t.text('html.section.revisions')}</h2>
<p class="muted">${t.text('html.revisions-intro')}</p>
${history.notice !== null ? html`<p class="notice">${renderMessage(history.notice, t.locale)}</p>` : tables.length > 0 ? tables : html`<p>${t.text('html.nothing-committed')}</p>`}
</section>`;
}
