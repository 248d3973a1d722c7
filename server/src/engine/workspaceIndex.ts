/**
 * The cross-document view: documents by id and language, translation pairs,
 * files by name and backlinks. Built from already parsed documents, so
 * rebuilding it after an edit costs map insertions, not parsing.
 */
import { sourceLanguage, type DenshoConfig } from './config';
import type { DocumentMeta } from './frontmatter';
import type { DocumentLink, ParsedDocument } from './parse';
import { basename, resolveRelative } from './paths';
import type { RepositoryFiles } from './repositoryFiles';

export interface IndexedDocument {
  readonly path: string;
  readonly parsed: ParsedDocument;
  readonly meta: DocumentMeta;
  /**
   * Its look-up keys as the cache stored them, for a document held unread:
   * indexing it then reads neither its front matter nor its links (see
   * `Workspace.setParsedDocument`).
   */
  readonly storedKeys?: IndexKeys;
}

/**
 * What one document adds to the index's look-ups. A plain value, so the
 * cache can store it and a warm run can index 15,000 documents without
 * reviving their parses.
 */
export interface IndexKeys {
  readonly id?: string;
  /** Ids it names in `[[…]]`, `related` or `supersedes`. */
  readonly naming: readonly string[];
  /** Ids it lists under `supersedes`. */
  readonly superseding: readonly string[];
  /** Repository paths its file links resolve to. */
  readonly fileTargets: readonly string[];
  /** File names its file links lead to, wherever they resolve. */
  readonly linkNames: readonly string[];
}

/** A document's look-up keys, from its front matter and its links. */
export function indexKeysOf(document: IndexedDocument): IndexKeys {
  const naming = new Set<string>();
  const fileTargets = new Set<string>();
  const linkNames = new Set<string>();
  for (const link of document.parsed.links) {
    if (link.external) continue;
    if (link.kind === 'wiki') {
      if (link.id !== undefined) naming.add(link.id);
      continue;
    }
    const target = resolvedPath(document, link);
    if (target !== undefined) fileTargets.add(target);
    if (link.path) linkNames.add(basename(link.path));
  }
  for (const ref of document.meta.related) naming.add(ref.value);
  const superseding = document.meta.supersedes.map((ref) => ref.value);
  for (const id of superseding) naming.add(id);
  return { id: document.meta.id?.value, naming: [...naming], superseding: [...new Set(superseding)], fileTargets: [...fileTargets], linkNames: [...linkNames] };
}

/** The repository path a file link resolves to (undefined: external, wiki, or outside the repository). */
function resolvedPath(document: IndexedDocument, link: DocumentLink): string | undefined {
  return link.external || link.kind === 'wiki' ? undefined : link.path === '' ? document.path : resolveRelative(document.path, link.path!);
}

export type LinkTarget =
  | { readonly kind: 'external' }
  | { readonly kind: 'outside' }
  /** A file link; `document` is set when the file is an indexed document. */
  | { readonly kind: 'file'; readonly path: string; readonly exists: boolean; readonly document?: IndexedDocument }
  | { readonly kind: 'id'; readonly id: string; readonly document?: IndexedDocument };

export interface Backlink {
  readonly from: IndexedDocument;
  readonly link: DocumentLink;
}

const NO_DOCUMENTS: readonly IndexedDocument[] = [];

export class WorkspaceIndex {
  private readonly byPath = new Map<string, IndexedDocument>();
  /** Each document's look-up keys as it was added: what removing it takes out again. */
  private readonly keysByPath = new Map<string, IndexKeys>();
  private readonly byId = new Map<string, IndexedDocument[]>();
  /** Built the first time a reverse look-up is asked for (see `reverse`). */
  private reverseState: ReverseMaps | undefined;
  /** Where each file link of a document leads (by position in its links), resolved once per version of it. */
  private readonly linkPaths = new Map<string, (string | undefined)[]>();
  readonly sourceLanguage: string;
  /** The links and position `indexedLinkPath` last found a link at. */
  private lastLinks: readonly DocumentLink[] | undefined;
  private lastPosition = -1;
  /** Counts the edits since construction: what is derived from the whole index (visibility) is recomputed when it moves. */
  private generationValue = 0;

  constructor(
    documents: Iterable<IndexedDocument>,
    private readonly files: RepositoryFiles,
    config: DenshoConfig,
  ) {
    this.sourceLanguage = sourceLanguage(config);
    for (const document of documents) this.add(document);
  }

