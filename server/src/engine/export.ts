/**
 * Access layers for sharing: which documents a reader cleared up to layer L
 * may see, and the plan of a controlled export, a copy of the repository that
 * holds those documents only. Pure: the plan lists files to copy and the new
 * texts of documents whose links had to change; the CLI does the writing.
 *
 * Everything fails closed. A document whose layer cannot be read counts as
 * the highest layer, a translation is never lower than its source, and a
 * file is copied only when a visible document links to it.
 */
import { CONFIG_FILE, type DenshoConfig } from './config';
import type { DocumentLink } from './parse';
import { resolveRelative } from './paths';
import { BUILT_IN_STANDARDS } from './standards/registry';
import type { Workspace } from './workspace';
import type { IndexedDocument, WorkspaceIndex } from './workspaceIndex';
import type { YamlValue } from './yamlValue';

export interface LayerView {
  /** Index of the highest layer shown, in `layers`. */
  readonly maxLayer: number;
  readonly maxLayerName: string;
  /** Documents at `maxLayer` or lower, by path. */
  readonly visible: readonly IndexedDocument[];
  readonly withheld: readonly IndexedDocument[];
  isVisible(document: IndexedDocument): boolean;
}

/** The index of a layer name, or undefined when `layers` has no such layer. */
export function layerIndex(config: DenshoConfig, name: string): number | undefined {
  const index = config.layers.indexOf(name);
  return index < 0 ? undefined : index;
}

/**
 * The layer that decides who may see a document: its own `access`, raised to
 * its source's for a translation (a translation holds the same know-how), and
 * the highest layer when `access` is missing or invalid.
 */
export function effectiveLayer(document: IndexedDocument, index: WorkspaceIndex, config: DenshoConfig): number {
  const highest = config.layers.length - 1;
  const own = document.meta.layer ?? highest;
  const source = index.sourceOf(document);
  const sourceLayer = source && source !== document ? (source.meta.layer ?? highest) : own;
  return Math.max(own, sourceLayer);
}

/** What a reader cleared up to `maxLayer` may see; every document when `maxLayer` is undefined. */
export function layerView(workspace: Workspace, maxLayer?: number): LayerView {
  const { config, index } = workspace;
  const top = config.layers.length - 1;
  const limit = maxLayer === undefined ? top : Math.min(maxLayer, top);
  const visible: IndexedDocument[] = [];
  const withheld: IndexedDocument[] = [];
  const visiblePaths = new Set<string>();
  for (const path of workspace.documentPaths()) {
    const document = index.document(path)!;
    if (maxLayer === undefined || effectiveLayer(document, index, config) <= limit) {
      visible.push(document);
      visiblePaths.add(path);
    } else withheld.push(document);
  }
  return {
    maxLayer: limit,
    maxLayerName: config.layers[limit] ?? '',
    visible,
    withheld,
    isVisible: (document) => visiblePaths.has(document.path),
  };
}

export interface ExportFile {
  readonly path: string;
  readonly kind: 'document' | 'media' | 'settings';
  /** The new text of a document whose links were rewritten; absent when the file is copied byte for byte. */
  readonly text?: string;
}

export interface ExportPlan {
  readonly maxLayer: string;
  /** Sorted by path. */
  readonly files: readonly ExportFile[];
  readonly withheldDocuments: number;
  /** Links, references and `related`/`supersedes` entries that led to withheld documents. */
  readonly rewrittenLinks: number;
}

/** What replaces a `[[ID]]` reference to a withheld document: it names neither the id nor the title. */
export const WITHHELD_PLACEHOLDER: Readonly<Record<string, string>> = { en: '(withheld document)', ja: '（非公開の文書）' };

export function withheldPlaceholder(lang: string): string {
  // Own keys only: a language named `constructor` must not print Object's constructor.
  return Object.hasOwn(WITHHELD_PLACEHOLDER, lang) ? WITHHELD_PLACEHOLDER[lang]! : WITHHELD_PLACEHOLDER.en!;
}

interface Edit {
  readonly start: number;
  readonly end: number;
  /** Keep this part of the replaced range (a link's text), with the edits inside it applied. */
  readonly keep?: readonly [number, number];
  readonly text?: string;
}

