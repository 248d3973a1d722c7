/** Create translation (from the source, with lang and translated-from-version set) and Open translation to the side. */
import * as vscode from 'vscode';
import { localToday, parseMarkdown, readFrontMatter, sourceLanguage, translationPath, translationSkeleton } from '../../../server/src/engine';
import type { Ctx } from '../context';
import { createNewFile, exists, indexedDocument } from './documents';

export interface TranslationArgs {
  readonly uri?: vscode.Uri;
  readonly lang?: string;
}

export const createTranslation =
  (ctx: Ctx) =>
  async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    const loaded = await indexedDocument(ctx, arg);
    if (!loaded) return undefined;
    const { document, config, folder } = loaded;
    if (!document.parsed.frontMatter?.fields) {
      void vscode.window.showErrorMessage('Densho: the source needs a valid front matter before it can be translated.');
      return undefined;
    }
    if (document.meta.isTranslation) {
      void vscode.window.showErrorMessage(`Densho: this is the ${document.meta.lang} translation; create translations from the ${sourceLanguage(config)} source.`);
      return undefined;
    }
    const targets = config.languages.filter((language) => language !== document.meta.lang);
    if (targets.length === 0) {
      void vscode.window.showErrorMessage('Densho: `languages` in densho.yaml lists only one language; add the language to translate into.');
      return undefined;
    }
    const requested = (arg as TranslationArgs | undefined)?.lang;
    const lang = requested ?? (targets.length === 1 ? targets[0] : await vscode.window.showQuickPick(targets, { title: 'Translate into' }));
    if (!lang) return undefined;
    if (!targets.includes(lang)) {
      void vscode.window.showErrorMessage(`Densho: translate into one of ${targets.join(', ')}.`);
      return undefined;
    }
    const target = ctx.uriOf(translationPath(document.path, lang), folder)!;
    if (!(await createNewFile(target, translationSkeleton({ today: localToday() }, document, lang)))) {
      void vscode.window.showInformationMessage(`Densho: ${vscode.workspace.asRelativePath(target)} exists already; opened it instead.`);
    }
    await vscode.window.showTextDocument(target, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    return target;
  };

export const openTranslation =
  (ctx: Ctx) =>
  async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    const loaded = await indexedDocument(ctx, arg);
    if (!loaded) return undefined;
    const { uri, document, config, folder } = loaded;
    const id = document.meta.id?.value;
    const source = sourceLanguage(config);
    // From a source: its translations; from a translation: its source.
    const wanted = document.meta.isTranslation ? [source] : config.languages.filter((language) => language !== document.meta.lang);
    const requested = (arg as TranslationArgs | undefined)?.lang;
    const languages = requested ? wanted.filter((language) => language === requested) : wanted;
    const found = new Map<string, vscode.Uri>();
    // By convention first (sop-a.md ↔ sop-a.ja.md), then by id and lang, which is what pairing really is.
    for (const lang of languages) {
      const stem = document.meta.isTranslation ? document.path.replace(new RegExp(`\\.${escapeRegExp(document.meta.lang)}\\.md$`, 'i'), '.md') : translationPath(document.path, lang);
      const candidate = ctx.uriOf(stem, folder)!;
      if (stem !== document.path && (await exists(candidate)) && (await languageOf(ctx, candidate, id)) === lang) found.set(lang, candidate);
    }
    if (id !== undefined && found.size < languages.length) {
      const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.md'), '{**/node_modules/**,**/.git/**}', 5000);
      for (const file of files) {
        if (file.toString() === uri.toString()) continue;
        const lang = await languageOf(ctx, file, id);
        if (lang && languages.includes(lang) && !found.has(lang)) found.set(lang, file);
      }
    }
    if (found.size === 0) {
      const what = document.meta.isTranslation ? `the ${source} source` : 'a translation';
      const create = document.meta.isTranslation ? undefined : 'Create translation';
      const answer = await vscode.window.showInformationMessage(`Densho: ${vscode.workspace.asRelativePath(uri)} has no ${what} yet.`, ...(create ? [create] : []));
      if (answer === create && create) return createTranslation(ctx)({ uri, lang: requested });
      return undefined;
    }
    const choice =
      found.size === 1
        ? [...found.values()][0]
        : (await vscode.window.showQuickPick([...found].map(([lang, file]) => ({ label: lang, description: vscode.workspace.asRelativePath(file), file })), { title: 'Open translation' }))?.file;
    if (!choice) return undefined;
    await vscode.window.showTextDocument(choice, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    return choice;
  };

/** The `lang` of a document with this id, or undefined when the file holds another id. */
async function languageOf(ctx: Ctx, uri: vscode.Uri, id: string | undefined): Promise<string | undefined> {
  const folder = ctx.folder(uri);
  const config = await ctx.config(folder);
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  if (!text.startsWith('---') && !text.startsWith('\ufeff---')) return undefined;
  const { meta } = readFrontMatter(parseMarkdown(uri.path, text), config, config.standards);
  return id !== undefined && meta.id?.value !== id ? undefined : meta.lang;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
