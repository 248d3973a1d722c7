/**
 * The history port on the real `git`: three processes for the whole
 * repository whatever its size — `rev-parse` (where, HEAD, shallow?), one
 * `log --raw` over the first-parent history, and one `cat-file --batch`
 * that answers every blob — never one per document. Read again after a
 * commit, the log is only read for the new commits when that gives the
 * same answer (one more `log` when it does not: see readLogAfter).
 *
 * A repository's own configuration must not be able to run anything: Git
 * is started with an argument list (no shell), with the pager, hooks,
 * fsmonitor, external diff, textconv, signature checks and credential
 * prompts turned off, optional locks off (nothing is written), and an
 * environment cleared of every GIT_* variable that could point it at
 * another repository or program.
 */
import { spawn } from 'node:child_process';
import { message, type FileChange, type HistoryLog, type HistorySource, type HistoryUnavailable, type LogCommit } from '../engine';

/**
 * `-c` settings that override anything the repository's .git/config, the
 * user's or the system's configuration says. Each names a way Git could
 * otherwise start a program or wait for a person.
 */
export const SAFE_CONFIG: readonly string[] = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'core.askPass=',
  'core.sshCommand=',
  'core.editor=true',
  'core.untrackedCache=false',
  'core.quotePath=false',
  'credential.helper=',
  'diff.external=',
  'diff.renames=true',
  'log.showSignature=false',
  'gpg.program=false',
  'log.mailmap=false',
  'log.follow=false',
  'log.decorate=false',
  'color.ui=false',
  'pager.log=false',
  'gc.auto=0',
  'maintenance.auto=false',
  'protocol.allow=never',
  'i18n.logOutputEncoding=UTF-8',
];

/** Runs the way every Densho git call does: see the module comment. */
export function safeGitArguments(args: readonly string[]): string[] {
  return ['--no-pager', '--no-optional-locks', '--literal-pathspecs', ...SAFE_CONFIG.flatMap((setting) => ['-c', setting]), ...args];
}

export function safeGitEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) if (!key.startsWith('GIT_') && key !== 'PAGER' && key !== 'EDITOR' && key !== 'VISUAL') environment[key] = value;
  return {
    ...environment,
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    GIT_EDITOR: 'true',
    LC_ALL: 'C',
    LANGUAGE: 'C',
  };
}

export interface GitHistoryOptions {
  /** The git executable (default `git` on the PATH). */
  readonly git?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** A git process still running after this many milliseconds is ended, and there is no history (default 120 s). */
  readonly timeoutMs?: number;
}

interface Run {
  readonly code: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
  /** Set when the process could not be started at all (git missing). */
  readonly spawnError?: NodeJS.ErrnoException;
}

export class GitHistorySource implements HistorySource {
  private readonly git: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly timeoutMs: number;
  private headForNextLog: Promise<{ head: string } | HistoryUnavailable> | undefined;
  /** The log read last: the next read after a commit only adds the commits since (readLogAfter). */
  private lastLog: HistoryLog | undefined;

  /** `root`: the repository root Densho checks (it may be a folder inside the Git work tree). */
  constructor(
    readonly root: string,
    options: GitHistoryOptions = {},
  ) {
    this.git = options.git ?? 'git';
    this.env = safeGitEnvironment(options.env);
    this.timeoutMs = options.timeoutMs ?? 120_000;
  }

