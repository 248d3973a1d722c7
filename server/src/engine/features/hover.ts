/**
 * Hover: a clause number shows its title and whether it requires documented
 * information; a link or `[[ID]]` shows the target's title, owner, layer,
 * status and review state; a person key shows name, role and leaving date.
 */
import { addDuration, formatDay } from '../dates';
import { markdownCode, markdownText } from '../escaping/markdown';
import { FIELDS } from '../frontmatter';
import { message, renderMessage, type Locale, type Message } from '../messages';
import { reviewState } from '../reports/reviewState';
import { clauseTitle } from '../standards/registry';
import type { Position, Range } from '../text';
import type { Workspace } from '../workspace';
import type { IndexedDocument } from '../workspaceIndex';
import { headingForFragment, targetAt, wikiIdRange } from './cursor';
import { describePersonMarkdown, qualifiedSummary } from './people';
import { trainingHover } from './trainingFile';

export interface HoverResult {
  /** Markdown; every value from the repository in it is escaped (a title is text, never a link or an image). */
  readonly contents: string;
  readonly range: Range;
}

/** `locale`: the language of the hover's own words (the repository's values are shown as written). */
export function hover(workspace: Workspace, path: string, position: Position, locale: Locale = 'en'): HoverResult | undefined {
  const training = workspace.trainingFile();
  if (training && path === training.file) return trainingHover(workspace, training.text, training.lines, position, locale);
  const say = (value: Message) => renderMessage(value, locale, 'markdown');
  const document = workspace.document(path);
  const target = targetAt(workspace, path, position);
  if (!document || !target) return undefined;
  switch (target.kind) {
    case 'field': {
      const key = target.entry.key;
      const standard = workspace.standards.find((candidate) => candidate.id === key);
      const description = FIELDS.find((field) => field.name === key)?.description ?? (standard ? message('field-help.standard', { standard: standard.title }) : undefined);
      const revisions = key === 'version' ? describeRevisions(workspace, path, locale) : '';
      return description ? { contents: `**${markdownText(key)}**: ${say(description)}${revisions}`, range: target.entry.keyRange } : undefined;
    }
    case 'clause': {
      const standard = workspace.standards.find((candidate) => candidate.id === target.standard)!;
      const clause = standard.clause(target.clause);
      const contents = clause
        ? `**${markdownText(standard.title)} ${markdownText(clause.number)}** ${markdownText(clauseTitle(clause, locale))}\n\n${say(message(clause.documented ? 'hover.clause-documented' : 'hover.clause-not-documented'))}`
        : say(message('hover.no-clause', { standard: standard.title, clause: target.clause }));
      return { contents, range: target.range };
    }
    case 'person': {
      const registry = workspace.people;
      const person = registry?.people.get(target.key);
      if (!registry) return { contents: say(message('hover.no-people-registry', { key: target.key })), range: target.range };
      return { contents: person ? describePersonMarkdown(workspace, person, locale) : say(message('hover.person-not-registered', { key: target.key, file: registry.file })), range: target.range };
    }
    case 'id-ref': {
      const linked = workspace.index.resolveId(target.id, document.meta.lang);
      return { contents: linked ? describeDocument(workspace, linked, locale) : say(message('hover.no-id', { id: target.id })), range: target.range };
    }
    case 'id': {
      const others = workspace.index.withId(target.id).filter((other) => other.path !== path);
      const backlinks = workspace.index.backlinks(path).filter((backlink) => backlink.from.path !== path).length;
      const lines = [`**${markdownText(target.id)}** · ${markdownText(document.meta.lang)}`];
      if (others.length > 0) lines.push(say(message('hover.also-kept-as', { files: others.map((other) => message('hover.file-in-language', { file: other.path, lang: other.meta.lang })) })));
      lines.push(say(message('hover.backlinks', { count: backlinks })));
      const competence = workspace.competence(workspace.index.resolveId(target.id, workspace.index.sourceLanguage) ?? document);
      if (competence) lines.push(qualifiedSummary(competence, locale));
      return { contents: lines.join('\n\n'), range: target.range };
    }
    case 'value': {
      if (target.entry.key !== 'version') return undefined;
      const revisions = describeRevisions(workspace, path, locale);
      return revisions ? { contents: revisions.trimStart(), range: target.scalar.range } : undefined;
    }
    case 'heading':
      return undefined;
    case 'link': {
      const { link } = target;
      const resolved = workspace.index.resolve(document, link);
      const range = link.kind === 'wiki' && target.part === 'target' ? wikiIdRange(link) : link.range;
      if (resolved.kind === 'external') return undefined;
      if (resolved.kind === 'outside') return { contents: say(message('hover.outside')), range };
      if (!resolved.document) {
        if (resolved.kind === 'id') return { contents: say(message('hover.no-id', { id: resolved.id })), range };
        return { contents: resolved.exists ? markdownCode(resolved.path) : say(message('hover.file-missing', { file: resolved.path })), range };
      }
      let contents = describeDocument(workspace, resolved.document, locale);
      if (link.fragment) {
        const heading = headingForFragment(resolved.document, link.fragment);
        contents += `\n\n${say(heading ? message('hover.section', { heading: `${'#'.repeat(heading.depth)} ${heading.text}` }) : message('hover.no-anchor', { anchor: `#${link.fragment}` }))}`;
      }
      return { contents, range };
    }
  }
}

