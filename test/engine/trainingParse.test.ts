/**
 * The language server reads training.yaml again after every keystroke,
 * re-parsing only the people whose lines changed (engine/yamlBlocks.ts).
 * Whatever is typed, that must give exactly what reading the whole file
 * gives: the same records at the same positions, the same problems.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseTraining, type TrainingParseCache } from '../../server/src/engine';
import { OffsetRange, plainRange } from '../../server/src/engine/text';
import { doc, PEOPLE, repository, text } from '../helpers';

const START = [
  '# 力量表',
  'h.sato:',
  '  SOP-A-001: { level: trainer, version: 4, date: 2026-03-02 }',
  '  SOP-B-002: { level: trainer, version: 2 }',
  '',
  'd.nakamura:',
  '  SOP-A-001: { level: supervised, version: 4, date: 2026-04-15, trainer: h.sato }',
  '  # trained on version 1',
  '  SOP-B-002:',
  '    level: independent',
  '    version: 1',
  'y.aoki:',
  '  SOP-A-001: { level: learning, version: 4, trainer: d.nakamura }',
  '',
].join('\n');

/** What typing can insert: plain words, line breaks of every kind, and the YAML that changes how a file splits into entries. */
const SNIPPETS = [
  'a', 'x.y', ' ', '  ', '\n', '\r\n', '\r', '\t', ':', ': ', '{', '}', '[', ',', '"', "'", '#', '- ', '---\n', '...\n', '&a ', '*a', '!!str ', '%YAML 1.2\n', '? ', '|\n',
  'level: lerning', 'version: 9', 'h.sato:\n', 'k.new:\n  SOP-B-002: { level: learning, version: 2 }\n', '  SOP-C-003: { level: trainer, version: 1 }\n', '\uFEFF', '𠮷',
];

const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.constantFrom(...SNIPPETS) });

/**
 * What a reading says, its ranges as positions: a whole-file read keeps ranges as offsets into the file
 * (OffsetRange) and a re-read entry has them moved by lines, and both must name the same places.
 */
function positions(value: unknown): unknown {
  if (value instanceof OffsetRange) return plainRange(value);
  if (value instanceof Map) return new Map([...value].map(([key, entry]) => [key, positions(entry)]));
  if (Array.isArray(value)) return value.map(positions);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, positions(entry)]));
  return value;
}

function applyEdit(text: string, { at, remove, insert }: { at: number; remove: number; insert: string }): string {
  const position = at % (text.length + 1);
  return text.slice(0, position) + insert + text.slice(position + remove);
}

describe('training.yaml read entry by entry', () => {
  it('gives what reading the whole file gives, after any sequence of edits', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
        const cache: TrainingParseCache = { people: new Map() };
        let text = START;
        assert.deepStrictEqual(positions(parseTraining('training.yaml', text, cache)), positions(parseTraining('training.yaml', text)));
        for (const step of edits) {
          text = applyEdit(text, step);
          assert.deepStrictEqual(positions(parseTraining('training.yaml', text, cache)), positions(parseTraining('training.yaml', text)), JSON.stringify(text));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reads the whole file again when an edit repeats a person or splits the file into documents', () => {
    for (const edited of [`${START}h.sato:\n`, START.replace('y.aoki:', '...\ny.aoki:'), START.replace('y.aoki:', '---\ny.aoki:'), START.replace('y.aoki:', '%YAML 1.2\ny.aoki:')]) {
      const cache: TrainingParseCache = { people: new Map() };
      parseTraining('training.yaml', START, cache);
      const read = parseTraining('training.yaml', edited, cache);
      assert.deepStrictEqual(read, parseTraining('training.yaml', edited), JSON.stringify(edited));
      assert.match(text(read.findings[0]!.message), /is not valid YAML/, JSON.stringify(edited));
    }
  });

  it('re-reads only the edited person: the others keep their readings', () => {
    const cache: TrainingParseCache = { people: new Map() };
    const first = parseTraining('training.yaml', START, cache).training.records;
    const edited = START.replace('level: learning', 'level: supervised');
    const second = parseTraining('training.yaml', edited, cache).training.records;
    assert.equal(second.find((record) => record.person.value === 'y.aoki')!.level.value, 'supervised');
    // Records of unchanged people are the very objects of the first read, not parsed again.
    for (const person of ['h.sato', 'd.nakamura']) {
      assert.ok(second.filter((record) => record.person.value === person).every((record) => first.includes(record)), person);
    }
    // A line added above moves the others: same records, positions one line down.
    const moved = parseTraining('training.yaml', `# new comment line\n${edited}`, cache).training.records;
    assert.deepEqual(
      moved.map((record) => record.level.range.start.line),
      second.map((record) => record.level.range.start.line + 1),
    );
  });
});

describe("training.yaml's own diagnostics", () => {
  it('are those the repository check reports at training.yaml, and only those', async () => {
    const training = [
      'h.sato:',
      '  SOP-A-001: { level: trainer, version: 1 }',
      'k.tanka:',
      '  SOP-A-001: { level: independent, version: 2, trainer: k.tanaka }',
      '  SOP-X-009: { level: lerning, version: 1 }',
      '',
    ].join('\n');
    const ws = await repository({ 'densho.yaml': 'standards: [iso9001]\n', 'people.yaml': PEOPLE, 'training.yaml': training, 'a.md': doc({ version: '2', change: 'major' }) });
    const own = ws.checkTrainingFile();
    assert.deepEqual(own, ws.checkRepository().filter((diagnostic) => diagnostic.file === 'training.yaml'));
    assert.deepEqual([...new Set(own.map((diagnostic) => diagnostic.rule))].sort(), ['training/invalid', 'training/outdated', 'training/trainer']);
  });
});
