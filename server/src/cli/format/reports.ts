/**
 * Text, Markdown and CSV renderings of the coverage, review and knowledge-risk
 * reports. Every value that comes from the repository goes through the
 * escaping for where it is printed: `t` (terminalText) for the terminal,
 * markdownText for Markdown, csvRows for CSV.
 */
import { csvRows, markdownText, message, renderMessage, terminalText as t, type CoverageReport, type KnowledgeRisk, type Locale, type Message, type MessageId, type ReviewSchedule } from '../../engine';
import type { Colors } from '../io';
import { padColumns } from './columns';

/** The text formats' words in the run's language; values from the repository are escaped for the terminal first. */
function say(locale: Locale): (text: Message) => string {
  return (text) => renderMessage(text, locale);
}

export function coverageText(report: CoverageReport, colors: Colors, locale: Locale): string {
  const s = say(locale);
  const lines = [colors.bold(s(message('coverage.title', { standard: t(report.standard.title) }))), ''];
  const gap = s(message('coverage.gap'));
  const width = Math.max(3, [...gap].length * (locale === 'ja' ? 2 : 1));
  for (const clause of report.clauses) {
    const indent = '  '.repeat(clause.level - 1);
    const mark = clause.gap ? colors.red(padColumns(gap, width)) : clause.covered ? colors.green(padColumns(' ✓', width)) : colors.dim(padColumns(' ·', width));
    const documented = clause.documented ? colors.cyan(` ${s(message('coverage.documented'))}`) : '';
    const ids = clause.documents.map((document) => t(document.id)).join(', ');
    lines.push(`${mark} ${indent}${t(clause.clause)} ${t(clause.title)}${documented}${ids ? colors.dim(`  ${ids}`) : ''}`);
    if (clause.experts && clause.experts.length > 0) lines.push(`    ${indent}${colors.dim(s(message('coverage.experts', { experts: clause.experts.map(t) })))}`);
  }
  const { summary } = report;
  lines.push('', s(message('coverage.summary', { covered: summary.covered, clauses: summary.clauses, gaps: summary.gaps, documented: summary.documented })));
  return `${lines.join('\n')}\n`;
}

/** A Markdown export's fixed words in `locale`; values from the files are escaped as Markdown text by the catalog. */
export function markdownLabels(locale: Locale): (text: Message) => string {
  return (text) => renderMessage(text, locale, 'markdown');
}

/** A Markdown table's header and rule lines. */
export function markdownHeader(labels: readonly string[], align: readonly string[] = labels.map(() => '---')): string[] {
  return [`| ${labels.join(' | ')} |`, `| ${align.join(' | ')} |`];
}

type CsvKey = MessageId extends infer Id ? (Id extends `csv.${infer Key}` ? Key : never) : never;

/** A CSV header row: the English keys by default, column names in the reader's language with --locale ja. */
export function csvHeader(keys: readonly CsvKey[], locale: Locale): string[] {
  return keys.map((key) => renderMessage(message(`csv.${key}`) as Message, locale));
}

export function coverageMarkdown(report: CoverageReport, locale: Locale = 'en'): string {
  const s = markdownLabels(locale);
  const { summary } = report;
  const lines = [
    `# ${s(message('coverage.title', { standard: report.standard.title }))}`,
    '',
    s(message('md.coverage-summary', { today: report.today, covered: summary.covered, clauses: summary.clauses, gaps: summary.gaps, documented: summary.documented })),
    '',
    ...markdownHeader([s(message('html.col.clause')), s(message('html.col.title')), s(message('md.col.documented')), s(message('md.col.documents')), s(message('html.col.status'))]),
  ];
  for (const clause of report.clauses) {
    const documents = clause.documents.map((document) => `${markdownText(document.id)} ${markdownText(document.title)}`).join('<br>');
    const status = clause.gap ? `**${s(message('html.matrix.gap'))}**` : clause.covered ? s(message('html.matrix.covered')) : '';
    lines.push(`| ${markdownText(clause.clause)} | ${markdownText(clause.title)} | ${clause.documented ? s(message('md.required')) : ''} | ${documents} | ${status} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** RFC 4180: one row per clause and document, so a spreadsheet can filter either way. */
export function coverageCsv(report: CoverageReport, locale: Locale = 'en'): string {
  const rows = [csvHeader(['clause', 'title', 'documented', 'covered', 'gap', 'document_id', 'document_title', 'file', 'direct'], locale)];
  for (const clause of report.clauses) {
    const base = [clause.clause, clause.title, String(clause.documented), String(clause.covered), String(clause.gap)];
    if (clause.documents.length === 0) rows.push([...base, '', '', '', '']);
    for (const document of clause.documents) rows.push([...base, document.id, document.title, document.file, String(document.direct)]);
  }
  return csvRows(rows);
}

export function reviewText(schedule: ReviewSchedule, colors: Colors, locale: Locale): string {
  const s = say(locale);
  const lines = [colors.bold(s(message('review-schedule.title', { today: schedule.today, within: t(schedule.within) }))), ''];
  for (const owner of schedule.owners) {
    lines.push(colors.underline(owner.name ? `${t(owner.name)} (${t(owner.owner)})` : t(owner.owner)));
    for (const review of owner.documents) {
      const state =
        review.state === 'overdue'
          ? colors.red(padColumns(s(message('review-schedule.overdue', { days: review.days })), 12))
          : colors.yellow(padColumns(s(message('review-schedule.due', { days: review.days })), 12));
      lines.push(`  ${state} ${review.due}  ${t(review.id)} ${t(review.title)}  ${colors.dim(t(review.file))}`);
    }
    lines.push('');
  }
  lines.push(s(message('review-schedule.summary', { overdue: schedule.summary.overdue, dueSoon: schedule.summary.dueSoon, within: t(schedule.within) })));
  return `${lines.join('\n')}\n`;
}

export function riskText(risk: KnowledgeRisk, colors: Colors, locale: Locale): string {
  const s = say(locale);
  const lines = [colors.bold(s(message('risk.title', { today: risk.today }))), ''];
  for (const holder of risk.experts) {
    const leaves = holder.leaves && s(message(holder.left ? 'risk.left' : 'risk.leaves', { day: holder.leaves }));
    const flags = [holder.left || holder.leavingSoon ? colors.red(leaves!) : (leaves ?? ''), holder.active ? '' : colors.yellow(s(message('risk.inactive')))].filter(Boolean);
    const who = holder.name ? `${t(holder.name)} (${t(holder.expert)})` : t(holder.expert);
    lines.push(`${colors.underline(who)}${holder.role ? `, ${t(holder.role)}` : ''}${flags.length ? `  ${flags.join(', ')}` : ''}`);
    lines.push(`  ${s(message('risk.sole-holder', { count: holder.soleHolderOf, total: holder.documents.length }))}`);
    for (const document of holder.documents) {
      const qualified = document.qualified === null ? '' : colors.dim(`  ${s(message('risk.qualified', { count: document.qualified }))}`);
      lines.push(`  ${document.soleHolder ? colors.red(padColumns(s(message('risk.only')), 4)) : '    '} ${t(document.id)} ${t(document.title)}${qualified}`);
    }
    lines.push('');
  }
  lines.push(s(message('risk.summary', { experts: risk.summary.experts, sole: risk.summary.soleHeldDocuments, atRisk: risk.summary.atRisk })));
  return `${lines.join('\n')}\n`;
}
