/**
 * The audit pack's data: the document register (ISO 9001 7.5.3 master list),
 * clause coverage, review schedule, knowledge-risk register (7.1.6) and
 * translation status, all computed over the documents a reader cleared up to
 * one layer may see. Nothing of a withheld document enters this object
 * except counts, so whatever renders it cannot leak one.
 */
import { addDuration, formatDay, type Day } from '../dates';
import type { Diagnostic, Severity } from '../diagnostics';
import type { DocumentStatus, DocumentType } from '../frontmatter';
import { layerView } from '../export';
import { message, renderMessage, type Locale, type Message } from '../messages';
import { ruleSummary, type RuleId } from '../rules/ruleIds';
import type { Workspace } from '../workspace';
import type { IndexedDocument } from '../workspaceIndex';
import { coverageReport, coveredClauses, type CoverageReport } from './coverage';
import { documentsById } from './documents';
import { reviewState } from './reviewState';
import type { KnowledgeRisk } from './risk';
import type { SkillsMatrix } from './skills';
import { reviewSchedule, type ReviewSchedule } from './schedule';
import { auditHistory, type AuditHistory } from './auditHistory';

export interface AuditPackOptions {
  /** Index of the highest layer to include; every layer when absent. */
  readonly maxLayer?: number;
  /** Prefer titles in this language where a translation has one. */
  readonly lang?: string;
  /** The language of the findings' messages (default English). */
  readonly locale?: Locale;
  /** The organisation's name when densho.yaml's `organisation` is empty: the repository folder's name. */
  readonly organisation?: string;
  /** `densho report --at`: the register shows each document's revision in force on this day. Needs the history. */
  readonly at?: Day;
}

/** The revision of a document in force on the pack's `at` day (`DocumentHistory.inForce`, as `densho history --at`). */
export interface InForceRevision {
  readonly version: number | null;
  readonly commit: string;
  /** The revision's commit date. */
  readonly date: string;
  readonly approvedBy: string | null;
  readonly approvedByName: string | null;
  readonly approved: string | null;
}

/** `future`: `reviewed` lies after today; `invalid-date`: `reviewed` is written but is not a date. */
export type RegisterReviewState = 'overdue' | 'due-soon' | 'current' | 'not-scheduled' | 'future' | 'invalid-date';

/** A document's status in the register: its `status`, or `invalid` when the file could not be read as a document at all. */
export type RegisterStatus = DocumentStatus | 'invalid';

export interface AuditFinding {
  readonly rule: string;
  readonly severity: Severity;
  /** 1-based. */
  readonly line: number;
  readonly message: string;
}

export interface DocumentFindings {
  readonly file: string;
  readonly id: string | null;
  readonly findings: readonly AuditFinding[];
}

export interface AuditFindings {
  readonly summary: { readonly errors: number; readonly warnings: number; readonly infos: number; readonly documents: number };
  /** Documents with findings, by path; the repository's own (densho.yaml, people.yaml, coverage gaps) under their file. */
  readonly documents: readonly DocumentFindings[];
}

export interface RegisterLanguage {
  readonly lang: string;
  readonly file: string;
  /** `source` for the source-language file; for a translation, whether it matches the source's version (`no-source` when the source is missing or withheld). */
  readonly state: 'source' | 'current' | 'outdated' | 'no-source';
}

