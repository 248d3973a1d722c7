/**
 * Mark reviewed: the one edit that sets `reviewed` to today. It replaces
 * only the value (or fills an empty `reviewed:`, or adds the field the way
 * frontmatter/required's fix does), so every other byte of the document,
 * its line breaks and its comments stay as they were. Pure: the editor command applies it and
 * the tests check it.
 */
import { message, type Message } from '../messages';
import type { TextFileEdit } from '../diagnostics';
import type { ParsedDocument } from '../parse';
import { addFieldEdit, fillEmptyFieldEdit } from '../frontMatterEdits';
import { findEntry } from '../yamlValue';

export type MarkReviewedResult =
  | { readonly kind: 'edit'; readonly edit: TextFileEdit }
  /** `reviewed` is today already. */
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'error'; readonly message: Message };

export function markReviewedEdit(parsed: ParsedDocument, today: string): MarkReviewedResult {
  const { frontMatter, lines, text } = parsed;
  if (!frontMatter) return { kind: 'error', message: message('reviewed.no-front-matter') };
  if (!frontMatter.fields) return { kind: 'error', message: message('reviewed.invalid-yaml') };
  const entry = findEntry(frontMatter.fields, 'reviewed');
  // None yet: a new field (a line before the closing fence); `reviewed:` alone: the value after its colon.
  if (!entry || entry.value.kind === 'empty') {
    const edit = entry ? fillEmptyFieldEdit(parsed, entry, today) : addFieldEdit(parsed, 'reviewed', today);
    return edit ? { kind: 'edit', edit } : { kind: 'error', message: message('reviewed.no-value') };
  }
  const { start, end } = entry.value.range;
  if (text.slice(lines.offsetAt(start), lines.offsetAt(end)) === today) return { kind: 'unchanged' };
  return { kind: 'edit', edit: { kind: 'text', file: parsed.path, range: entry.value.range, newText: today } };
}
