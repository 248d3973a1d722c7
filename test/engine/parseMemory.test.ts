/**
 * What a parse keeps alive (issue 12): a language server holds every
 * document's parse for the whole session, so bytes retained per document
 * are bytes of its resident memory. Measured as heap growth after a full
 * garbage collection, with the parses (and their texts) still referenced.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize, setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { packOffsetsInPlace, StringTable, unpackOffsetsInPlace, type OffsetPackedFacts } from '../../server/src/engine/packedRanges';
import { parseFacts, parseMarkdown, reviveParse, type ParsedDocument } from '../../server/src/engine/parse';
import { LineIndex } from '../../server/src/engine/text';
import { doc, PEOPLE, repository } from '../helpers';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Heap bytes that `make` leaves reachable through what it returns; run once before, so compiled code is not counted. */
function retainedBytes<T>(make: () => T): { readonly kept: T; readonly bytes: number } {
  make();
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const kept = make();
  collectGarbage();
  return { kept, bytes: process.memoryUsage().heapUsed - before };
}

/** Parses `count` documents built at run time, so each text is a string of its own (one byte per character), not a shared literal. */
function parseDocuments(count: number, body: (i: number) => string): { readonly parses: ParsedDocument[]; readonly textBytes: number } {
  const parses: ParsedDocument[] = [];
  let textBytes = 0;
  for (let i = 0; i < count; i++) {
    const text = `---\nid: SOP-${i}\n---\n\n# Procedure ${i} for the welding cell\n\n${body(i)}\n`;
    textBytes += text.length;
    parses.push(parseMarkdown(`sop-${i}.md`, text));
  }
  return { parses, textBytes };
}

test('a parse does not keep a second copy of its text (headings and steps are copied out of the parser\'s working text)', () => {
  const paragraph = 'Keep the work area clean and the gauges calibrated. '.repeat(400);
  const { kept, bytes } = retainedBytes(() => parseDocuments(200, (i) => `${paragraph}${i}\n\n1. Switch the welder off ${i}`));
  assert.equal(kept.parses[0]!.headings.length, 1);
  // The texts themselves, plus a little per document; a second copy would double it.
  assert.ok(bytes < kept.textBytes * 1.25, `retained ${bytes} bytes for ${kept.textBytes} bytes of text`);
});

test('ranges are kept as offsets into the text, not as position objects', () => {
  const links = 100;
  const paragraph = (i: number) => Array.from({ length: links }, (_, n) => `see [step ${n}](sop-${(i + n) % 200}.md#s${n})`).join(', ');
  const { kept, bytes } = retainedBytes(() => parseDocuments(200, paragraph));
  const linkCount = kept.parses.reduce((total, parsed) => total + parsed.links.length, 0);
  assert.equal(linkCount, 200 * links);
  assert.deepEqual(kept.parses[0]!.links[0]!.range.start, { line: 6, character: 13 }, 'positions are still there, computed when read');
  // A link holds two ranges (the destination and its fragment): as position objects they cost 240 bytes, as offsets 96.
  const perLink = (bytes - kept.textBytes) / linkCount;
  assert.ok(perLink < 500, `${perLink.toFixed(0)} bytes per link`);
});

interface HeapCensus {
  /** Self sizes of every object on the heap, summed: exact, since a snapshot holds only what is reachable. */
  readonly bytes: number;
  /** How many string objects hold each of the values asked about. */
  readonly copies: ReadonlyMap<string, number>;
}

/** A heap snapshot, summed. */
function heapCensus(values: readonly string[] = []): HeapCensus {
  const folder = mkdtempSync(join(tmpdir(), 'densho-heap-'));
  const file = writeHeapSnapshot(join(folder, 'heap.heapsnapshot'));
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  rmSync(folder, { recursive: true });
  const { node_fields: fields, node_types: types } = snapshot.snapshot.meta;
  const [typeAt, nameAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('name'), fields.indexOf('self_size')];
  const copies = new Map(values.map((value) => [value, 0]));
  let bytes = 0;
  for (let node = 0; node < snapshot.nodes.length; node += fields.length) {
    bytes += snapshot.nodes[node + sizeAt]!;
    if (types[0][snapshot.nodes[node + typeAt]!] !== 'string') continue;
    const value = snapshot.strings[snapshot.nodes[node + nameAt]!]!;
    if (copies.has(value)) copies.set(value, copies.get(value)! + 1);
  }
  return { bytes, copies };
}

