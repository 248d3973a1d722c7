/**
 * `npm run bench`: issue 5's benchmark. Generates a deterministic synthetic
 * SOP repository (bench/generateRepository.ts) into .cache/bench-repo, then
 * measures, in the same run and on the same files, Densho and its peers:
 *
 *   cli-cold           densho check, no cache
 *   cli-warm           densho check --cache, after one document changed
 *   history            densho check on a copy with a 2,000-commit Git history:
 *                      cold, against `history: false`, and warm (HEAD unchanged)
 *   training           densho check on a copy with a training.yaml of 300 people ×
 *                      2,000 records, cold, against the same copy without it
 *   server             the language server: initialize → indexed, → every
 *                      document checked; edit → publishDiagnostics latency
 *   mdls               vscode-markdown-languageservice (VS Code's built-in
 *                      Markdown link validation), bench/peers/markdownLanguageService.mjs
 *   markdownlint-cli2  its CLI, default rules
 *   remark-cli         its CLI with remark-validate-links
 *   remark-parse       a bare single-threaded remark-parse loop, bench/peers/remarkParseLoop.mjs
 *   rumdl              rumdl (Rust, multi-threaded) with its link rules MD051 + MD057,
 *                      bench/peers/rumdl.mjs
 *
 * and prints one Markdown table of wall times, peak RSS and ratios to mdls.
 * Every measured process is a Node process started with
 * `--require bench/peakMemory.cjs`, so peak memory is measured the same way
 * for all (rumdl, a native binary, is measured with GNU time instead).
 * The peers are not project dependencies: they are installed on
 * demand, at pinned versions, into .cache/bench-peers.
 *
 * Options: --scale <n> (1 = 15,000 files), --edits <n> (200), --repeat <n>
 * (1; the median is reported), --skip-peers, --only <names> (comma-separated
 * run names above, or `densho`, `peers`), --out <file.md>, --timeout <s> (per
 * measured process, 1800), --no-build.
 */
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, type as osType, release as osRelease } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { generateRepository, scaledShape, writeTrainingRecords, type GeneratedRepository } from './generateRepository';
import { buildHistoryRepository } from './history';

const PROJECT = resolve(__dirname, '..');
const CACHE = join(PROJECT, '.cache');
const REPO = join(CACHE, 'bench-repo');
const WORK = join(CACHE, 'bench-work');
const DENSHO_CACHE = join(CACHE, 'bench-densho-cache');
const PEERS_DIR = join(CACHE, 'bench-peers');
const PEAK_MEMORY = join(PROJECT, 'bench/peakMemory.cjs');
const DIST_CLI = join(PROJECT, 'dist/cli.js');
const DIST_SERVER = join(PROJECT, 'dist/server.js');
const TODAY = '2026-11-25';
/** Files the generator writes at the repository root; anything else there is left over (a cache) and removed. */
const GENERATED_ROOT_ENTRIES = new Set(['densho.yaml', 'people.yaml', 'sops']);

/**
 * The peers, pinned: the newest release of each line issue 5 names.
 * markdown-it and markdown-it-front-matter: the parser VS Code's Markdown
 * engine uses, for the mdls driver; vscode-languageserver: required at run
 * time by vscode-markdown-languageservice 0.4 without being declared (its
 * devDependency line, ^8.0.1).
 */
const PEERS: Readonly<Record<string, string>> = {
  'vscode-markdown-languageservice': '0.4.0',
  'markdownlint-cli2': '0.24.1',
  'remark-cli': '12.0.1',
  'remark-validate-links': '13.1.0',
  'remark-parse': '11.0.0',
  unified: '11.0.5',
  'vscode-languageserver-textdocument': '1.0.16',
  'vscode-uri': '3.2.0',
  'vscode-languageserver': '8.1.0',
  'markdown-it': '14.3.3',
  'markdown-it-front-matter': '0.2.4',
  // Its Linux x64 build, the machine the benchmark runs on: the npm package holds the binary itself.
  '@rumdl/cli-linux-x64': '0.2.77',
};

const RUNS = ['cli-cold', 'cli-warm', 'history', 'training', 'server', 'mdls', 'markdownlint-cli2', 'remark-cli', 'remark-parse', 'rumdl'] as const;
type RunName = (typeof RUNS)[number];
const DENSHO_RUNS: readonly RunName[] = ['cli-cold', 'cli-warm', 'history', 'training', 'server'];
const PEER_RUNS: readonly RunName[] = ['mdls', 'markdownlint-cli2', 'remark-cli', 'remark-parse', 'rumdl'];

interface Options {
  readonly scale: number;
  readonly edits: number;
  readonly repeat: number;
  readonly runs: ReadonlySet<RunName>;
  readonly out: string | undefined;
  readonly timeoutMs: number;
  readonly build: boolean;
}

function usage(message?: string): never {
  if (message) process.stderr.write(`bench: ${message}\n`);
  process.stderr.write(
    'usage: npm run bench -- [--scale <n>] [--edits <n>] [--repeat <n>] [--skip-peers] [--only <names>] [--out <file.md>] [--timeout <s>] [--no-build]\n' +
      `  runs: ${RUNS.join(', ')} (groups: densho, peers)\n`,
  );
  process.exit(2);
}

function parseOptions(argv: readonly string[]): Options {
  let scale = 1;
  let edits = 200;
  let repeat = 1;
  let skipPeers = false;
  let only: Set<RunName> | undefined;
  let out: string | undefined;
  let timeoutMs = 1_800_000;
  let build = true;
  const number = (flag: string, value: string | undefined, min: number): number => {
    const parsed = Number(value);
    if (value === undefined || !Number.isFinite(parsed) || parsed < min) usage(`${flag} needs a number ≥ ${min}`);
    return parsed;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    switch (flag) {
      case '--scale':
        scale = number(flag, value, 0.0001);
        i++;
        break;
      case '--edits':
        edits = Math.round(number(flag, value, 1));
        i++;
        break;
      case '--repeat':
        repeat = Math.round(number(flag, value, 1));
        i++;
        break;
      case '--timeout':
        timeoutMs = number(flag, value, 1) * 1000;
        i++;
        break;
      case '--skip-peers':
        skipPeers = true;
        break;
      case '--no-build':
        build = false;
        break;
      case '--out':
        if (!value) usage('--out needs a file');
        out = resolve(value);
        i++;
        break;
      case '--only': {
        if (!value) usage('--only needs run names');
        only = new Set();
        for (const name of value.split(',').map((part) => part.trim()).filter(Boolean)) {
          if (name === 'densho') DENSHO_RUNS.forEach((run) => only!.add(run));
          else if (name === 'peers') PEER_RUNS.forEach((run) => only!.add(run));
          else if ((RUNS as readonly string[]).includes(name)) only.add(name as RunName);
          else usage(`unknown run "${name}"`);
        }
        i++;
        break;
      }
      case '--help':
      case '-h':
        usage();
      default:
        usage(`unknown option ${flag}`);
    }
  }
  const runs = new Set<RunName>(RUNS.filter((run) => (only ? only.has(run) : true) && !(skipPeers && PEER_RUNS.includes(run))));
  return { scale, edits, repeat, runs, out, timeoutMs, build };
}

