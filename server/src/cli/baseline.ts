/**
 * Baselines: adopting the gate on a repository that already has findings.
 * `--update-baseline` records today's findings; later runs with `--baseline`
 * report only findings that are not recorded. A finding is recorded by rule,
 * file and a fingerprint of what it is about (the text it points at, its
 * line's text and its message with the numbers taken out, so "overdue by 31
 * days" tomorrow is the same finding), never by line number: an edit
 * elsewhere in the file leaves it recorded. Identical findings in one file are
 * counted, so a second copy of a recorded problem is new. The message is
 * taken in English whatever the locale, without its quotes (older baselines
 * wrote backticks), so a baseline written in one language matches in another.
 * See docs/cli.md.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { message, renderMessage, type Diagnostic, type Locale, type Workspace } from '../engine';
import { UsageError } from './errors';

export interface BaselineEntry {
  readonly rule: string;
  readonly file: string;
  readonly fingerprint: string;
  /** For a person reading the file in review; not used to match. */
  readonly message: string;
}

export interface BaselineFile {
  readonly version: 1;
  readonly findings: readonly BaselineEntry[];
}

/** A fingerprint of what a finding is about that survives edits elsewhere in its file. */
export function fingerprint(workspace: Workspace, diagnostic: Diagnostic): string {
  const parsed = workspace.document(diagnostic.file)?.parsed;
  let pointedAt = '';
  let lineText = '';
  if (parsed) {
    const { lines, text } = parsed;
    pointedAt = text.slice(lines.offsetAt(diagnostic.range.start), lines.offsetAt(diagnostic.range.end));
    const lineStart = lines.offsetAt({ line: diagnostic.range.start.line, character: 0 });
    lineText = text.slice(lineStart, lines.lineEnd(diagnostic.range.start.line));
  }
  const normalize = (value: string) => value.replace(/\s+/g, ' ').trim();
  const message = normalize(renderMessage(diagnostic.message, 'en').replace(/[`"]/g, '').replace(/\d+/g, '#'));
  return createHash('sha256').update([diagnostic.rule, diagnostic.file, normalize(pointedAt), normalize(lineText), message].join('\u0000')).digest('hex').slice(0, 20);
}

function keyOf(entry: { rule: string; file: string; fingerprint: string }): string {
  return `${entry.rule}\u0000${entry.file}\u0000${entry.fingerprint}`;
}

export function readBaseline(path: string, shownAs: string): BaselineFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(message('usage.baseline-unreadable', { file: shownAs, code: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(message('usage.baseline-json', { file: shownAs }));
  }
  const findings = (data as { findings?: unknown } | null)?.findings;
  const valid =
    (data as { version?: unknown } | null)?.version === 1 &&
    Array.isArray(findings) &&
    findings.every((entry) => entry !== null && typeof entry === 'object' && ['rule', 'file', 'fingerprint'].every((key) => typeof (entry as Record<string, unknown>)[key] === 'string'));
  if (!valid) throw new UsageError(message('usage.baseline-shape', { file: shownAs }));
  return data as BaselineFile;
}

/** Splits findings into those the baseline records and the new ones, consuming one recorded copy per finding. */
export function applyBaseline(workspace: Workspace, diagnostics: readonly Diagnostic[], baseline: BaselineFile): { fresh: Diagnostic[]; known: Diagnostic[] } {
  const remaining = new Map<string, number>();
  for (const entry of baseline.findings) remaining.set(keyOf(entry), (remaining.get(keyOf(entry)) ?? 0) + 1);
  const fresh: Diagnostic[] = [];
  const known: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const key = keyOf({ rule: diagnostic.rule, file: diagnostic.file, fingerprint: fingerprint(workspace, diagnostic) });
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      known.push(diagnostic);
    } else fresh.push(diagnostic);
  }
  return { fresh, known };
}

/**
 * Writes the findings as the new baseline. Entries outside `replaced` (files
 * another, narrower run did not look at) are carried over unchanged.
 */
export function writeBaseline(
  path: string,
  workspace: Workspace,
  diagnostics: readonly Diagnostic[],
  previous: BaselineFile | undefined,
  replaced: (file: string) => boolean,
  locale: Locale,
): number {
  const entries: BaselineEntry[] = [
    ...(previous?.findings ?? []).filter((entry) => !replaced(entry.file)),
    ...diagnostics.map((diagnostic) => ({ rule: diagnostic.rule, file: diagnostic.file, fingerprint: fingerprint(workspace, diagnostic), message: renderMessage(diagnostic.message, locale) })),
  ];
  entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
  const file: BaselineFile = { version: 1, findings: entries };
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
  return entries.length;
}
