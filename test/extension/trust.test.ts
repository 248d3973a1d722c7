/**
 * Workspace trust: package.json's `capabilities.untrustedWorkspaces` is what
 * the generator derives from the settings, names only contributed settings,
 * and says what docs/vscode-extension.md says.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { untrustedWorkspacesCapability } from '../../client/src/settings';
import { resolvePlaceholders } from '../../client/src/manifestNls';

const ROOT = join(__dirname, '..', '..');
// As VS Code shows it in English: the `%key%` placeholders resolved from package.nls.json.
const manifest = resolvePlaceholders(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')), JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')));
const declared: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] } = manifest.capabilities.untrustedWorkspaces;

describe('workspace trust', () => {
  it('the declaration is what the generator makes (run `npm run generate:manifest` if not)', () => {
    assert.deepEqual(declared, untrustedWorkspacesCapability());
  });

  it('full support restricts nothing; limited support restricts contributed settings and says so', () => {
    assert.ok(declared.description && declared.description.length > 0, 'a description for the Restricted Mode view');
    if (declared.supported === true) {
      assert.equal(declared.restrictedConfigurations, undefined);
      return;
    }
    assert.equal(declared.supported, 'limited', 'an extension that reads the workspace cannot be unsupported and still useful');
    const settings = Object.keys(manifest.contributes.configuration.properties);
    assert.ok(declared.restrictedConfigurations && declared.restrictedConfigurations.length > 0);
    for (const name of declared.restrictedConfigurations) {
      assert.ok(settings.includes(name), `${name} is a contributed setting`);
      assert.ok(declared.description.includes(name), `the description names ${name}`);
    }
  });

  it('docs/vscode-extension.md states the same support and lists the same restricted settings', () => {
    const docs = readFileSync(join(ROOT, 'docs/vscode-extension.md'), 'utf8');
    const section = docs.split(/^## /m).find((part) => part.startsWith('Workspace trust\n'));
    assert.ok(section, 'a "Workspace trust" section');
    assert.ok(section.includes(`\`"supported": ${JSON.stringify(declared.supported)}\``), `the section says "supported": ${JSON.stringify(declared.supported)}`);
    const line = /^Restricted settings: (.*)\.$/m.exec(section)?.[1];
    assert.ok(line !== undefined, 'a line "Restricted settings: …."');
    const listed = line === 'none' ? [] : [...line.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
    assert.deepEqual(listed.sort(), [...(declared.restrictedConfigurations ?? [])].sort());
  });
});
