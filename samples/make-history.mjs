#!/usr/bin/env node
/**
 * Builds the Git history that history.yaml describes, as a new repository
 * in OUT_DIR (which must not exist, or be empty):
 *
 *   node samples/make-history.mjs OUT_DIR
 *
 * The newest commit holds samples/ as it is; earlier states are found by
 * undoing each commit's changes from the newest back. Dates, authors and
 * committers are fixed, so the same description always gives the same
 * commit ids.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: node samples/make-history.mjs OUT_DIR\n');
  process.exit(2);
}
if (existsSync(out) && readdirSync(out).length > 0) {
  process.stderr.write(`make-history: ${out} is not empty\n`);
  process.exit(2);
}

const description = parse(readFileSync(join(here, 'history.yaml'), 'utf8'));
const people = parse(readFileSync(join(here, 'people.yaml'), 'utf8'));

/** Every file of samples/ but the builder and its description, by path relative to samples/. */
function readTree(dir, tree = new Map()) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const name = relative(here, path).split(sep).join('/');
    if (name === 'make-history.mjs' || name === 'history.yaml') continue;
    if (entry.isDirectory()) readTree(path, tree);
    else tree.set(name, readFileSync(path));
  }
  return tree;
}

function replaceOnce(tree, { file, before, after }, undo) {
  const [from, to] = undo ? [after, before] : [before, after];
  const text = tree.get(file)?.toString('utf8');
  if (text === undefined) throw new Error(`history.yaml: ${file} does not exist at that point`);
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`history.yaml: ${JSON.stringify(from)} occurs ${count} times in ${file}, not once`);
  tree.set(file, Buffer.from(text.replace(from, () => to), 'utf8'));
}

const latest = readTree(here);
for (const edit of description.prepare ?? []) replaceOnce(latest, edit, false);

// The state after each commit, newest first, by undoing what each commit did.
const commits = description.commits;
const states = new Array(commits.length);
let state = latest;
for (let index = commits.length - 1; index >= 0; index--) {
  states[index] = state;
  const commit = commits[index];
  const previous = new Map(state);
  for (const edit of [...(commit.edits ?? [])].reverse()) replaceOnce(previous, edit, true);
  for (const [from, to] of Object.entries(commit.renames ?? {})) {
    previous.set(from, previous.get(to));
    previous.delete(to);
  }
  for (const file of commit.adds ?? []) previous.delete(file);
  state = previous;
}

mkdirSync(out, { recursive: true });
const git = (args, env = {}) => {
  // An argument list, no shell; hooks and signing off, so nothing of the machine's Git setup runs.
  const result = spawnSync('git', ['-c', 'core.hooksPath=/dev/null', '-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...args], {
    cwd: out,
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr || result.error}`);
  return result.stdout;
};
git(['init', '--quiet', '--initial-branch=main']);

let written = new Map();
commits.forEach((commit, index) => {
  const next = states[index];
  for (const file of written.keys()) if (!next.has(file)) rmSync(join(out, file));
  for (const [file, bytes] of next) {
    if (written.get(file)?.equals(bytes)) continue;
    mkdirSync(dirname(join(out, file)), { recursive: true });
    writeFileSync(join(out, file), bytes);
  }
  written = next;
  const person = people[commit.author];
  const name = person?.name ?? commit.author;
  const email = `${commit.author}@kaneda-seimitsu.example`;
  const date = `${commit.date}T09:00:00+09:00`;
  git(['add', '--all']);
  git(['commit', '--quiet', '--allow-empty', '-m', commit.subject], {
    GIT_AUTHOR_NAME: name,
    GIT_AUTHOR_EMAIL: email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: name,
    GIT_COMMITTER_EMAIL: email,
    GIT_COMMITTER_DATE: date,
  });
});
process.stdout.write(`make-history: ${commits.length} commits in ${out}\n`);