export interface RegisterEntry {
  readonly id: string | null;
  readonly title: string;
  /** The title in the other language, when a translation has one. */
  readonly otherTitle: string | null;
  readonly file: string;
  /** Null for a document that could not be read. */
  readonly type: DocumentType | null;
  readonly version: number | null;
  readonly status: RegisterStatus;
  /** Why the status is `invalid`: what `check` says about the file. */
  readonly problem: string | null;
  /** Open findings of `check` on this document (its translations have rows of their own in Findings). */
  readonly errors: number;
  readonly warnings: number;
  readonly owner: string | null;
  readonly ownerName: string | null;
  readonly experts: readonly string[];
  readonly reviewed: string | null;
  readonly nextReview: string | null;
  readonly reviewState: RegisterReviewState;
  /** Age of the last review in days. */
  readonly reviewAge: number | null;
  readonly access: string | null;
  readonly languages: readonly RegisterLanguage[];
  readonly approvedBy: string | null;
  readonly approvedByName: string | null;
  /** When the current version was approved (`approved`). */
  readonly approved: string | null;
  /** The date of the current revision's commit; null without history or before the first commit. */
  readonly revisionDate: string | null;
  /** With `at` only: the revision in force on that day, or null when none was (not yet written, a draft, obsolete). */
  readonly inForce?: InForceRevision | null;
}

export interface TranslationStatus {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly translation: string | null;
  readonly state: 'current' | 'outdated' | 'missing';
  readonly sourceVersion: number | null;
  readonly translatedFromVersion: number | null;
}

export interface TranslationPair {
  readonly source: string;
  readonly target: string;
  /** In `required-translations`. */
  readonly required: boolean;
  readonly documents: readonly TranslationStatus[];
  readonly summary: { readonly current: number; readonly outdated: number; readonly missing: number };
}

export interface AuditCoverage {
  readonly report: CoverageReport;
  /** Clause → number of withheld documents covering it (only clauses with any). */
  readonly withheld: Readonly<Record<string, number>>;
  /** Gaps once withheld documents are counted: the clauses no approved document at any layer covers. */
  readonly gaps: number;
}

export interface AuditPack {
  readonly version: 1;
  readonly today: string;
  readonly layers: readonly string[];
  /** The highest layer shown, or null when every layer is. */
  readonly maxLayer: string | null;
  /** The day the register is shown as in force (`--at`), or null for today's register. */
  readonly at: string | null;
  readonly withheldDocuments: number;
  readonly languages: readonly string[];
  readonly lang: string | null;
  readonly register: readonly RegisterEntry[];
  readonly coverage: readonly AuditCoverage[];
  readonly schedule: ReviewSchedule;
  readonly risk: KnowledgeRisk;
  /** The skills matrix of the documents shown (ISO 9001 7.2); null without training records. */
  readonly skills: SkillsMatrix | null;
  readonly translations: readonly TranslationPair[];
  /** The organisation the pack is for, from densho.yaml's `organisation`, else the folder name; null when neither is known. */
  readonly organisation: string | null;
  readonly findings: AuditFindings;
  readonly history: AuditHistory;
}

/** Rules whose firing means the file is not a readable document: the register says so instead of listing defaults. */
const UNREADABLE_RULES: ReadonlySet<string> = new Set(['file/binary', 'file/too-large', 'file/too-deep', 'frontmatter/missing', 'frontmatter/yaml']);

