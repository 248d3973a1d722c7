/**
 * The visibility model: who may see what, for every output that can leave
 * the building (the export, the audit pack and the reports with a layer
 * limit, the access/leak rule that warns before any of them runs).
 *
 * - A document's layer is its own `access`, the highest layer when `access`
 *   is missing or invalid, raised to the highest layer of every document that
 *   shares its id in its language (`id/duplicate`: until the duplicate is
 *   resolved nobody can say which of them a reference means), and, for a
 *   translation, to the highest layer of every source-language document with
 *   its id (decided by id and language alone, never by path order).
 * - A file that is not a document (a picture, a video, an attachment) takes
 *   the highest layer among the documents that use it, by a link, an image
 *   or `media:`: it is shown only where every document that uses it may be.
 * - A document names another by every link kind the parser records, by
 *   `[[ID]]`, and by `related`, `supersedes` and `media` in any YAML form
 *   (a single value, a list, a map). All of them are references here.
 *
 * Everything fails closed: what cannot be told counts as the highest layer.
 */
import type { DenshoConfig } from './config';
import type { DocumentLink } from './parse';
import { resolveRelative } from './paths';
import type { Range } from './text';
import type { IndexedDocument, WorkspaceIndex } from './workspaceIndex';
import type { YamlEntry, YamlValue } from './yamlValue';

/** Front-matter fields whose values name other documents by id. */
export const ID_REFERENCE_FIELDS = ['related', 'supersedes'] as const;

/** One place in a document that names another document or a file. */
export interface Reference {
  readonly kind: 'link' | 'media' | 'related' | 'supersedes';
  /** The name as written: a link's destination, an id, a media path. */
  readonly raw: string;
  readonly range: Range;
  /** The link, for `kind: 'link'`. */
  readonly link?: DocumentLink;
  /** For front-matter references: the field's entry and the value or key that names the target. */
  readonly field?: YamlEntry;
  readonly value?: { readonly startOffset: number; readonly endOffset: number; readonly node?: YamlValue };
  /** The document it leads to, when it leads to one. */
  readonly document?: IndexedDocument;
  /** The repository file it leads to when that file is not a document. */
  readonly file?: string;
  /** A value this model cannot read (a YAML alias): whatever it names is unknown. */
  readonly opaque?: boolean;
}

export class Visibility {
  private readonly layers = new Map<string, number>();
  private fileLayerMap: Map<string, number> | undefined;
  readonly highest: number;

  constructor(
    readonly index: WorkspaceIndex,
    readonly config: DenshoConfig,
  ) {
    this.highest = Math.max(0, config.layers.length - 1);
  }

  /** The layer that decides who may see a document (see the module comment). */
  layerOf(document: IndexedDocument): number {
    const known = this.layers.get(document.path);
    if (known !== undefined) return known;
    const own = (candidate: IndexedDocument) => candidate.meta.layer ?? this.highest;
    let layer = own(document);
    const id = document.meta.id?.value;
    if (id !== undefined) {
      for (const twin of this.index.withIdAndLang(id, document.meta.lang)) layer = Math.max(layer, own(twin));
      if (document.meta.isTranslation) {
        for (const source of this.index.withIdAndLang(id, this.index.sourceLanguage)) layer = Math.max(layer, own(source));
      }
    }
    this.layers.set(document.path, layer);
    return layer;
  }

  /** The layer of a non-document file: the highest layer of the documents that use it; undefined when none does. */
  fileLayer(path: string): number | undefined {
    if (!this.fileLayerMap) {
      const map = new Map<string, number>();
      for (const document of this.index.documents) {
        const layer = this.layerOf(document);
        for (const reference of this.references(document)) {
          if (reference.file !== undefined) map.set(reference.file, Math.max(layer, map.get(reference.file) ?? 0));
        }
      }
      this.fileLayerMap = map;
    }
    return this.fileLayerMap.get(path);
  }

  /** The layer of what a reference leads to; undefined when it leads to nothing in the repository. */
  targetLayer(reference: Reference): number | undefined {
    if (reference.opaque) return this.highest;
    if (reference.document) return this.layerOf(reference.document);
    if (reference.file !== undefined) return this.fileLayer(reference.file);
    return undefined;
  }

