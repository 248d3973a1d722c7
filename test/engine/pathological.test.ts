/**
 * Hostile Markdown (cmark's pathological inputs, 140,000 reference
 * definitions, runs of `[[`, 80,000 front matter keys) is parsed at 1 MB without a crash and without
 * a hang. A watchdog, not a timing assertion: each input must finish within
 * 30 s on however loaded a machine; the actual numbers (well under a second
 * of CPU each) come from `node --import tsx bench/pathological.ts`.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { PATHOLOGICAL_INPUTS } from '../../bench/pathological';

const WATCHDOG_MS = 30_000;

interface Result {
  readonly name: string;
  readonly links: number;
  readonly unreadable?: string;
}

/** Parses every input in one child process; rejects naming the input that did not finish in time. */
function parseEach(bytes: number): Promise<Result[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../../bench/pathological.ts'), '--each', String(bytes)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const names = Object.keys(PATHOLOGICAL_INPUTS);
  const results: Result[] = [];
  return new Promise((resolve, reject) => {
    let watchdog: NodeJS.Timeout;
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        child.kill();
        reject(new Error(`"${names[results.length]}" did not finish within ${WATCHDOG_MS / 1000} s`));
      }, WATCHDOG_MS);
    };
    arm();
    createInterface({ input: child.stdout }).on('line', (line) => {
      results.push(JSON.parse(line) as Result);
      arm();
    });
    child.on('exit', (code) => {
      clearTimeout(watchdog);
      if (code === 0 && results.length === names.length) resolve(results);
      else reject(new Error(`the parse of "${names[results.length]}" crashed (exit ${code})`));
    });
  });
}

describe('hostile input', () => {
  it('parses each pathological input of 1 MB, finishing at all within 30 s, and finds what is there', { timeout: 10 * WATCHDOG_MS }, async () => {
    const results = new Map((await parseEach(1_000_000)).map((result) => [result.name, result]));
    for (const [name, result] of results) assert.equal(result.unreadable, undefined, `${name} is parsed, not refused`);
    assert.equal(results.get('140,000 reference definitions')!.links, 140_000, 'every definition is a link: no stack overflow');
    assert.equal(results.get('[[ID]] paragraphs')!.links, 2 * Math.floor(1_000_000 / 50));
    assert.equal(results.get('[[ runs')!.links, 0);
  });
});