const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

// ---- measuring a process ---------------------------------------------------------------

interface Measured {
  readonly ms: number;
  /** Peak RSS in KB, from bench/peakMemory.cjs; undefined when the process did not write it (killed). */
  readonly rssKb: number | undefined;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

let measurement = 0;

/** The environment of a measured process: the runner's, plus where to write its peak RSS. */
function childEnv(rssFile: string): NodeJS.ProcessEnv {
  return { ...process.env, DENSHO_BENCH_RSS_FILE: rssFile };
}

/** Runs `node --require bench/peakMemory.cjs <args>`, its output to files; wall time from spawn to exit. */
function measure(label: string, args: readonly string[], cwd: string, timeoutMs: number): Promise<Measured> {
  const id = `${++measurement}-${label.replace(/[^a-z0-9]+/gi, '-')}`;
  const rssFile = join(WORK, `${id}.rss`);
  const stdoutFile = join(WORK, `${id}.stdout`);
  const stderrFile = join(WORK, `${id}.stderr`);
  rmSync(rssFile, { force: true });
  const out = openSync(stdoutFile, 'w');
  const err = openSync(stderrFile, 'w');
  const env = childEnv(rssFile);
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--require', PEAK_MEMORY, ...args], { cwd, env, stdio: ['ignore', out, err] });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      closeSync(out);
      closeSync(err);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      const ms = performance.now() - start;
      clearTimeout(timer);
      closeSync(out);
      closeSync(err);
      resolvePromise({
        ms,
        rssKb: readRss(rssFile),
        code,
        signal,
        timedOut,
        stdout: readFileSync(stdoutFile, 'utf8'),
        stderr: readFileSync(stderrFile, 'utf8'),
      });
    });
  });
}

