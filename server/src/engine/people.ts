/**
 * people.yaml: who may own, review and hold knowledge. When the file does not
 * exist, the registry is absent and people rules that need it stay silent.
 */
import { parseDay, type Day } from './dates';
import type { Finding } from './diagnostics';
import { PEOPLE_CEILING } from './limits';
import { message, type Message } from './messages';
import { closestMatch } from './suggest';
import { LineIndex, type Range } from './text';
import { describeKind, parseYaml, scalarText } from './yamlValue';

export interface Person {
  readonly key: string;
  readonly name?: string;
  readonly role?: string;
  readonly leaves?: Day;
  readonly active: boolean;
  /** Where the person's key stands in people.yaml, for go-to-definition. */
  readonly keyRange: Range;
}

export interface PeopleRegistry {
  readonly file: string;
  readonly people: ReadonlyMap<string, Person>;
}

const PERSON_KEYS = ['name', 'role', 'leaves', 'active', 'email'];

export function parsePeople(file: string, text: string): { registry: PeopleRegistry; findings: Finding[] } {
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const people = new Map<string, Person>();
  const problem = (range: Range, message: Message): void => {
    findings.push({ file, rule: 'config/invalid', range, message });
  };
  const parsed = parseYaml(text, lines);
  for (const error of parsed.errors) problem(error.range, message('config.yaml', { file, error: error.message }));
  const root = parsed.root;
  if (root && root.kind !== 'map') problem(root.range, message('people.not-a-map', { file, kind: describeKind(root) }));
  if (root?.kind === 'map') {
    const overflow = root.entries[PEOPLE_CEILING];
    if (overflow) problem(overflow.keyRange, message('people.too-many', { file, count: root.entries.length, limit: PEOPLE_CEILING }));
    for (const entry of root.entries.slice(0, PEOPLE_CEILING)) {
      const details = entry.value;
      if (details.kind === 'empty') {
        people.set(entry.key, { key: entry.key, active: true, keyRange: entry.keyRange });
        continue;
      }
      if (details.kind !== 'map') {
        problem(details.range, message('people.details', { key: entry.key }));
        continue;
      }
      let person: { -readonly [K in keyof Person]: Person[K] } = { key: entry.key, active: true, keyRange: entry.keyRange };
      for (const field of details.entries) {
        const value = scalarText(field.value);
        switch (field.key) {
          case 'name':
          case 'role':
          case 'email':
            if (value === undefined) problem(field.value.range, message('people.field-text', { field: field.key, key: entry.key }));
            else if (field.key !== 'email') person[field.key] = value;
            break;
          case 'leaves': {
            const day = value === undefined ? undefined : parseDay(value);
            if (day === undefined) problem(field.value.range, message('people.leaves-date', { key: entry.key }));
            else person.leaves = day;
            break;
          }
          case 'active':
            if (field.value.kind !== 'scalar' || typeof field.value.value !== 'boolean') {
              problem(field.value.range, message('people.active', { key: entry.key }));
            } else person.active = field.value.value;
            break;
          default: {
            const suggestion = closestMatch(field.key, PERSON_KEYS);
            problem(field.keyRange, message('field.unknown', { key: field.key, suggestion }));
          }
        }
      }
      people.set(entry.key, person);
    }
  }
  return { registry: { file, people }, findings };
}

export function describePerson(person: Person | undefined, key: string): string {
  if (!person?.name) return key;
  return person.role ? `${person.name} (${person.role})` : person.name;
}
