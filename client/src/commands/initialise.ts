/**
 * Densho: Initialise Densho here: `densho init` in the repository folder,
 * run by the language server (densho/init), then densho.yaml opened to be
 * read and committed. From the views' welcome the choice of front matter
 * comes with the link; from the command palette it is asked.
 */
import * as vscode from 'vscode';
import { InitRequest, type InitResult } from '../../../server/src/protocol';
import type { Ctx } from '../context';

export interface InitialiseArgs {
  readonly frontMatter?: boolean;
}

export const initialise =
  (ctx: Ctx) =>
  async (args: InitialiseArgs = {}): Promise<InitResult | undefined> => {
    const client = await ctx.start();
    const folder = ctx.folder();
    if (!client || !folder) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Densho: open a folder to initialise Densho in it.'));
      return undefined;
    }
    let frontMatter = args.frontMatter;
    if (frontMatter === undefined) {
      const picked = await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('Settings files only'), detail: vscode.l10n.t('densho.yaml, people.yaml and training.yaml'), frontMatter: false },
          { label: vscode.l10n.t('Settings files and front matter'), detail: vscode.l10n.t('also an id, title, type and language for each document without front matter'), frontMatter: true },
        ],
        { title: vscode.l10n.t('Initialise Densho in {0}', folder.name) },
      );
      if (!picked) return undefined;
      frontMatter = picked.frontMatter;
    }
    const result = await ctx.request(InitRequest, { folder: folder.uri.toString(), frontMatter });
    ctx.output.appendLine(vscode.l10n.t('{command} in {folder} (exit {exitCode})', { command: `densho init${frontMatter ? ' --front-matter' : ''}`, folder: folder.uri.fsPath, exitCode: result.exitCode }));
    if (result.stdout) ctx.output.append(result.stdout);
    if (result.stderr) ctx.output.append(result.stderr);
    if (result.exitCode !== 0) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Densho: not initialised: {0}', result.stderr.trim().split('\n')[0]?.replace(/^densho: /, '') ?? ''));
      return result;
    }
    await vscode.window.showTextDocument(vscode.Uri.parse(result.configFile), { preview: false });
    void vscode.window
      .showInformationMessage(vscode.l10n.t('Densho: initialised. Check densho.yaml, then commit it; the Problems view lists what a person must fill in.'), vscode.l10n.t('Show output'))
      .then((answer) => answer && ctx.output.show());
    return result;
  };