export function auditPack(workspace: Workspace, options: AuditPackOptions = {}): AuditPack {
  const { config, index, people } = workspace;
  const today = workspace.today;
  const view = layerView(workspace, options.maxLayer);
  const visible = view.visible;
  const isVisible = view.isVisible;
  const lang = options.lang ?? null;
  const sourceLang = index.sourceLanguage;

  const translationsOf = (document: IndexedDocument) => index.translationsOf(document).filter(isVisible);
  const titleIn = (document: IndexedDocument, language: string | null): string | undefined => {
    if (language === null || language === document.meta.lang) return undefined;
    return translationsOf(document).find((translation) => translation.meta.lang === language)?.meta.title;
  };
  const preferred = new Map<string, string>();

  // What `check` says, over the documents shown only. With a layer limit a
  // message could name a withheld document (a leak warning names its target),
  // so each finding is then described by its rule's summary instead.
  const describe = (diagnostic: Diagnostic): string => renderMessage(options.maxLayer === undefined ? diagnostic.message : ruleSummary(diagnostic.rule as RuleId), options.locale ?? 'en');
  const toFinding = (diagnostic: Diagnostic): AuditFinding => ({ rule: diagnostic.rule, severity: diagnostic.severity, line: diagnostic.range.start.line + 1, message: describe(diagnostic) });
  const diagnosticsOf = new Map<string, Diagnostic[]>();
  for (const document of visible) diagnosticsOf.set(document.path, workspace.checkDocument(document.path));
  const findings = auditFindings(workspace, visible, diagnosticsOf, toFinding, options.maxLayer === undefined);

  const register: RegisterEntry[] = [];
  for (const document of visible) {
    const { meta } = document;
    const source = meta.isTranslation ? index.sourceOf(document) : undefined;
    // A translation shares its source's row, unless the source is missing or withheld.
    if (source && isVisible(source)) continue;
    const translations = meta.isTranslation ? [] : translationsOf(document);
    const ownTitle = meta.title ?? '';
    const preferredTitle = titleIn(document, lang);
    const other = preferredTitle !== undefined ? ownTitle : translations.find((translation) => translation.meta.title)?.meta.title;
    if (preferredTitle !== undefined && meta.id) preferred.set(meta.id.value, preferredTitle);
    const diagnostics = diagnosticsOf.get(document.path) ?? [];
    const unreadable = diagnostics.find((diagnostic) => UNREADABLE_RULES.has(diagnostic.rule));
    const invalid = unreadable !== undefined || !document.parsed.frontMatter?.fields;
    const state = invalid ? undefined : reviewState(meta, config);
    const horizon = addDuration(today, config.reviewWarnBefore);
    const reviewStateValue: RegisterReviewState = invalid
      ? 'not-scheduled'
      : meta.fields.has('reviewed') && meta.reviewed === undefined
        ? 'invalid-date'
        : meta.reviewed !== undefined && meta.reviewed > today
          ? 'future'
          : !state || meta.status !== 'approved'
            ? 'not-scheduled'
            : state.due < today
              ? 'overdue'
              : state.due <= horizon
                ? 'due-soon'
                : 'current';
    const count = (severity: Severity) => diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
    register.push({
      id: meta.id?.value ?? null,
      title: preferredTitle ?? ownTitle,
      otherTitle: other && other !== (preferredTitle ?? ownTitle) ? other : null,
      file: document.path,
      type: invalid ? null : meta.type,
      version: meta.version ?? null,
      status: invalid ? 'invalid' : meta.status,
      problem: invalid ? (unreadable ? describe(unreadable) : renderMessage(message('frontmatter.not-a-map'), options.locale ?? 'en')) : null,
      errors: count('error'),
      warnings: count('warning'),
      owner: meta.owner?.value ?? null,
      ownerName: personName(workspace, meta.owner?.value),
      experts: meta.experts.map((ref) => ref.value),
      reviewed: meta.reviewed === undefined ? null : formatDay(meta.reviewed),
      nextReview: state ? formatDay(state.due) : null,
      reviewState: reviewStateValue,
      reviewAge: meta.reviewed === undefined ? null : today - meta.reviewed,
      access: meta.access?.value ?? null,
      languages: [
        { lang: meta.lang, file: document.path, state: meta.isTranslation ? 'no-source' : 'source' },
        ...translations.map((translation): RegisterLanguage => ({ lang: translation.meta.lang, file: translation.path, state: translationState(document, translation) })),
      ],
      approvedBy: meta.approvedBy?.value ?? null,
      approvedByName: personName(workspace, meta.approvedBy?.value),
      approved: meta.approved === undefined ? null : formatDay(meta.approved),
      revisionDate: workspace.history?.of(document.path)?.current.date ?? null,
      ...(options.at === undefined ? {} : { inForce: inForceRevision(workspace, document, options.at) }),
    });
  }
  // By id; documents without one (broken front matter) last, where a reader looks for what is wrong.
  register.sort((a, b) => Number(a.id === null) - Number(b.id === null) || (a.id ?? '').localeCompare(b.id ?? '') || a.file.localeCompare(b.file));

  const visibleIds = new Set(visible.map((document) => document.meta.id?.value).filter((id) => id !== undefined));
  // A withheld translation of a visible document is the same procedure: it adds nothing to coverage.
  const withheldProcedures = view.withheld.filter((document) => document.meta.id === undefined || !visibleIds.has(document.meta.id.value));
  const coverage = workspace.standards.map((standard): AuditCoverage => {
    const report = retitleCoverage(coverageReport(standard, visible, today, lang ?? options.locale), preferred);
    const withheld: Record<string, number> = {};
    for (const [clause, entries] of coveredClauses(standard, withheldProcedures)) withheld[clause] = entries.length;
    return { report, withheld, gaps: report.clauses.filter((clause) => clause.gap && !withheld[clause.clause]).length };
  });

  const schedule = reviewSchedule(visible, config, people, today);
  const risk = workspace.knowledgeRisk(visible);
  // Under a layer limit the matrix holds only what the limit shows, its roster only the people of its records.
  const skills = workspace.training ? workspace.skills(options.maxLayer === undefined ? undefined : visible) : null;

  return {
    version: 1,
    today: formatDay(today),
    layers: config.layers,
    maxLayer: options.maxLayer === undefined ? null : view.maxLayerName,
    at: options.at === undefined ? null : formatDay(options.at),
    withheldDocuments: view.withheld.length,
    languages: config.languages,
    lang,
    register,
    coverage,
    schedule: preferred.size === 0 ? schedule : { ...schedule, owners: schedule.owners.map((owner) => ({ ...owner, documents: owner.documents.map((review) => ({ ...review, title: preferred.get(review.id) ?? review.title })) })) },
    risk: preferred.size === 0 ? risk : { ...risk, experts: risk.experts.map((holder) => ({ ...holder, documents: holder.documents.map((held) => ({ ...held, title: preferred.get(held.id) ?? held.title })) })) },
    skills: skills && preferred.size > 0 ? { ...skills, documents: skills.documents.map((row) => ({ ...row, title: preferred.get(row.id) ?? row.title })) } : skills,
    translations: translationPairs(workspace, visible, isVisible, sourceLang, preferred),
    organisation: config.organisation || options.organisation || null,
    findings,
    history: auditHistory(workspace, register.map((entry) => entry.file)),
  };
}

