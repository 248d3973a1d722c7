/**
 * Outlines: a document's headings with its numbered steps nested under them,
 * and the repository's documents by id and title for "go to symbol in
 * workspace". An editor that outlines Markdown headings itself (VS Code)
 * asks for what only Densho knows instead: the front matter and the steps,
 * so no heading is listed twice.
 */
import { message, renderMessage, type Locale } from '../messages';
import type { Range } from '../text';
import type { Workspace } from '../workspace';
import type { IndexedDocument } from '../workspaceIndex';
import { documentAnchor, type FileLocation } from './cursor';

export interface OutlineSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: 'frontMatter' | 'heading' | 'step';
  readonly range: Range;
  readonly selectionRange: Range;
  readonly children: OutlineSymbol[];
}

export interface OutlineOptions {
  /** False when the editor lists headings itself: then the front matter and the steps, each step saying its section. */
  readonly headings: boolean;
  /** The language of the front matter's name when the document has no id. */
  readonly locale?: Locale;
}

export function documentSymbols(workspace: Workspace, path: string, options: OutlineOptions = { headings: true }): OutlineSymbol[] {
  const document = workspace.document(path);
  if (!document) return [];
  const outline = headingOutline(document);
  return options.headings ? outline : [...frontMatterSymbol(document, options.locale ?? 'en'), ...stepsBySection(outline)];
}

function headingOutline(document: IndexedDocument): OutlineSymbol[] {
  const { headings, steps } = document.parsed;
  const lastLine = document.parsed.lines.lineCount - 1;
  const roots: OutlineSymbol[] = [];
  const open: { depth: number; symbol: { -readonly [K in keyof OutlineSymbol]: OutlineSymbol[K] } }[] = [];
  headings.forEach((heading, index) => {
    // A heading's section runs to the next heading of the same or a higher level.
    const next = headings.slice(index + 1).find((candidate) => candidate.depth <= heading.depth);
    const endLine = Math.max(next ? next.range.start.line - 1 : lastLine, heading.range.end.line);
    const end = document.parsed.lines.positionAt(document.parsed.lines.lineEnd(endLine));
    const symbol = { name: heading.text || heading.slug, detail: `#${heading.slug}`, kind: 'heading' as const, range: { start: heading.range.start, end }, selectionRange: heading.range, children: [] };
    while (open.length > 0 && open[open.length - 1]!.depth >= heading.depth) open.pop();
    (open.length > 0 ? open[open.length - 1]!.symbol.children : roots).push(symbol);
    open.push({ depth: heading.depth, symbol });
  });
  for (const step of steps) {
    const symbol: OutlineSymbol = { name: `${step.number}. ${step.text}`, kind: 'step', range: step.range, selectionRange: step.range, children: [] };
    const parent = innermostContaining(roots, step.range);
    (parent ? parent.children : roots).push(symbol);
  }
  return roots;
}

function frontMatterSymbol(document: IndexedDocument, locale: Locale): OutlineSymbol[] {
  const { frontMatter } = document.parsed;
  if (!frontMatter) return [];
  const { meta } = document;
  return [{
    name: meta.id?.value ?? renderMessage(message('symbol.front-matter'), locale),
    detail: [meta.title, meta.status, meta.access?.value].filter(Boolean).join(' · '),
    kind: 'frontMatter',
    range: frontMatter.range,
    selectionRange: meta.id?.range ?? frontMatter.range,
    children: [],
  }];
}

/** The steps of a heading outline, flat, each with the heading of its section as detail. */
function stepsBySection(symbols: readonly OutlineSymbol[], section?: OutlineSymbol): OutlineSymbol[] {
  return symbols.flatMap((symbol) =>
    symbol.kind === 'step' ? [{ ...symbol, detail: section?.name }] : stepsBySection(symbol.children, symbol),
  );
}

function innermostContaining(symbols: readonly OutlineSymbol[], range: Range): OutlineSymbol | undefined {
  for (const symbol of symbols) {
    if (symbol.kind !== 'heading') continue;
    if (symbol.range.start.line <= range.start.line && symbol.range.end.line >= range.start.line) {
      return innermostContaining(symbol.children, range) ?? symbol;
    }
  }
  return undefined;
}

export interface WorkspaceSymbolEntry {
  readonly name: string;
  readonly detail: string;
  readonly location: FileLocation;
}

/** Documents whose id, title or path contains every word of the query (case-insensitive). */
export function workspaceSymbols(workspace: Workspace, query: string): WorkspaceSymbolEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const entries: WorkspaceSymbolEntry[] = [];
  for (const document of workspace.index.documents) {
    const { meta } = document;
    const name = [meta.id?.value, meta.title].filter(Boolean).join(' — ') || document.path;
    const haystack = `${name} ${document.path}`.toLowerCase();
    if (!words.every((word) => haystack.includes(word))) continue;
    entries.push({ name, detail: `${meta.lang} · ${document.path}`, location: { file: document.path, range: documentAnchor(document) } });
  }
  return entries.sort((a, b) => a.name.localeCompare(b.name) || a.location.file.localeCompare(b.location.file));
}
