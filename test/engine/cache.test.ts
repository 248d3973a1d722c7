/**
 * The persistent cache must never change an answer: each test runs the same
 * repository cold (no cache) and warm (with the cache the previous run left)
 * and asserts equal diagnostics, and that exactly what should be parsed or
 * checked again was.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHmac, randomBytes } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  CheckCache,
  loadWorkspace,
  MemoryFileSystem,
  parseDay,
  parseDocumentText,
  parseFacts,
  parsesFile,
  SHARDS,
  shardFile,
  shardOf,
  type Workspace,
  type CacheStatistics,
  type Diagnostic,
} from '../../server/src/engine';
import { NODE_CACHE_PLATFORM, nodeCachePlatform, ParserPool } from '../../server/src/node';
import { doc, PEOPLE, text, TODAY } from '../helpers';

const VERSION = '1.0.0';

/** Why a run did not use (part of) its cache, as `--verbose` says it in English. */
function discardedText(run: { readonly statistics: { readonly discarded?: readonly Parameters<typeof text>[0][] } }): string {
  return (run.statistics.discarded ?? []).map(text).join('; ');
}

/** A repository where documents link to each other's headings, with a people registry and review dates. */
function sampleRepository(): Record<string, string> {
  const files: Record<string, string> = { 'people.yaml': PEOPLE, 'densho.yaml': 'languages: [en, ja]\n' };
  for (let i = 0; i < 40; i++) {
    const id = `SOP-A-${String(i).padStart(3, '0')}`;
    const next = `sop-${(i + 1) % 40}.md`;
    files[`sops/sop-${i}.md`] = doc(
      { id, reviewed: i % 7 === 0 ? '2025-06-01' : '2026-06-01', version: '2' },
      `# Procedure ${i}\n\n## Steps\n\n1. Do [the next one](${next}#steps).\n2. Then [[SOP-A-${String((i + 3) % 40).padStart(3, '0')}#steps]].\n`,
    );
  }
  files['sops/sop-0.ja.md'] = doc({ id: 'SOP-A-000', lang: 'ja', 'translated-from-version': '1' }, '# 手順 0\n\n## 手順\n\n1. 次へ。\n2. 終わり。\n');
  return files;
}

/** A file system for the cache: a map of file name → bytes, as cacheFile.ts keeps them on disk. */
type CacheStore = Map<string, Uint8Array>;

interface Run {
  readonly diagnostics: Diagnostic[];
  readonly statistics: CacheStatistics;
  /** The documents whose files were read. */
  readonly read: readonly string[];
}

/**
 * The repository's disk beside a cache: kept from run to run, so a file
 * keeps its stamp (size, times, inode) until its text is written again, as
 * on a real disk. `touched` files get new times with the same bytes.
 */
const disks = new WeakMap<CacheStore, MemoryFileSystem>();
function disk(store: CacheStore, files: Record<string, string>, touched: readonly string[] = []): MemoryFileSystem {
  let fs = disks.get(store);
  if (!fs) disks.set(store, (fs = new MemoryFileSystem()));
  const encoder = new TextEncoder();
  for (const [path, text] of Object.entries(files)) {
    const bytes = encoder.encode(text);
    const old = fs.readFileNow(path);
    if (!old || Buffer.compare(old, bytes) !== 0) fs.write(path, bytes);
  }
  for (const path of fs.paths()) if (!(path in files)) fs.delete(path);
  for (const path of touched) fs.touch(path);
  return fs;
}

async function run(files: Record<string, string>, store: CacheStore, options: { today?: string; version?: string; touched?: readonly string[] } = {}): Promise<Run> {
  const fs = disk(store, files, options.touched);
  // The documents read from disk, either way: what a warm run must not do for a file that did not change.
  const read: string[] = [];
  const counting = Object.assign(Object.create(fs) as MemoryFileSystem, {
    readFile: (path: string, maxBytes?: number) => (path.endsWith('.md') && read.push(path), fs.readFile(path, maxBytes)),
    readFileNow: (path: string, maxBytes?: number) => (read.push(path), fs.readFileNow(path, maxBytes)),
  });
  const cache = CheckCache.fromFiles((name) => store.get(name), options.version ?? VERSION, NODE_CACHE_PLATFORM);
  const workspace = await loadWorkspace(counting, { today: parseDay(options.today ?? TODAY), cache });
  const diagnostics = cache.checkAll(workspace);
  for (const [name, encode] of cache.toFiles()) store.set(name, encode());
  return { diagnostics, statistics: { ...cache.statistics }, read };
}

