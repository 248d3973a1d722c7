/** Knowledge holders (ISO 9001 7.1.6): expert → documents they hold, sole holders and leaving dates flagged. */
import * as vscode from 'vscode';
import type { KnowledgeRisk } from '../../../server/src/protocol';
import type { Ctx } from '../context';
import { DocumentNode, message, ReportTree, TreeNode } from './reportTree';

export class KnowledgeTree extends ReportTree<KnowledgeRisk> {
  constructor(ctx: Ctx) {
    super(ctx, vscode.l10n.t('knowledge holders'));
  }

  protected async fetch(): Promise<KnowledgeRisk> {
    return (await this.ctx.reports.get()).knowledgeRisk;
  }

  protected roots(risk: KnowledgeRisk): TreeNode[] {
    if (risk.experts.length === 0) return [message(vscode.l10n.t('No document names an expert source yet.'))];
    return risk.experts.map((holder) => {
      const documents = holder.documents.map((held) => {
        const node = new DocumentNode(`${held.id} ${held.title}`, this.ctx.uriOf(held.file));
        node.description = [held.soleHolder ? vscode.l10n.t('sole holder') : '', held.qualified === null ? '' : vscode.l10n.t('{0} qualified', held.qualified)].filter(Boolean).join(' · ') || undefined;
        node.iconPath = held.soleHolder ? new vscode.ThemeIcon('key', new vscode.ThemeColor('problemsWarningIcon.foreground')) : new vscode.ThemeIcon('file-text');
        return node;
      });
      const flags: string[] = [];
      if (holder.left) flags.push(vscode.l10n.t('LEFT {0}', holder.leaves ?? ''));
      else if (holder.leavingSoon) flags.push(vscode.l10n.t('LEAVES {0}', holder.leaves ?? ''));
      else if (holder.leaves) flags.push(vscode.l10n.t('leaves {0}', holder.leaves));
      if (!holder.active) flags.push(vscode.l10n.t('inactive'));
      if (holder.soleHolderOf > 0) flags.push(vscode.l10n.t('sole holder of {0}', holder.soleHolderOf));
      const atRisk = holder.left || holder.leavingSoon || !holder.active;
      const node = new TreeNode(holder.name ?? holder.expert, documents);
      node.id = `expert:${holder.expert}`;
      node.description = [holder.name ? holder.expert : '', ...flags].filter(Boolean).join(' · ');
      node.tooltip = [holder.name ?? holder.expert, holder.role, holder.leaves ? vscode.l10n.t('leaves {0}', holder.leaves) : undefined].filter(Boolean).join('\n');
      node.iconPath = atRisk
        ? new vscode.ThemeIcon('person', new vscode.ThemeColor(holder.soleHolderOf > 0 ? 'problemsErrorIcon.foreground' : 'problemsWarningIcon.foreground'))
        : new vscode.ThemeIcon('person');
      return node;
    });
  }
}
