/**
 * The skills matrix, procedures × people with level symbols: one renderer for
 * `densho skills --format html`, the audit pack and the VS Code webview.
 */
import { TRAINING_LEVELS, type TrainingLevel } from '../../training';
import { message } from '../../messages';
import type { SkillsMatrix } from '../skills';
import { html, type Html } from './escape';
import { labelsFor, type Labels } from './labels';
import { renderPage, type PageOptions } from './page';

/** The quarter circles of a Japanese skills map (力量表): the more filled, the more the person can do alone. */
export const LEVEL_SYMBOLS: Readonly<Record<TrainingLevel, string>> = { learning: '◔', supervised: '◑', independent: '◕', trainer: '●' };

/** A whole page (strict CSP, no remote resources) holding the matrix. */
export function renderSkillsMatrix(matrix: SkillsMatrix, options: PageOptions = {}): string {
  const t = labelsFor(options.locale);
  const body = html`<header>
<h1>${t.text('html.skills-heading')}</h1>
<p class="lead">${t.text('html.as-of', { today: matrix.today })} ${skillsSummaryText(t, matrix)}</p>
</header>
${skillsSection(t, matrix)}
<footer>${t.text('html.self-contained-page')}</footer>`;
  return renderPage({ title: t.text('html.skills-heading'), body, data: matrix }, options);
}

export function skillsSummaryText(t: Labels, matrix: SkillsMatrix): string {
  const { summary } = matrix;
  return t.text('html.skills-summary', { documents: summary.documents, below: summary.belowMinimum, minimum: matrix.minQualified, retraining: summary.retraining, succession: summary.succession });
}

const LEVEL_LABELS = { learning: 'html.level.learning', supervised: 'html.level.supervised', independent: 'html.level.independent', trainer: 'html.level.trainer' } as const satisfies Record<TrainingLevel, string>;

/** The matrix, the retraining list and the succession list: an HTML fragment. */
export function skillsSection(t: Labels, matrix: SkillsMatrix): Html {
  const levels = TRAINING_LEVELS.map((level) => `${LEVEL_SYMBOLS[level]} ${t.text(LEVEL_LABELS[level])}`).join(' ');
  const legend = html`<p class="legend">${t.rich('html.skills-legend', { levels, badge: html`<span class="badge overdue">!</span>` })}</p>`;
  const header = matrix.people.map((person) => {
    const name = person.name ?? person.person;
    return html`<th class="doc" title="${person.leaves ? t.text('html.person-leaves', { person: name, day: person.leaves }) : name}">${person.person}</th>`;
  });
  const rows = matrix.documents.map((document) => {
    const byPerson = new Map(document.records.map((record) => [record.person, record]));
    const cells = matrix.people.map((person) => {
      const record = byPerson.get(person.person);
      if (!record) return html`<td class="cell">·</td>`;
      let detail = t.text('html.skills-record', { person: person.person, level: message(LEVEL_LABELS[record.level]), version: record.version });
      if (record.date) detail = t.text('html.skills-record-dated', { record: detail, date: record.date });
      if (record.trainer) detail = t.text('html.skills-record-taught', { record: detail, trainer: record.trainer });
      if (!record.current) detail = t.text('html.outdated', { text: detail });
      return html`<td class="cell" title="${detail}">${LEVEL_SYMBOLS[record.level]}${record.current ? '' : html`<span class="badge overdue">!</span>`}</td>`;
    });
    const short = document.qualified.length < document.required;
    const count = document.required > 0 ? `${document.qualified.length} / ${document.required}` : String(document.qualified.length);
    return html`<tr${short ? html` class="gap"` : ''}><td class="clause">${document.id}</td><td>${document.title}</td><td>${short ? html`<span class="badge gap">${count}</span>` : html`<span class="badge ok">${count}</span>`}</td>${cells}</tr>`;
  });
  const retraining =
    matrix.retraining.length === 0
      ? html`<p>${t.text('html.nobody-retraining')}</p>`
      : html`<table><thead><tr><th>${t.text('html.col.person')}</th><th>${t.text('html.col.document')}</th><th>${t.text('html.col.trained-on')}</th><th>${t.text('html.col.current-version')}</th></tr></thead><tbody>${matrix.retraining.map(
          (item) => html`<tr><td>${item.person}</td><td>${item.id}</td><td>${item.trainedOn}</td><td>${item.currentVersion}</td></tr>`,
        )}</tbody></table>`;
  const succession =
    matrix.succession.length === 0
      ? html`<p>${t.text('html.succession-fine')}</p>`
      : html`<table><thead><tr><th>${t.text('html.col.document')}</th><th>${t.text('html.col.title')}</th><th>${t.text('html.col.qualified-leaving')}</th></tr></thead><tbody>${matrix.succession.map(
          (item) => html`<tr><td>${item.id}</td><td>${item.title}</td><td>${t.text('skills.leaving', { people: item.leaving.map((person) => message('html.leaving-on', { person: person.person, day: person.leaves })) })}</td></tr>`,
        )}</tbody></table>`;
  return html`${legend}
<div class="matrix-wrap">
<table class="matrix" id="skills-matrix">
<thead><tr><th>${t.text('html.col.document')}</th><th>${t.text('html.col.title')}</th><th>${t.text('html.col.qualified')}</th>${header}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>
<h3>${t.text('skills.retraining')}</h3>
${retraining}
<h3>${t.text('html.succession')}</h3>
${succession}`;
}
