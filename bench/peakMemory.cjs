/**
 * A preload for the benchmark: `node --require bench/peakMemory.cjs …` writes
 * the process's peak resident set size (process.resourceUsage().maxRSS, in
 * KB; worker threads share the process, so they are included) to the file
 * named by DENSHO_BENCH_RSS_FILE when the process exits. Every measured Node
 * process — Densho's CLI and server, the peer CLIs and drivers — is measured
 * this same way. Without the variable it does nothing.
 */
'use strict';
const { writeFileSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');

const target = process.env.DENSHO_BENCH_RSS_FILE;
// Worker threads inherit --require: only the main thread reports (the figure is the whole process's).
if (target && isMainThread) {
  // Child processes this one spawns must not overwrite the figure.
  delete process.env.DENSHO_BENCH_RSS_FILE;
  process.on('exit', () => {
    try {
      writeFileSync(target, `${process.resourceUsage().maxRSS}\n`);
    } catch {
      // Nothing useful can be done on the way out.
    }
  });
}
