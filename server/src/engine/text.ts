/**
 * Positions inside a document. Everything in the engine is 0-based with
 * columns in UTF-16 code units, exactly as LSP counts them, so the language
 * server passes ranges through untouched and only the CLI adds 1.
 */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/**
 * A copy of `part` that keeps nothing else alive. V8 makes a slice of a
 * string (13 characters or more) a view into the whole: a heading's text
 * sliced from markdown-it's working copy of a document would keep that
 * whole copy alive, beside the text itself, for as long as the parse.
 * Concatenating first makes V8 flatten into a new string of its own.
 */
export function detached(part: string): string {
  return part.length < 13 ? part : (' ' + part).slice(1);
}

/** The index of the last of the ascending `starts` that is at or before `value` (0 when none is). */
export function lastAtOrBefore(starts: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Maps string offsets to line/character positions. `\r\n`, `\n` and `\r` all end a line. */
export class LineIndex {
  /**
   * Where each line starts. A typed array, sized by a first pass: every
   * loaded document keeps its line index, and a number array grown by
   * `push` took 8 bytes a line and a third again in spare room (4 here).
   */
  private readonly lineStarts: Int32Array;

  constructor(readonly text: string) {
    let lines = 1;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 /* \n */ || (code === 13 /* \r */ && text.charCodeAt(i + 1) !== 10)) lines++;
    }
    const starts = new Int32Array(lines);
    let line = 1;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts[line++] = i + 1;
      } else if (code === 10 /* \n */) {
        starts[line++] = i + 1;
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = lastAtOrBefore(this.lineStarts, clamped);
    return { line, character: clamped - this.lineStarts[line]! };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line]!;
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  /** The range from `start` to `end`, kept as the two offsets (see OffsetRange). */
  rangeOf(start: number, end: number): Range {
    return new OffsetRange(this, start, end);
  }

  /** Offset just before the line break of `line`. */
  lineEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    if (next === undefined) return this.text.length;
    let end = next;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The line break the document itself uses, so inserted text matches it. */
  get eol(): string {
    const lf = this.text.indexOf('\n');
    if (lf > 0 && this.text.charCodeAt(lf - 1) === 13) return '\r\n';
    if (lf < 0 && this.text.includes('\r')) return '\r';
    return '\n';
  }
}

/**
 * A Range kept as two offsets into its text, its positions computed from
 * the line index when read. A parse holds hundreds of ranges for as long as
 * the document is loaded, and as {start: {line, character}, end: …} objects
 * they were a quarter of the language server's heap (three objects, 120
 * bytes, against one of 48). The line index is a private field, so neither
 * a structured clone (worker threads, the cache file) nor a spread carries
 * it along; JSON, as LSP and `--format json` write it, gets the positions.
 * Anything that leaves the engine by structured clone takes `plainRange`.
 */
export class OffsetRange implements Range {
  readonly #lines: LineIndex;

  constructor(
    lines: LineIndex,
    readonly startOffset: number,
    readonly endOffset: number,
  ) {
    this.#lines = lines;
  }

  get start(): Position {
    return this.#lines.positionAt(this.startOffset);
  }

  get end(): Position {
    return this.#lines.positionAt(this.endOffset);
  }

  toJSON(): Range {
    return plainRange(this);
  }
}

/** The range as a plain {start, end} object: what a structured clone can carry. */
export function plainRange(range: Range): Range {
  return { start: range.start, end: range.end };
}

export const ZERO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function containsPosition(range: Range, position: Position): boolean {
  if (position.line < range.start.line || position.line > range.end.line) return false;
  if (position.line === range.start.line && position.character < range.start.character) return false;
  if (position.line === range.end.line && position.character > range.end.character) return false;
  return true;
}