function readRss(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const value = Number(readFileSync(file, 'utf8').trim());
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function medianOrUndefined(values: readonly (number | undefined)[]): number | undefined {
  const known = values.filter((value): value is number => value !== undefined);
  return known.length === 0 ? undefined : median(known);
}

const tail = (text: string, lines = 8): string => text.trimEnd().split('\n').slice(-lines).join('\n');

// ---- results ---------------------------------------------------------------------------

interface Row {
  readonly run: string;
  /** Milliseconds; undefined when not available. */
  readonly ms?: number;
  /** A time cell that is not one number (latency percentiles). */
  readonly timeText?: string;
  readonly rssKb?: number;
  /** Compare with mdls (whole-run rows only). */
  readonly comparable: boolean;
  readonly notes: string;
}

class RunFailure extends Error {}

/** Runs a measured command `repeat` times; fails on an unexpected exit code. */
async function repeated(
  label: string,
  options: Options,
  args: readonly string[],
  cwd: string,
  repository: GeneratedRepository,
  okCodes: readonly number[] = [0],
): Promise<{ ms: number; rssKb: number | undefined; last: Measured }> {
  const runs: Measured[] = [];
  for (let i = 0; i < options.repeat; i++) {
    prepareRepository(repository, options);
    log(`${label}${options.repeat > 1 ? ` (${i + 1}/${options.repeat})` : ''}`);
    const result = await measure(label, args, cwd, options.timeoutMs);
    if (result.timedOut) throw new RunFailure(`timed out after ${options.timeoutMs / 1000} s`);
    if (result.code === null || !okCodes.includes(result.code)) {
      throw new RunFailure(`exit ${result.code ?? result.signal}: ${tail(result.stderr || result.stdout, 4).replace(/\n/g, ' ⏎ ')}`);
    }
    verifyRepository(repository);
    log(`  ${formatMs(result.ms)}, ${formatRss(result.rssKb)}`);
    runs.push(result);
  }
  return { ms: median(runs.map((run) => run.ms)), rssKb: medianOrUndefined(runs.map((run) => run.rssKb)), last: runs[runs.length - 1]! };
}

// ---- Densho CLI ------------------------------------------------------------------------

const HISTORY_REPO = join(CACHE, 'bench-history-repo');
const HISTORY_COMMITS = 2000;

/** The median of `repeat` runs of `densho check` on a copy of the repository (the history one by default). */
async function historyCheck(label: string, options: Options, extra: readonly string[], before: () => void = () => undefined, root = HISTORY_REPO): Promise<{ ms: number; rssKb: number | undefined; summary: CheckSummary; stderr: string }> {
  const runs: Measured[] = [];
  for (let i = 0; i < options.repeat; i++) {
    before();
    log(`${label}${options.repeat > 1 ? ` (${i + 1}/${options.repeat})` : ''}`);
    const result = await measure(label, [DIST_CLI, 'check', root, '--format', 'json', '--today', TODAY, ...extra], PROJECT, options.timeoutMs);
    if (result.timedOut) throw new RunFailure(`timed out after ${options.timeoutMs / 1000} s`);
    if (result.code !== 0 && result.code !== 1) throw new RunFailure(`exit ${result.code ?? result.signal}: ${tail(result.stderr || result.stdout, 4).replace(/\n/g, ' ⏎ ')}`);
    log(`  ${formatMs(result.ms)}, ${formatRss(result.rssKb)}`);
    runs.push(result);
  }
  const last = runs[runs.length - 1]!;
  return { ms: median(runs.map((run) => run.ms)), rssKb: medianOrUndefined(runs.map((run) => run.rssKb)), summary: checkSummary(last.stdout), stderr: last.stderr };
}

/**
 * Issue 15's targets: a cold check with history at most 1.3× the same
 * check with `history: false`; a warm check (HEAD unchanged) adds at most
 * 0.2 s to the warm check without history.
 */
async function historyRows(options: Options, repository: GeneratedRepository): Promise<Row[]> {
  log(`building a ${HISTORY_COMMITS}-commit history on a copy of the repository`);
  const commits = buildHistoryRepository(REPO, HISTORY_REPO, repository.documents, HISTORY_COMMITS);
  const config = join(HISTORY_REPO, 'densho.yaml');
  const committedConfig = readFileSync(config, 'utf8');
  const historyOff = () => writeFileSync(config, `${committedConfig.trimEnd()}\nhistory: false\n`);
  const historyOn = () => writeFileSync(config, committedConfig);
  const cacheFolder = join(CACHE, 'bench-history-cache');
  const cache = ['--cache', '--cache-location', cacheFolder];
  try {
    const on = await historyCheck('Densho CLI cold check with history', options, ['--verbose'], historyOn);
    expectDocuments(on.summary.documents, repository, 'densho check (history)');
    if (!/history read at commit/.test(on.stderr)) throw new RunFailure(`no history was read: ${tail(on.stderr, 2)}`);
    const off = await historyCheck('Densho CLI cold check, history: false', options, [], historyOff);
    historyOn();
    rmSync(cacheFolder, { recursive: true, force: true });
    await historyCheck('Densho CLI filling the cache (history)', { ...options, repeat: 1 }, cache);
    const warmOn = await historyCheck('Densho CLI warm check with history', options, [...cache, '--verbose']);
    if (!/document history reused/.test(warmOn.stderr)) throw new RunFailure('the warm check did not reuse the history');
    historyOff();
    rmSync(cacheFolder, { recursive: true, force: true });
    await historyCheck('Densho CLI filling the cache (history: false)', { ...options, repeat: 1 }, cache);
    const warmOff = await historyCheck('Densho CLI warm check, history: false', options, cache);
    const found = Object.entries(on.summary.byRule).filter(([rule]) => rule.startsWith('version/') || rule === 'approval/outdated').map(([rule, count]) => `${count} ${rule}`).join(', ') || 'no history findings';
    return [
      { run: `Densho CLI: cold check, ${commits}-commit history`, ms: on.ms, rssKb: on.rssKb, comparable: true, notes: `${ratio(on.ms, off.ms)} the same check with history: false (target ≤ 1.3×); ${found}` },
      { run: 'Densho CLI: cold check, history: false', ms: off.ms, rssKb: off.rssKb, comparable: true, notes: 'the same repository and files' },
      { run: 'Densho CLI: warm check with history (cache, HEAD unchanged)', ms: warmOn.ms, rssKb: warmOn.rssKb, comparable: false, notes: `+${formatMs(warmOn.ms - warmOff.ms)} over the warm check with history: false, ${formatMs(warmOff.ms)} (target ≤ +0.2 s)` },
    ];
  } finally {
    historyOn();
  }
}

const TRAINING_REPO = join(CACHE, 'bench-training-repo');
/** Where training.yaml waits while the check without it runs: outside the repository, so nothing reads it. */
const TRAINING_ASIDE = join(CACHE, 'bench-training.yaml');

/**
 * Issue 16's target: a training.yaml of 300 people × 2,000 records adds at
 * most 10 % to a cold check (reading it, the training and knowledge rules).
 * On a copy of the repository with the records and their people, against
 * the same copy with training.yaml set aside.
 */
async function trainingRows(options: Options, repository: GeneratedRepository): Promise<Row[]> {
  rmSync(TRAINING_REPO, { recursive: true, force: true });
  cpSync(REPO, TRAINING_REPO, { recursive: true });
  writeTrainingRecords(TRAINING_REPO, scaledShape(options.scale));
  const records = join(TRAINING_REPO, 'training.yaml');
  const withRecords = () => existsSync(TRAINING_ASIDE) && renameSync(TRAINING_ASIDE, records);
  const withoutRecords = () => existsSync(records) && renameSync(records, TRAINING_ASIDE);
  try {
    const on = await historyCheck('Densho CLI cold check with training.yaml', options, [], withRecords, TRAINING_REPO);
    expectDocuments(on.summary.documents, repository, 'densho check (training.yaml)');
    const off = await historyCheck('Densho CLI cold check without training.yaml', options, [], withoutRecords, TRAINING_REPO);
    const found = Object.entries(on.summary.byRule).filter(([rule]) => rule.startsWith('training/') || rule === 'knowledge/single-holder').map(([rule, count]) => `${count} ${rule}`).join(', ');
    const overhead = `${((on.ms / off.ms - 1) * 100).toFixed(1)} %`;
    return [
      { run: 'Densho CLI: cold check with training.yaml (300 people × 2,000 records)', ms: on.ms, rssKb: on.rssKb, comparable: true, notes: `${overhead} over the same check without it (target ≤ 10 %); ${found}` },
      { run: 'Densho CLI: cold check, training.yaml set aside', ms: off.ms, rssKb: off.rssKb, comparable: true, notes: 'the same repository and files' },
    ];
  } finally {
    withRecords();
  }
}

interface CheckSummary {
  readonly documents: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly byRule: Record<string, number>;
}

function checkSummary(json: string): CheckSummary {
  const report = JSON.parse(json) as { diagnostics: { rule: string }[]; summary: { documents: number; errors: number; warnings: number; infos: number } };
  const byRule: Record<string, number> = {};
  for (const diagnostic of report.diagnostics) byRule[diagnostic.rule] = (byRule[diagnostic.rule] ?? 0) + 1;
  return { ...report.summary, byRule };
}

function describeCheck(summary: CheckSummary): string {
  const links = (summary.byRule['link/file'] ?? 0) + (summary.byRule['link/heading'] ?? 0);
  return (
    `${summary.documents} documents; ${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} infos; ` +
    `broken links: ${summary.byRule['link/file'] ?? 0} link/file + ${summary.byRule['link/heading'] ?? 0} link/heading = ${links}`
  );
}

/** Cache droppings at the repository root (the CLI's and the server's default cache, node_modules/.cache/densho). */
function cleanRepositoryRoot(): void {
  for (const entry of readdirSync(REPO)) if (!GENERATED_ROOT_ENTRIES.has(entry)) rmSync(join(REPO, entry), { recursive: true, force: true });
}

function countMarkdown(folder: string): number {
  let count = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) count += countMarkdown(join(folder, entry.name));
    else if (entry.name.endsWith('.md')) count++;
  }
  return count;
}

