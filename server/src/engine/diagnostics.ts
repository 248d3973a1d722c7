/**
 * What the engine reports. A diagnostic names its file relative to the
 * repository root with `/` separators and carries the edits of its quick
 * fixes, so the CLI, the language server and the tests all see the same
 * thing and the server only translates it. Every text in it is a Message
 * (an id and arguments, messages/): it is rendered in the user's language
 * at the edge, never here, so a plain string does not compile.
 */
import type { Message } from './messages';
import { plainRange, type Range } from './text';
import type { RuleId } from './rules/ruleIds';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface RelatedLocation {
  readonly file: string;
  readonly range: Range;
  readonly message: Message;
}

/** Replaces `range` of `file` with `newText`. */
export interface TextFileEdit {
  readonly kind: 'text';
  readonly file: string;
  readonly range: Range;
  readonly newText: string;
}

/** Creates `file` with `content`; never applied over an existing file. */
export interface CreateFileEdit {
  readonly kind: 'create';
  readonly file: string;
  readonly content: string;
}

export type FileEdit = TextFileEdit | CreateFileEdit;

export interface Fix {
  readonly title: Message;
  readonly edits: readonly FileEdit[];
  /** The one fix an editor may apply without asking ("fix all"). */
  readonly preferred?: boolean;
  /**
   * Safe to apply with nobody looking (`densho check --fix`): it repairs the
   * form of what is there and states nothing only a person can know, such as
   * a review, an owner or an access layer.
   */
  readonly safe?: boolean;
}

export interface Diagnostic {
  readonly file: string;
  readonly range: Range;
  readonly severity: Severity;
  readonly rule: RuleId;
  readonly message: Message;
  readonly related?: readonly RelatedLocation[];
  readonly fixes?: readonly Fix[];
}

/** A diagnostic before `rules:` overrides decide its severity, or whether it is shown at all. */
export type Finding = Omit<Diagnostic, 'severity' | 'file'> & { readonly file?: string };

/**
 * The diagnostic with every range a plain object: diagnostics outlive the
 * check (the cache file stores them by structured clone, which keeps no
 * class), while the ranges rules take from a parse point into its text.
 */
export function withPlainRanges(diagnostic: Diagnostic): Diagnostic {
  return {
    ...diagnostic,
    range: plainRange(diagnostic.range),
    ...(diagnostic.related && { related: diagnostic.related.map((location) => ({ ...location, range: plainRange(location.range) })) }),
    ...(diagnostic.fixes && { fixes: diagnostic.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => (edit.kind === 'text' ? { ...edit, range: plainRange(edit.range) } : edit)) })) }),
  };
}

/** By file, position and rule; the sort is stable, so findings at one place keep the order rules emitted them in. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}
