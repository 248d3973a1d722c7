/**
 * Access layers for sharing: which documents a reader cleared up to layer L
 * may see, and the plan of a controlled export, a copy of the repository that
 * holds those documents only. Pure: the plan lists files to copy and the new
 * texts of files that had to change; the CLI does the writing.
 *
 * Who may see what is the visibility model's (visibility.ts): this file
 * applies it. A reference to anything withheld is rewritten, a file that
 * any higher document also uses stays behind, people.yaml is cut down to the
 * names and roles of the people the exported documents name, and comments
 * (YAML `#` and HTML `<!-- -->`) are left out. A document whose rewritten
 * text would still lead to something withheld is not exported at all.
 */
import { htmlCommentRanges, yamlCommentRanges, type TextRange } from './comments';
import { CONFIG_FILE, type DenshoConfig } from './config';
import { readFrontMatter } from './frontmatter';
import { parseDocumentText, type DocumentLink } from './parse';
import { resolveRelative } from './paths';
import { BUILT_IN_STANDARDS } from './standards/registry';
import { Visibility, visibilityOf, type Reference } from './visibility';
import type { Workspace } from './workspace';
import type { IndexedDocument, WorkspaceIndex } from './workspaceIndex';
import { stringify as stringifyYaml } from 'yaml';
import type { YamlEntry, YamlValue } from './yamlValue';

export interface LayerView {
  /** Index of the highest layer shown, in `layers`. */
  readonly maxLayer: number;
  readonly maxLayerName: string;
  /** Documents at `maxLayer` or lower, by path. */
  readonly visible: readonly IndexedDocument[];
  readonly withheld: readonly IndexedDocument[];
  isVisible(document: IndexedDocument): boolean;
  /** The visibility model the view was computed with. */
  readonly visibility: Visibility;
}

/** The index of a layer name, or undefined when `layers` has no such layer. */
export function layerIndex(config: DenshoConfig, name: string): number | undefined {
  const index = config.layers.indexOf(name);
  return index < 0 ? undefined : index;
}

/** The layer that decides who may see a document (see visibility.ts). */
export function effectiveLayer(document: IndexedDocument, index: WorkspaceIndex, config: DenshoConfig): number {
  return visibilityOf(index, config).layerOf(document);
}

