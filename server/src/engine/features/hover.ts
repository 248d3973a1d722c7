/**
 * Hover: a clause number shows its title and whether it requires documented
 * information; a link or `[[ID]]` shows the target's title, owner, layer,
 * status and review state; a person key shows name, role and leaving date.
 */
import { addDuration, formatDay } from '../dates';
import { markdownCode, markdownText } from '../escaping/markdown';
import { FIELDS } from '../frontmatter';
import { reviewState } from '../reports/reviewState';
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

export function hover(workspace: Workspace, path: string, position: Position): HoverResult | undefined {
  const training = workspace.trainingFile();
  if (training && path === training.file) return trainingHover(workspace, training.text, training.lines, position);
  const document = workspace.document(path);
  const target = targetAt(workspace, path, position);
  if (!document || !target) return undefined;
  switch (target.kind) {
    case 'field': {
      const key = target.entry.key;
      const standard = workspace.standards.find((candidate) => candidate.id === key);
      const description = FIELDS.find((field) => field.name === key)?.description ?? (standard ? `Clauses of ${markdownText(standard.title)} this document covers.` : undefined);
      const revisions = key === 'version' ? describeRevisions(workspace, path) : '';
      return description ? { contents: `**${markdownText(key)}**: ${description}${revisions}`, range: target.entry.keyRange } : undefined;
    }
    case 'clause': {
      const standard = workspace.standards.find((candidate) => candidate.id === target.standard)!;
      const clause = standard.clause(target.clause);
      const contents = clause
        ? `**${markdownText(standard.title)} ${markdownText(clause.number)}** ${markdownText(clause.title)}\n\n${clause.documented ? 'Requires documented information to be maintained or retained.' : 'Does not itself require documented information.'}`
        : `${markdownText(standard.title)} has no clause ${markdownText(target.clause)}.`;
      return { contents, range: target.range };
    }
    case 'person': {
      const registry = workspace.people;
      const person = registry?.people.get(target.key);
      if (!registry) return { contents: `${markdownCode(target.key)} (no people registry in this repository)`, range: target.range };
      return { contents: person ? describePersonMarkdown(workspace, person) : `${markdownCode(target.key)} is not in ${markdownCode(registry.file)}.`, range: target.range };
    }
    case 'id-ref': {
      const linked = workspace.index.resolveId(target.id, document.meta.lang);
      return { contents: linked ? describeDocument(workspace, linked) : `No document has the id ${markdownCode(target.id)}.`, range: target.range };
    }
    case 'id': {
      const others = workspace.index.withId(target.id).filter((other) => other.path !== path);
      const backlinks = workspace.index.backlinks(path).filter((backlink) => backlink.from.path !== path).length;
      const lines = [`**${markdownText(target.id)}** · ${markdownText(document.meta.lang)}`];
      if (others.length > 0) lines.push(`Also kept as: ${others.map((other) => `${markdownCode(other.path)} (${markdownText(other.meta.lang)})`).join(', ')}`);
      lines.push(`${backlinks} link(s) from other documents lead here.`);
      const competence = workspace.competence(workspace.index.resolveId(target.id, workspace.index.sourceLanguage) ?? document);
      if (competence) lines.push(qualifiedSummary(competence));
      return { contents: lines.join('\n\n'), range: target.range };
    }
    case 'value': {
      if (target.entry.key !== 'version') return undefined;
      const revisions = describeRevisions(workspace, path);
      return revisions ? { contents: revisions.trimStart(), range: target.scalar.range } : undefined;
    }
    case 'heading':
      return undefined;
    case 'link': {
      const { link } = target;
      const resolved = workspace.index.resolve(document, link);
      const range = link.kind === 'wiki' && target.part === 'target' ? wikiIdRange(link) : link.range;
      if (resolved.kind === 'external') return undefined;
      if (resolved.kind === 'outside') return { contents: 'Leads outside the repository; not followed.', range };
      if (!resolved.document) {
        if (resolved.kind === 'id') return { contents: `No document has the id ${markdownCode(resolved.id)}.`, range };
        return { contents: resolved.exists ? markdownCode(resolved.path) : `${markdownCode(resolved.path)} does not exist.`, range };
      }
      let contents = describeDocument(workspace, resolved.document);
      if (link.fragment) {
        const heading = headingForFragment(resolved.document, link.fragment);
        contents += heading ? `\n\nSection: ${'#'.repeat(heading.depth)} ${markdownText(heading.text)}` : `\n\nNo heading has the anchor ${markdownText(`#${link.fragment}`)}.`;
      }
      return { contents, range };
    }
  }
}

/** The document's revisions from Git, newest first, as a Markdown table; why there are none otherwise. */
function describeRevisions(workspace: Workspace, path: string): string {
  const history = workspace.history;
  if (!history) return `\n\nNo revision history: ${workspace.historyUnavailable}.`;
  const revisions = history.of(path)?.revisions;
  if (!revisions) return '\n\nNo revisions yet: this document has not been committed.';
  const cell = (text: string) => text.replace(/[\\|*_`[\]<>]/g, (char) => `\\${char}`);
  const rows = [...revisions].reverse().map((revision) => {
    const approval = revision.approvedBy ? `${cell(revision.approvedBy)}${revision.approved ? ` ${revision.approved}` : ''}` : '';
    return `| ${revision.version ?? ''} | ${revision.date} | ${revision.change} | ${cell(revision.author)} | ${approval} | ${cell(revision.summary)} |`;
  });
  return `\n\n**Revisions**\n\n| Version | Date | Change | Author | Approved | Summary |\n| --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}`;
}

/** Title, id, owner, layer, status and review state of a document, as Markdown. */
export function describeDocument(workspace: Workspace, document: IndexedDocument): string {
  const { meta } = document;
  const heading = `**${markdownText(meta.id?.value ?? document.path)}** — ${meta.title === undefined ? '(no title)' : markdownText(meta.title)}`;
  const facts = [markdownCode(document.path), meta.type, meta.status, markdownText(meta.lang)].join(' · ');
  const lines = [heading, facts];
  if (meta.owner) {
    const person = workspace.people?.people.get(meta.owner.value);
    lines.push(`Owner: ${markdownText(meta.owner.value)}${person?.name ? ` (${markdownText(person.name)})` : ''}`);
  }
  if (meta.access) lines.push(`Layer: ${markdownText(meta.access.value)}`);
  lines.push(`Review: ${describeReview(workspace, document)}`);
  return lines.join('  \n');
}

function describeReview(workspace: Workspace, document: IndexedDocument): string {
  const { meta } = document;
  const today = workspace.today;
  if (meta.reviewed === undefined) return 'no valid `reviewed` date';
  const reviewed = formatDay(meta.reviewed);
  if (meta.reviewed > today) return `reviewed ${reviewed}, which is in the future`;
  if (meta.status !== 'approved') return `reviewed ${reviewed}; ${meta.status}, not scheduled`;
  const state = reviewState(meta, workspace.config)!;
  const due = formatDay(state.due);
  if (state.due < today) return `overdue by ${today - state.due} day(s) (due ${due}, reviewed ${reviewed})`;
  if (state.due <= addDuration(today, workspace.config.reviewWarnBefore)) return `due soon: ${due}, in ${state.due - today} day(s)`;
  return `up to date (reviewed ${reviewed}, next due ${due})`;
}


