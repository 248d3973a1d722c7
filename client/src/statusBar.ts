/**
 * The status bar item: how many reviews are overdue; clicking opens the
 * review schedule. Its tooltip also says which of the user's settings the
 * repository's densho.yaml overrides, so a setting that seems ignored is
 * explained where the numbers are.
 */
import * as vscode from 'vscode';
import type { Ctx } from './context';
import { SECTION } from './settingsYaml';
import type { ReviewTree } from './views/reviewTree';

/** How long a command's "what I did" stays in the status bar (Mark reviewed, Refresh). */
export const STATUS_MESSAGE_MS = 6_000;

export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('densho.overdueReviews', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[];
  private overrides: readonly { readonly setting: string; readonly yamlKey: string }[] = [];
  private readonly updated = new vscode.EventEmitter<void>();
  /** Fires after the item was redrawn (for the in-VS-Code tests). */
  readonly onDidUpdate = this.updated.event;

  constructor(
    private readonly ctx: Ctx,
    private readonly review: ReviewTree,
  ) {
    this.item.name = vscode.l10n.t('Densho overdue reviews');
    this.item.command = 'densho.showReviewSchedule';
    // densho.yaml changes reach the views as a new report; a settings change may override nothing new, so it is watched too.
    this.subscriptions = [
      review.onDidChangeTreeData(() => {
        this.update();
        void this.readOverrides();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration(SECTION) && void this.readOverrides()),
    ];
    ctx.extension.subscriptions.push(this);
  }

  private async readOverrides(): Promise<void> {
    try {
      this.overrides = await this.ctx.overriddenSettings();
    } catch {
      this.overrides = [];
    }
    this.update();
  }

  update(): void {
    const schedule = this.review.data;
    if (!schedule) {
      this.item.hide();
      this.updated.fire();
      return;
    }
    const { overdue, dueSoon } = schedule.summary;
    this.item.text = vscode.l10n.t('$(calendar) {0} overdue', overdue);
    const overridden = this.overrides.map(({ setting, yamlKey }) => vscode.l10n.t('{setting} (densho.yaml `{yamlKey}`)', { setting, yamlKey })).join(vscode.l10n.t(', '));
    const summary =
      overdue === 1
        ? vscode.l10n.t('Densho: 1 document review overdue, {dueSoon} due within {within}. Click for the review schedule.', { dueSoon, within: schedule.within })
        : vscode.l10n.t('Densho: {overdue} document reviews overdue, {dueSoon} due within {within}. Click for the review schedule.', { overdue, dueSoon, within: schedule.within });
    this.item.tooltip = summary + (overridden ? `\n\n${vscode.l10n.t('Not in effect here, densho.yaml overrides: {0}.', overridden)}` : '');
    this.item.backgroundColor = overdue > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
    this.updated.fire();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.updated.dispose();
    this.item.dispose();
  }
}