/** Each document's parse as a parser thread sends it and the pool revives it: packed, through a structured clone, unpacked. */
function reviveThroughClone(texts: readonly string[]): ParsedDocument[] {
  const strings = new StringTable();
  return texts.map((text, i) => {
    const parsed = parseMarkdown(`sop-${i}.md`, text);
    const answer = deserialize(serialize(packOffsetsInPlace(parseFacts(parsed), parsed.lines))) as OffsetPackedFacts;
    return reviveParse(`sop-${i}.md`, text, unpackOffsetsInPlace(answer, parsed.lines, strings), parsed.lines);
  });
}

test('parses revived from a worker\'s answer share their short strings (a structured clone makes each one anew)', () => {
  const frontMatter = (i: number) => `---\nid: SOP-${i}\ntitle: Welding cell ${i}\ntype: sop\naccess: internal\nowner: p.worker01\nreviewed: 2026-06-01\n---\n`;
  const body = ['Purpose', 'Tools and materials', 'Steps'].map((heading) => `## ${heading}\n\nSee [the checks](../qa/checks.md#checks).\n`).join('\n');
  const revived = reviveThroughClone(Array.from({ length: 200 }, (_, i) => `${frontMatter(i)}\n# Procedure ${i}\n\n${body}`));
  assert.equal(revived[0]!.headings[2]!.slug, 'tools-and-materials');
  assert.equal(revived[0]!.frontMatter!.fields!.entries[3]!.key, 'access');
  // Each of these stands in every one of the 200 parses: a YAML value's kind, a key, a value, a slug, a link's kind.
  const { copies } = heapCensus(['scalar', 'access', 'internal', 'tools-and-materials', 'link']);
  for (const [value, count] of copies) assert.ok(count <= 3, `${count} copies of ${JSON.stringify(value)} on the heap`);
  void revived;
});

test('parses revived from a worker\'s answer hold their lists at their length (a holey array crossed as a sparse one, grown to room for 16)', () => {
  const links = 50;
  const texts = Array.from({ length: 200 }, () => `# Procedure\n\n${Array.from({ length: links }, (_, n) => `see [step ${n}](sop-${n}.md)`).join(', ')}\n`);
  const before = heapCensus().bytes;
  const revived = reviveThroughClone(texts);
  const perLink = (heapCensus().bytes - before) / (revived.length * links);
  assert.equal(revived[0]!.links[0]!.nodeOffsets![1], 35);
  // The link, its range, its strings and its two offset pairs; the pairs alone took 288 bytes when each came back with room for 16.
  assert.ok(perLink < 500, `${perLink.toFixed(0)} heap bytes per link`);
});

test('a checked document keeps nothing for the front matter fields it read cleanly', async () => {
  const files: Record<string, string> = { 'people.yaml': PEOPLE };
  for (let i = 0; i < 600; i++) {
    files[`sop-${i}.md`] = doc({ id: `SOP-A-${i}`, type: 'sop', status: 'approved', version: '3', 'approved-by': 'k.tanaka', approved: '2026-06-01', change: 'minor', related: '[SOP-A-0]' }, `# Procedure ${i}\n`);
  }
  const workspace = await repository(files);
  // A first check builds the index and compiles the rules; the second builds each document's metadata again, on its own.
  workspace.checkAll();
  workspace.setSettings(undefined);
  const before = heapCensus().bytes;
  assert.deepEqual(workspace.checkAll().filter((diagnostic) => diagnostic.rule.startsWith('frontmatter/')), []);
  const perDocument = (heapCensus().bytes - before) / 600;
  // The metadata of 13 fields and the index's entries. A Map of the fields made it 2,850; a check object and an empty list for each clean field, 4,400.
  assert.ok(perDocument < 2680, `${perDocument.toFixed(0)} heap bytes per checked document`);
  void workspace;
});

test('a line index takes 4 bytes a line', () => {
  // Flat from the start: `repeat` gives a rope, which the first read would flatten inside the measurement.
  const text = Buffer.from('Check the gauge.\n'.repeat(100_000)).toString('latin1');
  const before = heapCensus().bytes;
  const lines = new LineIndex(text);
  const perLine = (heapCensus().bytes - before) / lines.lineCount;
  assert.deepEqual(lines.positionAt(17 * 99_999 + 3), { line: 99_999, character: 3 });
  // A number array grown by push took 8 bytes a line and spare room besides: 9.8 in all.
  assert.ok(perLine < 4.5, `${perLine.toFixed(1)} bytes a line`);
});