  /**
   * Puts a new version of one document in place of the old (or adds or
   * removes it). Costs what the document holds, not what the repository
   * holds: an edit in a 15,000-document repository touches one document's
   * entries.
   */
  replace(path: string, document: IndexedDocument | undefined): void {
    this.generationValue++;
    const old = this.byPath.get(path);
    if (old) this.unlink(old);
    // Map.set keeps an existing key's place: iteration order does not depend on edit history.
    if (document) this.add(document);
    else this.byPath.delete(path);
  }

  private add(document: IndexedDocument): void {
    this.byPath.set(document.path, document);
    const keys = document.storedKeys ?? indexKeysOf(document);
    this.keysByPath.set(document.path, keys);
    const id = keys.id;
    if (id !== undefined) {
      // Kept in path order, so which of two documents sharing an id comes first never depends on load or edit order.
      const twins = this.byId.get(id) ?? [];
      const at = twins.findIndex((twin) => twin.path > document.path);
      twins.splice(at < 0 ? twins.length : at, 0, document);
      this.byId.set(id, twins);
    }
    if (this.reverseState) forEachKey(this.reverseState, keys, (map, key) => addTo(map, key, document.path));
  }

  /** Removes a document from the look-ups (not from `byPath`: `replace` decides). */
  private unlink(document: IndexedDocument): void {
    const keys = this.keysByPath.get(document.path)!;
    this.keysByPath.delete(document.path);
    const id = keys.id;
    const twins = id === undefined ? undefined : this.byId.get(id);
    if (twins) {
      const remaining = twins.filter((twin) => twin !== document);
      if (remaining.length > 0) this.byId.set(id!, remaining);
      else this.byId.delete(id!);
    }
    if (this.reverseState) {
      forEachKey(this.reverseState, keys, (map, key) => {
        const set = map.get(key);
        set?.delete(document.path);
        if (set?.size === 0) map.delete(key);
      });
    }
    this.linkPaths.delete(document.path);
  }

  /**
   * The reverse look-ups (who links to a path, who names an id), built from
   * every document's keys the first time one is asked for and kept up to
   * date from then on. A check that asks none, such as a warm run checking
   * the one document that changed, never builds them.
   */
  private get reverse(): ReverseMaps {
    if (!this.reverseState) {
      const maps: ReverseMaps = { fileLinksTo: new Map(), namingId: new Map(), supersedingId: new Map(), linkingName: new Map() };
      for (const [path, keys] of this.keysByPath) forEachKey(maps, keys, (map, key) => addTo(map, key, path));
      this.reverseState = maps;
    }
    return this.reverseState;
  }

  /** A document's look-up keys, as indexed: what the cache stores so that a warm run indexes it unread. */
  keysOf(path: string): IndexKeys | undefined {
    return this.keysByPath.get(path);
  }

  /** The repository path each file link of `document` resolves to (undefined: external, wiki, or outside). */
  private linkPathsOf(document: IndexedDocument): (string | undefined)[] {
    let paths = this.linkPaths.get(document.path);
    if (paths && this.byPath.get(document.path) === document) return paths;
    paths = document.parsed.links.map((link) => resolvedPath(document, link));
    this.linkPaths.set(document.path, paths);
    return paths;
  }

  get generation(): number {
    return this.generationValue;
  }

  get documents(): IterableIterator<IndexedDocument> {
    return this.byPath.values();
  }

  get size(): number {
    return this.byPath.size;
  }

  document(path: string): IndexedDocument | undefined {
    return this.byPath.get(path);
  }

  /** Every document with this id, in every language. */
  withId(id: string): readonly IndexedDocument[] {
    return this.byId.get(id) ?? NO_DOCUMENTS;
  }

  withIdAndLang(id: string, lang: string): readonly IndexedDocument[] {
    const all = this.withId(id);
    // Most ids name one document in one language: every link and layer look-up of a check asks, so no copy for them.
    for (const document of all) if (document.meta.lang !== lang) return all.filter((twin) => twin.meta.lang === lang);
    return all;
  }

  /** The source-language document of a translation. */
  sourceOf(document: IndexedDocument): IndexedDocument | undefined {
    const id = document.meta.id?.value;
    if (id === undefined || !document.meta.isTranslation) return undefined;
    return this.withIdAndLang(id, this.sourceLanguage)[0];
  }

  translationsOf(document: IndexedDocument): IndexedDocument[] {
    const id = document.meta.id?.value;
    if (id === undefined || document.meta.isTranslation) return [];
    return this.withId(id).filter((candidate) => candidate.meta.isTranslation);
  }

