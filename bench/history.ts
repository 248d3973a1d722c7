/**
 * The bench repository as a Git history (issue 15): a copy of the generated
 * repository in its own work tree, with COMMITS commits written in one `git
 * fast-import` stream — the first adds every file, the others each touch one
 * document: a version bump, an editorial commit or a rename, in turn — so
 * the cold check with history, the check with `history: false` and the warm
 * check read the same files.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0' };

function gitIn(cwd: string, args: readonly string[], input?: Buffer): string {
  return execFileSync('git', ['-c', 'core.hooksPath=/dev/null', ...args], { cwd, env: GIT_ENV, input, maxBuffer: 1 << 30 }).toString('utf8');
}

/** Copies `source` to `target` and gives it `commits` commits; returns the number of commits made. */
export function buildHistoryRepository(source: string, target: string, documents: readonly string[], commits: number): number {
  rmSync(target, { recursive: true, force: true });
  cpSync(source, target, { recursive: true });
  gitIn(target, ['init', '--quiet', '--initial-branch=main']);
  const chunks: Buffer[] = [];
  const write = (text: string) => chunks.push(Buffer.from(text, 'utf8'));
  const data = (content: Buffer) => {
    write(`data ${content.length}\n`);
    chunks.push(content, Buffer.from('\n'));
  };
  const files = new Map<string, Buffer>();
  for (const path of ['densho.yaml', 'people.yaml', ...documents]) files.set(path, readFileSync(join(target, path)));
  let time = Date.UTC(2024, 0, 1) / 1000;
  const commit = (subject: string, body: () => void) => {
    time += 3600;
    write(`commit refs/heads/main\ncommitter Bench <bench@example.com> ${time} +0900\n`);
    data(Buffer.from(`${subject}\n`));
    body();
  };
  // The current files are the newest commit; earlier commits carry older versions of them.
  const touched = documents.filter((_, index) => index % Math.max(1, Math.floor(documents.length / Math.max(1, commits - 1))) === 0);
  const older = (text: string, steps: number) => text.replace(/^version: (\d+)$/m, (_, version: string) => `version: ${Math.max(1, Number(version) - steps)}`);
  commit('Import the document system', () => {
    for (const [path, content] of files) {
      write(`M 100644 inline ${path}\n`);
      data(Buffer.from(older(content.toString('utf8'), 1), 'utf8'));
    }
  });
  let made = 1;
  for (let index = 0; made < commits; index++) {
    const path = touched[index % touched.length]!;
    const text = files.get(path)!.toString('utf8');
    const kind = index % 3;
    if (kind === 0) {
      commit(`Bump ${path}`, () => {
        write(`M 100644 inline ${path}\n`);
        data(Buffer.from(text, 'utf8'));
      });
    } else if (kind === 1) {
      commit(`editorial: wording in ${path}`, () => {
        write(`M 100644 inline ${path}\n`);
        data(Buffer.from(`${text.trimEnd()}\n`, 'utf8'));
      });
    } else {
      // A rename there and back: the lineage is followed twice, the tree ends as it was.
      const moved = path.replace(/\.md$/, '.moved.md');
      commit(`Move ${path}`, () => write(`R ${path} ${moved}\n`));
      made++;
      if (made >= commits) {
        commit(`Move ${path} back`, () => write(`R ${moved} ${path}\n`));
        made++;
        break;
      }
      commit(`Move ${path} back`, () => write(`R ${moved} ${path}\n`));
    }
    made++;
  }
  gitIn(target, ['fast-import', '--quiet'], Buffer.concat(chunks));
  gitIn(target, ['reset', '--quiet', '--hard', 'main']);
  return Number(gitIn(target, ['rev-list', '--count', 'HEAD']).trim());
}
