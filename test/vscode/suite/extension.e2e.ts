/**
 * The extension inside a real VS Code, on a temporary copy of samples/:
 * diagnostics, the three views, the status bar and every command, each
 * checked against what the `densho` CLI says about the same copy. Waits are
 * on VS Code's own events with a time limit, never on sleeps.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CoverageReport, KnowledgeRisk, ReviewSchedule, SkillsMatrix } from '../../../server/src/protocol';
import type { DenshoApi } from '../../../client/src/extension';
import type { Ctx } from '../../../client/src/context';
import { waitFor } from './wait';

interface CliDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly rule: string;
  readonly severity: string;
}

const expectedDir = process.env['DENSHO_E2E_EXPECTED']!;
const expected = <T>(name: string): T => JSON.parse(readFileSync(join(expectedDir, name), 'utf8')) as T;
const check = expected<{ diagnostics: CliDiagnostic[]; summary: { errors: number; warnings: number; infos: number } }>('check.json');
const coverage = expected<CoverageReport>('coverage.json');
const review = expected<ReviewSchedule>('review.json');
const risk = expected<KnowledgeRisk>('risk.json');
const skills = expected<SkillsMatrix>('skills.json');

function folder(): vscode.WorkspaceFolder {
  const first = vscode.workspace.workspaceFolders?.[0];
  assert.ok(first, 'a workspace folder is open');
  return first;
}

const uri = (file: string): vscode.Uri => vscode.Uri.joinPath(folder().uri, ...file.split('/'));
const read = (file: string): string => readFileSync(uri(file).fsPath, 'utf8');

/** Densho diagnostics as `file:line:column rule`, as the CLI prints them. */
function denshoDiagnostics(): string[] {
  const root = folder().uri.fsPath;
  const keys: string[] = [];
  for (const [resource, diagnostics] of vscode.languages.getDiagnostics()) {
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== 'densho') continue;
      const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
      const file = resource.fsPath.slice(root.length + 1).split(/[\\/]/).join('/');
      keys.push(`${file}:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${String(code)}`);
    }
  }
  return keys.sort();
}