/**
 * The Findings section's data: per visible document, what `check` reports,
 * and the repository's own findings. With a layer limit, people.yaml's
 * findings are left out (they name people a withheld document may be the
 * only one to name); densho.yaml's and the coverage gaps name nothing of a
 * document.
 */
function auditFindings(
  workspace: Workspace,
  visible: readonly IndexedDocument[],
  diagnosticsOf: ReadonlyMap<string, readonly Diagnostic[]>,
  toFinding: (diagnostic: Diagnostic) => AuditFinding,
  allLayers: boolean,
): AuditFindings {
  const documents: DocumentFindings[] = [];
  const repository = new Map<string, Diagnostic[]>();
  const peopleFile = workspace.people?.file;
  for (const diagnostic of workspace.checkRepository()) {
    if (!allLayers && diagnostic.file === peopleFile) continue;
    repository.set(diagnostic.file, [...(repository.get(diagnostic.file) ?? []), diagnostic]);
  }
  for (const [file, diagnostics] of [...repository].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) documents.push({ file, id: null, findings: diagnostics.map(toFinding) });
  for (const document of visible) {
    const diagnostics = diagnosticsOf.get(document.path) ?? [];
    if (diagnostics.length > 0) documents.push({ file: document.path, id: document.meta.id?.value ?? null, findings: diagnostics.map(toFinding) });
  }
  const all = documents.flatMap((entry) => entry.findings);
  const count = (severity: Severity) => all.filter((finding) => finding.severity === severity).length;
  return { summary: { errors: count('error'), warnings: count('warning'), infos: count('info'), documents: documents.length }, documents };
}

