/**
 * Record training edits training.yaml and loses nothing: on files with flow
 * and block records, comments, two- and four-space indents, LF, CRLF, mixed
 * and CR line breaks, a BOM and no final newline, the edit touches only what
 * it records (every other byte stays, line breaks in the file's style), and
 * the file then reads back with that one record set and every other as before.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LineIndex, parseDay, parseTraining, recordTrainingEdit, TRAINING_LEVELS, type NewTrainingRecord } from '../../server/src/engine';
import { text as english } from '../helpers';
import { applyChecked, splitBom } from '../support/edits';
import { render, styles, type Line } from '../support/styledText';

const PEOPLE = ['h.sato', 'd.nakamura', 'y.aoki'] as const;
const IDS = ['SOP-A-001', 'WI-B-002', 'MST-C-003'] as const;

interface RecordSpec {
  readonly id: string;
  readonly level: (typeof TRAINING_LEVELS)[number];
  readonly version: number;
  readonly block: boolean;
  readonly comment: string;
}

const recordSpec = (id: string): fc.Arbitrary<RecordSpec> =>
  fc.record({ id: fc.constant(id), level: fc.constantFrom(...TRAINING_LEVELS), version: fc.integer({ min: 1, max: 9 }), block: fc.boolean(), comment: fc.constantFrom('', '', '  # OJT 𠮷', '\t# 溶接') });

const personSpec = (person: string) =>
  fc.record({
    person: fc.constant(person),
    indent: fc.constantFrom('  ', '  ', '    '),
    records: fc.subarray([...IDS]).chain((ids) => fc.tuple(...ids.map(recordSpec))),
    heading: fc.constantFrom('', '# 力量表: welding', '#'),
  });

const files = fc.subarray([...PEOPLE], { minLength: 1 }).chain((people) => fc.tuple(fc.tuple(...people.map(personSpec)), styles));

const newRecords: fc.Arbitrary<NewTrainingRecord> = fc.record({
  person: fc.constantFrom(...PEOPLE, 'n.new'),
  id: fc.constantFrom(...IDS, 'FRM-D-004'),
  level: fc.constantFrom(...TRAINING_LEVELS),
  version: fc.integer({ min: 1, max: 9 }),
  date: fc.constant(parseDay('2026-11-25')!),
  trainer: fc.option(fc.constantFrom('h.sato', 'd.nakamura'), { nil: undefined }),
});

function lines(people: readonly { person: string; indent: string; records: readonly RecordSpec[]; heading: string }[]): Line[] {
  const out: Line[] = [];
  for (const { person, indent, records, heading } of people) {
    if (heading) out.push(heading);
    out.push(`${person}:`);
    for (const record of records) {
      if (record.block) out.push(`${indent}${record.id}:${record.comment}`, `${indent}  level: ${record.level}`, `${indent}  version: ${record.version}`);
      else out.push(`${indent}${record.id}: { level: ${record.level}, version: ${record.version} }${record.comment}`);
    }
  }
  return out;
}

const tuples = (text: string) =>
  parseTraining('training.yaml', text).training.records.map((record) => [record.person.value, record.id.value, record.level.value, record.version.value, record.trainer?.value ?? null]);

describe('record training', () => {
  it('sets exactly one record and keeps every other byte', () => {
    fc.assert(
      fc.property(files, newRecords, ([people, style], record) => {
        const text = render(lines(people), style);
        const { body } = splitBom(text);
        const result = recordTrainingEdit('training.yaml', body, new LineIndex(body), record);
        assert.equal(result.kind, 'edit', result.kind === 'error' ? JSON.stringify(result.message) : '');
        if (result.kind !== 'edit') return;
        const applied = applyChecked('training.yaml', text, [result.edit]);
        const after = splitBom(applied.text).body;
        assert.deepEqual(parseTraining('training.yaml', after).findings, [], after);
        const expected = tuples(body).filter(([person, id]) => !(person === record.person && id === record.id));
        const added = [record.person, record.id, record.level, record.version, record.trainer ?? null];
        assert.deepEqual(tuples(after).sort(), [...expected, added].sort());
      }),
      { numRuns: 300, includeErrorInReport: true },
    );
  });

  it('refuses a file that is not valid YAML, writing nothing', () => {
    const text = 'h.sato:\n  SOP-A-001: { level: trainer\n';
    const result = recordTrainingEdit('training.yaml', text, new LineIndex(text), { person: 'h.sato', id: 'SOP-A-001', level: 'trainer', version: 1, date: parseDay('2026-11-25')! });
    assert.equal(result.kind, 'error');
    assert.equal(result.kind === 'error' && english(result.message), 'training.yaml is not valid YAML; fix it first.');
  });

  it('quotes a key that YAML would read as something else', () => {
    const text = '';
    const result = recordTrainingEdit('training.yaml', text, new LineIndex(text), { person: 'yes', id: '2024', level: 'learning', version: 1, date: parseDay('2026-11-25')! });
    assert.equal(result.kind === 'edit' && result.edit.newText, '"yes":\n  "2024": { level: learning, version: 1, date: 2026-11-25 }\n');
  });
});
