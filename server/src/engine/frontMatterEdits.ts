/**
 * Setting one front matter field without disturbing anything else: the quick
 * fixes of frontmatter/required and "mark reviewed" share these, so a field
 * is added the same way whoever adds it.
 */
import type { TextFileEdit } from './diagnostics';
import type { ParsedDocument } from './parse';
import type { Position } from './text';
import type { YamlEntry } from './yamlValue';

/**
 * Adds `key: value`. Usually one line before the closing fence, ended the
 * way the document ends its lines; in a flow mapping (`{id: …, title: …}`)
 * a line after the `}` would break the YAML, so the entry goes before it.
 * Undefined when the front matter is missing or broken.
 */
export function addFieldEdit(parsed: ParsedDocument, key: string, value: string): TextFileEdit | undefined {
  const { frontMatter, text, lines } = parsed;
  const fields = frontMatter?.fields;
  if (!frontMatter || !fields) return undefined;
  const insert = (at: Position, newText: string): TextFileEdit => ({ kind: 'text', file: parsed.path, range: { start: at, end: at }, newText });
  if (text[fields.startOffset] === '{' && text[fields.endOffset - 1] === '}') {
    let last = fields.endOffset - 2;
    while (last > fields.startOffset && /\s/.test(text[last]!)) last--;
    const separator = text[last] === '{' || text[last] === ',' ? '' : ', ';
    return insert(lines.positionAt(fields.endOffset - 1), `${separator}${key}: ${flowSafe(value)}`);
  }
  return insert(lines.positionAt(frontMatter.contentEnd), `${key}: ${value}${lines.eol}`);
}

/**
 * Gives a `key:` that has no value its value, right after the colon. Blanks
 * before a comment stay (`reviewed: 2026-11-25# note` would make the comment
 * part of the date), and so does whatever follows on the line: in a flow
 * mapping, the next entries.
 */
export function fillEmptyFieldEdit(parsed: ParsedDocument, entry: YamlEntry, value: string): TextFileEdit | undefined {
  const { lines, text } = parsed;
  const line = entry.keyRange.end.line;
  const lineText = text.slice(lines.offsetAt({ line, character: 0 }), lines.lineEnd(line));
  const colon = lineText.indexOf(':', entry.keyRange.end.character);
  if (colon < 0) return undefined;
  const blanks = /^[ \t]*/.exec(lineText.slice(colon + 1))![0].length;
  const end = colon + 1 + blanks < lineText.length ? colon + 1 : colon + 1 + blanks;
  const inFlow = /^[ \t]*[,}]/.test(lineText.slice(colon + 1));
  return { kind: 'text', file: parsed.path, range: { start: { line, character: colon + 1 }, end: { line, character: end } }, newText: ` ${inFlow ? flowSafe(value) : value}` };
}

/** Commas and brackets end a plain value inside `{…}`: such a value is quoted there. */
function flowSafe(value: string): string {
  return /^["']/.test(value) || !/[,[\]{}]/.test(value) ? value : JSON.stringify(value);
}