  /** An id in the referring document's language first, then in the source language. */
  resolveId(id: string, lang: string): IndexedDocument | undefined {
    return this.withIdAndLang(id, lang)[0] ?? this.withIdAndLang(id, this.sourceLanguage)[0] ?? this.withId(id)[0];
  }

  /** Documents whose `supersedes` lists `id`, in path order. */
  supersedersOf(id: string): IndexedDocument[] {
    return this.documentsIn(this.reverse.supersedingId.get(id));
  }

  /** Documents that name `id` in a `[[…]]` reference, `related` or `supersedes`, in path order. */
  documentsNaming(id: string): IndexedDocument[] {
    return this.documentsIn(this.reverse.namingId.get(id));
  }

  /** Documents with a file link to a file named `name` (wherever it resolves), in path order. */
  documentsLinkingName(name: string): IndexedDocument[] {
    return this.documentsIn(this.reverse.linkingName.get(name));
  }

  private documentsIn(paths: ReadonlySet<string> | undefined): IndexedDocument[] {
    if (!paths) return [];
    return [...paths].sort().map((path) => this.byPath.get(path)!);
  }

  fileExists(path: string): boolean {
    return this.files.exists(path);
  }

  filesNamed(name: string): readonly string[] {
    return this.files.named(name);
  }

  allFiles(): RepositoryFiles {
    return this.files;
  }

  resolve(from: IndexedDocument, link: DocumentLink): LinkTarget {
    if (link.external) return { kind: 'external' };
    if (link.kind === 'wiki') return { kind: 'id', id: link.id!, document: this.resolveId(link.id!, from.meta.lang) };
    const path = this.indexedLinkPath(from, link);
    if (path === undefined) return { kind: 'outside' };
    return { kind: 'file', path, exists: this.fileExists(path), document: this.byPath.get(path) };
  }

  /**
   * Where a file link of `from` leads: read from `linkPaths` when `from` is
   * the indexed version, which the checks resolve every link of (twice: the
   * link rules and the visibility model), instead of resolving it again.
   * They walk a document's links in order, so the link after the last one
   * asked for is tried first; any other is looked for.
   */
  private indexedLinkPath(from: IndexedDocument, link: DocumentLink): string | undefined {
    const links = from.parsed.links;
    if (this.byPath.get(from.path) !== from) return resolvedPath(from, link);
    const position = this.lastLinks === links && links[this.lastPosition + 1] === link ? this.lastPosition + 1 : links.indexOf(link);
    if (position < 0) return resolvedPath(from, link);
    this.lastLinks = links;
    this.lastPosition = position;
    return this.linkPathsOf(from)[position];
  }

  /** Links from other documents (and the document itself) that lead to `path`, in path order. */
  backlinks(path: string): readonly Backlink[] {
    const found: Backlink[] = [];
    const target = this.byPath.get(path);
    const id = target?.meta.id?.value;
    const candidates = new Set(this.reverse.fileLinksTo.get(path));
    if (id !== undefined) for (const from of this.reverse.namingId.get(id) ?? []) candidates.add(from);
    for (const fromPath of [...candidates].sort()) {
      const from = this.byPath.get(fromPath)!;
      const paths = this.linkPathsOf(from);
      from.parsed.links.forEach((link, position) => {
        const leadsHere = link.kind === 'wiki' ? target !== undefined && link.id !== undefined && link.id === id && this.resolveId(link.id, from.meta.lang) === target : paths[position] === path;
        if (leadsHere) found.push({ from, link });
      });
    }
    return found;
  }
}

interface ReverseMaps {
  /** Documents holding a file link to a path, by the path it resolves to. */
  readonly fileLinksTo: Map<string, Set<string>>;
  /** Documents naming an id in `[[…]]`, `related` or `supersedes`, by id. */
  readonly namingId: Map<string, Set<string>>;
  /** Documents that list an id under `supersedes`, by id. */
  readonly supersedingId: Map<string, Set<string>>;
  /** Documents holding a file link whose target has a given file name, by that name. */
  readonly linkingName: Map<string, Set<string>>;
}

/** Every reverse-map entry a document's keys make. */
function forEachKey(maps: ReverseMaps, keys: IndexKeys, visit: (map: Map<string, Set<string>>, key: string) => void): void {
  for (const id of keys.naming) visit(maps.namingId, id);
  for (const id of keys.superseding) visit(maps.supersedingId, id);
  for (const target of keys.fileTargets) visit(maps.fileLinksTo, target);
  for (const name of keys.linkNames) visit(maps.linkingName, name);
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
