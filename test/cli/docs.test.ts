/**
 * The users' reference stays whole and inside the project: docs/cli.md names
 * every command and option the CLI has, docs/configuration.md every
 * densho.yaml key, docs/front-matter.md every field, and no link in the
 * README or docs/ leads outside the repository or to a file that is not there;
 * docs/rules.ja.md, the rule reference in Japanese, has every anchor of
 * docs/rules.md, so a link made for one language finds its section in the other.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import GithubSlugger from 'github-slugger';
import { CONFIG_KEYS, FIELDS, RULE_IDS, ruleDocumentationPath } from '../../server/src/engine';

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

  describe('docs/rules.md and docs/rules.ja.md', () => {
    /** What a `#fragment` can point at: explicit `<a id>` anchors and the headings' GitHub slugs, code blocks left out. */
    const anchors = (file: string): Set<string> => {
      const text = read(file).replace(/```[^]*?```/g, '');
      const slugger = new GithubSlugger();
      const headings = [...text.matchAll(/^#{1,6} (.+)$/gm)].map((match) => slugger.slug(match[1]!.replace(/`/g, '')));
      return new Set([...[...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((match) => match[1]!), ...headings]);
    };
    const ruleAnchor = (rule: string) => ruleDocumentationPath(rule as (typeof RULE_IDS)[number]).split('#')[1]!;
    const ruleAnchorsOf = (file: string) => [...anchors(file)].filter((anchor) => RULE_IDS.some((rule) => ruleAnchor(rule) === anchor)).sort();

    it('a rule links to its section in the reader\'s language', () => {
      assert.equal(ruleDocumentationPath('review/overdue'), 'docs/rules.md#review-overdue');
      assert.equal(ruleDocumentationPath('review/overdue', 'en'), 'docs/rules.md#review-overdue');
      assert.equal(ruleDocumentationPath('review/overdue', 'ja'), 'docs/rules.ja.md#review-overdue');
    });
    it('both have the same set of rule anchors: one per rule id', () => {
      const expected = RULE_IDS.map(ruleAnchor).sort();
      assert.deepEqual(ruleAnchorsOf('docs/rules.md'), expected);
      assert.deepEqual(ruleAnchorsOf('docs/rules.ja.md'), expected);
    });
    it('every anchor of docs/rules.md is in docs/rules.ja.md too, and every in-page link of each leads to an anchor of its own file', () => {
      const english = anchors('docs/rules.md');
      const japanese = anchors('docs/rules.ja.md');
      assert.deepEqual([...english].filter((anchor) => !japanese.has(anchor)), [], 'anchors of rules.md missing from rules.ja.md');
      for (const [file, own] of [['docs/rules.md', english], ['docs/rules.ja.md', japanese]] as const) {
        const text = read(file).replace(/```[^]*?```/g, '');
        for (const [, fragment] of text.matchAll(/\]\(#([^)\s]+)\)/g)) assert.ok(own.has(decodeURIComponent(fragment!)), `${file} links to a missing #${fragment}`);
      }
    });
    it('docs/rules.ja.md is in Japanese', () => {
      const text = read('docs/rules.ja.md').replace(/```[^]*?```/g, '');
      const sections = text.split(/^<a id="[^"]+"><\/a>$/m).slice(1);
      assert.ok(sections.length > RULE_IDS.length, 'a section per rule, and the general ones');
      for (const section of sections) assert.match(section, /報告される条件|[\u3040-\u30ff]{8}/, section.slice(0, 80));
    });
  });
});
