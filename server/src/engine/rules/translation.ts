/** translation/*: every required language exists, keeps up with its source, its structure and its layer. */
import { formatDay } from '../dates';
import type { Fix } from '../diagnostics';
import { changedSections, type SectionChange } from '../history/changes';
import { message, type Message } from '../messages';
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
        message: message('translation.not-approved', { lang, id: meta.id.value, status: unapproved.meta.status }),
        related: [{ file: unapproved.path, range: unapproved.meta.fields.get('status')?.value.range ?? unapproved.meta.id!.range, message: message('translation.related-status', { status: unapproved.meta.status }) }],
      });
      continue;
    }
    const file = translationPath(source.path, lang);
    const fixes: Fix[] | undefined = context.index.fileExists(file)
      ? undefined
      : [{ title: message('fix.create-translation', { file }), edits: [{ kind: 'create', file, content: translationSkeleton(context, source, lang) }] }];
    context.report({
      rule: 'translation/missing',
      range: meta.id.range,
      message: message('translation.missing', { lang, id: meta.id.value }),
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
    const named =
      changed && changed.length > 0
        ? message('translation.changed-since', { sections: changed.map((section) => message('translation.changed-section', { heading: section.heading, change: sectionChange(section) })) })
        : undefined;
    context.report({
      rule: 'translation/outdated',
      range: versionField.value.range,
      message: message('translation.outdated', { from: meta.translatedFromVersion, source: source.path, version: source.meta.version, changed: named }),
      related: [
        { file: source.path, range: sourceAt('version'), message: message('translation.related-version', { version: source.meta.version }) },
        ...(changed ?? [])
          .filter((section) => section.headingRange)
          .map((section) => ({
            file: source.path,
            range: section.headingRange!,
            message: message('translation.related-section', { change: sectionChange(section), from: meta.translatedFromVersion!, heading: section.heading }),
          })),
      ],
    });
  }
  const [ours, theirs] = [translation.parsed, source.parsed];
  const differences: Message[] = [];
  if (ours.headings.length !== theirs.headings.length) differences.push(message('translation.headings-differ', { ours: ours.headings.length, theirs: theirs.headings.length }));
  if (ours.steps.length !== theirs.steps.length) differences.push(message('translation.steps-differ', { ours: ours.steps.length, theirs: theirs.steps.length }));
  if (differences.length > 0) {
    context.report({
      rule: 'translation/structure',
      range: meta.fields.get('lang')?.keyRange ?? meta.id!.range,
      message: message('translation.structure', { source: source.path, differences }),
      related: [{ file: source.path, range: source.meta.id!.range, message: message('translation.related-source') }],
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
      message: message('translation.access', { layer: meta.access!.value, sourceLayer: guarded.meta.access!.value }),
      related: [{ file: guarded.path, range: guarded.meta.access!.range, message: message('translation.related-layer', { layer: guarded.meta.access!.value }) }],
    });
  }
}

function sectionChange(section: SectionChange): Message {
  return message(`section.${section.change}`);
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
