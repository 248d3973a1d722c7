/**
 * Completion: front matter keys and values (layers, people, clauses, types,
 * statuses, languages, dates, ids), document ids after `[[`, file paths in
 * link destinations and heading fragments after `#`. Works on the text as
 * typed, so a half-written front matter that does not parse still completes.
 */
import { sourceLanguage } from '../config';
import { formatDay, formatDuration } from '../dates';
import { markdownCode, markdownText } from '../escaping/markdown';
import { CHANGE_KINDS, DOCUMENT_TYPES, FIELDS, STATUSES } from '../frontmatter';
import { message, renderMessage, type Locale, type Message } from '../messages';
import type { ParsedDocument } from '../parse';
import { relativeLink, resolveRelative } from '../paths';
import { clauseTitle } from '../standards/registry';
import type { Position, Range } from '../text';
import { visibilityOf } from '../visibility';
import type { Workspace } from '../workspace';
import type { IndexedDocument } from '../workspaceIndex';
import { ID_LIST_FIELDS, PERSON_FIELDS } from './cursor';
import { personCompletions } from './people';
import { trainingCompletions } from './trainingFile';

export type CompletionKind = 'field' | 'enum' | 'person' | 'clause' | 'date' | 'document' | 'file' | 'heading' | 'value';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** Replaces `range`; the label when absent. */
  readonly insertText?: string;
  readonly range: Range;
  readonly sortText?: string;
  readonly filterText?: string;
  /** Why this is a poor pick (a leak to a higher layer, a person no longer here): the editor marks it, and it sorts last. */
  readonly warning?: string;
}

