/**
 * Create translation (from the source, with lang and translated-from-version
 * set) and Open translation to the side. The server knows the pairs (by id
 * and lang, densho/translations) and makes the skeleton (densho/createTranslation).
 */
import * as vscode from 'vscode';
import { CreateTranslationRequest, TranslationsRequest } from '../../../server/src/protocol';
import type { Ctx } from '../context';
import { targetUri } from './documents';

export interface TranslationArgs {
  readonly uri?: vscode.Uri;
  readonly lang?: string;
}

export const createTranslation =
  (ctx: Ctx) =>
  async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    const uri = targetUri(arg);
    if (!uri) return undefined;
    const about = await ctx.requestOrShow(TranslationsRequest, { uri: uri.toString() });
    if (!about) return undefined;
    const requested = (arg as TranslationArgs | undefined)?.lang;
    // With one language to translate into, or none (the server says why), nothing is asked.
    const lang = requested ?? (about.targets.length <= 1 ? (about.targets[0] ?? '') : await vscode.window.showQuickPick([...about.targets], { title: vscode.l10n.t('Translate into') }));
    if (lang === undefined) return undefined;
    const created = await ctx.requestOrShow(CreateTranslationRequest, { uri: uri.toString(), lang });
    if (!created) return undefined;
    const target = vscode.Uri.parse(created.uri);
    if (created.edit === null) void vscode.window.showInformationMessage(vscode.l10n.t('Densho: {0} exists already; opened it instead.', vscode.workspace.asRelativePath(target)));
    else if (!(await ctx.createFile(created.edit, target))) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Densho: {0} could not be created.', vscode.workspace.asRelativePath(target)));
      return undefined;
    }
    await vscode.window.showTextDocument(target, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    return target;
  };

export const openTranslation =
  (ctx: Ctx) =>
  async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    const uri = targetUri(arg);
    if (!uri) return undefined;
    const about = await ctx.requestOrShow(TranslationsRequest, { uri: uri.toString() });
    if (!about) return undefined;
    const requested = (arg as TranslationArgs | undefined)?.lang;
    const found = about.counterparts.filter((counterpart) => requested === undefined || counterpart.lang === requested);
    if (found.length === 0) {
      const file = vscode.workspace.asRelativePath(uri);
      const create = about.isTranslation ? undefined : vscode.l10n.t('Create translation');
      const text = about.isTranslation
        ? vscode.l10n.t('Densho: {file} has no {lang} source yet.', { file, lang: about.sourceLanguage })
        : vscode.l10n.t('Densho: {0} has no translation yet.', file);
      const answer = await vscode.window.showInformationMessage(text, ...(create ? [create] : []));
      if (answer === create && create) return createTranslation(ctx)({ uri, lang: requested });
      return undefined;
    }
    const choice =
      found.length === 1
        ? found[0]!.uri
        : (await vscode.window.showQuickPick(found.map((counterpart) => ({ label: counterpart.lang, description: vscode.workspace.asRelativePath(vscode.Uri.parse(counterpart.uri)), uri: counterpart.uri })), { title: vscode.l10n.t('Open translation') }))?.uri;
    if (!choice) return undefined;
    const target = vscode.Uri.parse(choice);
    await vscode.window.showTextDocument(target, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    return target;
  };
