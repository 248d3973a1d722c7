/** translation/*: every required language exists, keeps up with its source, its structure and its layer. */
import { formatDay } from '../dates';
import type { Fix } from '../diagnostics';
import { changedSections, type SectionChange } from '../history/changes';
import type { IndexedDocument } from '../workspaceIndex';
import type { DocumentContext, RuleFamily } from './types';

export const translationRules: RuleFamily = {
  name: 'translation',
  checkDocument(context) {
    const { document } = context;
    if (document.meta.isTranslation) checkTranslation(context, document);
    else checkSource(context, document);
  },
};

function checkSource(context: DocumentContext, source: IndexedDocument): void {
  const { meta } = source;
  if (!meta.id || meta.status !== 'approved') return;
  const translations = context.index.withId(meta.id.value);
  for (const lang of context.config.requiredTranslations) {
    if (lang === meta.lang) continue;
    const inLang = translations.filter((document) => document.meta.lang === lang);
    // Only an approved translation is one: a draft (what Create translation writes) keeps the signal for the quality manager.
    if (inLang.some((document) => document.meta.status === 'approved')) continue;
    const unapproved = inLang[0];
    if (unapproved) {
      context.report({
        rule: 'translation/missing',
        range: meta.id.range,
        message: `The ${lang} translation of ${meta.id.value} is ${unapproved.meta.status}: ${lang} is a required translation, and only an approved one counts.`,
        related: [{ file: unapproved.path, range: unapproved.meta.fields.get('status')?.value.range ?? unapproved.meta.id!.range, message: `status: ${unapproved.meta.status}` }],
      });
      continue;
    }
    const file = translationPath(source.path, lang);
    const fixes: Fix[] | undefined = context.index.fileExists(file)
      ? undefined
      : [{ title: `Create ${file} from the source`, edits: [{ kind: 'create', file, content: translationSkeleton(context, source, lang) }] }];
    context.report({
      rule: 'translation/missing',
      range: meta.id.range,
      message: `No ${lang} translation of ${meta.id.value}: ${lang} is a required translation.`,
      fixes,
    });
  }
}

function checkTranslation(context: DocumentContext, translation: IndexedDocument): void {
  const source = context.index.sourceOf(translation);
  if (!source) return;
  const { meta } = translation;
  const sourceAt = (key: string) => source.meta.fields.get(key)?.value.range ?? source.meta.id!.range;
  const versionField = meta.fields.get('translated-from-version');
  if (versionField && meta.translatedFromVersion !== undefined && source.meta.version !== undefined && meta.translatedFromVersion < source.meta.version) {
    const changed = sourceChangesSince(context, source, meta.translatedFromVersion);
    const named = changed && changed.length > 0 ? ` Changed since: ${changed.map((section) => `${section.heading} (${section.change})`).join(', ')}.` : '';
    context.report({
      rule: 'translation/outdated',
      range: versionField.value.range,
      message: `Translated from version ${meta.translatedFromVersion}, but the source ${source.path} is at version ${source.meta.version}.${named}`,
      related: [
        { file: source.path, range: sourceAt('version'), message: `Source version ${source.meta.version}` },
        ...(changed ?? [])
          .filter((section) => section.headingRange)
          .map((section) => ({ file: source.path, range: section.headingRange!, message: `Section ${section.change} since version ${meta.translatedFromVersion}: ${section.heading}` })),
      ],
    });
  }
  const [ours, theirs] = [translation.parsed, source.parsed];
  const differences: string[] = [];
  if (ours.headings.length !== theirs.headings.length) differences.push(`${ours.headings.length} headings against ${theirs.headings.length}`);
  if (ours.steps.length !== theirs.steps.length) differences.push(`${ours.steps.length} numbered steps against ${theirs.steps.length}`);
  if (differences.length > 0) {
    context.report({
      rule: 'translation/structure',
      range: meta.fields.get('lang')?.keyRange ?? meta.id!.range,
      message: `Structure differs from the source ${source.path}: ${differences.join(', ')}.`,
      related: [{ file: source.path, range: source.meta.id!.range, message: 'Source document' }],
    });
  }
  // Against the highest of the source-language documents with this id: which of them is "the" source must not depend on path order (a decoy).
  const guarded = context.index
    .withIdAndLang(meta.id!.value, context.index.sourceLanguage)
    .reduce((highest, candidate) => ((candidate.meta.layer ?? -1) > (highest.meta.layer ?? -1) ? candidate : highest), source);
  if (meta.layer !== undefined && guarded.meta.layer !== undefined && meta.layer < guarded.meta.layer) {
    context.report({
      rule: 'translation/access',
      range: meta.access!.range,
      message: `This translation is ${meta.access!.value}, but its source is ${guarded.meta.access!.value}: the translation would expose the source's content.`,
      related: [{ file: guarded.path, range: guarded.meta.access!.range, message: `Source layer ${guarded.meta.access!.value}` }],
    });
  }
}

/** The source's sections that changed since its revision `version`; undefined without history of that revision. */
function sourceChangesSince(context: DocumentContext, source: IndexedDocument, version: number): SectionChange[] | undefined {
  const sourceHistory = context.history?.of(source.path);
  const revision = sourceHistory?.revisionWithVersion(version);
  const text = revision && sourceHistory!.textOf(revision);
  return text === undefined ? undefined : changedSections(text, source.parsed);
}

/** `sops/a/sop-1.md` → `sops/a/sop-1.ja.md`, the naming convention of docs/front-matter.md. */
export function translationPath(sourcePath: string, lang: string): string {
  const stem = sourcePath.replace(/\.md$/i, '');
  return `${stem}.${lang}.md`;
}

/** The source's front matter with `lang` and `translated-from-version` set, and its headings to translate. */
export function translationSkeleton(context: Pick<DocumentContext, 'today'>, source: IndexedDocument, lang: string): string {
  const { parsed, meta } = source;
  const eol = parsed.lines.eol;
  const frontMatter = parsed.frontMatter!;
  const fieldLines = parsed.text
    .slice(frontMatter.contentStart, frontMatter.contentEnd)
    .split(/\r\n|\n|\r/)
    .filter((line, index, all) => !(index === all.length - 1 && line === ''))
    .filter((line) => !/^(lang|translated-from-version|status|reviewed)\s*:/.test(line));
  const lines = [
    '---',
    ...fieldLines,
    `lang: ${lang}`,
    `translated-from-version: ${meta.version ?? 1}`,
    'status: draft',
    `reviewed: ${formatDay(context.today)}`,
    '---',
    '',
  ];
  const body = parsed.text.slice(parsed.lines.offsetAt(frontMatter.range.end)).replace(/^(\r\n|\n|\r)/, '');
  lines.push(`<!-- Translated from ${source.path}: keep every heading and numbered step of the source. -->`, '');
  lines.push(body);
  return (parsed.bom ? '\uFEFF' : '') + lines.join(eol);
}
