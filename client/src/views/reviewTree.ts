/** Review schedule: overdue and due-soon documents grouped by owner, with days overdue. */
import * as vscode from 'vscode';
import { ReviewScheduleRequest, type ReviewSchedule } from '../../../server/src/protocol';
import type { Ctx } from '../context';
import { SECTION } from '../settingsYaml';
import { DocumentNode, message, ReportTree, TreeNode } from './reportTree';

/** The setting (`densho.reviewHorizon`) of how far ahead the schedule looks; empty for densho.yaml's `review.warn-before`. */
export const REVIEW_HORIZON = 'reviewHorizon';

export class ReviewTree extends ReportTree<ReviewSchedule> {
  private readonly horizonWatch: vscode.Disposable;

  constructor(ctx: Ctx) {
    super(ctx, vscode.l10n.t('review schedule'));
    this.horizonWatch = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SECTION}.${REVIEW_HORIZON}`)) void this.refresh();
    });
  }

  protected async fetch(): Promise<ReviewSchedule> {
    const folder = this.ctx.folder();
    const horizon = vscode.workspace.getConfiguration(SECTION, folder?.uri).get<string>(REVIEW_HORIZON, '').trim();
    // The report store holds the schedule within review.warn-before; a horizon of the user's own is asked for on its own.
    if (horizon === '') return (await this.ctx.reports.get()).reviewSchedule;
    return this.ctx.request(ReviewScheduleRequest, { folder: folder?.uri.toString(), within: horizon });
  }

  override dispose(): void {
    this.horizonWatch.dispose();
    super.dispose();
  }

  protected roots(schedule: ReviewSchedule): TreeNode[] {
    if (schedule.owners.length === 0) return [message(vscode.l10n.t('No review overdue or due within {0}.', schedule.within), 'pass')];
    return schedule.owners.map((owner) => {
      const documents = owner.documents.map((review) => {
        const overdue = review.state === 'overdue';
        const node = new DocumentNode(`${review.id} ${review.title}`, this.ctx.uriOf(review.file), 'densho.document.review');
        node.description = dueDescription(overdue, review.days);
        node.tooltip = `${review.file}\n${vscode.l10n.t('Reviewed {0}, due {1}', review.reviewed, review.due)}`;
        node.iconPath = overdue
          ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'))
          : new vscode.ThemeIcon('clock', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        return node;
      });
      const overdue = owner.documents.filter((review) => review.state === 'overdue').length;
      const dueSoon = owner.documents.length - overdue;
      const node = new TreeNode(owner.name ?? owner.owner, documents, true);
      node.id = `owner:${owner.owner}`;
      node.description = [owner.name ? owner.owner : '', overdue ? vscode.l10n.t('{0} overdue', overdue) : '', dueSoon ? vscode.l10n.t('{0} due soon', dueSoon) : '']
        .filter(Boolean)
        .join(' · ');
      node.iconPath = new vscode.ThemeIcon('person');
      return node;
    });
  }
}

/** "3 days overdue", "due today", "due in 1 day": one whole phrase per case, so each language words it. */
function dueDescription(overdue: boolean, days: number): string {
  if (overdue) return days === 1 ? vscode.l10n.t('1 day overdue') : vscode.l10n.t('{0} days overdue', days);
  if (days === 0) return vscode.l10n.t('due today');
  return days === 1 ? vscode.l10n.t('due in 1 day') : vscode.l10n.t('due in {0} days', days);
}