const KEY_CHARS = /[A-Za-z0-9_-]/;
const VALUE_CHARS = /[^\s,\[\]"'#]/;
const LINK_CHARS = /[^\s()<>\[\]]/;

/** `locale`: the language of the details and documentation (the repository's values are shown as written). */
export function completions(workspace: Workspace, path: string, position: Position, locale: Locale = 'en'): CompletionEntry[] {
  const training = workspace.trainingFile();
  if (training && path === training.file) return trainingCompletions(workspace, training.text, training.lines, position, locale);
  const document = workspace.document(path);
  if (!document) return [];
  const { parsed } = document;
  const lineStart = parsed.lines.offsetAt({ line: position.line, character: 0 });
  const offset = parsed.lines.offsetAt(position);
  const before = parsed.text.slice(lineStart, offset);
  const lineText = parsed.text.slice(lineStart, parsed.lines.lineEnd(position.line));
  const line: LineContext = { before, after: lineText.slice(before.length), position };
  if (inFrontMatter(parsed, position.line)) return frontMatterCompletions(workspace, document, line, locale);
  return bodyCompletions(workspace, document, line, locale);
}

interface LineContext {
  readonly before: string;
  readonly after: string;
  readonly position: Position;
}

/** True between the opening `---` and the closing fence, or anywhere after an opening fence never closed. */
function inFrontMatter(parsed: ParsedDocument, line: number): boolean {
  return line > 0 && line < frontMatterEnd(parsed);
}

/** The line of the closing fence (the line count when never closed), or 0 without an opening fence. */
function frontMatterEnd(parsed: ParsedDocument): number {
  if (!/^---[ \t]*$/.test(parsed.text.slice(0, parsed.lines.lineEnd(0)))) return 0;
  for (let current = 1; current < parsed.lines.lineCount; current++) {
    const start = parsed.lines.offsetAt({ line: current, character: 0 });
    if (/^(---|\.\.\.)[ \t]*$/.test(parsed.text.slice(start, parsed.lines.lineEnd(current)))) return current;
  }
  return parsed.lines.lineCount;
}

/** The range from `length` characters before the cursor to the end of the word after it. */
function wordRange(line: LineContext, length: number, chars: RegExp): Range {
  let end = 0;
  while (end < line.after.length && chars.test(line.after[end]!)) end++;
  const { line: row, character } = line.position;
  return { start: { line: row, character: character - length }, end: { line: row, character: character + end } };
}

// ---- front matter ---------------------------------------------------------------

function frontMatterCompletions(workspace: Workspace, document: IndexedDocument, line: LineContext, locale: Locale): CompletionEntry[] {
  const keyTyped = /^([A-Za-z0-9_-]*)$/.exec(line.before);
  if (keyTyped) return keyCompletions(workspace, document, wordRange(line, keyTyped[1]!.length, KEY_CHARS), locale);
  const valueTyped = /^([A-Za-z0-9_-]+)[ \t]*:[ \t]*(.*)$/.exec(line.before);
  if (valueTyped) {
    const token = currentToken(valueTyped[2]!);
    return valueCompletions(workspace, document, valueTyped[1]!, wordRange(line, token.length, VALUE_CHARS), locale);
  }
  const itemTyped = /^[ \t]+-[ \t]*(.*)$/.exec(line.before);
  if (itemTyped) {
    const key = listKeyAbove(document.parsed, line.position.line);
    if (!key) return [];
    const token = currentToken(itemTyped[1]!);
    return valueCompletions(workspace, document, key, wordRange(line, token.length, VALUE_CHARS), locale);
  }
  return [];
}

/** The value being typed: after the last `[`, `,` or opening quote. */
function currentToken(value: string): string {
  const match = /([^\s,\[\]"']*)$/.exec(value);
  return match ? match[1]! : '';
}

/** The key a block list item (`  - x`) belongs to: the nearest unindented `key:` above. */
function listKeyAbove(parsed: ParsedDocument, line: number): string | undefined {
  for (let current = line - 1; current > 0; current--) {
    const start = parsed.lines.offsetAt({ line: current, character: 0 });
    const text = parsed.text.slice(start, parsed.lines.lineEnd(current));
    const key = /^([A-Za-z0-9_-]+)[ \t]*:/.exec(text);
    if (key) return key[1];
    if (!/^[ \t]/.test(text) && text.trim() !== '') return undefined;
  }
  return undefined;
}

function keyCompletions(workspace: Workspace, document: IndexedDocument, range: Range, locale: Locale): CompletionEntry[] {
  // Read from the lines, not the parsed YAML: a key half typed on its own line makes the YAML invalid.
  const present = new Set<string>();
  const { parsed } = document;
  for (let line = 1, end = frontMatterEnd(parsed); line < end; line++) {
    if (line === range.start.line) continue;
    const start = parsed.lines.offsetAt({ line, character: 0 });
    const key = /^([A-Za-z0-9_-]+)[ \t]*:/.exec(parsed.text.slice(start, parsed.lines.lineEnd(line)));
    if (key) present.add(key[1]!);
  }
  const fields = [
    ...FIELDS.map((field) => ({ name: field.name, description: field.description })),
    ...workspace.standards.map((standard) => ({ name: standard.id, description: message('field-help.standard-example', { standard: standard.title }) })),
  ];
  return fields
    .filter((field) => !present.has(field.name))
    .map((field, position) => ({
      label: field.name,
      kind: 'field' as const,
      detail: renderMessage(field.description, locale, 'plain'),
      documentation: renderMessage(field.description, locale, 'markdown'),
      insertText: `${field.name}: `,
      range,
      sortText: String(position).padStart(3, '0'),
    }));
}

function valueCompletions(workspace: Workspace, document: IndexedDocument, key: string, range: Range, locale: Locale): CompletionEntry[] {
  const { config } = workspace;
  const simple = (values: readonly string[], detail: (value: string, position: number) => Message | undefined, kind: CompletionKind = 'enum') =>
    values.map((value, position) => {
      const said = detail(value, position);
      return { label: value, kind, detail: said && renderMessage(said, locale, 'plain'), range, sortText: String(position).padStart(3, '0') };
    });
  switch (key) {
    case 'access':
      return simple(config.layers, (_, position) =>
        position === 0 ? message('completion.lowest-layer') : position === config.layers.length - 1 ? message('completion.highest-layer') : message('completion.layer-of', { position: position + 1, count: config.layers.length }),
      );
    case 'type':
      return simple(DOCUMENT_TYPES, () => message('completion.document-type'));
    case 'status':
      return simple(STATUSES, () => message('completion.status'));
    case 'lang':
      return simple(config.languages, (value) => message(value === sourceLanguage(config) ? 'completion.source-language' : 'completion.translation'));
    case 'reviewed':
    case 'approved':
      return [{ label: formatDay(workspace.today), kind: 'date', detail: renderMessage(message('completion.today'), locale, 'plain'), range }];
    case 'change':
      return simple(CHANGE_KINDS, (value) => message(value === 'major' ? 'completion.change-major' : 'completion.change-minor'));
    case 'review-interval':
      return simple(uniqueStrings([formatDuration(config.reviewInterval), '90d', '6m', '12m', '24m']), (value) =>
        value === formatDuration(config.reviewInterval) ? message('completion.default-interval') : undefined, 'value');
    case 'translated-from-version': {
      const source = workspace.index.sourceOf(document);
      return source?.meta.version === undefined ? [] : [{ label: String(source.meta.version), kind: 'value', detail: renderMessage(message('completion.version-of', { file: source.path }), locale, 'plain'), range }];
    }
  }
  if (PERSON_FIELDS.has(key)) return personCompletions(workspace, range, locale);
  if (ID_LIST_FIELDS.has(key)) return idCompletions(workspace, document, range, locale);
  const standard = workspace.standards.find((candidate) => candidate.id === key);
  if (standard) {
    return standard.clauses.map((clause, position) => ({
      label: clause.number,
      kind: 'clause' as const,
      detail: clauseTitle(clause, locale),
      documentation: `**${markdownText(standard.title)} ${markdownText(clause.number)}** ${markdownText(clauseTitle(clause, locale))}${clause.documented ? `\n\n${renderMessage(message('completion.clause-documented'), locale, 'markdown')}` : ''}`,
      range,
      sortText: String(position).padStart(4, '0'),
      filterText: `${clause.number} ${clause.title}`,
    }));
  }
  return [];
}


/**
 * The warning for a reference from `from` to a target at `targetLayer`: the
 * one access/leak would report, said before the reference is written.
 */
function leakWarning(workspace: Workspace, from: IndexedDocument, targetLayer: number | undefined, locale: Locale): string | undefined {
  const own = from.meta.layer;
  if (own === undefined || targetLayer === undefined || targetLayer <= own) return undefined;
  const { layers } = workspace.config;
  return renderMessage(message('completion.leak', { targetLayer: layers[targetLayer] ?? String(targetLayer), layer: layers[own] ?? String(own) }), locale, 'plain');
}

/** Sorts entries with a warning after the others, keeping the order within each group. */
function warnedLast(warning: string | undefined, sortKey: string): string {
  return `${warning === undefined ? 0 : 1}${sortKey}`;
}

function idCompletions(workspace: Workspace, from: IndexedDocument, range: Range, locale: Locale): CompletionEntry[] {
  const visibility = visibilityOf(workspace.index, workspace.config);
  const entries: (CompletionEntry & { readonly sortText: string })[] = [];
  const seen = new Set<string>();
  for (const candidate of workspace.index.documents) {
    const id = candidate.meta.id?.value;
    if (id === undefined || seen.has(id) || id === from.meta.id?.value) continue;
    seen.add(id);
    const shown = workspace.index.resolveId(id, from.meta.lang) ?? candidate;
    const warning = leakWarning(workspace, from, visibility.layerOf(shown), locale);
    entries.push({
      label: id,
      kind: 'document',
      detail: shown.meta.title,
      documentation: `${markdownCode(shown.path)} · ${shown.meta.type} · ${shown.meta.status}${shown.meta.access ? ` · ${markdownText(shown.meta.access.value)}` : ''}`,
      range,
      sortText: warnedLast(warning, id),
      filterText: `${id} ${shown.meta.title ?? ''}`,
      warning,
    });
  }
  return entries.sort((a, b) => a.sortText.localeCompare(b.sortText));
}

// ---- body -------------------------------------------------------------------------

function bodyCompletions(workspace: Workspace, document: IndexedDocument, line: LineContext, locale: Locale): CompletionEntry[] {
  const wiki = /\[\[([^\[\]|#\n]*)(?:#([^\[\]|\n]*))?$/.exec(line.before);
  if (wiki) {
    if (wiki[2] === undefined) return idCompletions(workspace, document, wordRange(line, wiki[1]!.length, /[^\s\[\]|#]/), locale);
    const target = workspace.index.resolveId(wiki[1]!.trim(), document.meta.lang);
    return target ? headingCompletions(target, wordRange(line, wiki[2].length, /[^\s\[\]|]/), locale) : [];
  }
  const destination = /\]\(<?([^()\s<>]*)$/.exec(line.before) ?? /^[ \t]{0,3}\[[^\]]+\]:[ \t]*<?([^\s<>]*)$/.exec(line.before);
  if (!destination) return [];
  const typed = destination[1]!;
  const hash = typed.indexOf('#');
  if (hash < 0) return fileCompletions(workspace, document, wordRange(line, typed.length, LINK_CHARS), locale);
  const pathPart = decodeSafely(typed.slice(0, hash));
  const targetPath = pathPart === '' ? document.path : resolveRelative(document.path, pathPart);
  const target = targetPath === undefined ? undefined : workspace.index.document(targetPath);
  return target ? headingCompletions(target, wordRange(line, typed.length - hash - 1, LINK_CHARS), locale) : [];
}

function headingCompletions(target: IndexedDocument, range: Range, locale: Locale): CompletionEntry[] {
  const headings = target.parsed.headings.map((heading, position) => ({
    label: heading.slug,
    kind: 'heading' as const,
    detail: `${'#'.repeat(heading.depth)} ${heading.text}`,
    range,
    sortText: String(position).padStart(4, '0'),
    filterText: `${heading.slug} ${heading.text}`,
  }));
  const anchors = target.parsed.anchors.map((anchor) => ({ label: anchor, kind: 'heading' as const, detail: renderMessage(message('completion.html-anchor'), locale, 'plain'), range, sortText: `9${anchor}` }));
  return [...headings, ...anchors];
}

function fileCompletions(workspace: Workspace, document: IndexedDocument, range: Range, locale: Locale): CompletionEntry[] {
  const visibility = visibilityOf(workspace.index, workspace.config);
  const entries: CompletionEntry[] = [];
  for (const file of workspace.index.allFiles()) {
    if (file === document.path) continue;
    const target = workspace.index.document(file);
    const link = relativeLink(document.path, file).replace(/[ ()<>]/g, (char) => encodeURIComponent(char));
    const warning = leakWarning(workspace, document, target ? visibility.layerOf(target) : visibility.fileLayer(file), locale);
    entries.push({
      label: link,
      kind: target ? 'document' : 'file',
      detail: target ? [target.meta.id?.value, target.meta.title].filter(Boolean).join(' — ') || undefined : undefined,
      range,
      // Leaks last; documents before pictures and data files, nearer ones before farther ones.
      sortText: warnedLast(warning, `${target ? 0 : 1}${String(link.split('../').length).padStart(2, '0')}${link}`),
      warning,
    });
  }
  return entries;
}

function uniqueStrings(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
