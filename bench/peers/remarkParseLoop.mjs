/**
 * Peer driver: the floor of any remark-based checker — a bare,
 * single-threaded loop that reads every .md file under <root> and parses it
 * with unified().use(remark-parse). Parsing only: no plugins, no checks.
 *
 *   node --require bench/peakMemory.cjs bench/peers/remarkParseLoop.mjs <root>
 *
 * Prints one JSON line: files, bytes and the number of mdast nodes (so the
 * parse cannot be optimised away).
 */
import { readFileSync } from 'node:fs';
import { markdownFiles } from './markdownFiles.mjs';
import { importPeer } from './resolvePeers.mjs';

const root = process.argv[2];
if (!root) {
  process.stderr.write('usage: remarkParseLoop.mjs <root>\n');
  process.exit(2);
}
const { unified } = await importPeer('unified');
const { default: remarkParse } = await importPeer('remark-parse');

const processor = unified().use(remarkParse);
let bytes = 0;
let nodes = 0;
const count = (node) => {
  nodes++;
  if (node.children) for (const child of node.children) count(child);
};
const files = markdownFiles(root);
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  bytes += Buffer.byteLength(text);
  count(processor.parse(text));
}
process.stdout.write(`${JSON.stringify({ files: files.length, bytes, nodes })}\n`);