/** The document's revisions from Git, newest first, as a Markdown table; why there are none otherwise. */
function describeRevisions(workspace: Workspace, path: string, locale: Locale): string {
  const say = (value: Message) => renderMessage(value, locale, 'markdown');
  const history = workspace.history;
  if (!history) return `\n\n${say(message('hover.no-history', { reason: workspace.historyUnavailable ?? message('history.not-read') }))}`;
  const revisions = history.of(path)?.revisions;
  if (!revisions) return `\n\n${say(message('hover.not-committed'))}`;
  const cell = (text: string) => text.replace(/[\\|*_`[\]<>]/g, (char) => `\\${char}`);
  const rows = [...revisions].reverse().map((revision) => {
    const approval = revision.approvedBy ? `${cell(revision.approvedBy)}${revision.approved ? ` ${revision.approved}` : ''}` : '';
    return `| ${revision.version ?? ''} | ${revision.date} | ${revision.change} | ${cell(revision.author)} | ${approval} | ${cell(revision.summary)} |`;
  });
  const columns = REVISION_COLUMNS.map((column) => say(message(column)));
  return `\n\n**${say(message('hover.revisions'))}**\n\n| ${columns.join(' | ')} |\n${columns.map(() => '| ---').join(' ')} |\n${rows.join('\n')}`;
}

const REVISION_COLUMNS = ['hover.column-version', 'hover.column-date', 'hover.column-change', 'hover.column-author', 'hover.column-approved', 'hover.column-summary'] as const;

/** Title, id, owner, layer, status and review state of a document, as Markdown. */
export function describeDocument(workspace: Workspace, document: IndexedDocument, locale: Locale): string {
  const say = (value: Message) => renderMessage(value, locale, 'markdown');
  const { meta } = document;
  const heading = `**${markdownText(meta.id?.value ?? document.path)}** — ${meta.title === undefined ? say(message('hover.no-title')) : markdownText(meta.title)}`;
  const facts = [markdownCode(document.path), meta.type, meta.status, markdownText(meta.lang)].join(' · ');
  const lines = [heading, facts];
  if (meta.owner) {
    const person = workspace.people?.people.get(meta.owner.value);
    lines.push(say(message('hover.owner', { owner: meta.owner.value, name: person?.name })));
  }
  if (meta.access) lines.push(say(message('hover.layer', { layer: meta.access.value })));
  lines.push(say(message('hover.review', { state: describeReview(workspace, document) })));
  return lines.join('  \n');
}

function describeReview(workspace: Workspace, document: IndexedDocument): Message {
  const { meta } = document;
  const today = workspace.today;
  if (meta.reviewed === undefined) return message('review-state.no-date');
  const reviewed = formatDay(meta.reviewed);
  if (meta.reviewed > today) return message('review-state.future', { reviewed });
  if (meta.status !== 'approved') return message('review-state.not-scheduled', { reviewed, status: meta.status });
  const state = reviewState(meta, workspace.config)!;
  const due = formatDay(state.due);
  if (state.due < today) return message('review-state.overdue', { days: today - state.due, due, reviewed });
  if (state.due <= addDuration(today, workspace.config.reviewWarnBefore)) return message('review-state.due-soon', { due, days: state.due - today });
  return message('review-state.up-to-date', { reviewed, due });
}


