/**
 * The extension's settings are the defaults of densho.yaml: one setting per
 * key of the engine's DEFAULT_CONFIG, and densho.yaml takes precedence key by
 * key (in the server). This module builds their manifest entries at BUILD
 * time (client/scripts/generateManifest.ts) and imports the engine for it,
 * so the extension's run-time code never imports it: it reads the settings
 * through settingsYaml.ts. It has no `vscode` import, so the drift test
 * (test/extension/settings.test.ts) runs it under plain Node.
 */
import { CONFIG_KEYS, DEFAULT_CONFIG, formatDuration, RULE_IDS, type DenshoConfig } from '../../server/src/engine';
import { SETTING_YAML_KEYS } from '../../server/src/protocol';
import { SECTION } from './settingsYaml';

export { SECTION, settingsAsYaml } from './settingsYaml';

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
type JsonSchema = { [key: string]: JsonValue };

interface SettingSpec {
  /** Where the same value lives in densho.yaml (`review.interval`). */
  readonly yamlKey: string;
  readonly schema: JsonSchema;
  /** The engine's default, as the setting spells it. */
  readonly fromConfig: (config: DenshoConfig) => JsonValue;
}

const DURATION: JsonSchema = { type: 'string', pattern: '^\\s*[1-9][0-9]*\\s*[dwmyDWMY]\\s*$', patternErrorMessage: 'A duration such as 90d, 6m or 1y.' };
const STRING_LIST: JsonSchema = { type: 'array', items: { type: 'string' } };

/**
 * One entry per DenshoConfig key: the `Record<keyof DenshoConfig, …>` type
 * makes a new engine setting without a VS Code setting a compile error.
 */
export const CONFIG_SETTINGS: Readonly<Record<keyof DenshoConfig, SettingSpec>> = {
  docs: { yamlKey: SETTING_YAML_KEYS.docs, schema: { ...STRING_LIST, minItems: 1 }, fromConfig: (config) => [...config.docs] },
  ignore: { yamlKey: SETTING_YAML_KEYS.ignore, schema: STRING_LIST, fromConfig: (config) => [...config.ignore] },
  layers: { yamlKey: SETTING_YAML_KEYS.layers, schema: { ...STRING_LIST, minItems: 1, uniqueItems: true }, fromConfig: (config) => [...config.layers] },
  languages: { yamlKey: SETTING_YAML_KEYS.languages, schema: { ...STRING_LIST, minItems: 1 }, fromConfig: (config) => [...config.languages] },
  requiredTranslations: {
    yamlKey: SETTING_YAML_KEYS.requiredTranslations,
    schema: STRING_LIST,
    fromConfig: (config) => [...config.requiredTranslations],
  },
  reviewInterval: { yamlKey: SETTING_YAML_KEYS.reviewInterval, schema: DURATION, fromConfig: (config) => formatDuration(config.reviewInterval) },
  reviewWarnBefore: { yamlKey: SETTING_YAML_KEYS.reviewWarnBefore, schema: DURATION, fromConfig: (config) => formatDuration(config.reviewWarnBefore) },
  people: { yamlKey: SETTING_YAML_KEYS.people, schema: { type: 'string', minLength: 1 }, fromConfig: (config) => config.people },
  peopleWarnBefore: { yamlKey: SETTING_YAML_KEYS.peopleWarnBefore, schema: DURATION, fromConfig: (config) => formatDuration(config.peopleWarnBefore) },
  idPattern: { yamlKey: SETTING_YAML_KEYS.idPattern, schema: { type: 'string', minLength: 1 }, fromConfig: (config) => config.idPattern.source },
  standards: { yamlKey: SETTING_YAML_KEYS.standards, schema: STRING_LIST, fromConfig: (config) => [...config.standards] },
  rules: {
    yamlKey: SETTING_YAML_KEYS.rules,
    schema: {
      type: 'object',
      propertyNames: { anyOf: [{ enum: [...RULE_IDS] }, { pattern: '^[a-z]+/\\*$' }] },
      additionalProperties: { enum: ['error', 'warning', 'info', 'off'] },
    },
    fromConfig: (config) => Object.fromEntries(config.rules),
  },
  maxDocumentSize: {
    yamlKey: SETTING_YAML_KEYS.maxDocumentSize,
    schema: { type: 'string', pattern: '^\\s*[1-9][0-9]*\\s*([kKmMgG]?[bB])?\\s*$', patternErrorMessage: 'A size such as 5MB or 800KB.' },
    fromConfig: (config) => formatSize(config.maxDocumentSize),
  },
  training: { yamlKey: SETTING_YAML_KEYS.training, schema: { type: 'string', minLength: 1 }, fromConfig: (config) => config.training },
  minQualified: { yamlKey: SETTING_YAML_KEYS.minQualified, schema: { type: 'integer', minimum: 1, maximum: 99 }, fromConfig: (config) => config.minQualified },
  organisation: { yamlKey: SETTING_YAML_KEYS.organisation, schema: { type: 'string' }, fromConfig: (config) => config.organisation },
  history: { yamlKey: SETTING_YAML_KEYS.history, schema: { type: 'boolean' }, fromConfig: (config) => config.history },
};

