/**
 * What stands at a position of a document: a front matter key or value, a
 * link (and which part of it), or a heading. Hover, navigation and rename
 * all start here, so they agree on what the user is pointing at.
 */
import type { DocumentLink, Heading } from '../parse';
import { containsPosition, type Position, type Range } from '../text';
import type { IndexedDocument } from '../workspaceIndex';
import type { Workspace } from '../workspace';
import type { YamlEntry, YamlScalar, YamlValue } from '../yamlValue';

/** Front matter fields whose values are person keys of people.yaml. */
export const PERSON_FIELDS: ReadonlySet<string> = new Set(['owner', 'expert', 'approved-by', 'access-list']);
/** Front matter fields whose values are document ids. */
export const ID_LIST_FIELDS: ReadonlySet<string> = new Set(['related', 'supersedes']);

export type CursorTarget =
  | { readonly kind: 'field'; readonly entry: YamlEntry }
  /** The document's own `id` value. */
  | { readonly kind: 'id'; readonly id: string; readonly range: Range }
  /** An id named in `related` or `supersedes`. */
  | { readonly kind: 'id-ref'; readonly id: string; readonly range: Range; readonly field: string }
  | { readonly kind: 'person'; readonly key: string; readonly range: Range; readonly field: string }
  | { readonly kind: 'clause'; readonly standard: string; readonly clause: string; readonly range: Range }
  /** Any other front matter value. */
  | { readonly kind: 'value'; readonly entry: YamlEntry; readonly scalar: YamlScalar }
  /** A link; `part` says whether the cursor is on its path (or id) or on its fragment. */
  | { readonly kind: 'link'; readonly link: DocumentLink; readonly part: 'target' | 'fragment' }
  | { readonly kind: 'heading'; readonly heading: Heading; readonly index: number };

export function targetAt(workspace: Workspace, path: string, position: Position): CursorTarget | undefined {
  const document = workspace.document(path);
  if (!document) return undefined;
  const frontMatter = document.parsed.frontMatter;
  if (frontMatter && containsPosition(frontMatter.range, position)) return frontMatterTargetAt(workspace, document, position);
  for (const link of document.parsed.links) {
    if (!containsPosition(link.range, position)) continue;
    const onFragment = link.fragmentRange !== undefined && containsPosition(link.fragmentRange, position);
    return { kind: 'link', link, part: onFragment ? 'fragment' : 'target' };
  }
  const index = document.parsed.headings.findIndex((heading) => containsPosition(heading.range, position));
  if (index >= 0) return { kind: 'heading', heading: document.parsed.headings[index]!, index };
  return undefined;
}

function frontMatterTargetAt(workspace: Workspace, document: IndexedDocument, position: Position): CursorTarget | undefined {
  const entries = document.parsed.frontMatter?.fields?.entries ?? [];
  for (const entry of entries) {
    if (containsPosition(entry.keyRange, position)) return { kind: 'field', entry };
    const scalar = scalarAt(entry.value, position);
    if (!scalar) continue;
    const range = unquotedRange(scalar);
    if (entry.key === 'id') return { kind: 'id', id: scalar.text, range };
    if (ID_LIST_FIELDS.has(entry.key)) return { kind: 'id-ref', id: scalar.text, range, field: entry.key };
    if (PERSON_FIELDS.has(entry.key)) return { kind: 'person', key: scalar.text, range, field: entry.key };
    if (workspace.standards.some((standard) => standard.id === entry.key)) {
      return { kind: 'clause', standard: entry.key, clause: scalar.text, range };
    }
    return { kind: 'value', entry, scalar };
  }
  return undefined;
}

/** The scalar of a value (or of one of its list items) that contains the position. */
export function scalarAt(value: YamlValue, position: Position): YamlScalar | undefined {
  if (value.kind === 'scalar') return containsPosition(value.range, position) ? value : undefined;
  if (value.kind === 'list') {
    for (const item of value.items) {
      const found = scalarAt(item, position);
      if (found) return found;
    }
  }
  return undefined;
}

/** The range of a scalar's text, inside its quotes when it has them (quoted scalars here are one-line). */
export function unquotedRange(scalar: YamlScalar): Range {
  if (!scalar.quoted || scalar.range.start.line !== scalar.range.end.line) return scalar.range;
  return {
    start: { line: scalar.range.start.line, character: scalar.range.start.character + 1 },
    end: { line: scalar.range.end.line, character: Math.max(scalar.range.start.character + 1, scalar.range.end.character - 1) },
  };
}

/** The range of the id inside a `[[ID#fragment]]` reference (wiki ranges never span lines). */
export function wikiIdRange(link: DocumentLink): Range {
  const id = link.id ?? '';
  const at = Math.max(0, link.raw.indexOf(id));
  const line = link.range.start.line;
  const start = link.range.start.character + at;
  return { start: { line, character: start }, end: { line, character: start + id.length } };
}

/** The document a link leads to, when it leads to one. */
export function linkedDocument(workspace: Workspace, from: IndexedDocument, link: DocumentLink): IndexedDocument | undefined {
  const target = workspace.index.resolve(from, link);
  return target.kind === 'file' || target.kind === 'id' ? target.document : undefined;
}

/** The heading of `document` a fragment names (GitHub slugs compare case-insensitively). */
export function headingForFragment(document: IndexedDocument, fragment: string | undefined): Heading | undefined {
  if (fragment === undefined || fragment === '') return undefined;
  const wanted = fragment.toLowerCase();
  return document.parsed.headings.find((heading) => heading.slug.toLowerCase() === wanted);
}

/** Where a document is best shown: its first heading, else its id, else its start. */
export function documentAnchor(document: IndexedDocument): Range {
  return document.meta.id?.range ?? document.parsed.headings[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** A location in the repository. */
export interface FileLocation {
  readonly file: string;
  readonly range: Range;
}