async function cold(files: Record<string, string>, today = TODAY): Promise<Diagnostic[]> {
  return (await loadWorkspace(new MemoryFileSystem(files), { today: parseDay(today) })).checkAll();
}

/** The content of a shard's entries or parses file (pairs of path or hash and value), past its magic line and 32-byte authentication tag. */
function storedEntries(bytes: Uint8Array): [string, Uint8Array][] {
  return (deserialize(bytes.subarray(bytes.indexOf(10) + 1 + 32)) as { content: [string, Uint8Array][] }).content;
}

const DOCUMENTS = Object.keys(sampleRepository()).filter((path) => path.endsWith('.md')).length;

describe('the check cache', () => {
  it('gives the same diagnostics warm as cold, reusing every parse and result', async () => {
    const files = sampleRepository();
    const store: CacheStore = new Map();
    const first = await run(files, store);
    assert.deepEqual(first.diagnostics, await cold(files));
    assert.equal(first.statistics.parsed, DOCUMENTS);
    assert.ok(first.diagnostics.length > 5, 'the repository has findings to remember');
    const second = await run(files, store);
    assert.deepEqual(second.diagnostics, first.diagnostics);
    assert.deepEqual(second.statistics, { parsesReused: DOCUMENTS, parsed: 0, unread: DOCUMENTS, checksReused: DOCUMENTS, checked: 0 });
  });

  it('re-parses and re-checks only a document whose prose changed', async () => {
    const files = sampleRepository();
    const store: CacheStore = new Map();
    await run(files, store);
    files['sops/sop-5.md'] += '\nA new paragraph, and [a broken link](missing.md).\n';
    const warm = await run(files, store);
    assert.deepEqual(warm.diagnostics, await cold(files));
    assert.ok(warm.diagnostics.some((d) => d.file === 'sops/sop-5.md' && d.rule === 'link/file'), 'the change is seen');
    assert.deepEqual(warm.statistics, { parsesReused: DOCUMENTS - 1, parsed: 1, unread: DOCUMENTS - 1, checksReused: DOCUMENTS - 1, checked: 1 });
    assert.deepEqual(warm.read, ['sops/sop-5.md'], 'no other document was read');
  });

  it('re-checks a document when a higher one starts embedding a picture it uses (the picture takes the higher layer)', async () => {
    const files = sampleRepository();
    files['media/jig.png'] = 'png';
    files['sops/sop-1.md'] = doc({ id: 'SOP-A-001', access: 'public' }, '![jig](../media/jig.png)\n');
    const store: CacheStore = new Map();
    await run(files, store);
    files['sops/sop-2.md'] += '\n![jig](../media/jig.png)\n';
    const warm = await run(files, store);
    assert.deepEqual(warm.diagnostics, await cold(files));
    assert.ok(warm.diagnostics.some((d) => d.file === 'sops/sop-1.md' && d.rule === 'access/leak'), 'the public document is warned');
  });

  it('re-checks every document, from cached parses, when a heading others link to changes', async () => {
    const files = sampleRepository();
    const store: CacheStore = new Map();
    await run(files, store);
    files['sops/sop-7.md'] = files['sops/sop-7.md']!.replace('## Steps', '## Procedure');
    const warm = await run(files, store);
    const expected = await cold(files);
    assert.deepEqual(warm.diagnostics, expected);
    assert.ok(expected.some((d) => d.file === 'sops/sop-6.md' && d.rule === 'link/heading'), 'a document that did not change gets a new finding');
    assert.deepEqual(warm.statistics, { parsesReused: DOCUMENTS - 1, parsed: 1, unread: DOCUMENTS - 1, checksReused: 0, checked: DOCUMENTS });
  });

  for (const [what, change] of [
    ['densho.yaml', (files: Record<string, string>) => void (files['densho.yaml'] = 'languages: [en, ja]\nrequired-translations: [ja]\n')],
    ['people.yaml', (files: Record<string, string>) => void (files['people.yaml'] = PEOPLE.replace('m.ito:', 'k.tanaka2:').replace('k.tanaka:', 'x.gone:'))],
  ] as const) {
    it(`re-checks every document, without parsing any, when ${what} changes`, async () => {
      const files = sampleRepository();
      const store: CacheStore = new Map();
      const before = await run(files, store);
      change(files);
      const warm = await run(files, store);
      const expected = await cold(files);
      assert.deepEqual(warm.diagnostics, expected);
      assert.notDeepEqual(expected, before.diagnostics, `changing ${what} changes the findings`);
      assert.deepEqual(warm.statistics, { parsesReused: DOCUMENTS, parsed: 0, unread: DOCUMENTS, checksReused: 0, checked: DOCUMENTS });
    });
  }

  it('re-checks every document, without parsing any, when the date changes', async () => {
    const files = sampleRepository();
    const store: CacheStore = new Map();
    const before = await run(files, store);
    const later = '2027-08-01';
    const warm = await run(files, store, { today: later });
    const expected = await cold(files, later);
    assert.deepEqual(warm.diagnostics, expected);
    assert.ok(expected.filter((d) => d.rule === 'review/overdue').length > before.diagnostics.filter((d) => d.rule === 'review/overdue').length);
    assert.deepEqual(warm.statistics, { parsesReused: DOCUMENTS, parsed: 0, unread: DOCUMENTS, checksReused: 0, checked: DOCUMENTS });
  });

  it('ignores a cache written by another engine version', async () => {
    const files = sampleRepository();
    const store: CacheStore = new Map();
    await run(files, store, { version: '0.9.0' });
    const warm = await run(files, store, { version: VERSION });
    assert.deepEqual(warm.diagnostics, await cold(files));
    assert.match(discardedText(warm), /written by Densho 0\.9\.0/);
    assert.equal(warm.statistics.parsed, DOCUMENTS);
    assert.equal(warm.statistics.parsesReused, 0);
  });

  it('ignores a damaged shard and keeps the rest', async () => {
    const files = sampleRepository();
    const store: CacheStore = new Map();
    await run(files, store);
    const [name, bytes] = [...store].find(([file]) => file.startsWith('shard-') && store.get(file)!.length > 200)!;
    const damaged = Uint8Array.from(bytes);
    damaged[damaged.length - 10] ^= 0xff;
    store.set(name, damaged);
    const warm = await run(files, store);
    assert.deepEqual(warm.diagnostics, await cold(files));
    assert.match(discardedText(warm), new RegExp(`${name}: not written by Densho for this user \\(damaged, or forged`));
    assert.ok(warm.statistics.parsed > 0 && warm.statistics.parsed < DOCUMENTS, 'only the damaged shard is parsed again');
    assert.equal(warm.statistics.parsed + warm.statistics.parsesReused, DOCUMENTS);
    // The damaged shard was rewritten: the next run reuses everything again.
    const next = await run(files, store);
    assert.equal(next.statistics.parsed, 0);
    assert.equal(next.statistics.discarded, undefined);
  });

  it('ignores files that are not a Densho cache, or truncated', async () => {
    const files = sampleRepository();
    const store: CacheStore = new Map();
    await run(files, store);
    store.set('header.bin', new TextEncoder().encode('{"repositoryDigest": "forged"}'));
    const truncated = store.get(shardFile(0))!;
    store.set(shardFile(0), truncated.subarray(0, truncated.length >> 1));
    const warm = await run(files, store);
    assert.deepEqual(warm.diagnostics, await cold(files));
    assert.match(discardedText(warm), /header\.bin: not a Densho cache file/);
    assert.equal(warm.statistics.checksReused, 0, 'without a trusted header no result is reused');
  });

  it('never pairs a new header with results a stopped run did not rewrite', async () => {
    const files = sampleRepository();
    const store: CacheStore = new Map();
    await run(files, store);
    const before = new Map(store);
    // A run after people.yaml changed rewrites the header and every shard; it is stopped after the header.
    files['people.yaml'] = PEOPLE.replace('k.tanaka:', 'x.gone:');
    const cache = CheckCache.fromFiles((name) => store.get(name), VERSION, NODE_CACHE_PLATFORM);
    cache.checkAll(await loadWorkspace(disk(store, files), { today: parseDay(TODAY), cache }));
    const written = cache.toFiles();
    store.clear();
    for (const [name, bytes] of before) store.set(name, bytes);
    store.set('header.bin', written.get('header.bin')!());
    const next = await run(files, store);
    assert.deepEqual(next.diagnostics, await cold(files));
    assert.equal(next.statistics.checksReused, 0, 'old results are not reused under the new header');
  });

  it('forgets deleted documents, and reuses the parse of a renamed one', async () => {
    const files = sampleRepository();
    const store: CacheStore = new Map();
    await run(files, store);
    delete files['sops/sop-3.md'];
    files['sops/renamed.md'] = files['sops/sop-4.md']!;
    delete files['sops/sop-4.md'];
    const warm = await run(files, store);
    assert.deepEqual(warm.diagnostics, await cold(files));
    assert.equal(warm.statistics.parsed, 0, 'the renamed file has the text of one already parsed');
    assert.equal(warm.statistics.checked, DOCUMENTS - 1, 'the list of files changed, so every document is checked');
    const stored = [...store].filter(([name]) => name.startsWith('shard-')).flatMap(([, bytes]) => storedEntries(bytes).map(([path]) => path));
    assert.ok(stored.includes('sops/renamed.md') && !stored.includes('sops/sop-3.md'), 'the deleted document left the cache');
  });

  it('stores its entries in a fixed number of shards, rewriting only the one that changed', async () => {
    const files = sampleRepository();
    const store: CacheStore = new Map();
    await run(files, store);
    assert.ok([...store.keys()].every((name) => name === 'header.bin' || /^(shard|parses)-\d\d\.bin$/.test(name)));
    assert.ok(store.size <= 2 * SHARDS + 1);
    files['sops/sop-5.md'] += '\nOne more line.\n';
    const cache = CheckCache.fromFiles((name) => store.get(name), VERSION, NODE_CACHE_PLATFORM);
    cache.checkAll(await loadWorkspace(disk(store, files), { today: parseDay(TODAY), cache }));
    const written = [...cache.toFiles().keys()];
    assert.equal(written.length, 2, `one shard's entries and parses, and no header: nothing visible to other documents changed (${written.join(', ')})`);
    assert.equal(written[0]!.slice('parses-'.length), written[1]!.slice('shard-'.length), 'the parses first, then the entries that name them');
  });

  it('writes a shard\'s parses again with their ranges packed, though they were decoded in this run', async () => {
    const files = sampleRepository();
    const store: CacheStore = new Map();
    await run(files, store);
    const first = new Map(store);
    files['sops/sop-5.md'] += '\nOne more line.\n';
    await run(files, store);
    const rewritten = [...store].filter(([name, bytes]) => name.startsWith('parses-') && first.get(name) !== bytes);
    assert.equal(rewritten.length, 1, 'the parses of the changed document\'s shard were written again');
    const [, bytes] = rewritten[0]!;
    const content = storedEntries(bytes);
    const ranges: string[] = [];
    const visit = (value: unknown, path: string): void => {
      if (typeof value !== 'object' || value === null) return;
      if ('start' in value && 'end' in value) ranges.push(path);
      for (const [key, field] of Object.entries(value)) visit(field, `${path}.${key}`);
    };
    for (const [hash, parse] of content) visit((deserialize(parse) as { facts: unknown }).facts, hash);
    assert.ok(content.length > 1, 'the shard holds documents that were revived, not parsed');
    assert.deepEqual(ranges, [], 'every range is stored as line and character numbers');
  });
});

