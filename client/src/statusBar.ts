/** The status bar item: how many reviews are overdue; clicking opens the review schedule. */
import * as vscode from 'vscode';
import type { Ctx } from './context';
import type { ReviewTree } from './views/reviewTree';

export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('densho.overdueReviews', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(
    ctx: Ctx,
    private readonly review: ReviewTree,
  ) {
    this.item.name = 'Densho overdue reviews';
    this.item.command = 'densho.showReviewSchedule';
    this.subscription = review.onDidChangeTreeData(() => this.update());
    ctx.extension.subscriptions.push(this);
  }

  update(): void {
    const schedule = this.review.data;
    if (!schedule) {
      this.item.hide();
      return;
    }
    const { overdue, dueSoon } = schedule.summary;
    this.item.text = `$(calendar) ${overdue} overdue`;
    this.item.tooltip = `Densho: ${overdue} document review${overdue === 1 ? '' : 's'} overdue, ${dueSoon} due within ${schedule.within}. Click for the review schedule.`;
    this.item.backgroundColor = overdue > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
