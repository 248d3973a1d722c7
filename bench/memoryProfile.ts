/**
 * `node --expose-gc --import tsx bench/memoryProfile.ts <repository> [--top <n>] [--keep <file>] [--threads <n>]`:
 * where the engine's memory goes. Loads the repository as the CLI does (on
 * this thread, so one heap holds everything; with --threads, parsed on that
 * many threads of the built dist/parseWorker.js as the CLI parses a large
 * repository, which changes what the heap holds: every parse then comes
 * through a structured clone), checks every document, then
 * takes a heap snapshot and prints the retained heap by kind: each plain
 * object grouped by its property names (`{character,line}` is a Position,
 * `{end,start}` a Range), class instances by class, strings by their V8
 * representation. Heap totals are printed at each phase (loaded, checked).
 * The figures are V8 self sizes, summed: what the heap holds, not what the
 * process's RSS adds on top (garbage collector headroom, code, threads).
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getHeapStatistics, writeHeapSnapshot } from 'node:v8';
import { loadWorkspace, parseDay } from '../server/src/engine';
import { NodeFileSystem, ParserPool } from '../server/src/node';

const args = process.argv.slice(2);
const root = resolve(args.find((arg) => !arg.startsWith('--')) ?? '.cache/bench-repo');
const top = Number(args[args.indexOf('--top') + 1] ?? 25) || 25;
const keep = args.includes('--keep') ? args[args.indexOf('--keep') + 1] : undefined;
const threads = args.includes('--threads') ? Number(args[args.indexOf('--threads') + 1]) : 0;

const gc = (globalThis as { gc?: () => void }).gc;

function heapMb(): string {
  gc!();
  return `${(getHeapStatistics().used_heap_size / 1024 / 1024).toFixed(1)} MB`;
}

interface Snapshot {
  readonly snapshot: { readonly meta: { readonly node_fields: string[]; readonly node_types: [string[], ...unknown[]]; readonly edge_fields: string[]; readonly edge_types: [string[], ...unknown[]] } };
  readonly nodes: number[];
  readonly edges: number[];
  readonly strings: string[];
}

/** Self sizes summed by kind; see the file comment for what a kind is. */
export function heapByKind(file: string): { kind: string; count: number; bytes: number }[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const { node_fields: nodeFields, node_types: nodeTypes, edge_fields: edgeFields, edge_types: edgeTypes } = data.snapshot.meta;
  const nodeWidth = nodeFields.length;
  const edgeWidth = edgeFields.length;
  const typeAt = nodeFields.indexOf('type');
  const nameAt = nodeFields.indexOf('name');
  const sizeAt = nodeFields.indexOf('self_size');
  const edgeCountAt = nodeFields.indexOf('edge_count');
  const edgeTypeAt = edgeFields.indexOf('type');
  const edgeNameAt = edgeFields.indexOf('name_or_index');
  const propertyType = edgeTypes[0].indexOf('property');
  const totals = new Map<string, { count: number; bytes: number }>();
  let edge = 0;
  for (let node = 0; node < data.nodes.length; node += nodeWidth) {
    const type = nodeTypes[0][data.nodes[node + typeAt]!]!;
    const name = data.strings[data.nodes[node + nameAt]!]!;
    const edgeCount = data.nodes[node + edgeCountAt]!;
    let kind: string;
    if (type === 'object' && name === 'Object') {
      const keys: string[] = [];
      for (let e = edge; e < edge + edgeCount * edgeWidth; e += edgeWidth) {
        if (data.edges[e + edgeTypeAt] === propertyType) keys.push(data.strings[data.edges[e + edgeNameAt]!]!);
      }
      kind = `{${keys.filter((key) => key !== '__proto__').sort().slice(0, 8).join(',')}}`;
    } else if (type === 'object' || type === 'closure') {
      kind = `${type === 'closure' ? 'closure ' : ''}${name}`;
    } else {
      kind = `(${type})`;
    }
    edge += edgeCount * edgeWidth;
    const total = totals.get(kind) ?? { count: 0, bytes: 0 };
    total.count++;
    total.bytes += data.nodes[node + sizeAt]!;
    totals.set(kind, total);
  }
  return [...totals].map(([kind, total]) => ({ kind, ...total })).sort((a, b) => b.bytes - a.bytes);
}

async function main(): Promise<void> {
  process.stderr.write(`start: ${heapMb()}\n`);
  const script = resolve(__dirname, '../dist/parseWorker.js');
  const workspace = await loadWorkspace(new NodeFileSystem(root), { today: parseDay('2026-11-25'), threads, startParserPool: (count) => ParserPool.start({ threads: count, script }) });
  process.stderr.write(`loaded ${workspace.documentPaths().length} documents: ${heapMb()}\n`);
  const diagnostics = workspace.checkAll();
  process.stderr.write(`checked (${diagnostics.length} diagnostics): ${heapMb()}\n`);
  const file = keep ?? join(tmpdir(), `densho-memory-${process.pid}.heapsnapshot`);
  writeHeapSnapshot(file);
  // Both stay reachable until the snapshot is taken.
  void workspace;
  void diagnostics;
  const kinds = heapByKind(file);
  if (!keep) rmSync(file);
  const sum = kinds.reduce((total, kind) => total + kind.bytes, 0);
  console.log(`| kind | objects | MB | share |\n| --- | ---: | ---: | ---: |`);
  for (const kind of kinds.slice(0, top)) {
    console.log(`| \`${kind.kind}\` | ${kind.count.toLocaleString('en')} | ${(kind.bytes / 1024 / 1024).toFixed(1)} | ${((100 * kind.bytes) / sum).toFixed(1)} % |`);
  }
  console.log(`| all | ${kinds.reduce((total, kind) => total + kind.count, 0).toLocaleString('en')} | ${(sum / 1024 / 1024).toFixed(1)} | |`);
}

// Also a library: heapByKind reads a snapshot taken elsewhere (the language server's, with --heapsnapshot-signal).
if (require.main === module) {
  if (!gc) {
    process.stderr.write('memoryProfile: run with node --expose-gc\n');
    process.exit(2);
  }
  void main();
}
