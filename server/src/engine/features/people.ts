/**
 * A person of people.yaml as the editor shows them: a completion entry
 * (active people first) and a hover. Shared by front matter and
 * training.yaml, so a person reads the same wherever their key is typed.
 */
import type { DocumentCompetence } from '../competence';
import { formatDay } from '../dates';
import { markdownCode, markdownLine, markdownText } from '../escaping/markdown';
import type { Person } from '../people';
import type { Range } from '../text';
import type { Workspace } from '../workspace';
import type { CompletionEntry } from './completion';

export function personCompletions(workspace: Workspace, range: Range): CompletionEntry[] {
  const people = [...(workspace.people?.people.values() ?? [])];
  return people.map((person) => {
    const warning = !person.active ? 'inactive' : person.leaves !== undefined && person.leaves < workspace.today ? `left on ${formatDay(person.leaves)}` : undefined;
    const notes = [
      person.role,
      person.leaves === undefined ? undefined : `leaves ${formatDay(person.leaves)}`,
      person.active ? undefined : 'inactive',
    ].filter((note): note is string => note !== undefined);
    return {
      label: person.key,
      kind: 'person' as const,
      detail: [person.name, person.role].filter(Boolean).join(' — ') || undefined,
      documentation: notes.length > 0 ? `**${markdownText(person.name ?? person.key)}**\n\n${notes.map(markdownText).join(' · ')}` : undefined,
      range,
      // People still here first: an inactive or departed one should not be picked by accident.
      sortText: `${warning === undefined ? 0 : 1}${person.key}`,
      filterText: `${person.key} ${person.name ?? ''}`,
      warning,
    };
  });
}

export function describePersonMarkdown(workspace: Workspace, person: Person): string {
  const lines = [`**${markdownText(person.name ?? person.key)}** (${markdownCode(person.key)})`];
  if (person.role) lines.push(markdownLine(person.role));
  if (person.leaves !== undefined) lines.push(person.leaves < workspace.today ? `Left on ${formatDay(person.leaves)}` : `Leaves on ${formatDay(person.leaves)}`);
  if (!person.active) lines.push('Inactive');
  return lines.join('  \n');
}

/** "Qualified 1 of 2: `h.sato` · leaving: `k.ito` (leaves 2027-03-31)": who can do a document's work alone, for hovers. */
export function qualifiedSummary(competence: DocumentCompetence): string {
  const required = competence.required > 0 ? ` of ${competence.required}` : '';
  const names = competence.qualified.map(({ person }) => markdownCode(person)).join(', ') || 'nobody';
  const leaving = competence.leaving.map(({ person, leaves }) => `${markdownCode(person)} (leaves ${formatDay(leaves!)})`).join(', ');
  return `Qualified ${competence.qualified.length}${required}: ${names}${leaving ? ` · leaving: ${leaving}` : ''}`;
}