/** What a reader cleared up to `maxLayer` may see; every document when `maxLayer` is undefined. */
export function layerView(workspace: Workspace, maxLayer?: number): LayerView {
  const { config, index } = workspace;
  const visibility = visibilityOf(index, config);
  const top = config.layers.length - 1;
  const limit = maxLayer === undefined ? top : Math.min(maxLayer, top);
  const visible: IndexedDocument[] = [];
  const withheld: IndexedDocument[] = [];
  const visiblePaths = new Set<string>();
  for (const path of workspace.documentPaths()) {
    const document = index.document(path)!;
    if (maxLayer === undefined || visibility.layerOf(document) <= limit) {
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
    visibility,
  };
}

export interface ExportFile {
  readonly path: string;
  readonly kind: 'document' | 'media' | 'settings';
  /** The new text of a file that had to change; absent when the file is copied byte for byte. */
  readonly text?: string;
}

/** A visible document the export leaves out because it cannot be rewritten exactly. */
export interface RefusedDocument {
  readonly path: string;
  readonly reason: string;
}

export interface ExportPlan {
  readonly maxLayer: string;
  /** Sorted by path. */
  readonly files: readonly ExportFile[];
  readonly withheldDocuments: number;
  /** Non-document files that visible documents use and that stay behind because a higher document uses them too. */
  readonly withheldFiles: number;
  /** Links, references and `related`/`supersedes`/`media` entries that led to withheld documents or files. */
  readonly rewrittenLinks: number;
  /** Visible documents left out because their references could not be rewritten exactly; the export has failed when any is here. */
  readonly refused: readonly RefusedDocument[];
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

/** Files an export never copies as media, whatever links to them: the repository's own records. */
const NEVER_COPIED = new Set(['training.yaml']);

export function planExport(workspace: Workspace, maxLayer: number): ExportPlan {
  const { config, index } = workspace;
  const view = layerView(workspace, maxLayer);
  const { visibility } = view;
  const files = new Map<string, ExportFile>();
  const refused: RefusedDocument[] = [];
  const withheldFiles = new Set<string>();
  let rewrittenLinks = 0;

  const customStandards = config.standards.filter((name) => !BUILT_IN_STANDARDS.has(name)).map((name) => resolveRelative('', name));
  const settingsPaths = new Set([CONFIG_FILE, resolveRelative('', config.people), ...customStandards].filter((path) => path !== undefined));
  /** A non-document file a reference may lead to and the export may copy: never Markdown, which may be an unmanaged document, nor the settings. */
  const isMedia = (path: string) => !/\.(md|markdown)$/i.test(path) && !settingsPaths.has(path) && !NEVER_COPIED.has(path);
  const isWithheld = (reference: Reference): boolean => {
    if (reference.opaque) return true;
    if (reference.document) return !view.isVisible(reference.document);
    if (reference.file === undefined) return false;
    if (settingsPaths.has(reference.file)) return false;
    return !isMedia(reference.file) || (visibility.fileLayer(reference.file) ?? visibility.highest) > view.maxLayer;
  };

  const exported: IndexedDocument[] = [];
  for (const document of view.visible) {
    const text = document.parsed.text;
    const edits: Edit[] = [];
    const media = new Set<string>();
    let problem: string | undefined;
    const fieldEdits = new Map<YamlEntry, YamlValue[]>();
    for (const reference of visibility.references(document)) {
      if (!isWithheld(reference)) {
        if (reference.file !== undefined && isMedia(reference.file)) media.add(reference.file);
        continue;
      }
      if (reference.file !== undefined && isMedia(reference.file)) withheldFiles.add(reference.file);
      rewrittenLinks++;
      if (reference.link) {
        const edit = withheldLinkEdit(reference.link, document.meta.lang, text);
        if (edit) edits.push(edit);
        else problem ??= `the reference to ${reference.raw} cannot be rewritten exactly`;
      } else if (reference.field) {
        const list = fieldEdits.get(reference.field) ?? [];
        if (reference.value?.node) list.push(reference.value.node);
        else list.push(reference.field.value); // a map key: the whole field goes
        fieldEdits.set(reference.field, list);
      }
    }
    for (const [field, values] of fieldEdits) edits.push(...removeFieldValues(text, field, values));

    const frontMatter = document.parsed.frontMatter;
    if (frontMatter) {
      const comments = yamlCommentRanges(text, frontMatter.contentStart, frontMatter.contentEnd);
      if (comments) edits.push(...comments.map(asDeletion));
      else problem ??= 'its front matter cannot be read exactly enough to leave its comments out';
    }
    edits.push(...htmlCommentRanges(text, bodyStart(document)).map(asDeletion));

    if (crossing(edits)) problem ??= 'two of its references overlap in a way that cannot be rewritten exactly';
    const newText = edits.length === 0 ? undefined : applyEdits(text, edits, 0, text.length);
    if (problem === undefined && newText !== undefined) problem = stillLeaks(workspace, document, newText, isWithheld);
    if (problem !== undefined) {
      refused.push({ path: document.path, reason: problem });
      continue;
    }
    exported.push(document);
    for (const path of media) files.set(path, { path, kind: 'media' });
    files.set(document.path, newText === undefined ? { path: document.path, kind: 'document' } : { path: document.path, kind: 'document', text: newText });
  }

  for (const path of settingsPaths) {
    if (!index.allFiles().has(path) || workspace.hasDocument(path)) continue;
    if (path === CONFIG_FILE) files.set(path, { path, kind: 'settings', text: workspace.configSource === undefined ? undefined : withoutYamlComments(workspace.configSource) });
    else if (path === resolveRelative('', config.people)) files.set(path, { path, kind: 'settings', text: partnerPeople(workspace, exported) });
    else files.set(path, { path, kind: 'settings' });
  }
  for (const path of files.keys()) withheldFiles.delete(path);

  return {
    maxLayer: view.maxLayerName,
    files: [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    withheldDocuments: view.withheld.length,
    withheldFiles: withheldFiles.size,
    rewrittenLinks,
    refused,
  };
}

/** The people registry of a partner copy: the people its documents name, by key, with their name and role and nothing else. */
function partnerPeople(workspace: Workspace, documents: readonly IndexedDocument[]): string {
  const named = new Set<string>();
  for (const { meta } of documents) {
    for (const ref of [meta.owner, meta.approvedBy, ...meta.experts]) if (ref) named.add(ref.value);
    for (const key of meta.accessList ?? []) named.add(key);
  }
  const registry: Record<string, { name?: string; role?: string }> = Object.create(null) as Record<string, { name?: string; role?: string }>;
  for (const [key, person] of workspace.people?.people ?? []) {
    if (!named.has(key)) continue;
    registry[key] = { ...(person.name === undefined ? {} : { name: person.name }), ...(person.role === undefined ? {} : { role: person.role }) };
  }
  return Object.keys(registry).length === 0 ? '{}\n' : stringifyYaml(registry);
}

/** densho.yaml without its comments; as written when it cannot be read exactly (it then holds none the lexer could find). */
function withoutYamlComments(text: string): string {
  const comments = yamlCommentRanges(text);
  return comments ? applyEdits(text, comments.map(asDeletion), 0, text.length) : text;
}

/** Re-reads a rewritten text and answers why it may not go out, if anything in it still leads to something withheld. */
function stillLeaks(workspace: Workspace, document: IndexedDocument, newText: string, isWithheld: (reference: Reference) => boolean): string | undefined {
  const parsed = parseDocumentText(document.path, newText);
  const { meta } = readFrontMatter(parsed, workspace.config, workspace.standards.map((standard) => standard.id));
  const rewritten: IndexedDocument = { path: document.path, parsed, meta };
  const leading = new Visibility(workspace.index, workspace.config).references(rewritten).find(isWithheld);
  return leading ? `its reference to ${leading.raw} could not be removed exactly` : undefined;
}

function asDeletion(range: TextRange): Edit {
  return { start: range.start, end: range.end, text: '' };
}

/** Where a document's Markdown body starts: after its front matter's closing fence line. */
function bodyStart(document: IndexedDocument): number {
  const frontMatter = document.parsed.frontMatter;
  if (!frontMatter) return 0;
  const { lines } = document.parsed;
  const end = lines.offsetAt(frontMatter.range.end);
  return end;
}

/** Whether two edits overlap without one holding the other whole. */
function crossing(edits: readonly Edit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  const open: Edit[] = [];
  for (const edit of sorted) {
    while (open.length > 0 && open[open.length - 1]!.end <= edit.start) open.pop();
    const parent = open[open.length - 1];
    if (parent && edit.end > parent.end) return true;
    if (edit.end > edit.start) open.push(edit);
  }
  return false;
}

/**
 * A link to a withheld document becomes its text; an `[[ID]]` reference its alias or a neutral placeholder; a definition goes.
 * In raw HTML the tag goes: an `<a>` leaves its content (its `</a>` renders as nothing), any other tag the placeholder.
 * Undefined when the parser gave no offsets: the document is then refused, never copied.
 */
function withheldLinkEdit(link: DocumentLink, lang: string, text: string): Edit | undefined {
  if (!link.nodeOffsets) return undefined;
  const [start, end] = link.nodeOffsets;
  if (link.kind === 'definition') return { start, end, text: '' };
  if (link.kind === 'html') return { start, end, text: /^<a[\s>]/i.test(text.slice(start, end)) ? '' : withheldPlaceholder(lang) };
  if (link.textOffsets) return { start, end, keep: link.textOffsets };
  return { start, end, text: withheldPlaceholder(lang) };
}

/**
 * Removes values from a front-matter field: items of a list one by one, or,
 * when a value is the whole field, a map or sits deeper, the whole field,
 * key and all.
 */
function removeFieldValues(text: string, field: YamlEntry, values: readonly YamlValue[]): Edit[] {
  const list = field.value;
  if (list.kind === 'list' && values.every((value) => list.items.includes(value))) return removeListItems(text, list, [...new Set(values)]);
  const lineStart = Math.max(text.lastIndexOf('\n', field.keyStartOffset - 1), text.lastIndexOf('\r', field.keyStartOffset - 1)) + 1;
  let end = Math.max(list.endOffset, field.keyStartOffset);
  if (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) return [{ start: lineStart, end: text.startsWith('\r\n', end - 1) ? end + 1 : end, text: '' }];
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  if (text.startsWith('\r\n', end)) end += 2;
  else if (end < text.length) end += 1;
  return [{ start: lineStart, end, text: '' }];
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
