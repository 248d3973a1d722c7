/**
 * The data of `densho history` and `densho changes` (and of the language
 * server's requests of the same names), shaped as SPEC.md's JSON: the
 * renderers only format it.
 */
import { message, type Message } from '../messages';
import { formatDay, type Day } from '../dates';
import { changedSections, unifiedDiff, type SectionChange } from '../history/changes';
import type { RepositoryHistory, Revision } from '../history/model';
import type { IndexedDocument } from '../workspaceIndex';
import type { Workspace } from '../workspace';

export interface RevisionEntry {
  readonly version: number | null;
  readonly change: 'major' | 'minor';
  readonly commit: string;
  readonly date: string;
  readonly author: string;
  readonly approvedBy: string | null;
  readonly approved: string | null;
  readonly summary: string;
}

export interface DocumentHistoryEntry {
  readonly id: string | null;
  readonly lang: string;
  readonly file: string;
  /** Newest first. Empty for a document never committed. */
  readonly revisions: readonly RevisionEntry[];
  /** With `--at` only: the revision in force on that day, or null when none was. */
  readonly inForce?: { readonly version: number | null; readonly commit: string; readonly date: string } | null;
}

export interface HistoryReport {
  readonly version: 1;
  readonly root: string;
  /** The day `inForce` answers for, with `--at`. */
  readonly at?: string;
  readonly documents: readonly DocumentHistoryEntry[];
}

function revisionEntry(revision: Revision): RevisionEntry {
  return {
    version: revision.version ?? null,
    change: revision.change,
    commit: revision.commit,
    date: revision.date,
    author: revision.author,
    approvedBy: revision.approvedBy ?? null,
    approved: revision.approved ?? null,
    summary: revision.summary,
  };
}

/** The history of `documents` (every document when absent), by file. */
export function historyReport(root: string, history: RepositoryHistory, documents: readonly IndexedDocument[], at?: Day): HistoryReport {
  const entries = [...documents]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((document): DocumentHistoryEntry => {
      const documentHistory = history.of(document.path);
      const entry: DocumentHistoryEntry = {
        id: document.meta.id?.value ?? null,
        lang: document.meta.lang,
        file: document.path,
        revisions: [...(documentHistory?.revisions ?? [])].reverse().map(revisionEntry),
      };
      if (at === undefined) return entry;
      const inForce = documentHistory?.inForce(at);
      return { ...entry, inForce: inForce ? { version: inForce.version ?? null, commit: inForce.commit, date: inForce.date } : null };
    });
  return at === undefined ? { version: 1, root, documents: entries } : { version: 1, root, at: formatDay(at), documents: entries };
}

export interface ChangesReport {
  readonly version: 1;
  readonly file: string;
  /** For a translation, the source whose changes are shown; otherwise the file itself. */
  readonly source: string;
  readonly fromVersion: number | null;
  readonly fromCommit: string;
  readonly fromDate: string;
  readonly toVersion: number | null;
  readonly sections: readonly { readonly heading: string; readonly slug: string; readonly change: SectionChange['change'] }[];
  readonly diff: string;
}

/** Why `changes` has nothing to compare: a sentence for the user. */
export type ChangesProblem = { readonly problem: Message };

/**
 * What changed since a revision: for a translation, in its source since
 * `translated-from-version`; for a source, since its current revision, or
 * since `sinceVersion`. The newer side is the text as it is now.
 */
export function changesReport(workspace: Workspace, history: RepositoryHistory, document: IndexedDocument, sinceVersion?: number): ChangesReport | ChangesProblem {
  let target = document;
  let fromVersion = sinceVersion;
  if (document.meta.isTranslation) {
    const source = workspace.index.sourceOf(document);
    if (!source) return { problem: document.meta.id ? message('changes.no-source', { file: document.path, id: document.meta.id.value }) : message('changes.no-source-id', { file: document.path }) };
    target = source;
    fromVersion ??= document.meta.translatedFromVersion;
    if (fromVersion === undefined) return { problem: message('changes.no-translated-from', { file: document.path }) };
  }
  const documentHistory = history.of(target.path);
  if (!documentHistory) return { problem: message('changes.never-committed', { file: target.path }) };
  const revision = fromVersion === undefined ? documentHistory.current : documentHistory.revisionWithVersion(fromVersion);
  if (!revision) {
    const known = documentHistory.revisions.map((candidate) => candidate.version).filter((version) => version !== undefined).map(String);
    return { problem: message('changes.no-such-version', { file: target.path, version: fromVersion!, known: known.length > 0 ? known : undefined }) };
  }
  const older = documentHistory.textOf(revision) ?? '';
  const newer = target.parsed.text;
  return {
    version: 1,
    file: document.path,
    source: target.path,
    fromVersion: revision.version ?? null,
    fromCommit: revision.commit,
    fromDate: revision.date,
    toVersion: target.meta.version ?? null,
    sections: changedSections(older, target.parsed).map(({ heading, slug, change }) => ({ heading, slug, change })),
    diff: unifiedDiff(revision.path, target.path, older, newer),
  };
}
