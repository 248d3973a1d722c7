/**
 * densho/translations and densho/createTranslation: a document's
 * counterparts (found by id and lang in the index, whatever their file
 * names) and the skeleton of a new translation, created by a WorkspaceEdit.
 */
import { ErrorCodes } from 'vscode-languageserver';
import { message, sourceLanguage, translationPath, translationSkeleton, type Message } from '../../engine';
import type { CreateTranslationParams, CreateTranslationResult, DocumentParams, TranslationsResult } from '../../protocol';
import type { ServerContext } from '../context';
import { refusal, toWorkspaceEdit } from '../convert';
import { indexedDocument } from './documentRequests';

export async function translations(context: ServerContext, params: DocumentParams | undefined): Promise<TranslationsResult> {
  const { located, document } = await indexedDocument(context, params?.uri);
  const { folder } = located;
  const { config, index } = folder.workspace;
  const { meta } = document;
  const counterparts = meta.isTranslation ? [index.sourceOf(document)].filter((source) => source !== undefined) : index.translationsOf(document);
  return {
    id: meta.id?.value ?? null,
    lang: meta.lang,
    isTranslation: meta.isTranslation,
    sourceLanguage: sourceLanguage(config),
    targets: meta.isTranslation ? [] : config.languages.filter((language) => language !== meta.lang),
    counterparts: counterparts.map((counterpart) => ({ lang: counterpart.meta.lang, uri: context.uriOf(folder, counterpart.path) })),
  };
}

export async function createTranslation(context: ServerContext, params: CreateTranslationParams | undefined): Promise<CreateTranslationResult> {
  const { located, document } = await indexedDocument(context, params?.uri);
  const { folder } = located;
  const workspace = folder.workspace;
  const config = workspace.config;
  const refuse = (reason: Message) => refusal(ErrorCodes.InvalidRequest, reason, context.locale);
  if (!document.parsed.frontMatter?.fields) throw refuse(message('request.needs-front-matter'));
  if (document.meta.isTranslation) throw refuse(message('request.is-translation', { lang: document.meta.lang, source: sourceLanguage(config) }));
  const targets = config.languages.filter((language) => language !== document.meta.lang);
  if (targets.length === 0) throw refuse(message('request.one-language'));
  const lang = params?.lang;
  if (typeof lang !== 'string' || !targets.includes(lang)) throw refuse(message('request.translate-into', { languages: targets }));
  const existing = workspace.index.translationsOf(document).find((translation) => translation.meta.lang === lang);
  const path = existing?.path ?? translationPath(document.path, lang);
  const uri = context.uriOf(folder, path);
  if (existing || workspace.index.fileExists(path)) return { uri, edit: null };
  const edit = toWorkspaceEdit([{ kind: 'create', file: path, content: translationSkeleton({ today: workspace.today }, document, lang) }], context.editTarget(folder));
  if (!edit) throw refuse(message('request.cannot-create', { file: path }));
  return { uri, edit };
}