describe('the check cache, without reading what did not change', () => {
  it('indexes the documents it does not read by the keys it stored: every look-up answers as after a cold load', async () => {
    const files = sampleRepository();
    files['sops/new.md'] = doc({ id: 'SOP-A-100', supersedes: '[SOP-A-000]', related: '[SOP-A-002, SOP-A-003]' }, '# New\n\nSee [three](sop-3.md#steps), [[SOP-A-004]] and ![a picture](pic.png).\n');
    files['sops/pic.png'] = 'not really a picture';
    const store: CacheStore = new Map();
    await run(files, store);
    files['sops/sop-5.md'] += '\nOne more line.\n';
    const cache = CheckCache.fromFiles((name) => store.get(name), VERSION, NODE_CACHE_PLATFORM);
    const warm = await loadWorkspace(disk(store, files), { today: parseDay(TODAY), cache });
    assert.equal(cache.statistics.unread, DOCUMENTS, 'every document but the changed one is held unread');
    const cold = await loadWorkspace(new MemoryFileSystem(files), { today: parseDay(TODAY) });
    const ids = ['SOP-A-000', 'SOP-A-002', 'SOP-A-003', 'SOP-A-004', 'SOP-A-100'];
    const paths = (documents: readonly { path: string }[]) => documents.map((document) => document.path);
    const lookUps = (workspace: Workspace) => ({
      backlinks: workspace.documentPaths().map((path) => workspace.index.backlinks(path).map(({ from, link }) => `${from.path} ${link.raw}`)),
      naming: ids.map((id) => paths(workspace.index.documentsNaming(id))),
      superseders: ids.map((id) => paths(workspace.index.supersedersOf(id))),
      withId: ids.map((id) => paths(workspace.index.withId(id))),
      linkingName: ['sop-3.md', 'pic.png', 'sop-6.md'].map((name) => paths(workspace.index.documentsLinkingName(name))),
    });
    assert.deepEqual(lookUps(warm), lookUps(cold));
  });

  it('reads the stored parses of only the shards whose documents a check reads', async () => {
    const files = sampleRepository();
    const store: CacheStore = new Map();
    await run(files, store);
    // sop-5 links to sop-6 (a heading there) and to SOP-A-008: the check of sop-5 reads those two, nothing else.
    files['sops/sop-5.md'] += '\nOne more line.\n';
    const asked: string[] = [];
    const cache = CheckCache.fromFiles((name) => (asked.push(name), store.get(name)), VERSION, NODE_CACHE_PLATFORM);
    const workspace = await loadWorkspace(disk(store, files), { today: parseDay(TODAY), cache });
    assert.deepEqual(cache.checkAll(workspace), await cold(files));
    cache.toFiles();
    const parses = new Set(asked.filter((name) => name.startsWith('parses-')));
    const of = (path: string) => parsesFile(shardOf(path));
    assert.ok(parses.has(of('sops/sop-6.md')) && parses.has(of('sops/sop-8.md')), 'the parses of the documents it links to');
    // The changed document's shard is written again, with the parses of any other document stored in it.
    const allowed = new Set([of('sops/sop-6.md'), of('sops/sop-8.md'), of('sops/sop-5.md')]);
    assert.deepEqual([...parses].filter((name) => !allowed.has(name)), [], 'no other shard\'s parses');
  });

  it('makes a parse again from the text when its stored parse cannot be read', async () => {
    const files = sampleRepository();
    const store: CacheStore = new Map();
    await run(files, store);
    for (const name of [...store.keys()]) if (name.startsWith('parses-')) store.set(name, store.get(name)!.subarray(0, 40));
    // A changed people.yaml re-checks every document: every parse is asked for.
    files['people.yaml'] = PEOPLE.replace('m.ito:', 'x.other:');
    const warm = await run(files, store);
    assert.deepEqual(warm.diagnostics, await cold(files));
    assert.match(discardedText(warm), /parses-\d\d\.bin: /);
  });

  it('reads a file whose times changed, and keeps its parse', async () => {
    const files = sampleRepository();
    const store: CacheStore = new Map();
    await run(files, store);
    const touched = await run(files, store, { touched: ['sops/sop-9.md'] });
    assert.deepEqual(touched.read, ['sops/sop-9.md']);
    assert.equal(touched.statistics.parsed, 0, 'the same text: its parse is reused');
    assert.deepEqual(touched.diagnostics, await cold(files));
    assert.deepEqual((await run(files, store)).read, [], 'its new times were recorded');
  });
});

