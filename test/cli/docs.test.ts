/**
 * The users' reference stays whole and inside the project: docs/cli.md names
 * every command and option the CLI has, docs/configuration.md every
 * densho.yaml key, docs/front-matter.md every field, and no link in the
 * README or docs/ leads outside the repository or to a file that is not there.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import { CONFIG_KEYS, FIELDS } from '../../server/src/engine';

const ROOT = resolve(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

async function help(args: string[]): Promise<string> {
  let out = '';
  await runCli([...args, '--help'], { cwd: ROOT, stdout: (text) => (out += text), stderr: (text) => (out += text), color: false });
  return out;
}

describe('the reference docs', () => {
  it('docs/cli.md documents every command and every option of each', async () => {
    const cli = read('docs/cli.md');
    const commands = [...(await help([])).matchAll(/^ {2}([a-z]+) /gm)].map((match) => match[1]!).filter((name) => name !== 'help');
    assert.ok(commands.includes('init') && commands.includes('check'), commands.join());
    for (const command of commands) {
      assert.ok(cli.includes(`## \`densho ${command}\``), `a section for densho ${command}`);
      const options = [...(await help([command])).matchAll(/^ {2}(?:-[a-z], )?(--[a-z-]+)/gm)].map((match) => match[1]!).filter((option) => option !== '--help');
      for (const option of options) assert.ok(cli.includes(`\`${option}`) || cli.includes(` ${option} `) || cli.includes(`${option} <`), `densho ${command} ${option} in docs/cli.md`);
    }
  });
  it('docs/configuration.md documents every densho.yaml key', () => {
    const configuration = read('docs/configuration.md');
    for (const key of Object.keys(CONFIG_KEYS)) assert.ok(configuration.includes(`\`${key}\``), key);
  });
  it('docs/front-matter.md documents every front matter field', () => {
    const frontMatter = read('docs/front-matter.md');
    for (const field of FIELDS) assert.ok(frontMatter.includes(`| \`${field.name}\``), field.name);
  });
  it('links in the README and docs/ stay inside the repository and lead to files that exist', () => {
    const files = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
    for (const file of files) {
      // Code blocks show examples (a broken link is the point of some of them), not links.
      const text = read(file).replace(/```[^]*?```/g, '').replace(/`[^`\n]*`/g, '');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        assert.doesNotMatch(target!, /^[a-z]+:/i, `${file} links outside the repository: ${target}`);
        const path = resolve(dirname(join(ROOT, file)), decodeURI(target!.split('#')[0]!));
        assert.ok(!relative(ROOT, path).startsWith('..'), `${file} points outside the repository: ${target}`);
        assert.ok(existsSync(path), `${file} links to a missing ${target}`);
      }
    }
  });
});