const cliDiagnostics = (): string[] => check.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`).sort();

interface Node {
  readonly label?: string | vscode.TreeItemLabel;
  readonly description?: string | boolean;
  readonly children: readonly Node[];
  readonly resourceUri?: vscode.Uri;
}
const labelOf = (node: Node): string => (typeof node.label === 'string' ? node.label : (node.label?.label ?? ''));
const roots = (tree: Ctx['views'][keyof Ctx['views']]): Node[] => tree.getChildren() as unknown as Node[];

/** The coverage view's node of a clause, at any depth. */
function clauseNode(tree: Ctx['views']['coverage'], clause: string): (Node & { command?: vscode.Command; contextValue?: string }) | undefined {
  const find = (nodes: readonly Node[]): Node | undefined => {
    for (const node of nodes) {
      if ((node as { id?: string }).id === `clause:${clause}`) return node;
      const inner = find(node.children);
      if (inner) return inner;
    }
    return undefined;
  };
  return find(roots(tree));
}

describe('Densho in VS Code', function () {
  let ctx: Ctx;

  before(async function () {
    const extension = vscode.extensions.getExtension<DenshoApi>('densho.densho');
    assert.ok(extension, 'the extension under development is loaded');
    const api = await extension.activate();
    ctx = api.ctx;
    const client = await ctx.start();
    assert.ok(client, 'the language server started (dist/server.js)');
  });

  describe('diagnostics', function () {
    it('publishes the same diagnostics as `densho check`, rule id as code and source densho', async function () {
      const want = cliDiagnostics();
      await waitFor(vscode.languages.onDidChangeDiagnostics, () => denshoDiagnostics().length >= want.length, `${want.length} Densho diagnostics`);
      assert.deepEqual(denshoDiagnostics(), want);
    });
  });

  describe('manifest', function () {
    it('registers every command package.json contributes', async function () {
      const manifest = vscode.extensions.getExtension('densho.densho')!.packageJSON as { contributes: { commands: { command: string }[] } };
      const registered = new Set(await vscode.commands.getCommands(true));
      const missing = manifest.contributes.commands.map((c) => c.command).filter((id) => !registered.has(id));
      assert.deepEqual(missing, []);
    });
  });

  describe('views', function () {
    before(async function () {
      await vscode.commands.executeCommand('workbench.view.extension.densho');
      await vscode.commands.executeCommand('densho.refreshViews');
    });

    it('ISO 9001 coverage: clauses with their documents, gaps marked, documented information marked', function () {
      const top = roots(ctx.views.coverage);
      const summary = labelOf(top[0]!);
      const documented = coverage.clauses.filter((clause) => clause.documented);
      const documentedCovered = documented.filter((clause) => clause.covered).length;
      assert.match(
        summary,
        new RegExp(`^${coverage.summary.covered} of ${coverage.summary.clauses} clauses covered, ${coverage.summary.gaps} gaps? · documented information: ${documentedCovered} of ${documented.length}$`),
      );
      const clauses = new Map<string, Node>();
      const walk = (node: Node): void => {
        const number = /^(\d+(?:\.\d+)*) /.exec(labelOf(node))?.[1];
        if (number) clauses.set(number, node);
        node.children.forEach(walk);
      };
      top.slice(1).forEach(walk);
      assert.equal(clauses.size, coverage.clauses.length, 'every clause is in the tree');
      for (const clause of coverage.clauses) {
        const node = clauses.get(clause.clause)!;
        const description = String(node.description ?? '');
        assert.equal(description.includes('GAP'), clause.gap, `${clause.clause} gap mark`);
        assert.equal(description.includes('documented information required'), clause.documented, `${clause.clause} documented information mark`);
        // A green check only where no clause at or below this one is a gap.
        const gapBelow = coverage.clauses.some((c) => c.gap && (c.clause === clause.clause || c.clause.startsWith(`${clause.clause}.`)));
        const icon = (node as { iconPath?: vscode.ThemeIcon }).iconPath?.id;
        assert.equal(icon === 'pass' || icon === 'pass-filled', clause.covered && !gapBelow, `${clause.clause} icon ${icon}`);
        const shown = new Set(node.children.map(labelOf));
        const direct = clause.documents.filter((d) => d.direct || !coverage.clauses.some((c) => c.clause.startsWith(`${clause.clause}.`)));
        for (const document of direct) assert.ok(shown.has(`${document.id} ${document.title}`), `${clause.clause} lists ${document.id}`);
      }
      const knowledge = clauses.get('7.1.6')!;
      const document = knowledge.children.find((child) => child.resourceUri);
      assert.ok(document?.resourceUri, '7.1.6 has a document that opens on click');
      const experts = knowledge.children.filter((child) => child.description === 'expert source').map(labelOf);
      assert.deepEqual(experts, coverage.clauses.find((c) => c.clause === '7.1.6')!.experts);
    });

    it('review schedule: overdue and due-soon documents by owner, with days overdue', function () {
      const owners = roots(ctx.views.review);
      assert.deepEqual(owners.map(labelOf), review.owners.map((owner) => owner.name ?? owner.owner));
      review.owners.forEach((owner, index) => {
        const documents = owners[index]!.children;
        assert.deepEqual(
          documents.map((node) => `${labelOf(node)} | ${String(node.description)}`),
          owner.documents.map((d) => `${d.id} ${d.title} | ${d.state === 'overdue' ? `${d.days} day${d.days === 1 ? '' : 's'} overdue` : `due in ${d.days} day${d.days === 1 ? '' : 's'}`}`),
        );
      });
    });

    it('knowledge holders: expert → documents, sole holders and leaving dates flagged', function () {
      const experts = roots(ctx.views.knowledge);
      assert.equal(experts.length, risk.experts.length);
      risk.experts.forEach((holder, index) => {
        const node = experts[index]!;
        const description = String(node.description ?? '');
        assert.equal(labelOf(node), holder.name ?? holder.expert);
        if (holder.left) assert.ok(description.includes(`LEFT ${holder.leaves}`), `${holder.expert}: ${description}`);
        else if (holder.leavingSoon) assert.ok(description.includes(`LEAVES ${holder.leaves}`), `${holder.expert}: ${description}`);
        if (holder.soleHolderOf > 0) assert.ok(description.includes(`sole holder of ${holder.soleHolderOf}`), `${holder.expert}: ${description}`);
        assert.deepEqual(
          node.children.map((child) => `${labelOf(child)} | ${String(child.description ?? '')}`),
          holder.documents.map((d) => `${d.id} ${d.title} | ${[d.soleHolder ? 'sole holder' : '', d.qualified === null ? '' : `${d.qualified} qualified`].filter(Boolean).join(' · ')}`),
        );
      });
    });

    it('skills: per procedure the qualified count against min-qualified, each record with its level, and the retraining list', function () {
      const top = roots(ctx.views.skills);
      const retraining = top.find((node) => labelOf(node) === 'Retraining');
      assert.deepEqual(retraining?.children.map((node) => String(node.description)), skills.retraining.map((item) => `trained on v${item.trainedOn}, now v${item.currentVersion}`));
      const documents = top.filter((node) => node !== retraining);
      assert.deepEqual(
        documents.map((node) => `${labelOf(node)} | ${String(node.description)}`),
        skills.documents.map((d) => `${d.id} ${d.title} | ${d.required > 0 ? `${d.qualified.length}/${d.required}` : d.qualified.length} qualified`),
      );
      const weld = documents.find((node) => labelOf(node).startsWith('WI-WLD-002 '))!;
      assert.ok(weld.children.some((child) => labelOf(child).startsWith('◕ ') && String(child.description).includes('retrain')), 'the outdated record is marked');
    });

    it('status bar: the number of overdue reviews, opening the review schedule', function () {
      const item = ctx.statusBar.item;
      assert.equal(item.text, `$(calendar) ${review.summary.overdue} overdue`);
      assert.equal(typeof item.command === 'string' ? item.command : item.command?.command, 'densho.showReviewSchedule');
    });

    it('status bar: names a setting the user set that densho.yaml overrides', async function () {
      const settings = vscode.workspace.getConfiguration('densho');
      await settings.update('reviewInterval', '6m', vscode.ConfigurationTarget.Workspace);
      try {
        const tooltip = () => String(ctx.statusBar.item.tooltip ?? '');
        await waitFor(ctx.statusBar.onDidUpdate, () => tooltip().includes('densho.reviewInterval'), 'the tooltip to name densho.reviewInterval');
        assert.match(tooltip(), /Not in effect here, densho\.yaml overrides: densho\.reviewInterval \(densho\.yaml `review\.interval`\)\./);
      } finally {
        await settings.update('reviewInterval', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });

    it('review schedule: densho.reviewHorizon plans further ahead than review.warn-before', async function () {
      const settings = vscode.workspace.getConfiguration('densho');
      const before = ctx.views.review.data!.summary.dueSoon;
      await settings.update('reviewHorizon', '3y', vscode.ConfigurationTarget.Workspace);
      try {
        await waitFor(ctx.views.review.onDidChangeTreeData, () => ctx.views.review.data?.within === '3y', 'the schedule within 3y');
        assert.ok(ctx.views.review.data!.summary.dueSoon > before, `more reviews come due within 3y than within ${review.within}`);
        await waitFor(ctx.statusBar.onDidUpdate, () => /due within 3y/.test(String(ctx.statusBar.item.tooltip)), 'the status bar to count within 3y');
      } finally {
        await settings.update('reviewHorizon', undefined, vscode.ConfigurationTarget.Workspace);
        await waitFor(ctx.views.review.onDidChangeTreeData, () => ctx.views.review.data?.within === review.within, 'the schedule back to review.warn-before');
      }
    });
  });

  describe('coverage matrix and export', function () {
    it('shows the matrix in a webview with a strict CSP, no remote content and escaped text', async function () {
      const matrix = (await vscode.commands.executeCommand('densho.showCoverageMatrix')) as NonNullable<Ctx['coverageMatrix']>;
      const html = matrix.html;
      const csp = (/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '').replace(/&#39;/g, "'");
      assert.match(csp, /default-src 'none'/);
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      assert.ok(nonce, 'the CSP pins scripts by nonce');
      for (const script of html.match(/<script\b[^>]*>/g) ?? []) {
        if (!script.includes('application/json')) assert.ok(script.includes(`nonce="${nonce}"`), script);
      }
      assert.doesNotMatch(html, /\b(?:src|href)="(?:https?:)?\/\//, 'nothing remote');
      assert.match(html, /<table class="matrix"/);
      const rows = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>')).match(/<tr /g) ?? [];
      assert.equal(rows.length, coverage.clauses.length, 'one row per clause');
      assert.equal((html.match(/data-gap="true"/g) ?? []).length, coverage.summary.gaps, 'gaps highlighted');
    });

    it('a change notification: one densho/reports and one densho/coverageMatrix request feed the four trees, the status bar and the open matrix', async function () {
      const matrix = ctx.coverageMatrix!;
      assert.ok(matrix, 'the matrix is open');
      const methods: string[] = [];
      const request = ctx.request;
      ctx.request = ((type, params) => (methods.push(type.method), request.call(ctx, type, params))) as Ctx['request'];
      try {
        const trees = Object.values(ctx.views);
        const redrawn = trees.map(() => false);
        const subscriptions = trees.map((tree, index) => tree.onDidChangeTreeData(() => (redrawn[index] = true)));
        const before = matrix.html;
        ctx.reportsMayHaveChanged(); // what the server's densho/reportsChanged does
        await Promise.all(trees.map((tree, index) => waitFor(tree.onDidChangeTreeData, () => redrawn[index]!, `tree ${index} to redraw`)));
        subscriptions.forEach((subscription) => subscription.dispose());
        await matrix.update(); // Show Coverage Matrix on the open panel: served by the store too
        assert.notEqual(matrix.html, before, 'the matrix was redrawn from a new page (a fresh nonce)');
        const counted = (method: string) => methods.filter((name) => name === method).length;
        assert.deepEqual({ reports: counted('densho/reports'), matrix: counted('densho/coverageMatrix') }, { reports: 1, matrix: 1 }, methods.join(', '));
        assert.equal(ctx.statusBar.item.text, `$(calendar) ${review.summary.overdue} overdue`);
      } finally {
        ctx.request = request;
      }
    });

    it('a gap in the coverage view opens the matrix at its clause; column headers show titles and can open their document', async function () {
      const gap = coverage.clauses.find((clause) => clause.gap)!;
      const node = clauseNode(ctx.views.coverage, gap.clause);
      assert.equal(node?.command?.command, 'densho.showCoverageMatrix', `the gap ${gap.clause} opens the matrix`);
      const matrix = await vscode.commands.executeCommand<Ctx['coverageMatrix']>(node.command.command, ...(node.command.arguments ?? []));
      await waitFor(matrix!.onDidReveal, () => matrix!.revealed === gap.clause, `the matrix to show ${gap.clause}`);
      assert.ok(matrix!.html.includes(`data-clause="${gap.clause}"`));
      const column = coverage.clauses.flatMap((clause) => clause.documents)[0]!;
      assert.ok(matrix!.html.includes(`data-file="${column.file}">${column.id}<div class="doc-title">`), 'a header names its file and shows its title');
    });

    it('filters the matrix by layer', async function () {
      await vscode.commands.executeCommand('densho.filterCoverageLayers', ['public']);
      const matrix = ctx.coverageMatrix!;
      assert.deepEqual(matrix.shownLayers, ['public']);
      const publicIds = new Set(coverage.clauses.flatMap((c) => c.documents.filter((d) => d.access === 'public').map((d) => d.id)));
      const columns = [...matrix.html.matchAll(/<th class="doc" title="[^"]*" data-file="[^"]*">([^<]+)<div class="doc-title">/g)].map((m) => m[1]!);
      assert.deepEqual(columns.sort(), [...publicIds].sort());
      await matrix.filterLayers(undefined);
      assert.equal((matrix.html.match(/<th class="doc" title=/g) ?? []).length, new Set(coverage.clauses.flatMap((c) => c.documents.map((d) => d.id))).size);
      matrix.panel.dispose();
    });

    it('exports coverage as Markdown (as `densho coverage --format md`) and CSV', async function () {
      const markdown = uri('coverage-export.md');
      // maxLayer null: every layer, as `densho coverage` without --max-layer (without it the command asks).
      const written = await vscode.commands.executeCommand<vscode.Uri>('densho.exportCoverage', { format: 'markdown', uri: markdown, maxLayer: null });
      assert.equal(written?.toString(), markdown.toString());
      assert.equal(read('coverage-export.md'), readFileSync(join(expectedDir, 'coverage.md'), 'utf8'));
      const csv = uri('coverage-export.csv');
      await vscode.commands.executeCommand('densho.exportCoverage', { format: 'csv', uri: csv, maxLayer: null });
      const lines = read('coverage-export.csv').split('\r\n');
      assert.equal(lines[0], 'clause,title,documented,covered,gap,document_id,document_title,file,direct');
    });
  });

  describe('document commands', function () {
    it('Mark reviewed sets `reviewed` to today, changing nothing else, and the schedule follows', async function () {
      const overdue = review.owners.flatMap((owner) => owner.documents).find((d) => d.state === 'overdue');
      assert.ok(overdue, 'the samples have an overdue review');
      const before = read(overdue.file);
      const ok = await vscode.commands.executeCommand<boolean>('densho.markReviewed', uri(overdue.file));
      assert.equal(ok, true);
      const after = read(overdue.file);
      const today = localDay();
      assert.equal(after, before.replace(`reviewed: ${overdue.reviewed}`, `reviewed: ${today}`));
      assert.notEqual(after, before);
      await waitFor(ctx.views.review.onDidChangeTreeData, () => !JSON.stringify(ctx.views.review.data ?? {}).includes(overdue.file), 'the review schedule to drop the document');
      assert.equal(ctx.statusBar.item.text, `$(calendar) ${review.summary.overdue - 1} overdue`);
    });

    it('Record training edits only its record in training.yaml, and the Skills view follows', async function () {
      const before = read('training.yaml');
      const ok = await vscode.commands.executeCommand<boolean>('densho.recordTraining', { person: 'd.nakamura', id: 'SOP-WLD-004', level: 'independent', trainer: 'h.sato', date: '2026-11-20' });
      assert.equal(ok, true);
      const after = read('training.yaml');
      assert.equal(after, before.replace('SOP-WLD-004: { level: supervised, version: 4, date: 2026-04-15, trainer: h.sato }', 'SOP-WLD-004: { level: independent, version: 4, date: 2026-11-20, trainer: h.sato }'));
      assert.notEqual(after, before);
      const qualified = () => roots(ctx.views.skills).find((node) => labelOf(node).startsWith('SOP-WLD-004 '))?.description;
      await waitFor(ctx.views.skills.onDidChangeTreeData, () => qualified() === '1/2 qualified', 'the Skills view to count d.nakamura');
    });

    it('New document from template creates and opens the file, in the document\'s language, and never overwrites', async function () {
      const args = { template: 'sop', id: 'SOP-TST-001', title: 'Bending <test> & "quotes"', lang: 'en', folder: 'sops/training' };
      const created = await vscode.commands.executeCommand<vscode.Uri>('densho.newDocument', args);
      assert.equal(created?.toString(), uri('sops/training/sop-tst-001.md').toString());
      const text = read('sops/training/sop-tst-001.md');
      assert.match(text, /^---\nid: SOP-TST-001\ntitle: "Bending <test> & \\"quotes\\""\n/);
      assert.ok(text.includes(`reviewed: ${localDay()}`));
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), created.toString(), 'the new document is open');
      const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('densho.newDocument', { ...args, title: 'Other' });
      assert.equal(again, undefined);
      assert.equal(read('sops/training/sop-tst-001.md'), text, 'not overwritten');
      const japanese = await vscode.commands.executeCommand<vscode.Uri>('densho.newDocument', { ...args, lang: 'ja' });
      assert.equal(japanese?.toString(), uri('sops/training/sop-tst-001.ja.md').toString());
      // A Japanese document starts from the template's Japanese variant (sop.ja.md), an English one from sop.md.
      assert.match(read('sops/training/sop-tst-001.ja.md'), /^## 手順$/m);
      assert.doesNotMatch(read('sops/training/sop-tst-001.ja.md'), /^## Steps$/m);
      assert.match(text, /^## Steps$/m);
    });

    it('New document for clause X, from a gap of the coverage view or of the matrix, maps the new document to that clause', async function () {
      const gap = coverage.clauses.find((clause) => clause.gap)!;
      const node = clauseNode(ctx.views.coverage, gap.clause);
      assert.equal(node?.contextValue, 'densho.clause.gap', 'the gap\'s context menu offers New document for this clause');
      const preset = { template: 'sop', id: 'SOP-TST-005', title: 'For a gap', lang: 'en', folder: 'sops/training' };
      // As the context menu calls it: the node, then (here) every other answer up front.
      const created = await vscode.commands.executeCommand<vscode.Uri>('densho.newDocumentForClause', node, preset);
      assert.equal(created?.toString(), uri('sops/training/sop-tst-005.md').toString());
      const mapped = new RegExp(`^iso9001: \\[${gap.clause.replace(/\./g, '\\.')}\\]`, 'm');
      assert.match(read('sops/training/sop-tst-005.md'), mapped);
      // As the matrix's row button asks for it: the clause only, of the coverage's standard.
      const fromMatrix = await vscode.commands.executeCommand<vscode.Uri>('densho.newDocumentForClause', { clause: gap.clause }, { ...preset, id: 'SOP-TST-006' });
      assert.equal(fromMatrix?.toString(), uri('sops/training/sop-tst-006.md').toString());
      assert.match(read('sops/training/sop-tst-006.md'), mapped);
    });

    it('Create translation copies the source with lang and translated-from-version, beside it', async function () {
      const missing = check.diagnostics.find((d) => d.rule === 'translation/missing' && !d.file.includes('.ja.'));
      assert.ok(missing, 'the samples lack a translation');
      const source = read(missing.file);
      const version = /^version:\s*(\d+)/m.exec(source)?.[1] ?? '1';
      const created = await vscode.commands.executeCommand<vscode.Uri>('densho.createTranslation', { uri: uri(missing.file), lang: 'ja' });
      const target = missing.file.replace(/\.md$/, '.ja.md');
      assert.equal(created?.toString(), uri(target).toString());
      const text = read(target);
      assert.match(text, /^lang: ja$/m);
      assert.match(text, new RegExp(`^translated-from-version: ${version}$`, 'm'));
      assert.ok(vscode.window.visibleTextEditors.some((editor) => editor.document.uri.toString() === created.toString()), 'opened');
      await waitFor(
        vscode.languages.onDidChangeDiagnostics,
        () => vscode.languages.getDiagnostics(uri(missing.file)).some((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'translation/missing' && /is "draft"/.test(d.message)),
        'translation/missing to say the translation is a draft (a draft is not a translation)',
      );
    });

    it('Open translation opens the translation to the side, and back to the source', async function () {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.window.showTextDocument(uri('sops/welding/sop-wld-004.md'), { viewColumn: vscode.ViewColumn.One });
      const opened = await vscode.commands.executeCommand<vscode.Uri>('densho.openTranslation');
      assert.equal(opened?.toString(), uri('sops/welding/sop-wld-004.ja.md').toString());
      const editor = vscode.window.activeTextEditor!;
      assert.equal(editor.document.uri.toString(), opened.toString());
      assert.equal(editor.viewColumn, vscode.ViewColumn.Two, 'to the side');
      const back = await vscode.commands.executeCommand<vscode.Uri>('densho.openTranslation', opened);
      assert.equal(back?.toString(), uri('sops/welding/sop-wld-004.md').toString());
    });

    it('Compare with the translated revision opens a diff: the source at translated-from-version on the left, read-only, the source now on the right', async function () {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const source = 'sops/welding/sop-wld-004.md';
      const translatedFrom = Number(/^translated-from-version:\s*(\d+)/m.exec(read('sops/welding/sop-wld-004.ja.md'))?.[1]);
      const compared = await vscode.commands.executeCommand<{ left: vscode.Uri; right: vscode.Uri }>('densho.compareWithTranslatedRevision', uri('sops/welding/sop-wld-004.ja.md'));
      assert.ok(compared, 'the diff was opened');
      const isDiff = () => vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff;
      await waitFor(vscode.window.tabGroups.onDidChangeTabs, isDiff, 'the diff editor');
      const input = vscode.window.tabGroups.activeTabGroup.activeTab!.input as vscode.TabInputTextDiff;
      assert.equal(input.original.scheme, 'densho-revision');
      assert.equal(input.modified.toString(), uri(source).toString());
      // The left side is the source as Git holds it at the revision the translation names, not as it is now.
      const revisions = execFileSync('git', ['log', '--format=%H', '--', source], { cwd: folder().uri.fsPath, encoding: 'utf8' }).trim().split('\n');
      const committed = revisions.map((commit) => execFileSync('git', ['show', `${commit}:${source}`], { cwd: folder().uri.fsPath, encoding: 'utf8' }));
      const left = (await vscode.workspace.openTextDocument(input.original)).getText();
      assert.ok(committed.includes(left), 'the left side is a committed revision of the source');
      assert.match(left, new RegExp(`^version: ${translatedFrom}$`, 'm'));
      assert.notEqual(left, read(source));
      assert.match(vscode.window.tabGroups.activeTabGroup.activeTab!.label, new RegExp(`v${translatedFrom} .*↔ now`));
    });

    it('Show revision history opens a chosen revision read-only', async function () {
      const source = uri('sops/welding/sop-wld-004.md');
      const first = execFileSync('git', ['log', '--format=%H', '--reverse', '--', 'sops/welding/sop-wld-004.md'], { cwd: folder().uri.fsPath, encoding: 'utf8' }).split('\n')[0]!;
      const opened = await vscode.commands.executeCommand<vscode.Uri>('densho.showRevisionHistory', { uri: source, commit: first });
      assert.equal(opened?.scheme, 'densho-revision');
      const editor = vscode.window.activeTextEditor!;
      assert.equal(editor.document.uri.toString(), opened.toString());
      assert.equal(editor.document.getText(), execFileSync('git', ['show', `${first}:sops/welding/sop-wld-004.md`], { cwd: folder().uri.fsPath, encoding: 'utf8' }));
      // A virtual document: no file system stands behind it, so nothing can be saved over a revision.
      assert.notEqual(vscode.workspace.fs.isWritableFileSystem(opened.scheme), true, 'read-only');
      assert.equal(editor.document.isUntitled, false);
    });
  });

  describe('Markdown preview', function () {
    it('renders [[ID]] as a link to the Japanese variant, marks an unknown id, and shows the front matter as a card', async function () {
      const document = await vscode.workspace.openTextDocument(uri('sops/quality/sop-qms-001.ja.md'));
      const html = await vscode.commands.executeCommand<string>('markdown.api.render', document);
      assert.match(html, /<a class="densho-ref" href="\.\.\/training\/sop-trn-001\.ja\.md"[^>]*>SOP-TRN-001<\/a>/);
      assert.match(html, /<code>\[\[SOP-WLD-004\]\]<\/code>/, 'code stays code');
      assert.match(html, /^<div class="densho-card" lang="ja">[\s\S]*?<dt>id<\/dt><dd>SOP-QMS-001<\/dd>/);
      const master = await vscode.workspace.openTextDocument(uri('sops/machining/mst-mch-001.md'));
      const unresolved = await vscode.commands.executeCommand<string>('markdown.api.render', master);
      assert.match(unresolved, /<span class="densho-ref densho-unresolved" title="Densho: no document has the id WI-MCH-007">\[\[WI-MCH-007\]\]<\/span>/);
    });
  });

  describe('editor features beside VS Code\'s own Markdown support', function () {
    it('Go to Symbol lists each heading once (VS Code\'s Markdown provider), with Densho\'s front matter and steps', async function () {
      await vscode.extensions.getExtension('vscode.markdown-language-features')?.activate();
      const file = 'sops/welding/sop-wld-004.md';
      const document = await vscode.workspace.openTextDocument(uri(file));
      const headings = document.getText().split('\n').filter((line) => /^#{1,6} /.test(line)).map((line) => line.replace(/^#+ /, '').trim());
      assert.ok(headings.length > 1, 'the sample has headings');
      const times = (list: readonly string[], value: string) => list.filter((item) => item === value).length;
      const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri)) ?? [];
      const names: string[] = [];
      const walk = (list: readonly vscode.DocumentSymbol[]): void => list.forEach((symbol) => (names.push(symbol.name), walk(symbol.children ?? [])));
      walk(symbols);
      // As often as the file has it (the sample has two "### Check"), not twice as often.
      const shown = names.map((name) => name.replace(/^#+ /, ''));
      for (const heading of new Set(headings)) assert.equal(times(shown, heading), times(headings, heading), `${heading} in ${JSON.stringify(names)}`);
      assert.ok(names.includes('SOP-WLD-004'), 'the front matter, from Densho');
    });

    it('completion after [[ in a public document marks a restricted one as a leak, last', async function () {
      const editor = await vscode.window.showTextDocument(uri('sops/inspection/frm-ins-001.md'));
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      await editor.edit((builder) => builder.insert(end, '\n[['));
      try {
        const at = editor.document.lineAt(editor.document.lineCount - 1).range.end;
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, at, '[');
        const densho = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Reference);
        const restricted = densho.find((item) => item.label === 'WI-INS-003');
        assert.ok(restricted, JSON.stringify(densho.map((item) => item.label)));
        assert.deepEqual(restricted.tags, [vscode.CompletionItemTag.Deprecated]);
        assert.match(restricted.detail ?? '', /^⚠ leak: restricted above this public document/);
        const sortKey = (item: vscode.CompletionItem) => item.sortText ?? (typeof item.label === 'string' ? item.label : item.label.label);
        const unmarked = densho.filter((item) => !item.tags?.length);
        assert.ok(unmarked.length > 0 && unmarked.every((item) => sortKey(item) < sortKey(restricted)), 'leaks sort after the others');
      } finally {
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    });

    it('completion of owner, expert and approved-by marks the inactive and the departed people, last', async function () {
      const editor = await vscode.window.showTextDocument(uri('sops/inspection/frm-ins-001.md'));
      const people = readFileSync(uri('people.yaml').fsPath, 'utf8');
      const today = localDay();
      // From people.yaml as it stands: `active: false`, or a `leaves` day already past.
      const gone = [...people.matchAll(/^([a-z][\w.-]*):\n((?:[ \t]+.*\n?)*)/gm)]
        .filter(([, , body]) => /^\s+active:\s*false\s*$/m.test(body!) || (/^\s+leaves:\s*(\d{4}-\d\d-\d\d)/m.exec(body!)?.[1] ?? '9999') < today)
        .map(([, key]) => key!);
      assert.ok(gone.length >= 2, `the samples have inactive and departed people: ${JSON.stringify(gone)}`);
      try {
        for (const field of ['owner', 'expert', 'approved-by']) {
          const line = editor.document.getText().split('\n').findIndex((text) => /^(owner|approved-by|expert):/.test(text));
          assert.ok(line > 0, 'a person field in the front matter');
          await editor.edit((builder) => builder.replace(editor.document.lineAt(line).range, `${field}: `));
          const at = editor.document.lineAt(line).range.end;
          const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, at, ' ');
          const persons = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Constant);
          const label = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
          const marked = persons.filter((item) => item.tags?.includes(vscode.CompletionItemTag.Deprecated)).map(label).sort();
          assert.deepEqual(marked, [...gone].sort(), `${field}: struck through are the people no longer here`);
          for (const item of persons.filter((candidate) => marked.includes(label(candidate)))) assert.match(item.detail ?? '', /^⚠ (inactive|left on \d{4}-\d\d-\d\d)/, `${field}: ${label(item)} says why`);
          const sortKey = (item: vscode.CompletionItem) => item.sortText ?? label(item);
          const sorted = [...persons].sort((a, b) => sortKey(a).localeCompare(sortKey(b))).map(label);
          assert.deepEqual(sorted.slice(sorted.length - marked.length).sort(), marked, `${field}: sorted last (${sorted.join(', ')})`);
        }
      } finally {
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    });
  });
});

/** Today in the local calendar, YYYY-MM-DD, as the server takes it. */
function localDay(): string {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((part) => String(part).padStart(2, '0')).join('-');
}
