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
import { packOffsets, StringTable, unpackOffsetsInPlace, type OffsetPackedFacts } from '../../server/src/engine/packedRanges';
import { parseFacts, parseMarkdown, reviveParse, type ParsedDocument } from '../../server/src/engine/parse';

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

/** How many string objects on the heap hold each of `values`, from a heap snapshot. */
function stringCopies(values: readonly string[]): Map<string, number> {
  collectGarbage();
  const folder = mkdtempSync(join(tmpdir(), 'densho-heap-'));
  const file = writeHeapSnapshot(join(folder, 'heap.heapsnapshot'));
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  rmSync(folder, { recursive: true });
  const { node_fields: fields, node_types: types } = snapshot.snapshot.meta;
  const copies = new Map(values.map((value) => [value, 0]));
  for (let node = 0; node < snapshot.nodes.length; node += fields.length) {
    if (types[0][snapshot.nodes[node + fields.indexOf('type')]!] !== 'string') continue;
    const value = snapshot.strings[snapshot.nodes[node + fields.indexOf('name')]!]!;
    if (copies.has(value)) copies.set(value, copies.get(value)! + 1);
  }
  return copies;
}

test('parses revived from a worker\'s answer share their short strings (a structured clone makes each one anew)', () => {
  const frontMatter = (i: number) => `---\nid: SOP-${i}\ntitle: Welding cell ${i}\ntype: sop\naccess: internal\nowner: p.worker01\nreviewed: 2026-06-01\n---\n`;
  const body = ['Purpose', 'Tools and materials', 'Steps'].map((heading) => `## ${heading}\n\nSee [the checks](../qa/checks.md#checks).\n`).join('\n');
  const strings = new StringTable();
  const revived = Array.from({ length: 200 }, (_, i) => {
    const text = `${frontMatter(i)}\n# Procedure ${i}\n\n${body}`;
    const parsed = parseMarkdown(`sop-${i}.md`, text);
    // What a parser thread posts, as the main thread receives it.
    const answer = deserialize(serialize(packOffsets(parseFacts(parsed), parsed.lines))) as OffsetPackedFacts;
    return reviveParse(`sop-${i}.md`, text, unpackOffsetsInPlace(answer, parsed.lines, strings), parsed.lines);
  });
  assert.equal(revived[0]!.headings[2]!.slug, 'tools-and-materials');
  assert.equal(revived[0]!.frontMatter!.fields!.entries[3]!.key, 'access');
  // Each of these stands in every one of the 200 parses: a YAML value's kind, a key, a value, a slug, a link's kind.
  const copies = stringCopies(['scalar', 'access', 'internal', 'tools-and-materials', 'link']);
  for (const [value, count] of copies) assert.ok(count <= 3, `${count} copies of ${JSON.stringify(value)} on the heap`);
  void revived;
});
