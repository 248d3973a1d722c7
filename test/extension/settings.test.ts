/**
 * The settings schema in package.json is generated from the engine
 * (client/src/settings.ts); these tests fail when it drifts from
 * DEFAULT_CONFIG. Fix with `npm run generate:manifest`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { CONFIG_KEYS, DEFAULT_CONFIG, formatDuration, parseConfig, Workspace } from '../../server/src/engine';
import { resolvePlaceholders } from '../../client/src/manifestNls';
import { CLIENT_SETTING_NAMES, CONFIG_SETTINGS, configurationContribution, settingsAsYaml } from '../../client/src/settings';
import { settingsOverriddenBy } from '../../client/src/settingsYaml';

const read = (file: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', file), 'utf8'));
// As VS Code shows it in English: the `%key%` placeholders resolved from package.nls.json.
const manifest = resolvePlaceholders(read('package.json'), read('package.nls.json')) as {
  contributes: { configuration: { properties: Record<string, { default: unknown; markdownDescription?: string }> } };
};
const properties = manifest.contributes.configuration.properties;
/** The keys a densho.yaml writes, as densho/configuration gives them to the client. */
const keysOf = (yaml: string | undefined): string[] => [...parseConfig(yaml).keyRanges.keys()];

describe('settings: contributes.configuration', () => {
  it('is exactly what the generator makes from the engine (run `npm run generate:manifest` if not)', () => {
    assert.deepEqual(manifest.contributes.configuration, configurationContribution());
  });

  it('has one densho.* setting per DEFAULT_CONFIG key, and no other config setting', () => {
    assert.deepEqual([...CLIENT_SETTING_NAMES].sort(), ['locale', 'reviewHorizon', 'trace.server']);
    const configSettings = Object.keys(properties)
      .filter((key) => !CLIENT_SETTING_NAMES.includes(key.slice('densho.'.length)))
      .map((key) => key.slice('densho.'.length))
      .sort();
    assert.deepEqual(configSettings, Object.keys(DEFAULT_CONFIG).sort());
  });

  it('gives each setting the engine default, as densho.yaml would spell it', () => {
    const defaults: Record<string, unknown> = {
      docs: [...DEFAULT_CONFIG.docs],
      ignore: [...DEFAULT_CONFIG.ignore],
      layers: [...DEFAULT_CONFIG.layers],
      languages: [...DEFAULT_CONFIG.languages],
      requiredTranslations: [...DEFAULT_CONFIG.requiredTranslations],
      reviewInterval: formatDuration(DEFAULT_CONFIG.reviewInterval),
      reviewWarnBefore: formatDuration(DEFAULT_CONFIG.reviewWarnBefore),
      people: DEFAULT_CONFIG.people,
      peopleWarnBefore: formatDuration(DEFAULT_CONFIG.peopleWarnBefore),
      idPattern: DEFAULT_CONFIG.idPattern.source,
      standards: [...DEFAULT_CONFIG.standards],
      rules: Object.fromEntries(DEFAULT_CONFIG.rules),
      maxDocumentSize: `${DEFAULT_CONFIG.maxDocumentSize / 1024 / 1024}MB`,
      training: 'training.yaml',
      minQualified: 2,
      organisation: '',
      history: DEFAULT_CONFIG.history,
    };
    assert.deepEqual(Object.keys(defaults).sort(), Object.keys(DEFAULT_CONFIG).sort(), 'this test knows every key');
    for (const [key, value] of Object.entries(defaults)) assert.deepEqual(properties[`densho.${key}`]?.default, value, `densho.${key}`);
  });

  it('names the densho.yaml key each setting is the default of, with its meaning', () => {
    for (const spec of Object.values(CONFIG_SETTINGS)) {
      assert.ok(CONFIG_KEYS[spec.yamlKey], `${spec.yamlKey} is a densho.yaml key`);
    }
    for (const [key, property] of Object.entries(properties)) {
      if (CLIENT_SETTING_NAMES.includes(key.slice('densho.'.length))) continue;
      assert.match(property.markdownDescription ?? '', /densho\.yaml/, key);
    }
  });

  it('the defaults, written as densho.yaml, read back as DEFAULT_CONFIG', () => {
    const settings = settingsAsYaml((name) => properties[`densho.${name}`]?.default);
    const result = parseConfig(stringify(settings));
    assert.deepEqual(result.findings, []);
    assert.deepEqual({ ...result.config, idPattern: result.config.idPattern.source }, { ...DEFAULT_CONFIG, idPattern: DEFAULT_CONFIG.idPattern.source });
  });

  it('densho.yaml takes precedence over the settings, key by key (as the server, given them, merges them)', () => {
    const settings = settingsAsYaml((name) => ({ languages: ['en', 'ja'], reviewInterval: '6m', reviewWarnBefore: '14d', layers: ['a', 'b'] })[name]);
    const workspace = new Workspace({ settings });
    workspace.setConfigText(stringify({ languages: ['ja', 'en'], review: { interval: '1y' } }));
    const config = workspace.config;
    assert.deepEqual(config.languages, ['ja', 'en']);
    assert.deepEqual(config.reviewInterval, { amount: 1, unit: 'y' });
    assert.deepEqual(config.reviewWarnBefore, { amount: 14, unit: 'd' }, 'review.warn-before from the settings survives');
    assert.deepEqual(config.layers, ['a', 'b']);
  });
});

describe('settings: what densho.yaml overrides', () => {
  const setByUser = new Set(['reviewInterval', 'reviewWarnBefore', 'layers', 'docs']);
  const isSet = (name: string) => setByUser.has(name);
  it('names the settings the user set whose key densho.yaml writes, nested or dotted', () => {
    assert.deepEqual(settingsOverriddenBy(keysOf('review:\n  interval: 6m\nlayers: [a, b]\nlanguages: [en]\n'), isSet), [
      { setting: 'densho.layers', yamlKey: 'layers' },
      { setting: 'densho.reviewInterval', yamlKey: 'review.interval' },
    ]);
    assert.deepEqual(settingsOverriddenBy(keysOf('review.warn-before: 10d\n'), isSet), [{ setting: 'densho.reviewWarnBefore', yamlKey: 'review.warn-before' }]);
  });
  it('names nothing without densho.yaml, for a key the user left at its default, or for YAML that is not a mapping', () => {
    assert.deepEqual(settingsOverriddenBy(keysOf(undefined), isSet), []);
    assert.deepEqual(settingsOverriddenBy(keysOf('languages: [en, ja]\n'), isSet), []);
    assert.deepEqual(settingsOverriddenBy(keysOf('- docs\n'), isSet), []);
  });
});
