/**
 * Go to definition and find references. Definition follows links, `[[ID]]`
 * references, `related`/`supersedes` ids and person keys. References list
 * the backlinks of a document (from its id, or from a link to it) or of a
 * heading (from the heading, or from a link's fragment).
 */
import type { Position } from '../text';
import type { Workspace } from '../workspace';
import type { IndexedDocument } from '../workspaceIndex';
import { documentAnchor, headingForFragment, ID_LIST_FIELDS, linkedDocument, targetAt, unquotedRange, type FileLocation } from './cursor';

export function definition(workspace: Workspace, path: string, position: Position): FileLocation[] {
  const document = workspace.document(path);
  const target = targetAt(workspace, path, position);
  if (!document || !target) return [];
  switch (target.kind) {
    case 'link': {
      const resolved = workspace.index.resolve(document, target.link);
      if (resolved.kind === 'id' || (resolved.kind === 'file' && resolved.document)) {
        const linked = resolved.document;
        if (!linked) return [];
        const heading = headingForFragment(linked, target.link.fragment);
        return [{ file: linked.path, range: heading?.range ?? zeroRange }];
      }
      if (resolved.kind === 'file' && resolved.exists) return [{ file: resolved.path, range: zeroRange }];
      return [];
    }
    case 'id-ref': {
      const linked = workspace.index.resolveId(target.id, document.meta.lang);
      return linked ? [{ file: linked.path, range: documentAnchor(linked) }] : [];
    }
    case 'person': {
      const registry = workspace.people;
      const person = registry?.people.get(target.key);
      return registry && person ? [{ file: registry.file, range: person.keyRange }] : [];
    }
    case 'id':
      // The id is its own definition; its other-language files are the useful jump.
      return workspace.index.withId(target.id).map((other) => ({ file: other.path, range: documentAnchor(other) }));
    default:
      return [];
  }
}

export type ReferenceSubject =
  | { readonly kind: 'document'; readonly id?: string; readonly paths: readonly string[] }
  | { readonly kind: 'heading'; readonly path: string; readonly slug: string };

/** What "find references" at this position is about. */
export function referenceSubjectAt(workspace: Workspace, path: string, position: Position): ReferenceSubject | undefined {
  const document = workspace.document(path);
  const target = targetAt(workspace, path, position);
  if (!document || !target) return undefined;
  switch (target.kind) {
    case 'id':
    case 'id-ref':
      return documentSubject(workspace, target.id, target.kind === 'id' ? [document] : []);
    case 'heading':
      return { kind: 'heading', path, slug: target.heading.slug };
    case 'link': {
      const linked = linkedDocument(workspace, document, target.link);
      if (!linked) return undefined;
      if (target.part === 'fragment') {
        const heading = headingForFragment(linked, target.link.fragment);
        return heading ? { kind: 'heading', path: linked.path, slug: heading.slug } : undefined;
      }
      return linked.meta.id ? documentSubject(workspace, linked.meta.id.value, [linked]) : { kind: 'document', paths: [linked.path] };
    }
    default:
      return undefined;
  }
}

function documentSubject(workspace: Workspace, id: string, fallback: readonly IndexedDocument[]): ReferenceSubject {
  const documents = workspace.index.withId(id);
  return { kind: 'document', id, paths: (documents.length > 0 ? documents : fallback).map((document) => document.path) };
}

export function references(workspace: Workspace, path: string, position: Position, includeDeclaration: boolean): FileLocation[] {
  const subject = referenceSubjectAt(workspace, path, position);
  if (!subject) return [];
  const locations: FileLocation[] = [];
  if (subject.kind === 'heading') {
    const target = workspace.index.document(subject.path);
    const heading = target?.parsed.headings.find((candidate) => candidate.slug === subject.slug);
    if (includeDeclaration && heading) locations.push({ file: subject.path, range: heading.range });
    for (const { from, link } of workspace.index.backlinks(subject.path)) {
      if (link.fragment !== undefined && link.fragment.toLowerCase() === subject.slug.toLowerCase()) {
        locations.push({ file: from.path, range: link.fragmentRange ?? link.range });
      }
    }
    return sortLocations(locations);
  }
  for (const documentPath of subject.paths) {
    const target = workspace.index.document(documentPath);
    if (includeDeclaration && target?.meta.id) locations.push({ file: documentPath, range: target.meta.id.range });
    for (const { from, link } of workspace.index.backlinks(documentPath)) {
      if (link.path === '' && link.kind !== 'wiki') continue; // `#section` inside a document is not a reference to it
      locations.push({ file: from.path, range: link.range });
    }
  }
  if (subject.id !== undefined) locations.push(...idListReferences(workspace, subject.id));
  return sortLocations(dedupe(locations));
}

/** `related:` and `supersedes:` values naming an id, across the repository. */
export function idListReferences(workspace: Workspace, id: string): FileLocation[] {
  const locations: FileLocation[] = [];
  for (const document of workspace.index.documents) {
    for (const field of ID_LIST_FIELDS) {
      const value = document.meta.fields.get(field)?.value;
      const items = value?.kind === 'list' ? value.items : [];
      for (const item of items) {
        if (item.kind === 'scalar' && item.text === id) locations.push({ file: document.path, range: unquotedRange(item) });
      }
    }
  }
  return locations;
}

function dedupe(locations: FileLocation[]): FileLocation[] {
  const seen = new Set<string>();
  return locations.filter((location) => {
    const key = `${location.file}:${location.range.start.line}:${location.range.start.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sortLocations(locations: FileLocation[]): FileLocation[] {
  return locations.sort(
    (a, b) => a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}

const zeroRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
