/**
 * The extension manifest: generated assets in step with the engine, every
 * path it names present, and the .vsix limited to what the extension needs.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { withGeneratedCommands } from '../../client/src/commandContributions';
import { manifestAssets, viewsWelcomeContribution } from '../../client/src/manifestAssets';
import { MANIFEST_JAPANESE } from '../../client/src/manifestJapanese';
import { japanesePagePath, japanesePages, japaneseStrings, localizeManifest, placeholdersIn, resolvePlaceholders } from '../../client/src/manifestNls';
import { maxLayerOfFilter } from '../../client/src/webview/layerFilter';
import { filterByLayers } from '../../server/src/lsp/features/coverageMatrix';
import type { CoverageReport } from '../../server/src/protocol';

const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
const nlsJa = JSON.parse(readFileSync(join(ROOT, 'package.nls.ja.json'), 'utf8')) as Record<string, string>;

describe('extension manifest', () => {
  it('the schemas and snippets in client/assets are what the generator makes (run `npm run generate:manifest` if not)', () => {
    for (const [path, content] of Object.entries(manifestAssets())) {
      assert.deepEqual(JSON.parse(readFileSync(join(ROOT, path), 'utf8')), content, path);
    }
  });

  it('the generated commands and their menu items are in package.json (run `npm run generate:manifest` if not)', () => {
    const { commands, menus } = resolvePlaceholders(manifest.contributes, nls);
    assert.deepEqual({ commands, menus }, withGeneratedCommands(resolvePlaceholders(manifest.contributes, nls)));
  });

  it('viewsWelcome is what the generator makes, and each view offers Initialise Densho here in a folder without densho.yaml', () => {
    assert.deepEqual(resolvePlaceholders(manifest.contributes.viewsWelcome, nls), viewsWelcomeContribution());
    const commands = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
    for (const view of manifest.contributes.views.densho.map((v: { id: string }) => v.id)) {
      const setup = resolvePlaceholders(manifest.contributes.viewsWelcome, nls).find((w: { view: string; when: string }) => w.view === view && w.when === 'densho.active && densho.needsSetup');
      assert.ok(setup, view);
      const linked = [...(setup.contents as string).matchAll(/\(command:([\w.]+)/g)].map((match) => match[1]);
      assert.deepEqual(linked, ['densho.initialise', 'densho.initialise'], view);
      for (const command of linked) assert.ok(commands.has(command), command);
    }
  });

  it('the front matter snippets leave every person field empty: no placeholder that would read as a person', () => {
    const snippets = Object.entries(manifestAssets()).filter(([path]) => path.includes('snippets'));
    assert.ok(snippets.length > 0);
    for (const [path, content] of snippets) {
      for (const [name, snippet] of Object.entries(content as Record<string, { body: string[] }>)) {
        const people = snippet.body.filter((line) => /^(owner|expert|approved-by|access-list):/.test(line));
        assert.ok(people.length >= 2, `${path} ${name}`);
        for (const line of people) assert.match(line, /^[a-z-]+: (\$\{\d+\}|\[\$\{\d+\}\])$/, `${path} ${name}: ${line}`);
      }
    }
  });

  it('every %key% of package.json has its text in package.nls.json and package.nls.ja.json, and the files hold no other key', () => {
    const keys = [...new Set(placeholdersIn(manifest))];
    assert.ok(keys.length >= 40, `the manifest's strings are placeholders (${keys.length})`);
    assert.deepEqual(keys.filter((key) => !Object.hasOwn(nls, key)), [], 'keys missing from package.nls.json');
    assert.deepEqual(keys.filter((key) => !Object.hasOwn(nlsJa, key)), [], 'keys missing from package.nls.ja.json');
    assert.deepEqual(Object.keys(nls).sort(), [...keys].sort(), 'package.nls.json has only keys the manifest uses');
    assert.deepEqual(Object.keys(nlsJa).sort(), [...keys].sort(), 'package.nls.ja.json has only keys the manifest uses');
  });

  it('no user-visible string of the manifest is left unlocalised, and every one has its Japanese (run `npm run generate:manifest` if not)', () => {
    const localizable = { displayName: manifest.displayName, description: manifest.description, contributes: manifest.contributes, capabilities: manifest.capabilities };
    const again = localizeManifest(localizable, nls);
    assert.deepEqual(again.manifest, localizable, 'a literal string where a placeholder belongs');
    assert.equal(manifest.displayName, '%displayName%');
    assert.deepEqual(again.strings, nls);
    const pages = japanesePages(nls);
    const japanese = japaneseStrings(nls, { ...MANIFEST_JAPANESE, ...pages });
    assert.deepEqual(japanese.missing, [], 'keys without Japanese in client/src/manifestJapanese.ts');
    assert.deepEqual(japanese.stale, [], 'Japanese for keys the manifest no longer has');
    assert.deepEqual(nlsJa, japanese.strings);
    // A walkthrough page's "Japanese" is the path of its Japanese twin (see the walkthrough test below).
    const untranslated = Object.entries(nlsJa).filter(([key, text]) => !Object.hasOwn(pages, key) && text !== 'Densho' && !/[\u3040-\u30ff\u4e00-\u9fff]/.test(text));
    assert.deepEqual(untranslated, [], 'Japanese text that is not Japanese');
    // Command links in the Japanese text lead where the English ones do.
    for (const [key, text] of Object.entries(nls)) assert.deepEqual(nlsJa[key]!.match(/\(command:[^)]*\)/g), text.match(/\(command:[^)]*\)/g), key);
  });

  it('every file the manifest names exists', () => {
    const { contributes } = manifest;
    const paths = [
      manifest.main,
      manifest.icon,
      ...contributes.viewsContainers.activitybar.map((c: { icon: string }) => c.icon),
      ...contributes.yamlValidation.map((v: { url: string }) => v.url),
      ...[nls, nlsJa].flatMap((strings) => resolvePlaceholders(contributes.snippets, strings).map((s: { path: string }) => s.path)),
      ...[nls, nlsJa].flatMap((strings) => resolvePlaceholders(contributes.walkthroughs, strings).flatMap((w: { steps: { media: Record<string, string> }[] }) => w.steps.map((s) => s.media['markdown'] ?? s.media['image']))),
    ];
    for (const path of paths) {
      if (path === manifest.main) continue; // built by esbuild
      assert.ok(existsSync(join(ROOT, path)), path);
    }
    assert.equal(manifest.main, './dist/extension.js');
  });

  it('a Japanese VS Code reads Japanese snippets: the same prefixes and front matter, described in Japanese', () => {
    type Snippets = Record<string, { prefix: string | string[]; description: string; body: string[] }>;
    const [english, japanese] = [nls, nlsJa].map((strings) => {
      const [path] = resolvePlaceholders(manifest.contributes.snippets, strings).map((s: { path: string }) => s.path);
      return JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Snippets;
    });
    assert.notDeepEqual(japanese, english);
    assert.deepEqual(Object.keys(japanese!), Object.keys(english!));
    for (const [name, snippet] of Object.entries(english!)) {
      const twin = japanese![name]!;
      assert.deepEqual(twin.prefix, snippet.prefix, name);
      assert.match(twin.description, /[\u3040-\u30ff\u4e00-\u9fff]/, name);
      // The same lines but for the title's placeholder text.
      const unworded = (body: string[]) => body.map((line) => line.replace(/^title: \$\{(\d+):[^}]*\}$/, 'title: ${$1}'));
      assert.deepEqual(unworded(twin.body), unworded(snippet.body), name);
      assert.ok(twin.body.some((line) => /^title: \$\{\d+:題名\}$/.test(line)), name);
    }
  });

  it('every walkthrough page has its Japanese twin in ja/, which a Japanese VS Code opens: Japanese text with the same code words', () => {
    const folder = join(ROOT, 'client/assets/walkthrough');
    const markdownIn = (path: string) => readdirSync(path).filter((name) => name.endsWith('.md')).sort();
    assert.ok(markdownIn(folder).length >= 5);
    assert.deepEqual(markdownIn(join(folder, 'ja')), markdownIn(folder), 'client/assets/walkthrough/ja/ has one page per English page');
    const steps = (strings: Record<string, string>) => resolvePlaceholders(manifest.contributes.walkthroughs, strings).flatMap((w: { steps: { media: { markdown: string } }[] }) => w.steps.map((step) => step.media.markdown));
    const english: string[] = steps(nls);
    assert.deepEqual(english.map((path) => path.replace(/^.*\//, '')).sort(), markdownIn(folder), 'every page is a step');
    assert.deepEqual(steps(nlsJa), english.map(japanesePagePath));
    for (const path of english) {
      const [source, twin] = [path, japanesePagePath(path)].map((file) => readFileSync(join(ROOT, file), 'utf8'));
      const heading = (text: string) => text.split('\n')[0]!;
      assert.match(heading(twin!), /^# .*[\u3040-\u30ff\u4e00-\u9fff]/, `${japanesePagePath(path)} has a Japanese heading`);
      const codeWords = (text: string) => [...new Set(text.match(/`[^`\n]+`/g) ?? [])].sort();
      assert.deepEqual(codeWords(twin!), codeWords(source!), `${japanesePagePath(path)} names the code words of ${path}`);
    }
  });

  it('every view has welcome content and belongs to the Densho container; every command has the Densho category', () => {
    const views = manifest.contributes.views.densho.map((v: { id: string }) => v.id);
    assert.deepEqual(views, ['densho.coverage', 'densho.reviewSchedule', 'densho.knowledgeHolders', 'densho.skills']);
    assert.deepEqual([...new Set(manifest.contributes.viewsWelcome.map((w: { view: string }) => w.view))].sort(), [...views].sort());
    for (const command of manifest.contributes.commands) assert.equal(command.category, 'Densho', command.command);
  });

  it('menus only name contributed commands', () => {
    const commands = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
    for (const [menu, items] of Object.entries(manifest.contributes.menus as Record<string, { command: string }[]>)) {
      for (const item of items) assert.ok(commands.has(item.command), `${menu}: ${item.command}`);
    }
  });

  it('`files` keeps the packages (.vsix and npm) to bundles (the parser worker too), templates, manifest assets and strings, docs, README, CHANGELOG and LICENSE', () => {
    // One list for both: vsce reads `files` too, and refuses a .vscodeignore beside it.
    assert.ok(!existsSync(join(ROOT, '.vscodeignore')));
    assert.deepEqual(manifest.files, ['dist/cli.js', 'dist/server.js', 'dist/parseWorker.js', 'dist/extension.js', 'templates/*.md', 'client/assets/', 'package.nls.json', 'package.nls.ja.json', 'l10n/', 'docs/', 'README.md', 'CHANGELOG.md', 'LICENSE']);
    assert.match(manifest.scripts.package, /vsce package --no-dependencies/);
    for (const file of ['README.md', 'CHANGELOG.md', 'LICENSE']) assert.ok(existsSync(join(ROOT, file)), file);
  });

  it('the densho.yaml schema accepts the samples and rejects unknown keys and bad durations', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'client/assets/schemas/densho.schema.json'), 'utf8')));
    assert.ok(validate(parse(readFileSync(join(ROOT, 'samples/densho.yaml'), 'utf8'))), JSON.stringify(validate.errors));
    assert.equal(validate({ layrs: ['a'] }), false);
    assert.equal(validate({ review: { interval: 'soon' } }), false);
    assert.equal(validate({ rules: { 'review/overdue': 'loud' } }), false);
    assert.ok(validate({ rules: { 'review/*': 'off' }, 'review.interval': '6m' }));
  });

  it('the people.yaml schema flags what the engine flags: a leaving date that is not a date', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'client/assets/schemas/people.schema.json'), 'utf8')));
    assert.ok(validate({ 'h.sato': { name: '佐藤 浩', role: 'Senior welder', leaves: '2027-03-31' }, 'k.tanaka': { active: false } }));
    assert.equal(validate({ 'j.becker': { leaves: '未定' } }), false);
    assert.equal(validate({ 'j.becker': { nmae: 'x' } }), false);
  });
});

describe('coverage matrix layer filter', () => {
  const document = (id: string, access: string, direct = true) => ({ id, title: id, file: `${id}.md`, type: 'sop' as const, access, direct });
  const report: CoverageReport = {
    version: 1,
    today: '2026-11-25',
    standard: { id: 'iso9001', title: 'ISO 9001:2015' },
    clauses: [
      { clause: '8', title: 'Operation', level: 1, documented: false, covered: true, gap: false, documents: [document('A', 'public', false), document('B', 'master', false)] },
      { clause: '8.1', title: 'Planning', level: 2, documented: true, covered: true, gap: false, documents: [document('B', 'master')] },
      { clause: '8.2', title: 'Requirements', level: 2, documented: false, covered: true, gap: false, documents: [document('A', 'public')] },
    ],
    summary: { clauses: 3, covered: 3, documented: 1, gaps: 0 },
  };

  it('keeps every document when no layer is chosen', () => {
    assert.deepEqual(filterByLayers(report, undefined), { report, withheld: {} });
  });

  it('drops the documents of other layers, recomputes gaps and counts what was withheld', () => {
    const { report: filtered, withheld } = filterByLayers(report, ['public']);
    assert.deepEqual(filtered.clauses.map((c) => [c.clause, c.documents.map((d) => d.id), c.covered, c.gap]), [
      ['8', ['A'], true, false],
      ['8.1', [], false, true],
      ['8.2', ['A'], true, false],
    ]);
    assert.deepEqual(withheld, { '8': 1, '8.1': 1 });
    assert.deepEqual(filtered.summary, { clauses: 3, covered: 2, documented: 1, gaps: 1 });
  });
  it('turns a filter of "this layer and every lower one" into a layer limit for the exports, and nothing else', () => {
    const layers = ['public', 'internal', 'restricted', 'master'];
    assert.equal(maxLayerOfFilter(layers, ['internal', 'public']), 'internal');
    assert.equal(maxLayerOfFilter(layers, ['public']), 'public');
    assert.equal(maxLayerOfFilter(layers, undefined), undefined, 'no filter: the command asks');
    assert.equal(maxLayerOfFilter(layers, ['master']), undefined, 'only master is no layer limit');
    assert.equal(maxLayerOfFilter(layers, ['public', 'restricted']), undefined);
  });
});
