/**
 * A parse's facts with every Range replaced by an index into one Int32Array.
 * A parse holds hundreds of ranges, and as objects they are most of its size
 * in a cache file and most of the work of a structured clone. Two layouts,
 * one per use:
 *
 * - line and character numbers (`packRanges`), for the cache: a parse is
 *   revived without its text, so a document whose file did not change is
 *   not read at all;
 * - offsets into the text (`packOffsetsInPlace`), for a parser worker's answer: the
 *   pool has the text, and revives each range as an OffsetRange over its
 *   line index (a third of the memory of position objects).
 */
import type { ParseFacts } from './parse';
import { OffsetRange, type LineIndex, type Range } from './text';

/** The keys under which a parse holds a Range. */
const RANGE_KEYS = new Set(['range', 'keyRange', 'fragmentRange', 'notAMap']);

export interface PackedFacts {
  readonly facts: unknown;
  /** Four numbers a range: start line, start character, end line, end character. */
  readonly positions: Int32Array;
}

export interface OffsetPackedFacts {
  readonly facts: unknown;
  /** Two numbers a range: its start and end offsets into the text. */
  readonly offsets: Int32Array;
}

export function packRanges(facts: ParseFacts): PackedFacts {
  const positions: number[] = [];
  const packed = packWith(facts, (range) => {
    positions.push(range.start.line, range.start.character, range.end.line, range.end.character);
    return positions.length / 4 - 1;
  });
  return { facts: packed, positions: Int32Array.from(positions) };
}

/** The facts of `packed`, its ranges as position objects; `packed` is used up. */
export function unpackRangesInPlace(packed: PackedFacts): ParseFacts {
  const { positions } = packed;
  return unpackInPlaceWith(packed.facts, (index) => {
    const at = index * 4;
    return { start: { line: positions[at]!, character: positions[at + 1]! }, end: { line: positions[at + 2]!, character: positions[at + 3]! } };
  });
}

/**
 * The facts of `packed` (packed by `packRanges`), its ranges as OffsetRanges
 * over `lines`, the line index of the text it was packed from: a cached parse
 * revived where its text is at hand keeps ranges as small as a fresh parse's.
 * `packed` is used up.
 */
export function unpackRangesOverInPlace(packed: PackedFacts, lines: LineIndex): ParseFacts {
  const { positions } = packed;
  return unpackInPlaceWith(packed.facts, (index) => {
    const at = index * 4;
    return lines.rangeOf(lines.offsetAt({ line: positions[at]!, character: positions[at + 1]! }), lines.offsetAt({ line: positions[at + 2]!, character: positions[at + 3]! }));
  });
}

/**
 * The facts with each range replaced, where it lies, by its index into the
 * offsets: for a parse that is sent and then dropped (a parser worker's).
 * Copying the parse instead, and turning each range into positions and
 * back, cost a worker about as much as parsing (measured at full scale).
 * `facts` is used up.
 */
export function packOffsetsInPlace(facts: ParseFacts, lines: LineIndex): OffsetPackedFacts {
  const offsets: number[] = [];
  const pack = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) {
      // A copy built by push: the parse's own lists may be holey (made by `map`), which would cross threads as sparse arrays (see packWith).
      const packed: unknown[] = [];
      for (const item of value as unknown[]) packed.push(pack(item));
      return packed;
    }
    const target = value as Record<string, unknown>;
    for (const key in target) {
      const field = target[key];
      if (typeof field !== 'object' || field === null) continue;
      if (!RANGE_KEYS.has(key) || !isRange(field)) {
        target[key] = pack(field);
        continue;
      }
      target[key] = offsets.length / 2;
      if (field instanceof OffsetRange) offsets.push(field.startOffset, field.endOffset);
      else offsets.push(lines.offsetAt(field.start), lines.offsetAt(field.end));
    }
    return target;
  };
  pack(facts);
  return { facts, offsets: Int32Array.from(offsets) };
}

/**
 * The facts of `packed`, its ranges as OffsetRanges over `lines` (the line
 * index of the text they were packed from), its short strings shared
 * through `strings`; `packed` is used up.
 */
export function unpackOffsetsInPlace(packed: OffsetPackedFacts, lines: LineIndex, strings?: StringTable): ParseFacts {
  const { offsets } = packed;
  return unpackInPlaceWith(packed.facts, (index) => lines.rangeOf(offsets[index * 2]!, offsets[index * 2 + 1]!), strings);
}

/** Strings longer than this are seldom the same in two documents: not worth a look-up. */
const SHARED_LENGTH = 64;
/** Entries before a table starts over, so that it stays small (a few MB at most) however many documents pass through it. */
const SHARED_ENTRIES = 1 << 16;

/**
 * One copy of each short string among the parses revived through it. V8's
 * deserialiser (a worker's answer is a structured clone) makes every string
 * anew, so without it each document held its own `scalar` for every YAML
 * value, its own `title` key, its own `tools-and-materials` slug: at scale
 * 0.2 (3,000 documents) 7 MB of copies, a tenth of the heap. Whoever revives
 * a run of parses owns the table, and it goes when they are done.
 */
export class StringTable {
  private readonly table = new Map<string, string>();

  share(value: string): string {
    if (value.length > SHARED_LENGTH) return value;
    const known = this.table.get(value);
    if (known !== undefined) return known;
    if (this.table.size >= SHARED_ENTRIES) this.table.clear();
    this.table.set(value, value);
    return value;
  }
}

function packWith(value: unknown, record: (range: Range) => number): unknown {
  if (Array.isArray(value)) {
    // Built by push, not `map`: `map` makes a holey array, which V8's serialiser writes as a sparse one, and the
    // deserialiser grows that element by element to room for 16 or more: a link's `[start, end]` came back in 144 bytes.
    const packed: unknown[] = [];
    for (const item of value as unknown[]) packed.push(packWith(item, record));
    return packed;
  }
  if (typeof value !== 'object' || value === null) return value;
  const packed: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) packed[key] = RANGE_KEYS.has(key) && isRange(field) ? record(field) : packWith(field, record);
  return packed;
}

/**
 * Replaces each packed range where it lies. A warm check revives every
 * document's parse, so this walk is on its hot path: plain loops and for-in,
 * nothing allocated but the ranges.
 */
function unpackInPlaceWith(facts: unknown, revive: (index: number) => Range, strings?: StringTable): ParseFacts {
  const unpack = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item === 'string') {
          if (strings) value[i] = strings.share(item);
        } else unpack(item);
      }
      return;
    }
    const target = value as Record<string, unknown>;
    for (const key in target) {
      const field = target[key];
      if (typeof field === 'number' && RANGE_KEYS.has(key)) target[key] = revive(field);
      else if (typeof field === 'string') {
        if (strings) target[key] = strings.share(field);
      } else unpack(field);
    }
  };
  unpack(facts);
  return facts as ParseFacts;
}

function isRange(value: unknown): value is Range {
  return typeof value === 'object' && value !== null && 'start' in value && 'end' in value;
}
