/**
 * A person of people.yaml as the editor shows them: a completion entry
 * (active people first) and a hover. Shared by front matter and
 * training.yaml, so a person reads the same wherever their key is typed.
 */
import type { DocumentCompetence } from '../competence';
import { formatDay } from '../dates';
import { markdownCode, markdownLine, markdownText } from '../escaping/markdown';
import { message, renderMessage, type Locale, type Message } from '../messages';
import type { Person } from '../people';
import type { Range } from '../text';
import type { Workspace } from '../workspace';
import type { CompletionEntry } from './completion';

export function personCompletions(workspace: Workspace, range: Range, locale: Locale): CompletionEntry[] {
  const people = [...(workspace.people?.people.values() ?? [])];
  const say = (value: Message) => renderMessage(value, locale, 'plain');
  return people.map((person) => {
    const warning = !person.active ? say(message('person.note-inactive')) : person.leaves !== undefined && person.leaves < workspace.today ? say(message('person.warning-left', { day: formatDay(person.leaves) })) : undefined;
    const notes = [
      person.role,
      person.leaves === undefined ? undefined : say(message('person.note-leaves', { day: formatDay(person.leaves) })),
      person.active ? undefined : say(message('person.note-inactive')),
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

export function describePersonMarkdown(workspace: Workspace, person: Person, locale: Locale): string {
  const say = (value: Message) => renderMessage(value, locale, 'markdown');
  const lines = [`**${markdownText(person.name ?? person.key)}** (${markdownCode(person.key)})`];
  if (person.role) lines.push(markdownLine(person.role));
  if (person.leaves !== undefined) lines.push(say(message(person.leaves < workspace.today ? 'person.left-on' : 'person.leaves-on', { day: formatDay(person.leaves) })));
  if (!person.active) lines.push(say(message('person.inactive')));
  return lines.join('  \n');
}

/** "Qualified 1 of 2: `h.sato` · leaving: `k.ito` (leaves 2027-03-31)": who can do a document's work alone, for hovers. */
export function qualifiedSummary(competence: DocumentCompetence, locale: Locale): string {
  const leaving = competence.leaving.map(({ person, leaves }) => message('person.leaving', { person, day: formatDay(leaves!) }));
  return renderMessage(
    message('person.qualified', {
      count: competence.qualified.length,
      required: competence.required > 0 ? competence.required : undefined,
      people: competence.qualified.map(({ person }) => person),
      leaving: leaving.length > 0 ? leaving : undefined,
    }),
    locale,
    'markdown',
  );
}