let regenerations = 0;

/** What is wrong with the repository (undefined: it is as generated, as far as files go). */
function repositoryProblem(repository: GeneratedRepository): string | undefined {
  const missing = ['densho.yaml', 'people.yaml', 'sops'].filter((entry) => !existsSync(join(REPO, entry)));
  if (missing.length > 0) return `${missing.join(', ')} missing`;
  const count = countMarkdown(join(REPO, 'sops'));
  return count === repository.documents.length ? undefined : `${count} documents instead of ${repository.documents.length}`;
}

/**
 * Before every measured run: the repository as generated, and nothing else at
 * its root. If something changed it meanwhile (another process), it is
 * generated again, and the header says so.
 */
function prepareRepository(repository: GeneratedRepository, options: Options): void {
  const problem = repositoryProblem(repository);
  if (problem) {
    regenerations++;
    log(`the repository changed under the benchmark (${problem}): generating it again`);
    generateRepository(REPO, scaledShape(options.scale));
  }
  cleanRepositoryRoot();
}

/** After a measured run: a run during which the repository changed measured something else. */
function verifyRepository(repository: GeneratedRepository): void {
  const problem = repositoryProblem(repository);
  if (problem) throw new RunFailure(`the repository changed during the run (${problem}; another process?): not measured`);
}

/** A run that saw another number of documents than the repository holds measured something else. */
function expectDocuments(seen: number, repository: GeneratedRepository, who: string): void {
  if (seen !== repository.documents.length) throw new RunFailure(`${who} saw ${seen} documents, the repository holds ${repository.documents.length}`);
}

const checkArgs = (): string[] => [DIST_CLI, 'check', REPO, '--format', 'json', '--today', TODAY];

async function cliCold(options: Options, repository: GeneratedRepository): Promise<{ row: Row; summary: CheckSummary }> {
  rmSync(DENSHO_CACHE, { recursive: true, force: true });
  const result = await repeated('Densho CLI cold check', options, checkArgs(), PROJECT, repository, [0, 1]);
  const summary = checkSummary(result.last.stdout);
  expectDocuments(summary.documents, repository, 'densho check');
  return { row: { run: 'Densho CLI: cold check', ms: result.ms, rssKb: result.rssKb, comparable: true, notes: describeCheck(summary) }, summary };
}

async function cliWarm(options: Options, repository: GeneratedRepository, cold: CheckSummary | undefined): Promise<Row> {
  const run = 'Densho CLI: warm check (cache, 1 file changed)';
  const args = [...checkArgs(), '--cache', '--cache-location', DENSHO_CACHE];
  // An ordinary document (not a hub) in the middle of the repository.
  const changed = repository.documents[Math.floor(repository.documents.length / 2)]!;
  const changedPath = join(REPO, changed);
  const original = readFileSync(changedPath, 'utf8');
  const fills: Measured[] = [];
  const warms: Measured[] = [];
  try {
    for (let i = 0; i < options.repeat; i++) {
      prepareRepository(repository, options);
      writeFileSync(changedPath, original);
      rmSync(DENSHO_CACHE, { recursive: true, force: true });
      log(`Densho CLI check filling the cache${options.repeat > 1 ? ` (${i + 1}/${options.repeat})` : ''}`);
      const fill = await measure('densho-cache-fill', args, PROJECT, options.timeoutMs);
      if (fill.code === 2 && /unknown option/i.test(fill.stderr)) {
        log(`  not available: ${tail(fill.stderr, 1)}`);
        return { run, comparable: false, timeText: 'not available', notes: `the CLI rejects the flag: "${tail(fill.stderr, 2).split('\n')[0]}"` };
      }
      if (fill.timedOut || fill.code === null || ![0, 1].includes(fill.code)) throw new RunFailure(`cache-filling run: exit ${fill.code ?? fill.signal}: ${tail(fill.stderr, 4).replace(/\n/g, ' ⏎ ')}`);
      log(`  ${formatMs(fill.ms)}, ${formatRss(fill.rssKb)}`);
      fills.push(fill);
      writeFileSync(changedPath, `${original}\nA line appended by the benchmark (run ${i + 1}).\n`);
      log(`Densho CLI warm check${options.repeat > 1 ? ` (${i + 1}/${options.repeat})` : ''}`);
      const warm = await measure('densho-warm', args, PROJECT, options.timeoutMs);
      if (warm.timedOut || warm.code === null || ![0, 1].includes(warm.code)) throw new RunFailure(`warm run: exit ${warm.code ?? warm.signal}: ${tail(warm.stderr, 4).replace(/\n/g, ' ⏎ ')}`);
      verifyRepository(repository);
      log(`  ${formatMs(warm.ms)}, ${formatRss(warm.rssKb)}`);
      warms.push(warm);
    }
  } finally {
    writeFileSync(changedPath, original);
  }
  const summary = checkSummary(warms[warms.length - 1]!.stdout);
  expectDocuments(summary.documents, repository, 'densho check --cache');
  const same = cold === undefined ? undefined : JSON.stringify(summary) === JSON.stringify(cold);
  const fillMs = median(fills.map((fill) => fill.ms));
  const fillRss = medianOrUndefined(fills.map((fill) => fill.rssKb));
  return {
    run,
    ms: median(warms.map((warm) => warm.ms)),
    rssKb: medianOrUndefined(warms.map((warm) => warm.rssKb)),
    comparable: true,
    notes:
      `changed ${changed}; the cache-filling run took ${formatMs(fillMs)}, ${formatRss(fillRss)}; ` +
      (same === undefined ? describeCheck(summary) : same ? 'same diagnostics as the cold check' : `DIFFERENT diagnostics from the cold check: ${describeCheck(summary)}`),
  };
}

// ---- Densho language server -------------------------------------------------------------

const CAPABILITIES: ClientCapabilities = {
  workspace: {
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceFolders: true,
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
  },
  window: { workDoneProgress: true },
};

interface ServerSession {
  readonly initializeMs: number;
  readonly indexedMs: number;
  readonly checkedMs: number | undefined;
  readonly documents: number;
  readonly openMs: number | undefined;
  readonly editMs: readonly number[];
  readonly settleMs: readonly number[];
  /** publishDiagnostics notifications received from each edit's didChange until its backlinks were re-checked. */
  readonly publishedPerEdit: readonly number[];
  readonly versioned: boolean;
  readonly rssKb: number | undefined;
}

