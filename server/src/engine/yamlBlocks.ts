/**
 * A YAML file that is one top-level block mapping with a plain key at the
 * start of each entry's first line (training.yaml: a person per entry) can be
 * read entry by entry, so that an edit re-reads only the entries whose text
 * changed. Building the `yaml` library's document is what costs (about
 * 200 ms for 2,000 training records, against well under a millisecond for
 * one person's entry).
 *
 * Only text where this gives exactly what parsing the whole gives is split:
 * every entry must start with a key at column 0, with nothing but blank and
 * comment lines before the first, and no document marker or directive
 * anywhere. The caller must still check that each entry parses on its own,
 * without error, as a mapping of exactly one key, and that no key repeats;
 * otherwise it parses the whole text, which reports the problem exactly as
 * before.
 */
import { LineIndex } from './text';
import { parseYaml, type YamlEntry } from './yamlValue';

/** One top-level entry's text: from its key's line to the next entry's. */
export interface YamlBlock {
  readonly source: string;
  /** Where the block starts in the whole text. */
  readonly offset: number;
  readonly line: number;
}

/** A line that starts a new entry: its first character is neither space nor a comment nor a YAML indicator. */
const ENTRY_START = /^[^\s#\-?:,[\]{}&*!|>'"%@`.]/;
/** Lines that may come before the first entry: blank, or a comment. */
const PREAMBLE_LINE = /^[ \t]*(#.*)?$/;
/** Document markers and directives: what makes one text several YAML documents. */
const DOCUMENT_MARKER = /^(---|\.\.\.|%)/;

/** The top-level entries' texts, or undefined when the text is not of the simple shape described above. */
export function topLevelBlocks(text: string, lines: LineIndex): YamlBlock[] | undefined {
  const starts: { offset: number; line: number }[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const offset = lines.offsetAt({ line, character: 0 });
    const content = text.slice(offset, lines.offsetAt({ line, character: Number.MAX_SAFE_INTEGER }));
    if (DOCUMENT_MARKER.test(content)) return undefined;
    if (ENTRY_START.test(content)) starts.push({ offset, line });
    else if (starts.length === 0 && !PREAMBLE_LINE.test(content)) return undefined;
  }
  if (starts.length === 0) return undefined;
  return starts.map(({ offset, line }, index) => ({ source: text.slice(offset, starts[index + 1]?.offset ?? text.length), offset, line }));
}

/** A block's one entry, positioned as if the block were the whole text; undefined when it does not parse cleanly as one. */
export function parseBlock(source: string): YamlEntry | undefined {
  const parsed = parseYaml(source, new LineIndex(source));
  if (parsed.errors.length > 0 || parsed.root?.kind !== 'map' || parsed.root.entries.length !== 1) return undefined;
  return parsed.root.entries[0];
}

/**
 * The whole text's entries, when they line up one to one with `blocks`
 * (each parsed in place); undefined otherwise. The first read, with nothing
 * to reuse, is quicker as one parse than as one per entry.
 */
export function parseBlocksAtOnce(text: string, lines: LineIndex, blocks: readonly YamlBlock[]): readonly YamlEntry[] | undefined {
  const parsed = parseYaml(text, lines);
  if (parsed.errors.length > 0 || parsed.root?.kind !== 'map' || parsed.root.entries.length !== blocks.length) return undefined;
  const entries = parsed.root.entries;
  return entries.every((entry, index) => entry.keyStartOffset === blocks[index]!.offset) ? entries : undefined;
}