  private run(args: readonly string[], input?: string): Promise<Run> {
    return new Promise((resolve) => {
      // A hung git (a network file system, a lock) must not hang the check: it is ended, and the history is "unavailable".
      // Our own timer, not spawn's `timeout`: Node leaves that one running when git cannot be started, and the CLI then waited it out (2 min) before exiting.
      const child = spawn(this.git, safeGitArguments(args), { cwd: this.root, env: this.env, shell: false, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
      const timer = setTimeout(() => child.kill('SIGKILL'), this.timeoutMs);
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      let spawnError: NodeJS.ErrnoException | undefined;
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.on('error', (error: NodeJS.ErrnoException) => (spawnError = error));
      // A git that exits before reading all its input must not crash us with EPIPE.
      child.stdin.on('error', () => undefined);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr).toString('utf8'), spawnError });
      });
      child.stdin.end(input ?? '');
    });
  }

  /** Where HEAD is, asked afresh each time: the language server reads again after a commit or checkout. */
  private async locate(): Promise<{ head: string } | HistoryUnavailable> {
    {
      const result = await this.run(['rev-parse', '--is-inside-work-tree', '--is-shallow-repository', 'HEAD']);
      if (result.spawnError) {
        return { unavailable: result.spawnError.code === 'ENOENT' ? message('history.git-not-found', { git: this.git }) : message('history.git-not-started', { error: result.spawnError.code ?? result.spawnError.message }) };
      }
      if (result.code === null) return this.timedOut();
      const lines = result.stdout.toString('utf8').split('\n');
      if (result.code !== 0) {
        if (lines[0] === 'true') return { unavailable: message('history.no-commits') };
        return { unavailable: message('history.not-a-work-tree', { folder: this.root }) };
      }
      if (lines[0] !== 'true') return { unavailable: message('history.not-a-work-tree', { folder: this.root }) };
      if (lines[1] === 'true') return { unavailable: message('history.shallow') };
      const head = lines[2] ?? '';
      if (!/^[0-9a-f]{40,64}$/.test(head)) return { unavailable: message('history.no-commits') };
      return { head };
    }
  }

  private timedOut(): HistoryUnavailable {
    return { unavailable: message('history.timed-out', { seconds: Math.round(this.timeoutMs / 1000) }) };
  }

  async readHead(): Promise<string | HistoryUnavailable> {
    const location = this.locate();
    this.headForNextLog = location;
    const found = await location;
    return 'unavailable' in found ? found : found.head;
  }

  async readLog(): Promise<HistoryLog | HistoryUnavailable> {
    // Right after readHead (the cache asked whether HEAD moved) the log is read at that same HEAD: no second rev-parse.
    const location = await (this.headForNextLog ?? this.locate());
    this.headForNextLog = undefined;
    if ('unavailable' in location) return location;
    const previous = this.lastLog;
    if (previous?.head === location.head) return previous;
    const log = (previous && (await this.readLogAfter(previous, location.head))) ?? (await this.readLogUpTo(location.head));
    if ('unavailable' in log) return log;
    this.lastLog = { head: log.head, commits: log.commits };
    return this.lastLog;
  }

  /**
   * After a commit, a merge or a pull that only added commits on top of the
   * log read before, only the new ones are read (`OLD..NEW`): a few
   * milliseconds instead of the whole history. That is only the same as
   * reading it all when OLD is on NEW's first-parent line, which holds
   * exactly when the oldest new commit's first parent is OLD; a reset, a
   * rebase or a branch switch (or an OLD that no longer exists) gives
   * undefined, and the whole log is read.
   */
  private async readLogAfter(previous: HistoryLog, head: string): Promise<HistoryLog | undefined> {
    const range = await this.readLogUpTo(head, previous.head);
    if ('unavailable' in range || range.firstParents[0] !== previous.head) return undefined;
    return { head, commits: [...previous.commits, ...range.commits] };
  }

  /** The first-parent log up to `head`, oldest first, from after `since` when given; with each commit's first parent. */
  private async readLogUpTo(head: string, since?: string): Promise<(HistoryLog & { readonly firstParents: readonly string[] }) | HistoryUnavailable> {
    const result = await this.run([
      'log',
      '-z',
      '--raw',
      '--no-abbrev',
      '-M',
      '--first-parent',
      '--reverse',
      '--relative',
      '--no-ext-diff',
      '--no-textconv',
      '--no-color',
      '--format=%x1e%H%x00%P%x00%cI%x00%an%x00%s',
      since === undefined ? head : `${since}..${head}`,
      '--',
    ]);
    if (result.code === null) return this.timedOut();
    if (result.code !== 0) return { unavailable: message('history.log-failed', { error: firstLine(result.stderr) }) };
    const parsed = parseLog(result.stdout.toString('utf8'));
    return { head, commits: parsed.map((entry) => entry.commit), firstParents: parsed.map((entry) => entry.firstParent) };
  }

  async readBlobs(ids: readonly string[]): Promise<Map<string, Uint8Array>> {
    const blobs = new Map<string, Uint8Array>();
    const wanted = ids.filter((id) => /^[0-9a-f]{40,64}$/.test(id));
    if (wanted.length === 0) return blobs;
    const result = await this.run(['cat-file', '--batch'], `${wanted.join('\n')}\n`);
    if (result.code !== 0) return blobs;
    parseBatch(result.stdout, blobs);
    return blobs;
  }
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

const RAW_STATUS = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) ([AMDRCTUX])\d*$/;

/**
 * Parses `log -z --raw` with the format above: every commit starts with a
 * record separator and its id; the header fields and each raw entry's paths
 * are NUL-terminated, so no name or subject can be mistaken for structure.
 * Each commit comes with its first parent ('' for a root commit).
 */
export function parseLog(output: string): { commit: LogCommit; firstParent: string }[] {
  const tokens = output.split('\0');
  const commits: { commit: LogCommit; firstParent: string }[] = [];
  let position = 0;
  while (position < tokens.length) {
    const token = tokens[position]!.replace(/^\n/, '');
    if (!token.startsWith('\x1e')) {
      position++;
      continue;
    }
    const id = token.slice(1);
    const [parents, date, author, subject] = [tokens[position + 1] ?? '', tokens[position + 2] ?? '', tokens[position + 3] ?? '', tokens[position + 4] ?? ''];
    position += 5;
    const changes: FileChange[] = [];
    while (position < tokens.length) {
      const match = RAW_STATUS.exec(tokens[position]!.replace(/^\n/, ''));
      if (!match) break;
      const [, blob, status] = match as unknown as [string, string, string];
      if (status === 'R' || status === 'C') {
        const [from, to] = [tokens[position + 1] ?? '', tokens[position + 2] ?? ''];
        // A copy is a new file; the original keeps its own lineage.
        changes.push(status === 'R' ? { status: 'R', path: to, previousPath: from, blob } : { status: 'A', path: to, blob });
        position += 3;
      } else {
        const path = tokens[position + 1] ?? '';
        if (status === 'A' || status === 'M' || status === 'D' || status === 'T') changes.push({ status, path, blob });
        position += 2;
      }
    }
    commits.push({ commit: { id, date: date.slice(0, 10), author, subject, changes }, firstParent: parents.split(' ')[0] ?? '' });
  }
  return commits;
}

/** Parses `cat-file --batch`: `<id> blob <size>\n<bytes>\n` per object, `<id> missing\n` for an unknown one. */
function parseBatch(output: Buffer, into: Map<string, Uint8Array>): void {
  let offset = 0;
  while (offset < output.length) {
    const newline = output.indexOf(0x0a, offset);
    if (newline < 0) return;
    const header = output.toString('utf8', offset, newline).split(' ');
    offset = newline + 1;
    if (header.length !== 3) continue;
    const size = Number(header[2]);
    if (!Number.isSafeInteger(size) || size < 0) return;
    if (header[1] === 'blob') into.set(header[0]!, output.subarray(offset, offset + size));
    offset += size + 1;
  }
}