describe('the check cache, against a forged or hostile cache', () => {
  const attackerKey = randomBytes(32);
  const attacker = nodeCachePlatform(() => attackerKey);
  /** A cache file as Densho lays it out (magic line, HMAC-SHA256 tag, V8 payload), tagged under `key`. */
  const sealed = (key: Buffer, content: unknown): Uint8Array => {
    const payload = serialize({ engineVersion: VERSION, content });
    return Buffer.concat([Buffer.from('DENSHO-CACHE-4\n'), createHmac('sha256', key).update(payload).digest(), payload]);
  };
  const opened = (bytes: Uint8Array): unknown => (deserialize(bytes.subarray(bytes.indexOf(10) + 1 + 32)) as { content: unknown }).content;

  it('ignores a cache whose results were changed and signed with any key but the user\'s', async () => {
    const files = sampleRepository();
    const store: CacheStore = new Map();
    const honest = await run(files, store);
    assert.ok(honest.diagnostics.length > 0);
    // A pull request commits the cache its author's Densho wrote, every result emptied and tagged again under the author's key.
    const forger = CheckCache.fromFiles(() => undefined, VERSION, attacker);
    forger.checkAll(await loadWorkspace(new MemoryFileSystem(files), { today: parseDay(TODAY), cache: forger }));
    const forged: CacheStore = new Map();
    for (const [name, encode] of forger.toFiles()) {
      const content = opened(encode()) as { repositoryDiagnostics?: unknown[] } | [string, { diagnostics?: unknown[] }][];
      if (Array.isArray(content)) for (const [, entry] of content) entry.diagnostics = [];
      else content.repositoryDiagnostics = [];
      forged.set(name, sealed(attackerKey, content));
    }
    // With the forger's own key the forgery would be believed...
    const believed = CheckCache.fromFiles((name) => forged.get(name), VERSION, attacker);
    assert.deepEqual(believed.checkAll(await loadWorkspace(new MemoryFileSystem(files), { today: parseDay(TODAY), cache: believed })), []);
    // ...but under the user's key it is not used, and the reason is given.
    const victim = await run(files, forged);
    assert.deepEqual(victim.diagnostics, honest.diagnostics);
    assert.match(discardedText(victim), /header\.bin: not written by Densho for this user \(damaged, or forged: its authentication tag does not match\)/);
    assert.equal(victim.statistics.checksReused, 0);
  });

  it('never crashes on hostile bytes: random ones, or a payload nested deep enough to overflow the deserialiser', async () => {
    const deep = new Uint8Array(2 + 1_000_000).fill(0x6f);
    deep.set([0xff, 0x0f]);
    const magic = new TextEncoder().encode('DENSHO-CACHE-4\n');
    const nested = new Uint8Array(magic.length + 32 + deep.length);
    nested.set(magic);
    nested.set(deep, magic.length + 32);
    const files = sampleRepository();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), async (random, withMagic) => {
        const bytes = withMagic ? Uint8Array.from([...magic, ...random]) : random;
        const store: CacheStore = new Map([['header.bin', nested], [shardFile(0), bytes], [shardFile(1), nested]]);
        const warm = await run(files, store);
        assert.equal(warm.statistics.checksReused, 0);
        assert.ok(warm.statistics.discarded);
      }),
      { numRuns: 20, seed: 20261202 },
    );
  });
});

