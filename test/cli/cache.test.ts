/**
 * `densho check --cache` as a user meets it, through the built bundle: the
 * same output as without the cache, a cache folder that appears where it
 * was asked for, and a damaged cache that is ignored, said so, and
 * rewritten.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

function densho(args: readonly string[], environment: NodeJS.ProcessEnv = process.env): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: environment, timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function samplesCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'densho-cache-'));
  cpSync(join(ROOT, 'samples'), dir, { recursive: true });
  return dir;
}

describe('densho check --cache', () => {
  it('prints what a run without the cache prints, and reuses every result the second time', () => {
    const repo = samplesCopy();
    const plain = densho(['check', repo, '--format', 'json', '--today', '2026-11-25']);
    const first = densho(['check', repo, '--format', 'json', '--today', '2026-11-25', '--cache', '--verbose']);
    const second = densho(['check', repo, '--format', 'json', '--today', '2026-11-25', '--cache', '--verbose']);
    assert.equal(plain.code, 1, 'the samples hold deliberate errors');
    for (const run of [first, second]) {
      assert.equal(run.code, plain.code);
      assert.equal(run.stdout, plain.stdout);
    }
    assert.ok(existsSync(join(repo, 'node_modules', '.cache', 'densho', 'header.bin')), 'the default location is node_modules/.cache/densho');
    assert.match(first.stderr, /0 parses reused, \d+ parsed/);
    // The samples hold one binary file (a scan saved as .md): it is reported without parsing, so never cached, and checked each time.
    // Files copied in the last two seconds are read again (their times may not have ticked yet), so "not read again" may count fewer.
    assert.match(second.stderr, /(\d+) parses reused(?: \(\d+ of them from files not read again: size and times unchanged\))?, 0 parsed; \1 results reused, 1 document checked/);
  });

  it('ignores a damaged cache file, says which, gives the right answer and repairs it', () => {
    const repo = samplesCopy();
    const cacheDir = mkdtempSync(join(tmpdir(), 'densho-cache-location-'));
    const args = ['check', repo, '--format', 'json', '--today', '2026-11-25', '--cache-location', cacheDir, '--verbose'];
    const clean = densho(args);
    assert.ok(!existsSync(join(repo, 'node_modules')), '--cache-location keeps the cache out of the repository');
    const shard = readdirSync(cacheDir).find((name) => name.startsWith('shard-'))!;
    const bytes = readFileSync(join(cacheDir, shard));
    bytes[bytes.length - 5] ^= 0x55;
    writeFileSync(join(cacheDir, shard), bytes);
    writeFileSync(join(cacheDir, 'header.bin'), 'not a cache');
    const damaged = densho(args);
    assert.equal(damaged.stdout, clean.stdout);
    assert.match(damaged.stderr, new RegExp(`${shard}: not written by Densho for this user \\(damaged, or forged`));
    assert.match(damaged.stderr, /header\.bin: not a Densho cache file/);
    const repaired = densho(args);
    assert.equal(repaired.stdout, clean.stdout);
    assert.doesNotMatch(repaired.stderr, /was not used/);
    assert.match(repaired.stderr, / 0 parsed; \d+ results reused, 1 document checked/);
  });

  it('re-checks everything, and says so, after the date changes', () => {
    const repo = samplesCopy();
    densho(['check', repo, '--today', '2026-11-25', '--cache']);
    const later = densho(['check', repo, '--format', 'json', '--today', '2027-06-01', '--cache', '--verbose']);
    const plain = densho(['check', repo, '--format', 'json', '--today', '2027-06-01']);
    assert.equal(later.stdout, plain.stdout);
    assert.match(later.stderr, / 0 parsed; 0 results reused, \d+ documents checked/);
  });

  it('ignores a cache committed to the repository by someone else, says why, and keeps its key outside the repository', () => {
    const repo = samplesCopy();
    const args = ['check', repo, '--format', 'json', '--today', '2026-11-25', '--cache', '--verbose'];
    const plain = densho(['check', repo, '--format', 'json', '--today', '2026-11-25']);
    // The author of a pull request runs Densho on their machine and commits node_modules/.cache/densho with it.
    const author = { ...process.env, XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'densho-author-')) };
    densho(args, author);
    const forged = join(repo, 'node_modules', '.cache', 'densho', 'header.bin');
    assert.ok(existsSync(forged));
    const reviewerHome = mkdtempSync(join(tmpdir(), 'densho-reviewer-'));
    const reviewer = densho(args, { ...process.env, XDG_CACHE_HOME: reviewerHome });
    assert.equal(reviewer.stdout, plain.stdout);
    assert.match(reviewer.stderr, /the cache file was not used: header\.bin: not written by Densho for this user \(damaged, or forged: its authentication tag does not match\)/);
    assert.match(reviewer.stderr, / 0 results reused/);
    const key = statSync(join(reviewerHome, 'densho', 'cache-key'));
    assert.equal(key.mode & 0o777, 0o600, 'the key is readable by its user alone');
    assert.equal(key.size, 32);
    // The reviewer's run rewrote the cache under the reviewer's key: the next run uses it.
    const again = densho(args, { ...process.env, XDG_CACHE_HOME: reviewerHome });
    assert.equal(again.stdout, plain.stdout);
    assert.doesNotMatch(again.stderr, /was not used/);
  });

  it('checks as without a cache, and says why, when no key or cache folder can be made (folders under /proc)', () => {
    const repo = samplesCopy();
    const plain = densho(['check', repo, '--format', 'json', '--today', '2026-11-25']);
    // Node's recursive mkdir never returned for such a path: the run hung.
    const run = densho(['check', repo, '--format', 'json', '--today', '2026-11-25', '--cache'], { ...process.env, XDG_CACHE_HOME: '/proc/densho-no-such-folder' });
    assert.equal(run.code, plain.code);
    assert.equal(run.stdout, plain.stdout);
    assert.match(run.stderr, /could not write the cache in .*: ENOENT/);
    const located = densho(['check', repo, '--format', 'json', '--today', '2026-11-25', '--cache-location', '/proc/densho-no-such-folder']);
    assert.equal(located.stdout, plain.stdout, 'a --cache-location under /proc neither');
    assert.match(located.stderr, /could not write the cache in \/proc\/densho-no-such-folder: ENOENT/);
  });
});
