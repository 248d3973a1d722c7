/**
 * Rename: an `id` across every file that has it (all languages), every
 * `[[ID]]` reference and every `related`/`supersedes` entry; a heading's
 * text together with the fragment of every link to it.
 */
import { message, type Message } from '../messages';
import GithubSlugger from 'github-slugger';
import type { TextFileEdit } from '../diagnostics';
import type { Heading } from '../parse';
import type { Position, Range } from '../text';
import type { Workspace } from '../workspace';
import type { IndexedDocument } from '../workspaceIndex';
import { headingForFragment, linkedDocument, targetAt, unquotedRange, wikiIdRange } from './cursor';
import { idListReferences } from './navigation';

export type RenameSubject =
  | { readonly kind: 'id'; readonly id: string; readonly range: Range }
  | { readonly kind: 'heading'; readonly path: string; readonly heading: Heading; readonly index: number; readonly range: Range };

export interface PreparedRename {
  readonly range: Range;
  readonly placeholder: string;
}

export type RenameResult = { readonly edits: TextFileEdit[] } | { readonly error: Message };

export function renameSubjectAt(workspace: Workspace, path: string, position: Position): RenameSubject | undefined {
  const document = workspace.document(path);
  const target = targetAt(workspace, path, position);
  if (!document || !target) return undefined;
  switch (target.kind) {
    case 'id':
    case 'id-ref':
      return { kind: 'id', id: target.id, range: target.range };
    case 'heading': {
      const range = headingTextRange(document, target.heading);
      return range && { kind: 'heading', path, heading: target.heading, index: target.index, range };
    }
    case 'link': {
      const { link } = target;
      if (link.kind === 'wiki' && target.part === 'target' && link.id) return { kind: 'id', id: link.id, range: wikiIdRange(link) };
      if (target.part !== 'fragment' || !link.fragmentRange) return undefined;
      const linked = linkedDocument(workspace, document, link);
      const heading = linked && headingForFragment(linked, link.fragment);
      if (!linked || !heading) return undefined;
      // Renaming from a link edits the heading's text; the fragment follows.
      return { kind: 'heading', path: linked.path, heading, index: linked.parsed.headings.indexOf(heading), range: link.fragmentRange };
    }
    default:
      return undefined;
  }
}

export function prepareRename(workspace: Workspace, path: string, position: Position): PreparedRename | undefined {
  const subject = renameSubjectAt(workspace, path, position);
  if (!subject) return undefined;
  return { range: subject.range, placeholder: subject.kind === 'id' ? subject.id : subject.heading.text };
}

export function rename(workspace: Workspace, path: string, position: Position, newName: string): RenameResult | undefined {
  const subject = renameSubjectAt(workspace, path, position);
  if (!subject) return undefined;
  return subject.kind === 'id' ? renameId(workspace, subject.id, newName.trim()) : renameHeading(workspace, subject, newName.trim());
}

export function renameId(workspace: Workspace, oldId: string, newId: string): RenameResult {
  if (newId === '' || /[\s\[\]#|,:"']/.test(newId)) return { error: message('rename.not-an-id', { id: newId }) };
  if (!workspace.config.idPattern.test(newId)) return { error: message('rename.id-pattern', { id: newId, pattern: workspace.config.idPattern.source }) };
  if (newId !== oldId && workspace.index.withId(newId).length > 0) return { error: message('rename.id-taken', { id: newId, file: workspace.index.withId(newId)[0]!.path }) };
  const edits: TextFileEdit[] = [];
  for (const document of workspace.index.withId(oldId)) {
    const entry = document.meta.fields.get('id');
    if (entry?.value.kind === 'scalar') edits.push({ kind: 'text', file: document.path, range: unquotedRange(entry.value), newText: newId });
  }
  for (const document of workspace.index.documents) {
    for (const link of document.parsed.links) {
      if (link.kind === 'wiki' && link.id === oldId) edits.push({ kind: 'text', file: document.path, range: wikiIdRange(link), newText: newId });
    }
  }
  for (const location of idListReferences(workspace, oldId)) edits.push({ kind: 'text', file: location.file, range: location.range, newText: newId });
  return { edits };
}

function renameHeading(workspace: Workspace, subject: Extract<RenameSubject, { kind: 'heading' }>, newText: string): RenameResult {
  const document = workspace.index.document(subject.path);
  const textRange = document && headingTextRange(document, subject.heading);
  if (!document || !textRange) return { error: message('rename.heading') };
  if (newText === '' || /[\r\n]/.test(newText)) return { error: message('rename.heading-line') };
  // Slugs number repeated headings (`-1`, `-2`), so the new slug depends on every heading of the document.
  const slugger = new GithubSlugger();
  const newSlugs = document.parsed.headings.map((heading, index) => slugger.slug(index === subject.index ? newText : heading.text));
  // So renaming one of two `Steps` headings renumbers the other (`steps-1` becomes `steps`): links to every heading whose slug moves follow it.
  const moved = new Map<string, string>();
  document.parsed.headings.forEach((heading, index) => {
    if (heading.slug !== newSlugs[index]) moved.set(heading.slug.toLowerCase(), newSlugs[index]!);
  });
  const edits: TextFileEdit[] = [{ kind: 'text', file: document.path, range: textRange, newText }];
  for (const { from, link } of workspace.index.backlinks(document.path)) {
    const newSlug = link.fragmentRange && link.fragment !== undefined ? moved.get(link.fragment.toLowerCase()) : undefined;
    if (newSlug !== undefined) edits.push({ kind: 'text', file: from.path, range: link.fragmentRange!, newText: newSlug });
  }
  return { edits };
}

/** The text of a heading without its `#` marks (ATX) or underline (setext). */
export function headingTextRange(document: IndexedDocument, heading: Heading): Range | undefined {
  const { lines, text } = document.parsed;
  const line = heading.range.start.line;
  const lineStart = lines.offsetAt({ line, character: 0 });
  const lineText = text.slice(lineStart, lines.lineEnd(line));
  const atx = /^( {0,3}#{1,6}[ \t]+)(.*?)([ \t]+#+)?[ \t]*$/.exec(lineText);
  const [prefix, content] = atx ? [atx[1]!.length, atx[2]!] : [lineText.length - lineText.trimStart().length, lineText.trim()];
  if (content === '') return undefined;
  return { start: { line, character: prefix }, end: { line, character: prefix + content.length } };
}