function inForceRevision(workspace: Workspace, document: IndexedDocument, at: Day): InForceRevision | null {
  const revision = workspace.history?.of(document.path)?.inForce(at);
  if (!revision) return null;
  return {
    version: revision.version ?? null,
    commit: revision.commit,
    date: revision.date,
    approvedBy: revision.approvedBy ?? null,
    approvedByName: personName(workspace, revision.approvedBy),
    approved: revision.approved ?? null,
  };
}

function personName(workspace: Workspace, key: string | undefined): string | null {
  return key === undefined ? null : (workspace.people?.people.get(key)?.name ?? null);
}

function translationState(source: IndexedDocument, translation: IndexedDocument): 'current' | 'outdated' {
  const sourceVersion = source.meta.version;
  const from = translation.meta.translatedFromVersion;
  return sourceVersion !== undefined && (from === undefined || from < sourceVersion) ? 'outdated' : 'current';
}

function retitleCoverage(report: CoverageReport, preferred: ReadonlyMap<string, string>): CoverageReport {
  if (preferred.size === 0) return report;
  return { ...report, clauses: report.clauses.map((clause) => ({ ...clause, documents: clause.documents.map((document) => ({ ...document, title: preferred.get(document.id) ?? document.title })) })) };
}

function translationPairs(
  workspace: Workspace,
  visible: readonly IndexedDocument[],
  isVisible: (document: IndexedDocument) => boolean,
  sourceLang: string,
  preferred: ReadonlyMap<string, string>,
): TranslationPair[] {
  const { config, index } = workspace;
  const sources = documentsById(visible).filter((document) => !document.meta.isTranslation && document.meta.status !== 'obsolete' && document.meta.id);
  return config.languages
    .filter((language) => language !== sourceLang)
    .map((target): TranslationPair => {
      const documents = sources.map((source): TranslationStatus => {
        const translation = index.withIdAndLang(source.meta.id!.value, target).find(isVisible);
        return {
          id: source.meta.id!.value,
          title: preferred.get(source.meta.id!.value) ?? source.meta.title ?? '',
          file: source.path,
          translation: translation?.path ?? null,
          state: translation ? translationState(source, translation) : 'missing',
          sourceVersion: source.meta.version ?? null,
          translatedFromVersion: translation?.meta.translatedFromVersion ?? null,
        };
      });
      const count = (state: TranslationStatus['state']) => documents.filter((document) => document.state === state).length;
      return {
        source: sourceLang,
        target,
        required: config.requiredTranslations.includes(target),
        documents,
        summary: { current: count('current'), outdated: count('outdated'), missing: count('missing') },
      };
    });
}

/** Review ages in buckets of months, for the chart: [label, total, overdue]. */
export function reviewAgeBuckets(register: readonly RegisterEntry[]): { label: Message; count: number; overdue: number }[] {
  const bounds: [Message, number][] = [
    [message('html.review-age.under', { months: 3 }), 91],
    [message('html.review-age.between', { from: 3, to: 6 }), 182],
    [message('html.review-age.between', { from: 6, to: 9 }), 274],
    [message('html.review-age.between', { from: 9, to: 12 }), 365],
    [message('html.review-age.between', { from: 12, to: 18 }), 547],
    [message('html.review-age.between', { from: 18, to: 24 }), 730],
    [message('html.review-age.over', { months: 24 }), Infinity],
  ];
  const buckets = bounds.map(([label]) => ({ label, count: 0, overdue: 0 }));
  for (const entry of register) {
    if (entry.reviewAge === null || entry.reviewAge < 0) continue;
    const at = bounds.findIndex(([, limit]) => entry.reviewAge! < limit);
    buckets[at]!.count++;
    if (entry.reviewState === 'overdue') buckets[at]!.overdue++;
  }
  return buckets;
}
