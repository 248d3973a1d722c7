/**
 * Most front matter is read by a small reader of `key: value` lines
 * (engine/yamlSimple.ts) instead of the yaml library, for speed; it must
 * never give another answer than yaml: the same keys, values, types and
 * positions, in the parse every rule reads and in the history's fields.
 * Whatever it does not know it hands to yaml, so the property compares the
 * two paths on text built from YAML's awkward corners.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { frontMatterValues, frontMatterValuesWithLibrary } from '../../server/src/engine/history/content';
import { LineIndex } from '../../server/src/engine/text';
import { parseYaml, parseYamlWithLibrary } from '../../server/src/engine/yamlValue';
import { readSimpleMapping } from '../../server/src/engine/yamlSimple';

// yaml's toJS warns on the process about the odd blocks the property builds (a collection as a key); the comparison is the test.
process.emitWarning = () => undefined;

function assertSameAsYaml(source: string): void {
  const lines = new LineIndex(`---\n${source}---\n`);
  const simple = parseYaml(source, lines, 4);
  const library = parseYamlWithLibrary(source, lines, 4);
  assert.deepEqual(simple, library, JSON.stringify(source));
  // Serialised too (the cache packs parses, digests read them): the same fields in the same order.
  assert.equal(JSON.stringify(simple), JSON.stringify(library), JSON.stringify(source));
  assert.deepEqual(frontMatterValues(source), frontMatterValuesWithLibrary(source), JSON.stringify(source));
}

const KEYS = ['id', 'title', 'version', 'approved-by', 'iso9001', 'a_b', 'x', 'true', 'null', 'No', '1', '~', 'a b', 'キー', '-a', '? a', 'a#'];
/** Words that yaml types (or refuses) in its own ways, and characters that change how a line reads. */
const WORDS = ['SOP-1', '7.2', '7.10', '1.0', '0x1F', '0o17', '0b1', '+12', '-3', '.5', '1e3', '.inf', '-.Inf', '.NaN', '~', 'null', 'Null', 'true', 'False', 'yes', '2026-03-01', '12:30', '0012', '1_000', 'é', '作業手順', '😀', 'a.b', 'x(y)'];
const PIECES = [' ', '  ', '#', ' #', ':', ': ', ',', ', ', '[', ']', '{', '}', "'", '"', '-', '- ', '?', '!', '&', '*', '|', '>', '%', '@', '`', '\t', '\r', '\u00a0', '\u3000', '\uff1a', '\u2028', '\ufeff', '\u0085', '\u0000'];

/** A value as people write it, often with one awkward piece in it. */
const word = fc.oneof({ weight: 24, arbitrary: fc.constantFrom(...WORDS) }, { weight: 2, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 3 }) });
const phrase = fc.array(word, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' '));
const value = fc.oneof(
  { weight: 4, arbitrary: phrase },
  { weight: 2, arbitrary: fc.array(phrase, { maxLength: 3 }).map((items) => `[${items.join(', ')}]`) },
  { weight: 1, arbitrary: fc.array(phrase, { maxLength: 3 }).map((items) => `[${items.join(',')}]`) },
);
const key = fc.oneof({ weight: 20, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/) }, { weight: 1, arbitrary: fc.constantFrom(...KEYS) });
const separator = fc.oneof({ weight: 30, arbitrary: fc.constant(": ") }, { weight: 1, arbitrary: fc.constantFrom(':', ':  ', ' : ', ':\t') });
const line = fc.oneof(
  { weight: 40, arbitrary: fc.tuple(key, separator, value).map(([name, between, written]) => `${name}${between}${written}`) },
  { weight: 1, arbitrary: fc.constantFrom('', '  ', '# note', '  - item', '- 7.2', '  more words', '---', '...', 'key:') },
);
const block = fc
  .tuple(fc.array(line, { minLength: 0, maxLength: 6 }), fc.oneof({ weight: 6, arbitrary: fc.constant('\n') }, { weight: 1, arbitrary: fc.constantFrom('', '\n\n', '\r\n') }))
  .map(([lines, end]) => lines.join('\n') + end);

describe('front matter read without the yaml library', () => {
  it('gives what yaml gives, positions included, for every block the property builds', () => {
    let simple = 0;
    let total = 0;
    fc.assert(
      fc.property(block, (source) => {
        total++;
        if (readSimpleMapping(source)) simple++;
        assertSameAsYaml(source);
      }),
      { numRuns: 3000 },
    );
    // The comparison means something only when the simple reader took a fair share of the blocks.
    assert.ok(simple > total / 8, `the simple reader took ${simple} of ${total} blocks`);
  });

  it('gives what yaml gives for the front matter of the samples and templates, and reads the usual ones itself', () => {
    const files = [
      ...readdirSync('samples', { recursive: true, encoding: 'utf8' }).map((path) => join('samples', path)),
      ...readdirSync('templates', { encoding: 'utf8' }).map((path) => join('templates', path)),
    ].filter((path) => path.endsWith('.md'));
    let simple = 0;
    for (const path of files) {
      const match = /^---\n([\s\S]*?\n)---\n/.exec(readFileSync(path, 'utf8'));
      if (!match) continue;
      if (readSimpleMapping(match[1]!)) simple++;
      assertSameAsYaml(match[1]!);
    }
    assert.ok(simple > 0, 'no sample front matter took the simple path');
  });

  it('types values as yaml does and hands yaml what it does not know', () => {
    const read = readSimpleMapping('version: 3\nscale: 7.10\nhex: 0x1F\nnothing: ~\nflag: true\nday: 2026-03-01\nclauses: [7.2, 8.5.1]\nempty:\n');
    assert.deepEqual(
      read?.entries.map((entry) => [entry.key, entry.value.kind === 'scalar' ? entry.value.value : entry.value.kind === 'list' ? entry.value.items.map((item) => item.value) : null]),
      [['version', 3], ['scale', 7.1], ['hex', 31], ['nothing', null], ['flag', true], ['day', '2026-03-01'], ['clauses', [7.2, '8.5.1']], ['empty', null]],
    );
    for (const source of ['title: "quoted"\n', 'a: b # comment\n', 'a: 1\na: 2\n', 'list:\n  - a\n', 'a: b\n\nc: d\n', 'a: *alias\n', 'a: b\r\n', 'true: x\n']) {
      assert.equal(readSimpleMapping(source), undefined, JSON.stringify(source));
    }
  });
});
