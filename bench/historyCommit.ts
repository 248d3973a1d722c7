/**
 * Issue 15's editor target: a commit → the history diagnostics updated in
 * the language server within 2 s on the 15,000-document repository.
 * Generates the bench repository at a scale (default 0.1), gives a copy a
 * 2,000-commit history (bench/history.ts), starts the built server on it and
 * waits until every document is checked; then, COMMITS times, changes one
 * document in the editor without a new version (version/not-bumped appears),
 * commits it as `editorial:` and times the commit → the publish in which
 * version/not-bumped is gone, counting how many other documents were
 * published again meanwhile.
 * `node --import tsx bench/historyCommit.ts [scale] [commits]`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestClient } from '../test/lsp/client';
import { git } from '../test/support/gitRepo';
import { generateRepository, scaledShape } from './generateRepository';
import { buildHistoryRepository } from './history';

const CACHE = join(__dirname, '..', '.cache');

async function main(scale: number, commits: number): Promise<void> {
  const generated = generateRepository(join(CACHE, 'bench-commit-source'), scaledShape(scale));
  const root = join(CACHE, 'bench-commit-repo');
  const made = buildHistoryRepository(generated.root, root, generated.documents, 2000);
  const start = performance.now();
  const client = await TestClient.start(root);
  try {
    await client.indexed(generated.documents, 1_200_000);
    console.log(`${generated.documents.length} documents, ${made} commits: every document checked after ${((performance.now() - start) / 1000).toFixed(1)} s`);
    const path = generated.documents.find((document) => !generated.hubs.includes(document) && !document.includes('.ja.'))!;
    const original = await client.open(path).then(() => client.text(path));
    const rules = (list: readonly { code?: unknown }[]) => list.map((diagnostic) => String(diagnostic.code));
    const latencies: number[] = [];
    const gitTimes: number[] = [];
    let republished = 0;
    for (let i = 0; i < commits; i++) {
      const text = `${original.trimEnd()}\n\nNote ${i}.\n`;
      writeFileSync(join(root, path), text);
      await client.change(path, text, (list) => rules(list).includes('version/not-bumped'));
      await client.connection.sendRequest('densho/history', { document: client.uri(path) });
      const before = client.seq;
      const began = performance.now();
      git(root, ['commit', '--quiet', '-m', `editorial: note ${i}`, '--', path], { GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'b@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'b@example.com' });
      gitTimes.push(performance.now() - began);
      await client.diagnosticsAfter(path, before, (list) => !rules(list).includes('version/not-bumped'), 120_000);
      latencies.push(performance.now() - began);
      // Every check the commit scheduled has run once densho/history answers.
      await client.connection.sendRequest('densho/history', { document: client.uri(path) });
      republished += [...client.diagnostics.entries()].filter(([uri, entry]) => entry.seq > before && uri !== client.uri(path)).length;
    }
    const reads = client.notifications
      .map((notification) => /history read again at \w+ in (\d+) ms/.exec((notification.params as { message?: string }).message ?? '')?.[1])
      .filter((ms) => ms !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    const sorted = [...latencies].sort((a, b) => a - b);
    // Nearest rank: of 20 commits, p95 is the 19th slowest and p50 the 10th.
    const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!.toFixed(0);
    const gitMedian = [...gitTimes].sort((a, b) => a - b)[Math.floor(gitTimes.length / 2)]!.toFixed(0);
    console.log(
      `${commits} commits of ${path}: commit → version/not-bumped gone p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (git commit itself: median ${gitMedian} ms; the server read the history again in a median ${reads[Math.floor(reads.length / 2)] ?? '?'} ms); ` +
        `${(republished / commits).toFixed(1)} other files published again per commit; all (ms): ${sorted.map((ms) => ms.toFixed(0)).join(' ')}`,
    );
  } finally {
    await client.stop();
  }
}

void main(Number(process.argv[2] ?? 0.1), Number(process.argv[3] ?? 10));