describe('parsing on worker threads', () => {
  const script = join(__dirname, '../../dist/parseWorker.js');
  const texts = Object.entries(sampleRepository()).filter(([path]) => path.endsWith('.md'));

  it('gives the same parse as this thread', async () => {
    assert.ok(existsSync(script), 'npm run build makes dist/parseWorker.js before the tests run');
    const pool = ParserPool.start({ script, threads: 2, parseHereFirst: 0 })!;
    try {
      const parsed = await Promise.all(texts.map(([path, text]) => pool.parse(path, text)));
      assert.equal(pool.threads, 2);
      assert.deepEqual(parsed.map(parseFacts), texts.map(([path, text]) => parseFacts(parseDocumentText(path, text))));
      assert.deepEqual(parsed.map((document) => document.text), texts.map(([, text]) => text));
    } finally {
      await pool.dispose();
    }
  });

  it('parses on this thread what a crashed worker was given', async () => {
    // A worker script that dies at once stands for a worker that crashes mid-batch.
    const crashing = join(__dirname, '../support/crashingWorker.cjs');
    const pool = ParserPool.start({ script: crashing, threads: 2, parseHereFirst: 0 })!;
    try {
      const parsed = await Promise.all(texts.map(([path, text]) => pool.parse(path, text)));
      assert.deepEqual(parsed.map(parseFacts), texts.map(([path, text]) => parseFacts(parseDocumentText(path, text))));
      assert.equal(pool.threads, 0, 'the dead workers were retired');
    } finally {
      await pool.dispose();
    }
  });
});