/** Waits on notifications with time limits, never on sleeps. */
class Waiters {
  private waiting: { test: () => boolean; done: () => void }[] = [];

  wake(): void {
    const pending = this.waiting;
    this.waiting = [];
    for (const waiter of pending) {
      if (waiter.test()) waiter.done();
      else this.waiting.push(waiter);
    }
  }

  until(what: string, test: () => boolean, timeoutMs: number, failure?: () => string | undefined): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolvePromise, reject) => {
      const entry = {
        test,
        done: () => {
          clearTimeout(timer);
          resolvePromise();
        },
      };
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((waiter) => waiter !== entry);
        reject(new RunFailure(`timed out after ${timeoutMs / 1000} s waiting for ${what}${failure?.() ?? ''}`));
      }, timeoutMs);
      this.waiting.push(entry);
    });
  }
}

/** The hub's body text with its n-th edit: one word of the first paragraph replaced, different every time. */
const EDIT_WORDS = ['tidy', 'neat', 'orderly', 'swept'];
function editedText(original: string, edit: number): string {
  const needle = 'Keep the work area clean';
  if (!original.includes(needle)) throw new RunFailure(`the hub document has no "${needle}" to edit`);
  return original.replace(needle, `Keep the work area ${EDIT_WORDS[edit % EDIT_WORDS.length]}${edit}`);
}

/**
 * One language server session: initialize → indexed → every document
 * checked; then, when `edits` > 0, the hub opened and edited `edits` times.
 * `cold`: whatever cache a previous session left at the repository root is
 * removed first.
 */
async function serverSession(options: Options, repository: GeneratedRepository, edits: number, cold: boolean): Promise<ServerSession> {
  if (cold) prepareRepository(repository, options);
  const rssFile = join(WORK, `${++measurement}-server.rss`);
  rmSync(rssFile, { force: true });
  const env = childEnv(rssFile);
  const child = spawn(process.execPath, ['--require', PEAK_MEMORY, DIST_SERVER, '--stdio'], { cwd: PROJECT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  let stderrLength = 0;
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderrLength > 100_000) return;
    stderr.push(chunk.toString());
    stderrLength += chunk.length;
  });
  let exited = false;
  const exit = new Promise<void>((resolvePromise) => child.once('exit', () => resolvePromise()));
  void exit.then(() => (exited = true));
  const connection: ProtocolConnection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Waiters();
  const failure = () => (exited ? `; the server exited: ${tail(stderr.join(''), 6)}` : stderr.length > 0 ? `; server stderr: ${tail(stderr.join(''), 6)}` : undefined);

  const documentUris = new Set(repository.documents.map((path) => pathToFileURL(join(REPO, path)).href));
  const published = new Set<string>();
  let sequence = 0;
  let indexed: { at: number; documents: number } | undefined;
  let progressEnded: number | undefined;
  let allPublishedAt: number | undefined;
  const latest = new Map<string, { seq: number; version: number | undefined; at: number }>();
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const at = performance.now();
    latest.set(params.uri, { seq: ++sequence, version: params.version, at });
    if (allPublishedAt === undefined && documentUris.has(params.uri)) {
      published.add(params.uri);
      if (published.size === documentUris.size) allPublishedAt = at;
    }
    waiters.wake();
  });
  connection.onNotification('window/logMessage', (params: { message: string }) => {
    const match = /indexed, (\d+) documents/.exec(params.message);
    if (match && !indexed) indexed = { at: performance.now(), documents: Number(match[1]) };
    else if (/failed/i.test(params.message)) stderr.push(`${params.message}\n`);
    waiters.wake();
  });
  connection.onNotification('$/progress', (params: { value?: { kind?: string } }) => {
    if (params.value?.kind === 'end' && progressEnded === undefined) progressEnded = performance.now();
    waiters.wake();
  });
  connection.onNotification('densho/reportsChanged', () => undefined);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.listen();
  void exit.then(() => waiters.wake());

  const timeout = options.timeoutMs;
  try {
    const start = performance.now();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(REPO).href,
      workspaceFolders: [{ uri: pathToFileURL(REPO).href, name: 'bench-repo' }],
      capabilities: CAPABILITIES,
      initializationOptions: { today: TODAY, debounceMs: 0 },
    });
    const initializeMs = performance.now() - start;
    await connection.sendNotification('initialized', {});
    await waiters.until('the "indexed, N documents" log message', () => indexed !== undefined || exited, timeout, failure);
    if (!indexed) throw new RunFailure(`the server exited before indexing${failure() ?? ''}`);
    log(`  indexed ${indexed.documents} documents in ${formatMs(indexed.at - start)}`);
    // The first check of every document runs after indexing; edits are measured once it is over.
    await waiters.until('diagnostics of every document', () => allPublishedAt !== undefined || progressEnded !== undefined || exited, timeout, failure);
    if (exited) throw new RunFailure(`the server exited during the first check${failure() ?? ''}`);
    const checkedAt = allPublishedAt ?? progressEnded;
    log(`  every document checked after ${formatMs(checkedAt! - start)}${allPublishedAt === undefined ? ' (progress end; not every document was published)' : ''}`);

    const hub = repository.hubs[0]!;
    const uri = pathToFileURL(join(REPO, hub)).href;
    const editMs: number[] = [];
    const settleMs: number[] = [];
    const publishedPerEdit: number[] = [];
    let openMs: number | undefined;
    const original = readFileSync(join(REPO, hub), 'utf8');
    let versioned = true;
    /** Waits for the publication of `uri` carrying `version` (or, if the server sends no versions, the next one after `after`). */
    const publication = async (version: number, after: number): Promise<number> => {
      await waiters.until(
        `publishDiagnostics of ${hub} version ${version}`,
        () => {
          const last = latest.get(uri);
          return exited || (last !== undefined && last.seq > after && (last.version === version || last.version === undefined));
        },
        timeout,
        failure,
      );
      if (exited) throw new RunFailure(`the server exited${failure() ?? ''}`);
      const last = latest.get(uri)!;
      if (last.version === undefined) versioned = false;
      return last.at;
    };
    if (edits > 0) {
      const openStart = performance.now();
      let before = sequence;
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: original } });
      openMs = (await publication(1, before)) - openStart;
      // The hub's backlinks are re-checked too: wait until that is over (a request that waits for the folder to settle).
      const settle = () =>
        connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
      await settle();
      log(`  opened ${hub}; ${edits} edits`);
      for (let edit = 1; edit <= edits; edit++) {
        const version = edit + 1;
        before = sequence;
        const sent = performance.now();
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: editedText(original, edit) }] });
        editMs.push((await publication(version, before)) - sent);
        await settle();
        settleMs.push(performance.now() - sent);
        publishedPerEdit.push(sequence - before);
      }
    }

    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await waiters.until('the server to exit', () => exited, 30_000, failure);
    verifyRepository(repository);
    return {
      initializeMs,
      indexedMs: indexed.at - start,
      checkedMs: checkedAt === undefined ? undefined : checkedAt - start,
      documents: indexed.documents,
      openMs,
      editMs,
      settleMs,
      publishedPerEdit,
      versioned,
      rssKb: readRss(rssFile),
    };
  } finally {
    connection.dispose();
    if (!exited) child.kill('SIGKILL');
  }
}

