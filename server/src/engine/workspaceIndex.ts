/**
 * The cross-document view: documents by id and language, translation pairs,
 * files by name and backlinks. Built from already parsed documents, so
 * rebuilding it after an edit costs map insertions, not parsing.
 */
import { sourceLanguage, type DenshoConfig } from './config';
import type { DocumentMeta } from './frontmatter';
import type { DocumentLink, ParsedDocument } from './parse';
import { resolveRelative } from './paths';
import type { RepositoryFiles } from './repositoryFiles';

export interface IndexedDocument {
  readonly path: string;
  readonly parsed: ParsedDocument;
  readonly meta: DocumentMeta;
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

export class WorkspaceIndex {
  private readonly byPath = new Map<string, IndexedDocument>();
  private readonly byId = new Map<string, IndexedDocument[]>();
  private backlinkCache: Map<string, Backlink[]> | undefined;
  readonly sourceLanguage: string;

  constructor(
    documents: Iterable<IndexedDocument>,
    private readonly files: RepositoryFiles,
    config: DenshoConfig,
  ) {
    this.sourceLanguage = sourceLanguage(config);
    for (const document of documents) {
      this.byPath.set(document.path, document);
      const id = document.meta.id?.value;
      if (id !== undefined) push(this.byId, id, document);
    }
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
    return this.byId.get(id) ?? [];
  }

  withIdAndLang(id: string, lang: string): IndexedDocument[] {
    return this.withId(id).filter((document) => document.meta.lang === lang);
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
    const path = link.path === '' ? from.path : resolveRelative(from.path, link.path!);
    if (path === undefined) return { kind: 'outside' };
    return { kind: 'file', path, exists: this.fileExists(path), document: this.byPath.get(path) };
  }

  /** Links from other documents (and the document itself) that lead to `path`. */
  backlinks(path: string): readonly Backlink[] {
    if (!this.backlinkCache) {
      const cache = new Map<string, Backlink[]>();
      for (const from of this.byPath.values()) {
        for (const link of from.parsed.links) {
          const target = this.resolve(from, link);
          const targetPath = target.kind === 'file' ? target.path : target.kind === 'id' ? target.document?.path : undefined;
          if (targetPath !== undefined) push(cache, targetPath, { from, link });
        }
      }
      this.backlinkCache = cache;
    }
    return this.backlinkCache.get(path) ?? [];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
