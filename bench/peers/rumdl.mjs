// Runs rumdl (a Rust Markdown linter, multi-threaded) on a repository with
// its two link rules, MD051 (link fragments) and MD057 (relative links
// exist): the part of Densho's check it can be compared with. rumdl is a
// native binary, so bench/peakMemory.cjs cannot measure it; its peak RSS
// comes from GNU time (/usr/bin/time -f %M), and this driver prints it with
// the counts: {"rssKb":…, "byRule":{"MD051":…,"MD057":…}, "files":…}.
// Usage: node bench/peers/rumdl.mjs <rumdl binary> <repository>
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const [binary, repository] = process.argv.slice(2);
const rumdl = [binary, 'check', '.', '--no-config', '--no-cache', '--enable', 'MD051,MD057'];
const time = '/usr/bin/time';
const timed = existsSync(time);
const result = spawnSync(timed ? time : rumdl[0], timed ? ['-f', 'DENSHO_PEAK_RSS_KB=%M', ...rumdl] : rumdl.slice(1), {
  cwd: repository,
  encoding: 'utf8',
  maxBuffer: 1024 * 1024 * 1024,
});
if (result.status !== 0 && result.status !== 1) {
  process.stderr.write(result.stderr || result.stdout || String(result.error));
  process.exit(2);
}
const output = `${result.stdout}\n${result.stderr}`;
const byRule = {};
for (const match of output.matchAll(/\[(MD\d{3})\]/g)) byRule[match[1]] = (byRule[match[1]] ?? 0) + 1;
const files = /in \d+\/(\d+) files/.exec(output) ?? /(\d+) files/.exec(output);
const rss = /DENSHO_PEAK_RSS_KB=(\d+)/.exec(result.stderr);
process.stdout.write(JSON.stringify({ rssKb: rss ? Number(rss[1]) : undefined, byRule, files: files ? Number(files[1]) : undefined }));