/** Bytes in the unit densho.yaml would use: `5MB`, `800KB`, or plain bytes. */
function formatSize(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / 1024 / 1024}MB`;
  if (bytes % 1024 === 0) return `${bytes / 1024}KB`;
  return String(bytes);
}

interface ClientSetting {
  readonly schema: JsonSchema;
  /**
   * Whether VS Code must ignore the workspace's value in Restricted Mode
   * (`restrictedConfigurations`): yes for anything that could make the
   * extension run a program or read outside the workspace folder, such as a
   * path to a server or a command line.
   */
  readonly restricted: boolean;
}

/** Settings of the extension itself, not defaults of densho.yaml. */
const CLIENT_SETTINGS: Readonly<Record<string, ClientSetting>> = {
  'trace.server': {
    schema: {
      type: 'string',
      enum: ['off', 'messages', 'verbose'],
      default: 'off',
      scope: 'window',
      description: 'Traces the communication between VS Code and the Densho language server in the "Densho" output channel.',
    },
    restricted: false,
  },
  // Read by the review schedule view (client/src/views/reviewTree.ts) only: planning ahead is the editor's, not the repository's.
  reviewHorizon: {
    schema: {
      type: 'string',
      pattern: '^(\\s*[1-9][0-9]*\\s*[dwmyDWMY]\\s*)?$',
      patternErrorMessage: 'A duration such as 90d, 6m or 1y, or empty.',
      default: '',
      scope: 'resource',
      markdownDescription: 'How far ahead the Review Schedule view and the status bar look for reviews coming due, e.g. `90d` or `6m` to plan a quarter or half a year ahead. Empty: `review.warn-before` of densho.yaml.',
    },
    restricted: false,
  },
  locale: {
    schema: {
      type: 'string',
      enum: ['auto', 'en', 'ja'],
      enumDescriptions: ["VS Code's display language (Japanese when it is Japanese, else English)", 'English', 'Japanese'],
      default: 'auto',
      scope: 'window',
      description: 'The language of Densho\'s diagnostics and quick fixes.',
    },
    restricted: false,
  },
};

/** The editor's own settings (no densho.yaml key): `trace.server`, `reviewHorizon`, `locale`. */
export const CLIENT_SETTING_NAMES: readonly string[] = Object.keys(CLIENT_SETTINGS);

/** `contributes.configuration` of package.json, generated from the engine: `npm run generate:manifest` writes it. */
export function configurationContribution(): JsonSchema {
  const properties: Record<string, JsonValue> = {};
  for (const [name, spec] of Object.entries(CONFIG_SETTINGS) as [keyof DenshoConfig, SettingSpec][]) {
    const meaning = CONFIG_KEYS[spec.yamlKey] ?? '';
    properties[`${SECTION}.${name}`] = {
      ...spec.schema,
      default: spec.fromConfig(DEFAULT_CONFIG),
      scope: 'resource',
      markdownDescription: `${meaning} Default for \`${spec.yamlKey}\`: a repository's \`densho.yaml\` takes precedence.`,
    };
  }
  for (const [name, setting] of Object.entries(CLIENT_SETTINGS)) properties[`${SECTION}.${name}`] = setting.schema;
  return { title: 'Densho', properties };
}

/**
 * `capabilities.untrustedWorkspaces` of package.json, generated like the
 * settings. The settings that are densho.yaml defaults are never restricted:
 * the repository's own densho.yaml sets the same keys and wins over them, so
 * a workspace's settings can do nothing its densho.yaml cannot, and the
 * language server confines both to reading files inside the folder. Only
 * extension settings marked `restricted` are.
 */
export function untrustedWorkspacesCapability(): JsonSchema {
  const restricted = Object.entries(CLIENT_SETTINGS)
    .filter(([, setting]) => setting.restricted)
    .map(([name]) => `${SECTION}.${name}`);
  const confinement =
    'Densho runs no code from the workspace: its bundled language server only reads files inside the workspace folder (symbolic links are not followed), and the settings are defaults that the repository\'s own densho.yaml can set too.';
  const history = 'Restricted Mode turns off one thing: document history, because reading it runs git.';
  if (restricted.length === 0) return { supported: true, description: `${confinement} ${history}` };
  return { supported: 'limited', description: `${confinement} ${history} In Restricted Mode the workspace's values of ${restricted.join(', ')} are ignored.`, restrictedConfigurations: restricted };
}
