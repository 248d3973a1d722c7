/** Builds in-memory repositories for engine tests, so each case shows its whole input. */
import { loadWorkspace, MemoryFileSystem, MemoryHistorySource, parseDay, renderMessage, type Diagnostic, type MemoryCommit, type Message, type Workspace } from '../server/src/engine';

export const TODAY = '2026-11-25';

export async function repository(files: Record<string, string>, today = TODAY, history?: readonly MemoryCommit[]): Promise<Workspace> {
  return loadWorkspace(new MemoryFileSystem(files), { today: parseDay(today), history: history && new MemoryHistorySource(history) });
}

/** A repository whose working tree is `files` and whose Git history is `commits` (oldest first). */
export function withHistory(commits: readonly MemoryCommit[], files: Record<string, string>, today = TODAY): Promise<Workspace> {
  return repository(files, today, commits);
}

/** A compact form of a diagnostic: `file:line:column severity rule` (1-based, as the CLI prints). */
export function brief(diagnostic: Diagnostic): string {
  return `${diagnostic.file}:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${diagnostic.severity} ${diagnostic.rule}`;
}

/** A message as the CLI and the Problems panel show it in English: code-like values in "double quotes". */
export function text(message: Message): string {
  return renderMessage(message, 'en');
}

/**
 * Which rules a test file has asked about by name, and with what outcome: the
 * rule meta-test requires each rule id to have been seen firing and seen
 * silent through `findings(workspace, rule)` or `diagnosticsOf`, so a family
 * name or an incidental finding of another test cannot stand in for a rule's
 * own cases. Silent means a repository in which some document has no finding
 * of the rule: the closest silent case may sit beside the firing one.
 */
export const ruleObservations = { fired: new Set<string>(), silent: new Set<string>() };

/** Every diagnostic of one rule over the whole repository, recorded for the rule meta-test. */
export function diagnosticsOf(workspace: Workspace, rule: string): Diagnostic[] {
  const found = workspace.checkAll().filter((diagnostic) => diagnostic.rule === rule);
  if (found.length > 0) ruleObservations.fired.add(rule);
  const reported = new Set(found.map((diagnostic) => diagnostic.file));
  if (found.length === 0 || workspace.documentPaths().some((path) => !reported.has(path))) ruleObservations.silent.add(rule);
  return found;
}

/** The diagnostics of one rule (or all) in `brief` form. */
export function findings(workspace: Workspace, rule?: string): string[] {
  return (rule === undefined ? workspace.checkAll() : diagnosticsOf(workspace, rule)).map(brief);
}

/** Front matter of a valid approved SOP, with overrides; `undefined` drops a field. */
export function doc(fields: Record<string, string | undefined> = {}, body = '# Title\n'): string {
  const base: Record<string, string | undefined> = {
    id: 'SOP-A-001',
    title: 'Title',
    access: 'internal',
    owner: 'k.tanaka',
    expert: 'h.sato',
    reviewed: '2026-06-01',
    ...fields,
  };
  const lines = Object.entries(base)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n${body}`;
}

export const PEOPLE = `k.tanaka:
  name: Kenji Tanaka
  role: Quality manager
h.sato:
  name: 佐藤 浩
  role: Senior welder
  leaves: 2027-03-31
m.ito:
  name: 伊藤 美咲
  role: Machinist
r.old:
  name: Ryo Old
  active: false
`;