export function planExport(workspace: Workspace, maxLayer: number): ExportPlan {
  const { config, index } = workspace;
  const view = layerView(workspace, maxLayer);
  const files = new Map<string, ExportFile>();
  let rewrittenLinks = 0;

  for (const settings of [CONFIG_FILE, config.people, ...config.standards.filter((name) => !BUILT_IN_STANDARDS.has(name))]) {
    const path = resolveRelative('', settings);
    if (path !== undefined && index.allFiles().has(path) && !workspace.hasDocument(path)) files.set(path, { path, kind: 'settings' });
  }

  /** A non-document file a visible document uses: copied, except Markdown, which may be an unmanaged document. */
  const isMedia = (path: string) => index.allFiles().has(path) && !workspace.hasDocument(path) && !/\.(md|markdown)$/i.test(path);

  for (const document of view.visible) {
    const edits: Edit[] = [];
    const text = document.parsed.text;
    for (const link of document.parsed.links) {
      const target = index.resolve(document, link);
      if (target.kind === 'external' || target.kind === 'outside') continue;
      if (target.kind === 'id') {
        if (target.document && !view.isVisible(target.document)) edits.push(withheldLinkEdit(link, document.meta.lang, text));
        continue;
      }
      if (target.document) {
        if (!view.isVisible(target.document)) edits.push(withheldLinkEdit(link, document.meta.lang, text));
      } else if (isMedia(target.path)) {
        files.set(target.path, { path: target.path, kind: 'media' });
      } else if (target.exists && index.allFiles().has(target.path)) {
        // A Markdown file outside the managed documents: its layer is unknown, so it stays behind.
        edits.push(withheldLinkEdit(link, document.meta.lang, text));
      }
    }
    for (const ref of document.meta.media) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(ref.value) || ref.value.startsWith('//')) continue;
      for (const path of [resolveRelative(document.path, ref.value), resolveRelative('', ref.value)]) {
        if (path !== undefined && isMedia(path)) {
          files.set(path, { path, kind: 'media' });
          break;
        }
      }
    }
    for (const field of ['related', 'supersedes']) {
      const entry = document.meta.fields.get(field);
      if (entry?.value.kind !== 'list') continue;
      const withheldItems = entry.value.items.filter((item) => {
        const id = item.kind === 'scalar' ? item.text : undefined;
        const target = id === undefined ? undefined : index.resolveId(id, document.meta.lang);
        return target !== undefined && !view.isVisible(target);
      });
      if (withheldItems.length > 0) edits.push(...removeListItems(text, entry.value, withheldItems));
    }
    rewrittenLinks += edits.length;
    const newText = edits.length === 0 ? undefined : applyEdits(text, edits, 0, text.length);
    files.set(document.path, newText === undefined ? { path: document.path, kind: 'document' } : { path: document.path, kind: 'document', text: newText });
  }

  return {
    maxLayer: view.maxLayerName,
    files: [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    withheldDocuments: view.withheld.length,
    rewrittenLinks,
  };
}

/**
 * A link to a withheld document becomes its text; an `[[ID]]` reference its alias or a neutral placeholder; a definition goes.
 * In raw HTML the tag goes: an `<a>` leaves its content (its `</a>` renders as nothing), any other tag the placeholder.
 */
function withheldLinkEdit(link: DocumentLink, lang: string, text: string): Edit {
  if (!link.nodeOffsets) throw new Error(`Cannot rewrite the link to ${link.raw}: the parser gave no offsets.`);
  const [start, end] = link.nodeOffsets;
  if (link.kind === 'definition') return { start, end, text: '' };
  if (link.kind === 'html') return { start, end, text: /^<a[\s>]/i.test(text.slice(start, end)) ? '' : withheldPlaceholder(lang) };
  if (link.textOffsets) return { start, end, keep: link.textOffsets };
  return { start, end, text: withheldPlaceholder(lang) };
}

/** Removes items from a YAML list, touching only their own text: a flow list is rewritten item by item, a block list loses the items' lines. */
function removeListItems(text: string, list: YamlValue & { kind: 'list' }, remove: readonly YamlValue[]): Edit[] {
  if (list.flow) {
    const kept = list.items.filter((item) => !remove.includes(item)).map((item) => text.slice(item.startOffset, item.endOffset));
    return [{ start: list.startOffset, end: list.endOffset, text: `[${kept.join(', ')}]` }];
  }
  return remove.map((item) => {
    const lineStart = Math.max(text.lastIndexOf('\n', item.startOffset - 1), text.lastIndexOf('\r', item.startOffset - 1)) + 1;
    let lineEnd = item.endOffset;
    while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    if (text.startsWith('\r\n', lineEnd)) lineEnd += 2;
    else if (lineEnd < text.length) lineEnd += 1;
    return { start: lineStart, end: lineEnd, text: '' };
  });
}

/** Applies non-crossing edits inside [from, to); an edit that keeps part of its range has the edits nested there applied too. */
function applyEdits(text: string, edits: readonly Edit[], from: number, to: number): string {
  const inside = edits.filter((edit) => edit.start >= from && edit.end <= to).sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let cursor = from;
  for (const edit of inside) {
    if (edit.start < cursor) continue; // nested in an edit already applied
    out += text.slice(cursor, edit.start);
    if (edit.keep) {
      const nested = inside.filter((other) => other !== edit && other.start >= edit.keep![0] && other.end <= edit.keep![1]);
      out += applyEdits(text, nested, edit.keep[0], edit.keep[1]);
    } else out += edit.text ?? '';
    cursor = edit.end;
  }
  return out + text.slice(cursor, to);
}
