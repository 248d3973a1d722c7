/**
 * Skills (ISO 9001 7.2, 7.1.6): per procedure, how many people can do it
 * alone against min-qualified, and each person's level; then who must be
 * retrained. The server computes it (densho/skills, the CLI's JSON).
 */
import * as vscode from 'vscode';
import type { SkillsMatrix } from '../../../server/src/protocol';
import type { Ctx } from '../context';
import { DocumentNode, message, ReportTree, TreeNode } from './reportTree';


export class SkillsTree extends ReportTree<SkillsMatrix> {
  constructor(ctx: Ctx) {
    super(ctx, vscode.l10n.t('skills matrix'));
  }

  /** The symbol of each training level, as the server's skills matrix draws it. */
  private levelSymbols: Readonly<Record<string, string>> = {};
  /** The symbols are the engine's constants: asked once, not at every change. */
  private levelSymbolsKnown = false;

  protected async fetch(): Promise<SkillsMatrix> {
    const folder = this.ctx.folder();
    const [reports, configuration] = await Promise.all([this.ctx.reports.get(), this.levelSymbolsKnown ? undefined : this.ctx.configuration(folder)]);
    if (configuration) {
      this.levelSymbols = configuration.levelSymbols;
      this.levelSymbolsKnown = true;
    }
    return reports.skills;
  }

  protected roots(matrix: SkillsMatrix): TreeNode[] {
    if (matrix.documents.length === 0) return [message(vscode.l10n.t('No approved procedure needs qualified people yet.'))];
    const names = new Map(matrix.roster.map((person) => [person.person, person.name]));
    const documents = matrix.documents.map((document) => {
      const people = document.records.map((record) => {
        const node = new TreeNode(`${this.levelSymbols[record.level] ?? ''} ${names.get(record.person) ?? record.person}`);
        node.description = [record.level, `v${record.version}`, record.current ? '' : vscode.l10n.t('retrain'), record.date ?? ''].filter(Boolean).join(' · ');
        node.tooltip = trainingTooltip(record);
        node.contextValue = 'densho.trainingRecord';
        return node;
      });
      const node = new DocumentNode(`${document.id} ${document.title}`, this.ctx.uriOf(document.file), 'densho.skillsDocument');
      Object.assign(node, { children: people, collapsibleState: people.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None });
      const short = document.qualified.length < document.required;
      node.description = document.required > 0 ? vscode.l10n.t('{0}/{1} qualified', document.qualified.length, document.required) : vscode.l10n.t('{0} qualified', document.qualified.length);
      node.tooltip = short ? vscode.l10n.t('Fewer than {0} people can do {1} alone.', document.required, document.id) : undefined;
      node.iconPath = new vscode.ThemeIcon(short ? 'warning' : 'pass', new vscode.ThemeColor(short ? 'problemsWarningIcon.foreground' : 'testing.iconPassed'));
      return node;
    });
    if (matrix.retraining.length === 0) return documents;
    const retraining = new TreeNode(
      vscode.l10n.t('Retraining'),
      matrix.retraining.map((item) => {
        const node = new TreeNode(`${names.get(item.person) ?? item.person}: ${item.id}`);
        node.description = vscode.l10n.t('trained on v{0}, now v{1}', item.trainedOn, item.currentVersion);
        node.iconPath = new vscode.ThemeIcon('history');
        return node;
      }),
      true,
    );
    retraining.iconPath = new vscode.ThemeIcon('mortar-board');
    return [retraining, ...documents];
  }
}

/** "ana: independent on version 3, taught by ken (a major change came after it)", as whole sentences per case. */
function trainingTooltip(record: SkillsMatrix['documents'][number]['records'][number]): string {
  const { person, level, version, trainer } = record;
  const about = trainer ? vscode.l10n.t('{person}: {level} on version {version}, taught by {trainer}', { person, level, version, trainer }) : vscode.l10n.t('{person}: {level} on version {version}', { person, level, version });
  return record.current ? about : vscode.l10n.t('{0} (a major change came after it)', about);
}
