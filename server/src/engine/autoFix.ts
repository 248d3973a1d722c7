/**
 * `densho check --fix`: the quick fixes an editor offers, applied with
 * nobody looking. Only a fix that is the diagnostic's preferred one (the
 * editor's "fix all" choice, so unambiguous) and marked `safe` (it states
 * nothing only a person can know) is taken, and only when all its edits stay
 * inside the diagnostic's own document. A document whose front matter does
 * not parse, or that was not parsed at all, is left alone: no fix repairs
 * YAML, and an edit computed from a broken parse could land anywhere.
 * Edits that overlap an edit already taken wait for the next pass, which
 * re-checks the fixed text: the result is the same whatever order the rules
 * reported in, and a second `--fix` finds nothing left to do.
 */
import type { Diagnostic, Fix, TextFileEdit } from './diagnostics';
import type { Message } from './messages';
import type { Workspace } from './workspace';

/** One fix applied, as `--fix` reports it. */
export interface AppliedFix {
  readonly file: string;
  readonly rule: Diagnostic['rule'];
  readonly title: Message;
}

export interface AutoFixResult {
  /** The new text of every document that changed, its byte-order mark kept. */
  readonly texts: ReadonlyMap<string, string>;
  readonly applied: readonly AppliedFix[];
}

/** Rules whose presence means the document's structure is not known well enough to edit. */
const BLOCKING_RULES = new Set(['frontmatter/yaml', 'file/too-large', 'file/binary', 'file/too-deep']);

/** Enough passes for a fix to enable another (a skeleton, then a renamed key); a fix never undoes one, so this is a guard, not a budget. */
const MAX_PASSES = 10;

/** The one fix `--fix` may apply for this diagnostic, if any. */
export function unattendedFix(diagnostic: Diagnostic): Fix | undefined {
  const candidates = (diagnostic.fixes ?? []).filter((fix) => fix.preferred && fix.safe);
  if (candidates.length !== 1) return undefined;
  const fix = candidates[0]!;
  return fix.edits.length > 0 && fix.edits.every((edit) => edit.kind === 'text' && edit.file === diagnostic.file) ? fix : undefined;
}

/**
 * Applies the unattended fixes of `paths` to the workspace's documents, pass
 * after pass until none is left, and returns the changed texts. The
 * workspace then holds the fixed documents, so checking it again reports
 * what is left. `shown` narrows the diagnostics whose fixes are taken (the
 * editor fixes only what it shows).
 */
export function applyUnattendedFixes(workspace: Workspace, paths: readonly string[], shown: (diagnostics: Diagnostic[]) => Diagnostic[] = (diagnostics) => diagnostics): AutoFixResult {
  const texts = new Map<string, string>();
  const applied: AppliedFix[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    for (const path of paths) {
      const diagnostics = shown(workspace.checkDocument(path));
      if (diagnostics.some((diagnostic) => BLOCKING_RULES.has(diagnostic.rule))) continue;
      const parsed = workspace.document(path)?.parsed;
      if (!parsed || parsed.unreadable) continue;
      const taken: { start: number; end: number }[] = [];
      const edits: { start: number; end: number; newText: string }[] = [];
      const lines = parsed.lines;
      for (const diagnostic of diagnostics) {
        const fix = unattendedFix(diagnostic);
        if (!fix) continue;
        const spans = (fix.edits as TextFileEdit[]).map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }));
        if (spans.some((span) => taken.some((other) => overlaps(span, other)))) continue;
        taken.push(...spans);
        edits.push(...spans);
        applied.push({ file: path, rule: diagnostic.rule, title: fix.title });
      }
      if (edits.length === 0) continue;
      const text = (parsed.bom ? '\ufeff' : '') + applySpans(parsed.text, edits);
      texts.set(path, text);
      workspace.setDocument(path, text);
      changed = true;
    }
    if (!changed) break;
  }
  return { texts, applied };
}

/** Two spans collide when they share a character, or insert at the same point (their order would be a guess). */
function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start === a.end || b.start === b.end) return a.start >= b.start && a.start <= b.end || b.start >= a.start && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

function applySpans(text: string, spans: readonly { start: number; end: number; newText: string }[]): string {
  let result = text;
  for (const span of [...spans].sort((a, b) => b.start - a.start)) result = result.slice(0, span.start) + span.newText + result.slice(span.end);
  return result;
}