async function server(options: Options, repository: GeneratedRepository): Promise<Row[]> {
  const sessions: ServerSession[] = [];
  for (let i = 0; i < options.repeat; i++) {
    log(`Densho language server${options.repeat > 1 ? ` (${i + 1}/${options.repeat})` : ''}`);
    const session = await serverSession(options, repository, options.edits, true);
    log(`  edit → publish p50 ${formatMs(percentile(session.editMs, 50))}, p95 ${formatMs(percentile(session.editMs, 95))}; ${medianOrUndefined(session.publishedPerEdit) ?? '—'} publishDiagnostics per edit; ${formatRss(session.rssKb)}`);
    sessions.push(session);
  }
  // What the last session left at the repository root (its cache): a second start may use it.
  const leftOver = readdirSync(REPO).filter((entry) => !GENERATED_ROOT_ENTRIES.has(entry));
  const warmStarts: ServerSession[] = [];
  if (leftOver.length > 0) {
    for (let i = 0; i < options.repeat; i++) {
      log(`Densho language server, warm start${options.repeat > 1 ? ` (${i + 1}/${options.repeat})` : ''}`);
      const session = await serverSession(options, repository, 0, false);
      log(`  ${formatRss(session.rssKb)}`);
      warmStarts.push(session);
    }
  }
  const stat = (list: readonly ServerSession[], pick: (session: ServerSession) => number | undefined) => medianOrUndefined(list.map(pick));
  const rssKb = stat(sessions, (session) => session.rssKb);
  const latency = (pick: (session: ServerSession) => readonly number[]) =>
    `p50 ${formatMs(stat(sessions, (session) => percentile(pick(session), 50)))} · p95 ${formatMs(stat(sessions, (session) => percentile(pick(session), 95)))} · ` +
    `max ${formatMs(stat(sessions, (session) => Math.max(...pick(session))))}`;
  const first = sessions[0]!;
  const hub = repository.hubs[0]!;
  const rows: Row[] = [
    {
      run: 'Densho server: initialize → workspace indexed',
      ms: stat(sessions, (session) => session.indexedMs),
      rssKb,
      comparable: true,
      notes: `no cache; "indexed, ${first.documents} documents" log message; initialize response after ${formatMs(stat(sessions, (session) => session.initializeMs))}; peak RSS of the whole session, edits included`,
    },
    {
      run: 'Densho server: initialize → every document checked',
      ms: stat(sessions, (session) => session.checkedMs),
      rssKb,
      comparable: true,
      notes: 'no cache; until publishDiagnostics has arrived for every document',
    },
    {
      run: `Densho server: edit → publishDiagnostics (${options.edits} edits)`,
      timeText: latency((session) => session.editMs),
      rssKb,
      comparable: false,
      notes:
        `didChange of the hub ${hub} (full text, one word changed, one edit at a time) → its diagnostics ` +
        `${first.versioned ? 'carrying that version' : '(next publication: the server sent no version)'}; didOpen → first diagnostics ${formatMs(stat(sessions, (session) => session.openMs))}`,
    },
    {
      run: 'Densho server: edit → backlinks re-checked',
      timeText: latency((session) => session.settleMs),
      rssKb,
      comparable: false,
      notes: `the same edits → a codeAction request answered (the server answers it once every dependent document is re-checked); ${stat(sessions, (session) => medianOrUndefined(session.publishedPerEdit)) ?? '—'} publishDiagnostics per edit (median)`,
    },
  ];
  if (warmStarts.length > 0) {
    rows.push({
      run: 'Densho server: warm start → every document checked',
      ms: stat(warmStarts, (session) => session.checkedMs),
      rssKb: stat(warmStarts, (session) => session.rssKb),
      comparable: true,
      notes: `a new session with the cache the previous one left (${leftOver.join(', ')}); indexed after ${formatMs(stat(warmStarts, (session) => session.indexedMs))}`,
    });
  }
  return rows;
}

// ---- peers -----------------------------------------------------------------------------

function installedVersion(name: string): string | undefined {
  const file = join(PEERS_DIR, 'node_modules', name, 'package.json');
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version;
}

