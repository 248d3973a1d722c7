/**
 * The extension's run-time strings in Japanese: every `vscode.l10n.t(…)` key
 * of client/src has its translation in l10n/bundle.l10n.ja.json with the same
 * placeholders, the bundle holds no key the code no longer asks for, and the
 * manifest points VS Code at the folder. A key must be a literal string, so
 * that this test can see it.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { l10nKeys, l10nPlaceholders } from '../../client/scripts/l10nKeys';

const ROOT = join(__dirname, '..', '..');
const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
const { calls, nonLiteral } = l10nKeys(ROOT);

describe('run-time strings of the extension (vscode.l10n)', () => {
  it('every vscode.l10n.t call in client/src has a literal string as its key', () => {
    assert.ok(calls.length > 100, `only ${calls.length} calls found: the reader misses them`);
    assert.deepEqual(nonLiteral, [], 'calls whose key is not a literal string (the bundle could not be checked against them)');
  });

  it('every key has its Japanese in l10n/bundle.l10n.ja.json, and the bundle holds no other key', () => {
    const keys = new Set(calls.map((call) => call.key));
    assert.deepEqual(calls.filter((call) => !Object.hasOwn(bundle, call.key)).map((call) => `${call.at}: ${call.key}`), [], 'keys without Japanese');
    assert.deepEqual(Object.keys(bundle).filter((key) => !keys.has(key)), [], 'stale keys in the bundle');
  });

  it('each translation has the placeholders ({0}, {name}) and icons ($(name)) of its key, and is not the English left as it was', () => {
    const icons = (text: string) => [...(text.match(/\$\([a-z-]+\)/g) ?? [])].sort();
    for (const [key, japanese] of Object.entries(bundle)) {
      assert.deepEqual(l10nPlaceholders(japanese), l10nPlaceholders(key), `placeholders of ${JSON.stringify(key)}`);
      assert.deepEqual(icons(japanese), icons(key), `icons of ${JSON.stringify(key)}`);
      // Untranslated: the same text with words in it (", " and the like may stay as they are in no language).
      if (/[a-z]{3}/i.test(key.replace(/\{[^}]*\}|\$\([^)]*\)|`[^`]*`|[\w.-]+\.(yaml|js)|Densho/g, ''))) assert.notEqual(japanese, key, `no Japanese for ${JSON.stringify(key)}`);
    }
  });

  it('the reader takes a call split over lines and refuses a key built at run time', () => {
    const root = mkdtempSync(join(tmpdir(), 'densho-l10n-'));
    try {
      mkdirSync(join(root, 'client', 'src'), { recursive: true });
      writeFileSync(
        join(root, 'client', 'src', 'a.ts'),
        "const one = vscode.l10n.t(\n  'Split, over lines: {0}',\n  x,\n);\nconst two = vscode.l10n.t(`Built ${x}`);\nconst three = vscode.l10n.t(name);\n",
      );
      const read = l10nKeys(root);
      assert.deepEqual(read.calls, [{ key: 'Split, over lines: {0}', at: 'client/src/a.ts:1' }]);
      assert.deepEqual(read.nonLiteral, ['client/src/a.ts:5', 'client/src/a.ts:6']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('package.json names the l10n folder and packs it', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(manifest.l10n, './l10n');
    assert.ok(manifest.files.includes('l10n/'));
  });
});