  /**
   * Every reference a document holds, in the order of the text: links
   * first, then front matter. Not kept: each caller reads a document's once
   * (the access rule, the file layers, the export), and a model kept for an
   * index version would hold the lists of every document an edit re-checks
   * until the next edit.
   */
  references(document: IndexedDocument): readonly Reference[] {
    const found: Reference[] = [];
    for (const link of document.parsed.links) {
      const target = this.index.resolve(document, link);
      if (target.kind === 'external' || target.kind === 'outside') continue;
      if (target.kind === 'id') found.push({ kind: 'link', raw: link.raw, range: link.range, link, document: target.document });
      else if (target.document) found.push({ kind: 'link', raw: link.raw, range: link.range, link, document: target.document });
      else found.push({ kind: 'link', raw: link.raw, range: link.range, link, file: this.index.allFiles().has(target.path) ? target.path : undefined });
    }
    for (const kind of [...ID_REFERENCE_FIELDS, 'media'] as const) {
      const field = document.meta.fields.get(kind);
      if (!field) continue;
      for (const named of namesIn(field.value)) {
        const base = { kind, raw: named.text, range: named.range, field, value: named };
        if (named.opaque) found.push({ ...base, opaque: true });
        else if (kind === 'media') found.push({ ...base, ...this.resolveMedia(document, named.text) });
        else found.push({ ...base, document: this.resolveIdReference(document, named.text) });
      }
    }
    return found;
  }

  /** `media:` entries are relative to the document, or else to the repository root; URLs lead nowhere here. */
  private resolveMedia(document: IndexedDocument, value: string): { document?: IndexedDocument; file?: string } {
    if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) return {};
    for (const path of [resolveRelative(document.path, value), resolveRelative('', value)]) {
      if (path === undefined) continue;
      const target = this.index.document(path);
      if (target) return { document: target };
      if (this.index.allFiles().has(path)) return { file: path };
    }
    return {};
  }

  /**
   * The document an id in `related`/`supersedes` leads to. Of the documents
   * sharing the id, the one with the highest layer: a reader of the
   * reference may be sent to any of them.
   */
  private resolveIdReference(document: IndexedDocument, id: string): IndexedDocument | undefined {
    const preferred = this.index.resolveId(id, document.meta.lang);
    if (!preferred) return undefined;
    let highest = preferred;
    for (const candidate of this.index.withIdAndLang(id, preferred.meta.lang)) if (this.layerOf(candidate) > this.layerOf(highest)) highest = candidate;
    return highest;
  }
}

interface NamedValue {
  readonly text: string;
  readonly range: Range;
  readonly startOffset: number;
  readonly endOffset: number;
  readonly node?: YamlValue;
  readonly opaque?: boolean;
}

/** Every scalar in a YAML value, map keys included: `related: X`, `[X, Y]`, `{X: why}` and nestings of them. */
function namesIn(value: YamlValue): NamedValue[] {
  switch (value.kind) {
    case 'scalar':
      return value.text === '' ? [] : [{ text: value.text, range: value.range, startOffset: value.startOffset, endOffset: value.endOffset, node: value }];
    case 'list':
      return value.items.flatMap(namesIn);
    case 'map':
      return value.entries.flatMap((entry) => [
        { text: entry.key, range: entry.keyRange, startOffset: entry.keyStartOffset, endOffset: entry.keyStartOffset + entry.key.length },
        ...namesIn(entry.value),
      ]);
    case 'alias':
      return [{ text: '*', range: value.range, startOffset: value.startOffset, endOffset: value.endOffset, node: value, opaque: true }];
    default:
      return [];
  }
}

/**
 * The visibility of an index, computed once per version of it: the index
 * changes identity or generation with every edit, and everything here is
 * derived from it and the configuration it was built with.
 */
const computed = new WeakMap<WorkspaceIndex, { readonly generation: string; readonly config: DenshoConfig; readonly visibility: Visibility }>();

export function visibilityOf(index: WorkspaceIndex, config: DenshoConfig): Visibility {
  const generation = `${index.generation}:${index.allFiles().version}`;
  const known = computed.get(index);
  if (known && known.generation === generation && known.config === config) return known.visibility;
  const visibility = new Visibility(index, config);
  computed.set(index, { generation, config, visibility });
  return visibility;
}
