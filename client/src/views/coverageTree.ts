/** ISO 9001 coverage: clause → covering documents, gaps and clauses requiring documented information marked. */
import * as vscode from 'vscode';
import type { CoverageReport } from '../../../server/src/protocol';
import type { Ctx } from '../context';
import { DocumentNode, message, ReportTree, TreeNode } from './reportTree';

/** A clause of the coverage view: its context menu (a gap's *New document for clause X*) is given the node, and so the clause. */
export class ClauseNode extends TreeNode {
  constructor(
    label: string,
    children: readonly TreeNode[],
    readonly clause: string,
    readonly standard: string,
  ) {
    super(label, children);
  }
}

type Clause = CoverageReport['clauses'][number];

export class CoverageTree extends ReportTree<CoverageReport | null> {
  constructor(ctx: Ctx) {
    super(ctx, vscode.l10n.t('ISO 9001 coverage'));
  }

  protected async fetch(): Promise<CoverageReport | null> {
    return (await this.ctx.reports.get()).coverage;
  }

  protected roots(report: CoverageReport | null): TreeNode[] {
    if (!report) return [message(vscode.l10n.t('No standard is configured (densho.yaml `standards`).'))];
    const children = new Map<string, Clause[]>();
    const numbers = new Set(report.clauses.map((clause) => clause.clause));
    const roots: Clause[] = [];
    for (const clause of report.clauses) {
      const parent = parentOf(clause.clause, numbers);
      if (parent === undefined) roots.push(clause);
      else children.set(parent, [...(children.get(parent) ?? []), clause]);
    }
    const gapsBelow = (clause: Clause): number =>
      (clause.gap ? 1 : 0) + (children.get(clause.clause) ?? []).reduce((sum, child) => sum + gapsBelow(child), 0);
    const build = (clause: Clause): TreeNode => {
      const subclauses = (children.get(clause.clause) ?? []).map(build);
      const hasSubclauses = subclauses.length > 0;
      // Under a clause with subclauses, only the documents mapped to it directly: the others appear under their subclause.
      const documents = clause.documents
        .filter((document) => document.direct || !hasSubclauses)
        .map((document) => {
          const node = new DocumentNode(`${document.id} ${document.title}`, this.ctx.uriOf(document.file));
          node.description = document.access ?? undefined;
          node.tooltip = document.direct ? document.file : vscode.l10n.t('{0} (through a subclause)', document.file);
          node.iconPath = new vscode.ThemeIcon('file-text');
          return node;
        });
      const experts = (clause.experts ?? []).map((expert) => {
        const node = new TreeNode(expert);
        node.description = vscode.l10n.t('expert source');
        node.iconPath = new vscode.ThemeIcon('person');
        return node;
      });
      const node = new ClauseNode(`${clause.clause} ${clause.title}`, [...subclauses, ...documents, ...experts], clause.clause, report.standard.id);
      node.id = `clause:${clause.clause}`;
      const gaps = gapsBelow(clause);
      const parts: string[] = [];
      const count = clause.documents.length;
      if (clause.gap) parts.push(vscode.l10n.t('GAP: no approved document'));
      else if (clause.covered) parts.push(count === 1 ? vscode.l10n.t('1 document') : vscode.l10n.t('{0} documents', count));
      if (clause.documented) parts.push(vscode.l10n.t('documented information required'));
      if (!clause.gap && gaps > 0) parts.push(gaps === 1 ? vscode.l10n.t('1 gap below') : vscode.l10n.t('{0} gaps below', gaps));
      node.description = parts.join(' · ');
      node.contextValue = clause.gap ? 'densho.clause.gap' : 'densho.clause';
      // A gap opens the matrix at its row: where the missing document would go, beside what covers its neighbours.
      if (clause.gap) node.command = { command: 'densho.showCoverageMatrix', title: vscode.l10n.t('Show in the coverage matrix'), arguments: [{ clause: clause.clause }] };
      // A green check only where nothing below is a gap: a covered group that holds gaps says so with its icon too.
      node.iconPath = clause.gap
        ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
        : gaps > 0
          ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
          : clause.covered
          ? new vscode.ThemeIcon(clause.documented ? 'pass-filled' : 'pass', new vscode.ThemeColor('testing.iconPassed'))
          : new vscode.ThemeIcon(clause.documented ? 'circle-large-outline' : 'circle-outline');
      const tooltip = new vscode.MarkdownString(`**${clause.clause} ${escapeMarkdown(clause.title)}**\n\n`);
      if (clause.documented) tooltip.appendMarkdown(`${vscode.l10n.t('Requires documented information.')}\n\n`);
      if (clause.gap) tooltip.appendMarkdown(`${vscode.l10n.t('**Gap:** no approved document covers this clause.')}\n\n`);
      for (const document of clause.documents) tooltip.appendMarkdown(`- ${escapeMarkdown(`${document.id} ${document.title}`)}\n`);
      node.tooltip = tooltip;
      return node;
    };
    const nodes = roots.map(build);
    const documented = report.clauses.filter((clause) => clause.documented);
    const documentedCovered = documented.filter((clause) => clause.covered).length;
    const { covered, clauses, gaps } = report.summary;
    const summary = message(
      gaps === 1
        ? vscode.l10n.t('{covered} of {clauses} clauses covered, 1 gap · documented information: {documentedCovered} of {documented}', { covered, clauses, documentedCovered, documented: documented.length })
        : vscode.l10n.t('{covered} of {clauses} clauses covered, {gaps} gaps · documented information: {documentedCovered} of {documented}', { covered, clauses, gaps, documentedCovered, documented: documented.length }),
      gaps > 0 ? 'warning' : 'pass',
    );
    summary.tooltip = vscode.l10n.t('{standard}, as of {today}: {documentedCovered} of the {documented} clauses that require documented information are covered.', {
      standard: report.standard.title,
      today: report.today,
      documentedCovered,
      documented: documented.length,
    });
    return [summary, ...nodes];
  }
}

/** `8.5.1` → `8.5`, when that clause exists. */
function parentOf(number: string, numbers: ReadonlySet<string>): string | undefined {
  const parts = number.split('.');
  for (let length = parts.length - 1; length > 0; length--) {
    const candidate = parts.slice(0, length).join('.');
    if (numbers.has(candidate)) return candidate;
  }
  return undefined;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, (char) => `\\${char}`);
}
