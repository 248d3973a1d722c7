/** Text, Markdown and CSV renderings of `densho history`, and the text of `densho changes`. */
import type { ChangesReport, HistoryReport } from '../../engine';
import type { Colors } from '../io';
import { csvRows, markdownText } from '../../engine';

/**
 * Names, subjects and paths come from commits and documents: control
 * characters (an ANSI escape, a carriage return that rewrites the line) are
 * shown as escapes, so nothing printed can forge or recolour a line.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const version = (value: number | null): string => (value === null ? '—' : `v${value}`);

export function historyText(report: HistoryReport, colors: Colors): string {
  const lines: string[] = [];
  for (const document of report.documents) {
    lines.push(colors.bold(`${terminalSafe(document.id ?? '(no id)')} (${terminalSafe(document.lang)})  ${terminalSafe(document.file)}`));
    if (document.revisions.length === 0) lines.push(colors.dim('  not committed yet: no revisions'));
    for (const revision of document.revisions) {
      const approval = revision.approvedBy ? `approved by ${terminalSafe(revision.approvedBy)}${revision.approved ? ` on ${terminalSafe(revision.approved)}` : ''}` : 'not approved';
      lines.push(`  ${colors.cyan(version(revision.version).padEnd(4))} ${revision.date}  ${revision.change.padEnd(5)}  ${colors.dim(revision.commit.slice(0, 7))}  ${terminalSafe(revision.summary)}`);
      lines.push(`  ${' '.repeat(4)} ${colors.dim(`by ${terminalSafe(revision.author)}; ${approval}`)}`);
    }
    if (document.inForce !== undefined) {
      const inForce = document.inForce;
      lines.push(inForce ? `  ${colors.green(`in force on ${report.at}: ${version(inForce.version)}`)} (${inForce.date}, ${inForce.commit.slice(0, 7)})` : `  ${colors.yellow(`nothing in force on ${report.at}`)}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

export function historyMarkdown(report: HistoryReport): string {
  const lines = ['# Revision history', ''];
  if (report.at) lines.push(`In force on ${report.at}.`, '');
  for (const document of report.documents) {
    lines.push(`## ${markdownText(document.id ?? '(no id)')} (${markdownText(document.lang)}): ${markdownText(document.file)}`, '');
    if (document.inForce !== undefined) {
      lines.push(document.inForce ? `In force on ${report.at}: version ${document.inForce.version ?? '?'} of ${document.inForce.date} (\`${document.inForce.commit.slice(0, 7)}\`).` : `Nothing in force on ${report.at}.`, '');
    }
    if (document.revisions.length === 0) {
      lines.push('Not committed yet: no revisions.', '');
      continue;
    }
    lines.push('| Version | Date | Change | Author | Approved by | Approved | Commit | Summary |', '| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const revision of document.revisions) {
      const cells = [String(revision.version ?? ''), revision.date, revision.change, markdownText(revision.author), markdownText(revision.approvedBy ?? ''), markdownText(revision.approved ?? ''), `\`${revision.commit.slice(0, 7)}\``, markdownText(revision.summary)];
      lines.push(`| ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

/** RFC 4180: one row per revision; with --at, whether each row is the one in force. */
export function historyCsv(report: HistoryReport): string {
  const header = ['id', 'lang', 'file', 'version', 'change', 'date', 'author', 'approved_by', 'approved', 'commit', 'summary'];
  if (report.at) header.push('in_force');
  const rows = [header];
  for (const document of report.documents) {
    for (const revision of document.revisions) {
      const row = [document.id ?? '', document.lang, document.file, String(revision.version ?? ''), revision.change, revision.date, revision.author, revision.approvedBy ?? '', revision.approved ?? '', revision.commit, revision.summary];
      if (report.at) row.push(String(document.inForce?.commit === revision.commit));
      rows.push(row);
    }
  }
  return csvRows(rows);
}

export function changesText(report: ChangesReport, colors: Colors): string {
  const lines: string[] = [];
  const translated = report.file !== report.source;
  const since = `version ${report.fromVersion ?? '?'} (${report.fromDate}, ${report.fromCommit.slice(0, 7)})`;
  const now = `version ${report.toVersion ?? '?'} now`;
  lines.push(colors.bold(translated ? `${terminalSafe(report.file)}: its source ${terminalSafe(report.source)} since ${since}, to ${now}` : `${terminalSafe(report.source)} since ${since}, to ${now}`));
  if (report.sections.length === 0) lines.push(report.diff ? 'No section changed: only the front matter, line endings or trailing blanks differ.' : 'Nothing changed.');
  else {
    lines.push('', 'Sections changed:');
    const mark = { added: colors.green('+ added   '), removed: colors.red('- removed '), modified: colors.yellow('~ modified') };
    for (const section of report.sections) lines.push(`  ${mark[section.change]}  ${terminalSafe(section.heading)} ${colors.dim(`#${terminalSafe(section.slug)}`)}`);
  }
  if (report.diff) {
    lines.push('');
    for (const line of report.diff.replace(/\n$/, '').split('\n')) {
      const safe = terminalSafe(line);
      if (line.startsWith('+++') || line.startsWith('---')) lines.push(colors.bold(safe));
      else if (line.startsWith('@@')) lines.push(colors.cyan(safe));
      else if (line.startsWith('+')) lines.push(colors.green(safe));
      else if (line.startsWith('-')) lines.push(colors.red(safe));
      else lines.push(safe);
    }
  }
  return `${lines.join('\n')}\n`;
}
