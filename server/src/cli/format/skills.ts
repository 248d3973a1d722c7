/**
 * The skills matrix for people: a grid of level symbols with a legend, the
 * qualified count against `min-qualified`, the retraining list and the
 * succession list; as text, Markdown and CSV.
 */
import { csvRows, LEVEL_SYMBOLS, markdownText, message, renderMessage, terminalText as t, TRAINING_LEVELS, type Locale, type Message, type SkillsDocument, type SkillsMatrix, type SkillsRecord } from '../../engine';
import type { Colors } from '../io';
import { csvHeader, markdownHeader, markdownLabels } from './reports';
const OUTDATED = '!';

export function skillsLegend(locale: Locale = 'en'): string {
  return `${TRAINING_LEVELS.map((level) => `${LEVEL_SYMBOLS[level]} ${level}`).join('  ')}  ${OUTDATED} ${renderMessage(message('skills.outdated-legend'), locale)}`;
}

function cell(record: SkillsRecord | undefined): string {
  if (!record) return '·';
  return `${LEVEL_SYMBOLS[record.level]}${record.current ? '' : OUTDATED}`;
}

/** The cell of one row and person: a row holds its own records, so no search through the whole matrix. */
function recordOf(document: SkillsDocument, person: string): SkillsRecord | undefined {
  return document.records.find((record) => record.person === person);
}

export function skillsText(matrix: SkillsMatrix, colors: Colors, locale: Locale): string {
  const s = (text: Message) => renderMessage(text, locale);
  const lines = [colors.bold(s(message('skills.title', { today: matrix.today }))), colors.dim(skillsLegend(locale)), ''];
  const people = matrix.people.map((person) => t(person.person));
  const idWidth = Math.max(8, ...matrix.documents.map((document) => t(document.id).length));
  const widths = people.map((person) => Math.max(person.length, 2));
  lines.push(`${''.padEnd(idWidth)}  ${people.map((person, i) => person.padEnd(widths[i]!)).join('  ')}  ${s(message('skills.qualified'))}`);
  for (const document of matrix.documents) {
    const cells = matrix.people.map((person, i) => cell(recordOf(document, person.person)).padEnd(widths[i]!));
    const count = document.required > 0 ? `${document.qualified.length}/${document.required}` : String(document.qualified.length);
    const short = document.qualified.length < document.required;
    lines.push(`${t(document.id).padEnd(idWidth)}  ${cells.join('  ')}  ${short ? colors.red(count) : colors.green(count)}  ${colors.dim(t(document.title))}`);
  }
  if (matrix.documents.length === 0) lines.push(colors.dim(s(message('skills.no-procedures'))));
  const none = `  ${s(message('skills.none'))}`;
  const retrain = (item: SkillsMatrix['retraining'][number]) => `  ${t(item.person)}  ${t(item.id)}  ${s(message('skills.retrain-item', { trainedOn: item.trainedOn, current: item.currentVersion }))}`;
  lines.push('', colors.bold(s(message('skills.retraining'))), ...(matrix.retraining.length === 0 ? [none] : matrix.retraining.map(retrain)));
  lines.push('', colors.bold(s(message('skills.succession'))));
  const leaving = (item: SkillsMatrix['succession'][number]) => s(message('skills.leaving', { people: item.leaving.map((person) => message('skills.leaves', { person: t(person.person), day: person.leaves })) }));
  lines.push(...(matrix.succession.length === 0 ? [none] : matrix.succession.map((item) => `  ${t(item.id)}  ${leaving(item)}`)));
  const { summary } = matrix;
  lines.push('', s(message('skills.summary', { documents: summary.documents, below: summary.belowMinimum, minimum: matrix.minQualified, retraining: summary.retraining, succession: summary.succession })));
  return `${lines.join('\n')}\n`;
}

export function skillsMarkdown(matrix: SkillsMatrix, locale: Locale = 'en'): string {
  const s = markdownLabels(locale);
  const people = matrix.people.map((person) => markdownText(person.name ? `${person.name} (${person.person})` : person.person));
  const lines = [
    `# ${s(message('html.skills-heading'))}`,
    '',
    `${s(message('html.as-of', { today: matrix.today }))} ${markdownText(skillsLegend(locale))}`,
    '',
    ...markdownHeader([s(message('html.col.document')), s(message('html.col.title')), ...people, s(message('html.col.qualified'))], ['---', '---', ...people.map(() => ':---:'), '---:']),
  ];
  for (const document of matrix.documents) {
    const cells = matrix.people.map((person) => cell(recordOf(document, person.person)));
    const count = document.required > 0 ? `${document.qualified.length}/${document.required}` : String(document.qualified.length);
    lines.push(`| ${markdownText(document.id)} | ${markdownText(document.title)} | ${cells.join(' | ')} | ${document.qualified.length < document.required ? `**${count}**` : count} |`);
  }
  const none = s(message('md.none'));
  lines.push('', `## ${s(message('skills.retraining'))}`, '');
  lines.push(...(matrix.retraining.length === 0 ? [none] : matrix.retraining.map((item) => `- ${markdownText(item.person)}: ${markdownText(item.id)}, ${s(message('skills.retrain-item', { trainedOn: item.trainedOn, current: item.currentVersion }))}`)));
  lines.push('', `## ${s(message('html.succession'))}`, '');
  lines.push(...(matrix.succession.length === 0 ? [none] : matrix.succession.map((item) => `- ${markdownText(item.id)} ${markdownText(item.title)}: ${s(message('skills.leaving', { people: item.leaving.map((person) => message('skills.leaves', { person: person.person, day: person.leaves })) }))}`)));
  return `${lines.join('\n')}\n`;
}

/** One row per document and person with a record, so a spreadsheet can pivot either way. */
export function skillsCsv(matrix: SkillsMatrix, locale: Locale = 'en'): string {
  const rows = [csvHeader(['document_id', 'title', 'required', 'qualified', 'person', 'level', 'version', 'date', 'trainer', 'current'], locale)];
  for (const document of matrix.documents) {
    const base = [document.id, document.title, String(document.required), String(document.qualified.length)];
    if (document.records.length === 0) rows.push([...base, '', '', '', '', '', '']);
    for (const record of document.records) {
      rows.push([...base, record.person, record.level, String(record.version), record.date ?? '', record.trainer ?? '', String(record.current)]);
    }
  }
  return csvRows(rows);
}