function ensurePeers(): void {
  const missing = Object.entries(PEERS).filter(([name, version]) => installedVersion(name) !== version);
  if (missing.length === 0) return;
  log(`installing peers into ${PEERS_DIR} (${missing.map(([name]) => name).join(', ')} missing or at another version)`);
  mkdirSync(PEERS_DIR, { recursive: true });
  // All at once: `npm install --no-save` removes whatever the command line does not name.
  execFileSync(
    'npm',
    ['install', '--prefix', PEERS_DIR, '--no-save', '--no-audit', '--no-fund', '--loglevel', 'error', ...Object.entries(PEERS).map(([name, version]) => `${name}@${version}`)],
    { cwd: PROJECT, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const still = Object.entries(PEERS).filter(([name, version]) => installedVersion(name) !== version);
  if (still.length > 0) throw new Error(`peers not installed: ${still.map(([name, version]) => `${name}@${version}`).join(', ')}`);
}

const peerBin = (name: string, file: string): string => join(PEERS_DIR, 'node_modules', name, file);

async function mdls(options: Options, repository: GeneratedRepository): Promise<Row> {
  const result = await repeated('vscode-markdown-languageservice', options, [join(PROJECT, 'bench/peers/markdownLanguageService.mjs'), REPO], PROJECT, repository);
  const report = JSON.parse(result.last.stdout) as { files: number; diagnostics: number; byCode: Record<string, number> };
  expectDocuments(report.files, repository, 'vscode-markdown-languageservice');
  const codes = Object.entries(report.byCode).map(([code, count]) => `${count} ${code}`).join(' + ');
  return {
    run: `vscode-markdown-languageservice ${PEERS['vscode-markdown-languageservice']}`,
    ms: result.ms,
    rssKb: result.rssKb,
    comparable: true,
    notes: `${report.files} files; ${report.diagnostics} diagnostics${codes ? `: ${codes}` : ''}`,
  };
}

async function markdownlint(options: Options, repository: GeneratedRepository): Promise<Row> {
  const result = await repeated(
    'markdownlint-cli2',
    options,
    [peerBin('markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), '**/*.md', '--config', join(PROJECT, 'bench/peers/bench.markdownlint-cli2.jsonc')],
    REPO,
    repository,
    [0, 1],
  );
  const summary = /Summary: (\d+) (?:issue|error)/.exec(result.last.stdout + result.last.stderr);
  const files = /Linting: (\d+) file/.exec(result.last.stdout);
  expectDocuments(Number(files?.[1] ?? -1), repository, 'markdownlint-cli2');
  const byRule: Record<string, number> = {};
  for (const match of result.last.stderr.matchAll(/ (MD\d{3})\//g)) byRule[match[1]!] = (byRule[match[1]!] ?? 0) + 1;
  const rules = Object.entries(byRule)
    .sort((a, b) => b[1] - a[1])
    .map(([rule, count]) => `${count} ${rule}`)
    .join(', ');
  return {
    run: `markdownlint-cli2 ${PEERS['markdownlint-cli2']}`,
    ms: result.ms,
    rssKb: result.rssKb,
    comparable: true,
    notes: `${files?.[1] ?? '?'} files; ${summary?.[1] ?? '?'} issues (${rules || 'none'}); no cross-file link checks`,
  };
}

async function remarkCli(options: Options, repository: GeneratedRepository): Promise<Row> {
  const result = await repeated(
    'remark-cli + remark-validate-links',
    options,
    [peerBin('remark-cli', 'cli.js'), '.', '--quiet', '--no-stdout', '--no-color', '--no-config', '--rc-path', join(PROJECT, 'bench/peers/remarkrc.mjs')],
    REPO,
    repository,
    [0, 1],
  );
  const byRule: Record<string, number> = {};
  for (const match of result.last.stderr.matchAll(/remark-validate-links:([a-z-]+)/g)) byRule[match[1]!] = (byRule[match[1]!] ?? 0) + 1;
  const total = /(\d+) warnings?/.exec(tail(result.last.stderr, 2));
  const rules = Object.entries(byRule).map(([rule, count]) => `${count} ${rule}`).join(' + ');
  return {
    run: `remark-cli ${PEERS['remark-cli']} + remark-validate-links ${PEERS['remark-validate-links']}`,
    ms: result.ms,
    rssKb: result.rssKb,
    comparable: true,
    notes: `${total?.[1] ?? '0'} warnings${rules ? `: ${rules}` : ''}`,
  };
}

async function remarkParse(options: Options, repository: GeneratedRepository): Promise<Row> {
  const result = await repeated('remark-parse loop', options, [join(PROJECT, 'bench/peers/remarkParseLoop.mjs'), REPO], PROJECT, repository);
  const report = JSON.parse(result.last.stdout) as { files: number; bytes: number; nodes: number };
  expectDocuments(report.files, repository, 'the remark-parse loop');
  return {
    run: `bare remark-parse ${PEERS['remark-parse']} loop (1 thread)`,
    ms: result.ms,
    rssKb: result.rssKb,
    comparable: true,
    notes: `${report.files} files, ${(report.bytes / 1e6).toFixed(1)} MB parsed into ${report.nodes} mdast nodes; parsing only`,
  };
}

async function rumdl(options: Options, repository: GeneratedRepository): Promise<Row> {
  const result = await repeated('rumdl', options, [join(PROJECT, 'bench/peers/rumdl.mjs'), peerBin('@rumdl/cli-linux-x64', 'rumdl'), REPO], PROJECT, repository);
  const report = JSON.parse(result.last.stdout) as { rssKb?: number; byRule: Record<string, number>; files?: number };
  const links = (report.byRule['MD051'] ?? 0) + (report.byRule['MD057'] ?? 0);
  return {
    run: `rumdl ${PEERS['@rumdl/cli-linux-x64']} (MD051 + MD057)`,
    ms: result.ms,
    rssKb: report.rssKb,
    comparable: true,
    notes: `${report.files ?? '?'} files; broken links: ${report.byRule['MD057'] ?? 0} MD057 + ${report.byRule['MD051'] ?? 0} MD051 = ${links}; peak RSS of the binary by GNU time, wall time includes a Node driver's start`,
  };
}

// ---- formatting ------------------------------------------------------------------------

function formatMs(ms: number | undefined): string {
  if (ms === undefined) return '—';
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

function formatRss(kb: number | undefined): string {
  return kb === undefined ? '—' : `${Math.round(kb / 1024)} MB`;
}

function ratio(value: number | undefined, base: number | undefined): string {
  if (value === undefined || base === undefined || base === 0) return '—';
  return `${(value / base).toFixed(2)}×`;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function git(args: readonly string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: PROJECT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function header(options: Options, repository: GeneratedRepository, load: readonly number[], loadAtEnd: readonly number[]): string {
  const cpuList = cpus();
  const commit = git(['rev-parse', '--short', 'HEAD']) ?? 'unknown';
  // --no-optional-locks: `git status` must not even refresh the index.
  const dirty = (git(['--no-optional-locks', 'status', '--porcelain']) ?? '') !== '';
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const peers = [...options.runs].some((run) => PEER_RUNS.includes(run))
    ? `Peers: ${Object.entries(PEERS).map(([name, version]) => `${name} ${version}`).join(', ')}.`
    : 'Peers: skipped.';
  return [
    `Densho benchmark — ${date} · ${cpuList[0]?.model.trim() ?? 'unknown CPU'} × ${cpuList.length} · ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM · ` +
      `${osType()} ${osRelease()} · Node ${process.version} · commit ${commit}${dirty ? '+dirty' : ''} · load average ${load.map((value) => value.toFixed(2)).join(' ')} at start, ${loadAtEnd.map((value) => value.toFixed(2)).join(' ')} at end`,
    '',
    `Repository: scale ${options.scale}, ${repository.files.toLocaleString('en')} files (${repository.documents.length.toLocaleString('en')} documents, ` +
      `${repository.hubs.length} hubs), ${(repository.bytes / 1e6).toFixed(1)} MB. Median of ${options.repeat} run${options.repeat > 1 ? 's' : ''}; ` +
      'peak RSS is process.resourceUsage().maxRSS of each measured process (bench/peakMemory.cjs). ' +
      peers +
      (regenerations > 0 ? ` Another process changed the repository during the benchmark: it was generated again ${regenerations} time${regenerations > 1 ? 's' : ''}.` : ''),
  ].join('\n');
}

function table(rows: readonly Row[]): string {
  const base = rows.find((row) => row.run.startsWith('vscode-markdown-languageservice'));
  const lines = ['| run | wall time | peak RSS | time vs mdls | RSS vs mdls | notes |', '|---|---:|---:|---:|---:|---|'];
  for (const row of rows) {
    const time = row.timeText ?? formatMs(row.ms);
    lines.push(
      `| ${cell(row.run)} | ${cell(time)} | ${formatRss(row.rssKb)} | ${row.comparable ? ratio(row.ms, base?.ms) : '—'} | ${ratio(row.rssKb, base?.rssKb)} | ${cell(row.notes)} |`,
    );
  }
  return lines.join('\n');
}

// ---- main ------------------------------------------------------------------------------

function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function ensureBuilt(): void {
  const outputs = [DIST_CLI, DIST_SERVER];
  const built = outputs.every((file) => existsSync(file)) ? Math.min(...outputs.map((file) => statSync(file).mtimeMs)) : 0;
  const sources = Math.max(newestMtime(join(PROJECT, 'server/src')), newestMtime(join(PROJECT, 'package.json')), newestMtime(join(PROJECT, 'esbuild.mjs')));
  if (built > sources) return;
  log(built === 0 ? 'building dist (npm run build)' : 'dist is older than server/src: rebuilding (npm run build)');
  execFileSync('npm', ['run', 'build'], { cwd: PROJECT, stdio: ['ignore', process.stderr, 'inherit'] });
}

/** One benchmark at a time: two would share the repository and the cores, and measure nothing. */
function acquireLock(): void {
  const lock = join(CACHE, 'bench.lock');
  mkdirSync(CACHE, { recursive: true });
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(readFileSync(lock, 'utf8').trim());
    let alive = false;
    try {
      // Signal 0 only asks whether the process exists.
      process.kill(holder, 0);
      alive = Number.isInteger(holder) && holder > 0;
    } catch {
      alive = false;
    }
    if (alive) {
      process.stderr.write(`bench: another benchmark is running (pid ${holder}, ${lock}); wait for it to finish.\n`);
      process.exit(2);
    }
    writeFileSync(lock, String(process.pid));
  }
  process.on('exit', () => {
    try {
      if (readFileSync(lock, 'utf8').trim() === String(process.pid)) rmSync(lock, { force: true });
    } catch {
      // Already gone.
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  acquireLock();
  const load = loadavg();
  mkdirSync(WORK, { recursive: true });
  for (const entry of readdirSync(WORK)) rmSync(join(WORK, entry), { recursive: true, force: true });

  const wantsDensho = DENSHO_RUNS.some((run) => options.runs.has(run));
  const wantsPeers = PEER_RUNS.some((run) => options.runs.has(run));
  if (wantsDensho && options.build) ensureBuilt();
  if (wantsDensho && (!existsSync(DIST_CLI) || !existsSync(DIST_SERVER))) throw new Error('dist/cli.js or dist/server.js is missing: run npm run build');
  if (wantsPeers) ensurePeers();

  log(`generating the repository (scale ${options.scale}) into ${REPO}`);
  const repository = generateRepository(REPO, scaledShape(options.scale));
  log(`  ${repository.files} files, ${(repository.bytes / 1e6).toFixed(1)} MB`);

  const rows: Row[] = [];
  const attempt = async (run: string, body: () => Promise<Row | Row[]>): Promise<void> => {
    try {
      const result = await body();
      rows.push(...(Array.isArray(result) ? result : [result]));
    } catch (error) {
      if (!(error instanceof RunFailure)) throw error;
      log(`  ${run} failed: ${error.message}`);
      rows.push({ run, timeText: 'failed', comparable: false, notes: error.message });
    }
  };

  let cold: CheckSummary | undefined;
  if (options.runs.has('cli-cold')) {
    await attempt('Densho CLI: cold check', async () => {
      const result = await cliCold(options, repository);
      cold = result.summary;
      return result.row;
    });
  }
  if (options.runs.has('cli-warm')) await attempt('Densho CLI: warm check', () => cliWarm(options, repository, cold));
  if (options.runs.has('history')) await attempt('Densho CLI: history', () => historyRows(options, repository));
  if (options.runs.has('training')) await attempt('Densho CLI: training.yaml', () => trainingRows(options, repository));
  if (options.runs.has('server')) await attempt('Densho server', () => server(options, repository));
  if (options.runs.has('mdls')) await attempt(`vscode-markdown-languageservice ${PEERS['vscode-markdown-languageservice']}`, () => mdls(options, repository));
  if (options.runs.has('markdownlint-cli2')) await attempt(`markdownlint-cli2 ${PEERS['markdownlint-cli2']}`, () => markdownlint(options, repository));
  if (options.runs.has('remark-cli')) await attempt(`remark-cli ${PEERS['remark-cli']}`, () => remarkCli(options, repository));
  if (options.runs.has('remark-parse')) await attempt('bare remark-parse loop', () => remarkParse(options, repository));
  if (options.runs.has('rumdl')) await attempt('rumdl', () => rumdl(options, repository));

  const report = `${header(options, repository, load, loadavg())}\n\n${table(rows)}\n`;
  process.stdout.write(`\n${report}`);
  if (options.out) {
    mkdirSync(dirname(options.out), { recursive: true });
    writeFileSync(options.out, report);
    log(`wrote ${options.out}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

