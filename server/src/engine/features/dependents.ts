/**
 * Which documents must be checked again after a change: the changed
 * document, documents linking to it, documents sharing its id (its
 * translations, its duplicates), documents naming its id in `[[…]]`,
 * `related` or `supersedes`, and documents linking to what it supersedes.
 * Ask before the change and again after it, and check the union: a document
 * that linked to the old id and one that links to the new id both change.
 */
import { needsQualifiedPeople, type TrainingIndex } from '../competence';
import type { RepositoryHistory } from '../history/model';
import type { TrainingRecord } from '../training';
import type { PeopleRegistry } from '../people';
import { basename, resolveRelative } from '../paths';
import type { Workspace } from '../workspace';
import type { WorkspaceIndex } from '../workspaceIndex';

export function dependentDocuments(workspace: Workspace, path: string): Set<string> {
  const index = workspace.index;
  const result = new Set<string>();
  const document = index.document(path);
  if (document) result.add(path);
  const visited = new Set<string>();
  const addBacklinks = (target: string): void => {
    if (visited.has(target)) return;
    visited.add(target);
    for (const backlink of index.backlinks(target)) result.add(backlink.from.path);
  };
  addBacklinks(path);
  const ids = new Set<string>();
  if (document?.meta.id) ids.add(document.meta.id.value);
  for (const id of ids) {
    for (const sibling of index.withId(id)) {
      result.add(sibling.path);
      addBacklinks(sibling.path);
    }
  }
  const superseded = document?.meta.supersedes.map((ref) => ref.value) ?? [];
  for (const id of superseded) {
    for (const old of index.withId(id)) addBacklinks(old.path);
    for (const referrer of documentsNamingIds(index, new Set([id]))) result.add(referrer);
  }
  for (const referrer of documentsNamingIds(index, ids)) result.add(referrer);
  // A file appearing or disappearing changes "point to the file of the same name" fixes of broken links.
  const name = basename(path);
  for (const candidate of index.documentsLinkingName(name)) {
    if (result.has(candidate.path)) continue;
    for (const link of candidate.parsed.links) {
      if (link.kind === 'wiki' || link.external || !link.path || basename(link.path) !== name) continue;
      const target = resolveRelative(candidate.path, link.path);
      if (target !== undefined && !index.fileExists(target)) result.add(candidate.path);
    }
  }
  return result;
}

/** Documents that name one of `ids` in a `[[…]]` reference, `related` or `supersedes`. */
function documentsNamingIds(index: WorkspaceIndex, ids: ReadonlySet<string>): string[] {
  return [...ids].flatMap((id) => index.documentsNaming(id).map((document) => document.path));
}

/** Documents whose people rules may change between two versions of the people registry. */
export function documentsAffectedByPeople(workspace: Workspace, before: PeopleRegistry | undefined, after: PeopleRegistry | undefined): Set<string> {
  const all = new Set(workspace.documentPaths());
  if (!before || !after) return before === after ? new Set() : all;
  const changed = new Set<string>();
  for (const key of new Set([...before.people.keys(), ...after.people.keys()])) {
    const [a, b] = [before.people.get(key), after.people.get(key)];
    if (!a || !b || a.name !== b.name || a.role !== b.role || a.leaves !== b.leaves || a.active !== b.active) changed.add(key);
  }
  const result = new Set<string>();
  if (changed.size === 0) return result;
  const training = workspace.training;
  for (const document of workspace.index.documents) {
    const { meta } = document;
    const trained = meta.id && training ? training.recordsFor(meta.id.value).map((record) => record.person.value) : [];
    const keys = [meta.owner?.value, meta.approvedBy?.value, ...meta.experts.map((ref) => ref.value), ...trained];
    if (keys.some((key) => key !== undefined && changed.has(key))) result.add(document.path);
  }
  return result;
}

/**
 * Documents whose knowledge/single-holder finding may change between two
 * versions of the training records: those whose id has records that changed,
 * or every document that needs qualified people when the file appears or goes.
 */
export function documentsAffectedByTraining(workspace: Workspace, before: TrainingIndex | undefined, after: TrainingIndex | undefined): Set<string> {
  const result = new Set<string>();
  const summary = (records: readonly TrainingRecord[]) => JSON.stringify(records.map((record) => [record.person.value, record.level.value, record.version.value]));
  const changedIds = new Set<string>();
  if (before && after) {
    for (const id of new Set([...before.ids(), ...after.ids()])) {
      const [old, now] = [before.recordsFor(id), after.recordsFor(id)];
      // The server re-reads only edited people: the records of the others are the very same objects.
      if (old.length === now.length && old.every((record, index) => record === now[index])) continue;
      if (summary(old) !== summary(now)) changedIds.add(id);
    }
  }
  // The file appeared or went: every document that needs qualified people; otherwise those of the changed ids, from the index.
  const candidates = (before === undefined) !== (after === undefined) ? workspace.index.documents : [...changedIds].flatMap((id) => workspace.index.withId(id));
  for (const document of candidates) if (needsQualifiedPeople(document)) result.add(document.path);
  return result;
}

/**
 * Documents whose history rules (version/*, approval/outdated,
 * translation/outdated) may answer differently after the history was read
 * again (a commit, checkout, pull or branch switch): those whose own commits
 * changed, and every document sharing their id, since a translation is
 * judged against its source's revisions. Every document when history
 * appeared or went. A commit touching one document re-checks a handful,
 * not the repository.
 */
export function documentsAffectedByHistory(workspace: Workspace, before: RepositoryHistory | undefined, after: RepositoryHistory | undefined): Set<string> {
  const paths = workspace.documentPaths();
  if (!before || !after) return before === after ? new Set() : new Set(paths);
  const commitsOf = (history: RepositoryHistory, path: string) => history.of(path)?.commits.map((commit) => commit.commit).join(' ');
  const result = new Set<string>();
  for (const path of paths) {
    if (commitsOf(before, path) === commitsOf(after, path)) continue;
    result.add(path);
    const id = workspace.index.document(path)?.meta.id?.value;
    if (id !== undefined) for (const sibling of workspace.index.withId(id)) result.add(sibling.path);
  }
  return result;
}
