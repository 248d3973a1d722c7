/**
 * Applying the engine's edits the way an editor does, and checking that they
 * changed nothing they did not mean to: every other byte, the line-break
 * style and the byte-order mark. Engine positions count UTF-16 code units
 * from the start of the text without its BOM (as editors show it).
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex, type FileEdit, type Position, type Range } from '../../server/src/engine';

const BOM = '\ufeff';

export interface PlainEdit {
  readonly range: Range;
  readonly newText: string;
}

/** The span an edit replaces, as offsets into the text without its BOM. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export function splitBom(text: string): { readonly bom: string; readonly body: string } {
  return text.startsWith(BOM) ? { bom: BOM, body: text.slice(1) } : { bom: '', body: text };
}

/**
 * The offset of `position`, refusing every position an editor would have to
 * clamp or guess at: past the last line, past the end of its line (which
 * includes "between `\r` and `\n`"), or between the halves of a surrogate pair.
 */
export function strictOffset(body: string, position: Position, lines = new LineIndex(body)): number {
  const where = `${position.line}:${position.character}`;
  assert.ok(Number.isInteger(position.line) && Number.isInteger(position.character), `${where} is not a whole position`);
  assert.ok(position.line >= 0 && position.line < lines.lineCount, `${where}: line outside the document (${lines.lineCount} lines)`);
  const lineStart = lines.offsetAt({ line: position.line, character: 0 });
  const lineEnd = lines.lineEnd(position.line);
  assert.ok(position.character >= 0 && lineStart + position.character <= lineEnd, `${where}: column past the end of its line (${lineEnd - lineStart} code units)`);
  const offset = lineStart + position.character;
  const [before, after] = [body.charCodeAt(offset - 1), body.charCodeAt(offset)];
  assert.ok(!(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff), `${where} splits a surrogate pair`);
  return offset;
}

/** The spans of `edits`, sorted; asserts each lies inside the document and none overlaps another. */
export function spansOf(body: string, edits: readonly PlainEdit[]): Span[] {
  const lines = new LineIndex(body);
  const spans = edits.map((edit) => {
    const start = strictOffset(body, edit.range.start, lines);
    const end = strictOffset(body, edit.range.end, lines);
    assert.ok(start <= end, `range ${JSON.stringify(edit.range)} is reversed`);
    return { start, end, newText: edit.newText };
  });
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) {
    const [previous, next] = [spans[i - 1]!, spans[i]!];
    // Touching is fine; sharing a code unit, or two insertions at one point (whose order is a guess), is not.
    const overlap = next.start < previous.end || (next.start === previous.start && (previous.start === previous.end || next.start === next.end));
    assert.ok(!overlap, `edits overlap at offsets ${previous.start}-${previous.end} and ${next.start}-${next.end}`);
  }
  return spans;
}

/** A pure reference implementation: the spans replaced from the back, so earlier offsets stay valid. */
export function applySpans(body: string, spans: readonly Span[]): string {
  let result = body;
  for (const span of [...spans].sort((a, b) => b.start - a.start)) result = result.slice(0, span.start) + span.newText + result.slice(span.end);
  return result;
}

/** The line breaks a text uses, in order. */
export function lineBreaks(text: string): string[] {
  return text.match(/\r\n|\n|\r/g) ?? [];
}

export interface AppliedEdits {
  readonly text: string;
  readonly spans: readonly Span[];
}

/**
 * Applies `edits` to the text of a file (BOM included) and checks the
 * result with nothing but the text before and after:
 * - every range lies inside the document and no two overlap;
 * - LSP's own TextDocument.applyEdits gives the same text as replacing the spans;
 * - every byte before the first, between and after the last edit is the original's;
 * - the BOM is kept and no edit writes one;
 * - every line break an edit writes is one the document already uses (all of
 *   them the same in a document that uses one kind only).
 */
export function applyChecked(file: string, text: string, edits: readonly PlainEdit[]): AppliedEdits {
  const { bom, body } = splitBom(text);
  const spans = spansOf(body, edits);
  const expected = applySpans(body, spans);
  const lsp = TextDocument.applyEdits(TextDocument.create(`file:///${file}`, 'markdown', 0, body), edits.map((edit) => ({ range: edit.range, newText: edit.newText })));
  assert.equal(lsp, expected, `${file}: LSP's applyEdits and the reference disagree`);
  // Bytes outside the edits, walked span by span through the original and the result.
  let shift = 0;
  let previousEnd = 0;
  for (const span of spans) {
    assert.equal(expected.slice(previousEnd + shift, span.start + shift), body.slice(previousEnd, span.start), `${file}: text before offset ${span.start} changed`);
    assert.equal(expected.slice(span.start + shift, span.start + shift + span.newText.length), span.newText);
    shift += span.newText.length - (span.end - span.start);
    previousEnd = span.end;
  }
  assert.equal(expected.slice(previousEnd + shift), body.slice(previousEnd), `${file}: text after the last edit changed`);
  assertKeepsStyle(file, text, spans.map((span) => span.newText));
  return { text: bom + expected, spans };
}

/** No BOM written, and every line break written is in the style of `original`. */
export function assertKeepsStyle(file: string, original: string, written: readonly string[]): void {
  const breaks = new Set(lineBreaks(splitBom(original).body));
  for (const text of written) {
    assert.ok(!text.includes(BOM), `${file}: an edit writes a byte-order mark`);
    for (const written of lineBreaks(text)) {
      // A document without any line break has no style yet: LF is as good as any.
      const allowed = breaks.size === 0 ? new Set(['\n']) : breaks;
      assert.ok(allowed.has(written), `${file}: an edit writes ${JSON.stringify(written)} into a document that uses ${JSON.stringify([...breaks])}`);
    }
  }
}

/** Applies a set of engine edits to a repository's texts: text edits checked as above, created files returned. */
export function applyFileEdits(texts: Readonly<Record<string, string>>, edits: readonly FileEdit[]): { texts: Record<string, string>; spans: Map<string, readonly Span[]>; created: string[] } {
  const result: Record<string, string> = { ...texts };
  const spans = new Map<string, readonly Span[]>();
  const created: string[] = [];
  const byFile = new Map<string, PlainEdit[]>();
  for (const edit of edits) {
    if (edit.kind === 'create') {
      assert.equal(texts[edit.file], undefined, `${edit.file} is created over an existing file`);
      assert.ok(!created.includes(edit.file), `${edit.file} is created twice`);
      result[edit.file] = edit.content;
      created.push(edit.file);
      continue;
    }
    const list = byFile.get(edit.file) ?? [];
    list.push(edit);
    byFile.set(edit.file, list);
  }
  for (const [file, list] of byFile) {
    const text = texts[file];
    assert.ok(text !== undefined, `an edit addresses ${file}, which does not exist`);
    const applied = applyChecked(file, text, list);
    result[file] = applied.text;
    spans.set(file, applied.spans);
  }
  return { texts: result, spans, created };
}
