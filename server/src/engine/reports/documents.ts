import type { IndexedDocument } from '../workspaceIndex';

/**
 * One document per id, preferring the source-language file, so reports count
 * a procedure once however many languages it is kept in. Documents without
 * an id are kept, each on its own.
 */
export function documentsById(documents: Iterable<IndexedDocument>): IndexedDocument[] {
  const chosen = new Map<string, IndexedDocument>();
  for (const document of documents) {
    const key = document.meta.id?.value ?? `\u0000${document.path}`;
    const current = chosen.get(key);
    if (!current || (current.meta.isTranslation && !document.meta.isTranslation) || (current.meta.isTranslation === document.meta.isTranslation && document.path < current.path)) {
      chosen.set(key, document);
    }
  }
  return [...chosen.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
