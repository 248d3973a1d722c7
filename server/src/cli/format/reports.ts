/** Text, Markdown and CSV renderings of the coverage, review and knowledge-risk reports. */
import type { CoverageReport, KnowledgeRisk, ReviewSchedule } from '../../engine';
import type { Colors } from '../io';

export function coverageText(report: CoverageReport, colors: Colors): string {
  const lines = [colors.bold(`${report.standard.title} coverage`), ''];
  for (const clause of report.clauses) {
    const indent = '  '.repeat(clause.level - 1);
    const mark = clause.gap ? colors.red('GAP') : clause.covered ? colors.green(' ✓ ') : colors.dim(' · ');
    const documented = clause.documented ? colors.cyan(' [documented information]') : '';
    const ids = clause.documents.map((document) => document.id).join(', ');
    lines.push(`${mark} ${indent}${clause.clause} ${clause.title}${documented}${ids ? colors.dim(`  ${ids}`) : ''}`);
    if (clause.experts && clause.experts.length > 0) lines.push(`    ${indent}${colors.dim(`expert sources: ${clause.experts.join(', ')}`)}`);
  }
  const { summary } = report;
  lines.push('', `${summary.covered} of ${summary.clauses} clauses covered; ${summary.gaps} of ${summary.documented} clauses requiring documented information have no approved document.`);
  return `${lines.join('\n')}\n`;
}

export function coverageMarkdown(report: CoverageReport): string {
  const lines = [
    `# ${report.standard.title} coverage`,
    '',
    `As of ${report.today}: ${report.summary.covered} of ${report.summary.clauses} clauses covered, ${report.summary.gaps} gaps among the ${report.summary.documented} clauses that require documented information.`,
    '',
    '| Clause | Title | Documented information | Documents | Status |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const clause of report.clauses) {
    const documents = clause.documents.map((document) => `${escapeMarkdown(document.id)} ${escapeMarkdown(document.title)}`).join('<br>');
    const status = clause.gap ? '**GAP**' : clause.covered ? 'covered' : '';
    lines.push(`| ${clause.clause} | ${escapeMarkdown(clause.title)} | ${clause.documented ? 'required' : ''} | ${documents} | ${status} |`);
  }
  return `${lines.join('\n')}\n`;
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\|*_`[\]<>]/g, (char) => `\\${char}`);
}

/** RFC 4180: one row per clause and document, so a spreadsheet can filter either way. */
export function coverageCsv(report: CoverageReport): string {
  const rows = [['clause', 'title', 'documented', 'covered', 'gap', 'document_id', 'document_title', 'file', 'direct']];
  for (const clause of report.clauses) {
    const base = [clause.clause, clause.title, String(clause.documented), String(clause.covered), String(clause.gap)];
    if (clause.documents.length === 0) rows.push([...base, '', '', '', '']);
    for (const document of clause.documents) rows.push([...base, document.id, document.title, document.file, String(document.direct)]);
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function csvField(value: string): string {
  // A leading =, +, - or @ would run as a formula when opened in a spreadsheet.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function reviewText(schedule: ReviewSchedule, colors: Colors): string {
  const lines = [colors.bold(`Review schedule as of ${schedule.today} (overdue, and due within ${schedule.within})`), ''];
  for (const owner of schedule.owners) {
    lines.push(colors.underline(owner.name ? `${owner.name} (${owner.owner})` : owner.owner));
    for (const review of owner.documents) {
      const state = review.state === 'overdue' ? colors.red(`overdue ${review.days}d`.padEnd(12)) : colors.yellow(`due in ${review.days}d`.padEnd(12));
      lines.push(`  ${state} ${review.due}  ${review.id} ${review.title}  ${colors.dim(review.file)}`);
    }
    lines.push('');
  }
  lines.push(`${schedule.summary.overdue} overdue, ${schedule.summary.dueSoon} due within ${schedule.within}.`);
  return `${lines.join('\n')}\n`;
}

export function riskText(risk: KnowledgeRisk, colors: Colors): string {
  const lines = [colors.bold(`Knowledge holders as of ${risk.today}`), ''];
  for (const holder of risk.experts) {
    const flags = [
      holder.left ? colors.red(`left ${holder.leaves}`) : holder.leavingSoon ? colors.red(`leaves ${holder.leaves}`) : holder.leaves ? `leaves ${holder.leaves}` : '',
      holder.active ? '' : colors.yellow('inactive'),
    ].filter(Boolean);
    const who = holder.name ? `${holder.name} (${holder.expert})` : holder.expert;
    lines.push(`${colors.underline(who)}${holder.role ? `, ${holder.role}` : ''}${flags.length ? `  ${flags.join(', ')}` : ''}`);
    lines.push(`  sole holder of ${holder.soleHolderOf} of ${holder.documents.length} document(s)`);
    for (const document of holder.documents) {
      lines.push(`  ${document.soleHolder ? colors.red('only') : '    '} ${document.id} ${document.title}`);
    }
    lines.push('');
  }
  lines.push(`${risk.summary.experts} expert sources; ${risk.summary.soleHeldDocuments} documents rest on one expert; ${risk.summary.atRisk} sole holders are leaving, gone or inactive.`);
  return `${lines.join('\n')}\n`;
}
