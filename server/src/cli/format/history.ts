/** Text, Markdown and CSV renderings of `densho history`, and the text of `densho changes`. */
import type { ChangesReport, HistoryReport, Locale, Message } from '../../engine';
import type { Colors } from '../io';
import { csvRows, markdownText, message, renderMessage } from '../../engine';
import { padColumns } from './columns';
import { csvHeader, markdownHeader, markdownLabels } from './reports';

/**
 * Names, subjects and paths come from commits and documents: control
 * characters (an ANSI escape, a carriage return that rewrites the line) are
 * shown as escapes, so nothing printed can forge or recolour a line.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const version = (value: number | null): string => (value === null ? '—' : `v${value}`);

export function historyText(report: HistoryReport, colors: Colors, locale: Locale): string {
  const s = (text: Message) => renderMessage(text, locale);
  const lines: string[] = [];
  for (const document of report.documents) {
    lines.push(colors.bold(`${document.id === null ? s(message('history.no-id')) : terminalSafe(document.id)} (${terminalSafe(document.lang)})  ${terminalSafe(document.file)}`));
    if (document.revisions.length === 0) lines.push(colors.dim(`  ${s(message('history.not-committed'))}`));
    for (const revision of document.revisions) {
      const approvedBy = revision.approvedBy && terminalSafe(revision.approvedBy);
      const approval = !approvedBy
        ? message('history.not-approved')
        : revision.approved
          ? message('history.approved-by-on', { person: approvedBy, day: terminalSafe(revision.approved) })
          : message('history.approved-by', { person: approvedBy });
      lines.push(`  ${colors.cyan(version(revision.version).padEnd(4))} ${revision.date}  ${revision.change.padEnd(5)}  ${colors.dim(revision.commit.slice(0, 7))}  ${terminalSafe(revision.summary)}`);
      lines.push(`  ${' '.repeat(4)} ${colors.dim(s(message('history.by', { author: terminalSafe(revision.author), approval })))}`);
    }
    if (document.inForce !== undefined) {
      const inForce = document.inForce;
      const day = report.at ?? '';
      lines.push(
        inForce
          ? `  ${colors.green(s(message('history.in-force', { day, version: version(inForce.version) })))} (${inForce.date}, ${inForce.commit.slice(0, 7)})`
          : `  ${colors.yellow(s(message('history.nothing-in-force', { day })))}`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

export function historyMarkdown(report: HistoryReport, locale: Locale = 'en'): string {
  const s = markdownLabels(locale);
  const lines = [`# ${s(message('html.section.revisions'))}`, ''];
  const at = report.at ?? '';
  if (report.at) lines.push(s(message('md.in-force-on', { at })), '');
  const columns = (['html.col.version', 'html.col.date', 'html.col.change', 'html.col.author', 'html.col.approved-by', 'html.col.approved', 'md.col.commit', 'html.col.summary'] as const).map((id) => s(message(id)));
  for (const document of report.documents) {
    lines.push(`## ${document.id === null ? s(message('html.no-id')) : markdownText(document.id)} (${markdownText(document.lang)}): ${markdownText(document.file)}`, '');
    if (document.inForce !== undefined) {
      const inForce = document.inForce;
      lines.push(inForce ? s(message('md.in-force-version', { at, version: String(inForce.version ?? '?'), date: inForce.date, commit: inForce.commit.slice(0, 7) })) : s(message('md.nothing-in-force', { at })), '');
    }
    if (document.revisions.length === 0) {
      lines.push(s(message('md.not-committed')), '');
      continue;
    }
    lines.push(...markdownHeader(columns));
    for (const revision of document.revisions) {
      const cells = [String(revision.version ?? ''), revision.date, revision.change, markdownText(revision.author), markdownText(revision.approvedBy ?? ''), markdownText(revision.approved ?? ''), `\`${revision.commit.slice(0, 7)}\``, markdownText(revision.summary)];
      lines.push(`| ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

/** RFC 4180: one row per revision; with --at, whether each row is the one in force. */
export function historyCsv(report: HistoryReport, locale: Locale = 'en'): string {
  const rows = [csvHeader(['id', 'lang', 'file', 'version', 'change', 'date', 'author', 'approved_by', 'approved', 'commit', 'summary', ...(report.at ? (['in_force'] as const) : [])], locale)];
  for (const document of report.documents) {
    for (const revision of document.revisions) {
      const row = [document.id ?? '', document.lang, document.file, String(revision.version ?? ''), revision.change, revision.date, revision.author, revision.approvedBy ?? '', revision.approved ?? '', revision.commit, revision.summary];
      if (report.at) row.push(String(document.inForce?.commit === revision.commit));
      rows.push(row);
    }
  }
  return csvRows(rows);
}

export function changesText(report: ChangesReport, colors: Colors, locale: Locale): string {
  const s = (text: Message) => renderMessage(text, locale);
  const lines: string[] = [];
  const translated = report.file !== report.source;
  const since = message('changes.since', { version: String(report.fromVersion ?? '?'), date: report.fromDate, commit: report.fromCommit.slice(0, 7) });
  const now = message('changes.now', { version: String(report.toVersion ?? '?') });
  const source = terminalSafe(report.source);
  lines.push(colors.bold(s(translated ? message('changes.title-translation', { file: terminalSafe(report.file), source, since, now }) : message('changes.title', { source, since, now }))));
  if (report.sections.length === 0) lines.push(s(report.diff ? message('changes.only-front-matter') : message('changes.nothing')));
  else {
    lines.push('', s(message('changes.sections')));
    const label = (id: 'changes.mark-added' | 'changes.mark-removed' | 'changes.mark-modified') => padColumns(s(message(id)), 10);
    const mark = { added: colors.green(label('changes.mark-added')), removed: colors.red(label('changes.mark-removed')), modified: colors.yellow(label('changes.mark-modified')) };
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
