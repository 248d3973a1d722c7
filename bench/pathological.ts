/**
 * cmark's pathological inputs, and a few of Densho's own, at a given size:
 * how much CPU time one parse takes and how much memory the process needs
 * for it.
 *
 *   node --import tsx bench/pathological.ts                 every input at 100 KB and 1 MB
 *   node --import tsx bench/pathological.ts --one NAME BYTES one input, in this process (used by the above)
 *   node --import tsx bench/pathological.ts --each BYTES     every input in this process, a JSON line each (used by the tests)
 *
 * Each measurement runs in a process of its own, so one input's garbage or
 * a crash does not colour the next.
 */
import { spawnSync } from 'node:child_process';
import { parseDocumentText } from '../server/src/engine';

/** Each input as a function of its size in characters (about bytes: all ASCII). */
export const PATHOLOGICAL_INPUTS: Record<string, (size: number) => string> = {
  'nested brackets': (size) => `${'['.repeat(size / 2)}a${']'.repeat(size / 2)}`,
  'nested brackets with links': (size) => `${'[a]('.repeat(size / 8)}${')'.repeat(size / 8)}`,
  'emphasis runs *_`[<': (size) => '*_`[<'.repeat(size / 5),
  'emphasis openers and closers': (size) => `${'*a '.repeat(size / 6)}${'a* '.repeat(size / 6)}`,
  'backtick runs': (size) => {
    let text = '';
    for (let run = 1; text.length < size; run++) text += `e${'`'.repeat(run)}`;
    return text;
  },
  'unclosed links': (size) => '[a](b '.repeat(size / 6),
  'nested quotes': (size) => `${'> '.repeat(100)}a\n`.repeat(size / 203),
  'nested lists': (size) => {
    const lines: string[] = [];
    for (let depth = 0, length = 0; length < size; depth = (depth + 1) % 100) {
      const line = `${'  '.repeat(depth)}- a`;
      lines.push(line);
      length += line.length + 1;
    }
    return lines.join('\n');
  },
  'reference definitions': (size) => {
    const lines: string[] = [];
    for (let index = 0, length = 0; length < size; index++) {
      const line = `[r${index}]: /u${index}`;
      lines.push(line);
      length += line.length + 1;
    }
    return `${lines.join('\n')}\n\n[r1] [r2]\n`;
  },
  '140,000 reference definitions': () => Array.from({ length: 140_000 }, (_, index) => `[d${index}]: x${index}.md`).join('\n'),
  '80,000 front matter keys': () => `---\n${Array.from({ length: 80_000 }, (_, index) => `key${index}: value ${index}`).join('\n')}\n---\n# Title\n`,
  '[[ runs': (size) => '[['.repeat(size / 2),
  '[[ID]] paragraphs': (size) => '[[SOP-A-001]] and [[SOP-B-002#steps|the steps]].\n\n'.repeat(size / 50),
  'raw HTML openers': (size) => `x ${'<a '.repeat(size / 3)}`,
  'HTML comment openers': (size) => `x ${'<!--'.repeat(size / 4)}`,
  'table with many columns': (size) => `${'| a '.repeat(size / 8)}|\n${'| - '.repeat(size / 8)}|\n`,
};

interface Measurement {
  readonly milliseconds: number;
  readonly peakMegabytes: number;
  readonly links: number;
  readonly unreadable?: string;
}

function measureHere(name: string, size: number): Measurement {
  const text = PATHOLOGICAL_INPUTS[name]!(size);
  // CPU time rather than wall time: on a shared machine waiting for a core is not the parser's doing.
  const started = process.cpuUsage();
  const parsed = parseDocumentText('hostile.md', text);
  const used = process.cpuUsage(started);
  const milliseconds = (used.user + used.system) / 1000;
  return { milliseconds, peakMegabytes: process.resourceUsage().maxRSS / 1024, links: parsed.links.length, unreadable: parsed.unreadable?.rule };
}

/** Runs one measurement in a fresh process; undefined when it did not finish within `timeoutMs`. */
export function measure(name: string, size: number, timeoutMs = 30_000): Measurement | undefined {
  const child = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--one', name, String(size)], { encoding: 'utf8', timeout: timeoutMs });
  if (child.status !== 0) return undefined;
  return JSON.parse(child.stdout) as Measurement;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === '--one') {
    process.stdout.write(JSON.stringify(measureHere(args[1]!, Number(args[2]))));
  } else if (args[0] === '--each') {
    for (const name of Object.keys(PATHOLOGICAL_INPUTS)) process.stdout.write(`${JSON.stringify({ name, ...measureHere(name, Number(args[1])) })}\n`);
  } else {
    const baseline = measure('nested brackets', 10)!;
    console.log(`baseline process: ${baseline.peakMegabytes.toFixed(0)} MB`);
    console.log('input | 100 KB | 1 MB | growth | 1 MB peak RSS');
    console.log('--- | --- | --- | --- | ---');
    for (const name of Object.keys(PATHOLOGICAL_INPUTS)) {
      const small = measure(name, 100_000);
      const large = measure(name, 1_000_000);
      const format = (result: Measurement | undefined) => (result ? `${result.milliseconds.toFixed(0)} ms${result.unreadable ? ` (${result.unreadable})` : ''}` : 'did not finish in 30 s');
      const growth = small && large ? `${(large.milliseconds / Math.max(small.milliseconds, 1)).toFixed(1)}×` : '-';
      console.log(`${name} | ${format(small)} | ${format(large)} | ${growth} | ${large ? `${large.peakMegabytes.toFixed(0)} MB` : '-'}`);
    }
  }
}