/**
 * Random sequences of edits, each followed by a warm run (with the cache the
 * previous run left) that must give exactly the cold run's diagnostics. The
 * edits touch what other documents' rules read: headings, numbered steps,
 * front matter (titles, dates, people, layers, versions), the people
 * registry, the settings and the date.
 */
describe('the check cache under random edits', () => {
  const SOURCE = 'sops/a.md';
  const TRANSLATION = 'sops/a.ja.md';
  const LINKER = 'sops/b.md';
  const steps = (count: number) => Array.from({ length: count }, (_, index) => `${index + 1}. Step ${index + 1}.`).join('\n');
  const initial = (): Record<string, string> => ({
    'people.yaml': PEOPLE,
    'densho.yaml': 'languages: [en, ja]\n',
    [SOURCE]: doc({ id: 'SOP-A-001', version: '2' }, `# Procedure\n\n## Steps\n\n${steps(3)}\n`),
    [TRANSLATION]: doc({ id: 'SOP-A-001', lang: 'ja', 'translated-from-version': '2' }, `# 手順\n\n## 手順\n\n${steps(3)}\n`),
    [LINKER]: doc({ id: 'SOP-B-001', related: '[SOP-A-001]' }, '# Other\n\nSee [the steps](a.md#steps) and [[SOP-A-001#steps]].\n'),
  });
  const setField = (text: string, key: string, value: string) =>
    new RegExp(`^${key}: .*$`, 'm').test(text) ? text.replace(new RegExp(`^${key}: .*$`, 'm'), `${key}: ${value}`) : text.replace(/^---\n/, `---\n${key}: ${value}\n`);
  /** Changes the files; answers the paths whose times change while their bytes do not (`touch`, a save without changes). */
  type Edit = (files: Record<string, string>) => void | readonly string[];
  /** Front matter fields other documents' rules read, each with values that change findings. */
  const FIELD_VALUES: Record<string, readonly string[]> = {
    id: ['SOP-A-001', 'SOP-A-002'],
    version: ['1', '2', '3'],
    'translated-from-version': ['1', '2', '3'],
    title: ['Procedure', 'Other title'],
    reviewed: ['2025-01-01', '2026-06-01'],
    owner: ['k.tanaka', 'm.ito', 'nobody'],
    expert: ['h.sato', 'nobody'],
    access: ['public', 'internal', 'master'],
    status: ['draft', 'approved', 'obsolete'],
    // Read through the index's look-ups, which a warm run takes from the cache for a document it does not read.
    supersedes: ['[SOP-A-001]', '[SOP-B-001]', '[]'],
    related: ['[SOP-A-001]', '[]'],
  };
  const file = fc.constantFrom(SOURCE, TRANSLATION, LINKER);
  const edit: fc.Arbitrary<[string, Edit]> = fc.oneof(
    fc.tuple(file, fc.integer({ min: 0, max: 5 })).map(([path, count]): [string, Edit] => [`${path}: ${count} steps`, (files) => void (files[path] = files[path]!.replace(/(\n\d+\. [^\n]*)+\n?|$/, count === 0 ? '\n' : `\n${steps(count)}\n`))]),
    fc.tuple(file, fc.constantFrom('Steps', 'Procedure', 'Checks')).map(([path, heading]): [string, Edit] => [`${path}: heading ${heading}`, (files) => void (files[path] = files[path]!.replace(/^## .*$/m, `## ${heading}`))]),
    fc
      .tuple(file, fc.constantFrom(...Object.entries(FIELD_VALUES)))
      .chain(([path, [key, values]]) => fc.constantFrom(...values).map((value): [string, Edit] => [`${path}: ${key}=${value}`, (files) => void (files[path] = setField(files[path]!, key, value))])),
    // Only the file's times change: the cache must see the same text, and never a stale one.
    file.map((path): [string, Edit] => [`${path}: touched`, () => [path]]),
    fc.constantFrom<[string, Edit]>(
      ['people: h.sato leaves soon', (files) => void (files['people.yaml'] = PEOPLE.replace('leaves: 2027-03-31', 'leaves: 2026-12-01'))],
      ['people: m.ito removed', (files) => void (files['people.yaml'] = PEOPLE.replace('m.ito:', 'x.other:'))],
      ['settings: ja required', (files) => void (files['densho.yaml'] = 'languages: [en, ja]\nrequired-translations: [ja]\n')],
      ['settings: review every 3 months', (files) => void (files['densho.yaml'] = 'languages: [en, ja]\nreview:\n  interval: 3m\n')],
    ),
  );
  it('gives the cold diagnostics after every edit, whatever the sequence', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom(TODAY, '2027-06-01'), { minLength: 6, maxLength: 6 }), async (edits, days) => {
        const files = initial();
        const store: CacheStore = new Map();
        await run(files, store);
        for (const [position, [, apply]] of edits.entries()) {
          const touched = apply(files) ?? [];
          const today = days[position]!;
          assert.deepEqual((await run(files, store, { today, touched })).diagnostics, await cold(files, today));
        }
      }),
      { numRuns: 100, seed: 20261201 },
    );
  });
});
