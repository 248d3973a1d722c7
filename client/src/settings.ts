/**
 * The extension's settings are the defaults of densho.yaml: one setting per
 * key of the engine's DEFAULT_CONFIG, and densho.yaml takes precedence key by
 * key. This module has no `vscode` import, so the drift test
 * (test/extension/settings.test.ts) and the generator
 * (client/scripts/generateManifest.ts) run it under plain Node.
 */
import { CONFIG_KEYS, DEFAULT_CONFIG, formatDuration, RULE_IDS, type DenshoConfig } from '../../server/src/engine';

/** The settings section: `densho.docs`, `densho.reviewInterval`, ... */
export const SECTION = 'densho';

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
  docs: { yamlKey: 'docs', schema: { ...STRING_LIST, minItems: 1 }, fromConfig: (config) => [...config.docs] },
  ignore: { yamlKey: 'ignore', schema: STRING_LIST, fromConfig: (config) => [...config.ignore] },
  layers: { yamlKey: 'layers', schema: { ...STRING_LIST, minItems: 1, uniqueItems: true }, fromConfig: (config) => [...config.layers] },
  languages: { yamlKey: 'languages', schema: { ...STRING_LIST, minItems: 1 }, fromConfig: (config) => [...config.languages] },
  requiredTranslations: {
    yamlKey: 'required-translations',
    schema: STRING_LIST,
    fromConfig: (config) => [...config.requiredTranslations],
  },
  reviewInterval: { yamlKey: 'review.interval', schema: DURATION, fromConfig: (config) => formatDuration(config.reviewInterval) },
  reviewWarnBefore: { yamlKey: 'review.warn-before', schema: DURATION, fromConfig: (config) => formatDuration(config.reviewWarnBefore) },
  people: { yamlKey: 'people', schema: { type: 'string', minLength: 1 }, fromConfig: (config) => config.people },
  peopleWarnBefore: { yamlKey: 'people-warn-before', schema: DURATION, fromConfig: (config) => formatDuration(config.peopleWarnBefore) },
  idPattern: { yamlKey: 'id-pattern', schema: { type: 'string', minLength: 1 }, fromConfig: (config) => config.idPattern.source },
  standards: { yamlKey: 'standards', schema: STRING_LIST, fromConfig: (config) => [...config.standards] },
  rules: {
    yamlKey: 'rules',
    schema: {
      type: 'object',
      propertyNames: { anyOf: [{ enum: [...RULE_IDS] }, { pattern: '^[a-z]+/\\*$' }] },
      additionalProperties: { enum: ['error', 'warning', 'info', 'off'] },
    },
    fromConfig: (config) => Object.fromEntries(config.rules),
  },
  maxDocumentSize: {
    yamlKey: 'max-document-size',
    schema: { type: 'string', pattern: '^\\s*[1-9][0-9]*\\s*([kKmMgG]?[bB])?\\s*$', patternErrorMessage: 'A size such as 5MB or 800KB.' },
    fromConfig: (config) => formatSize(config.maxDocumentSize),
  },
  training: { yamlKey: 'training', schema: { type: 'string', minLength: 1 }, fromConfig: (config) => config.training },
  minQualified: { yamlKey: 'min-qualified', schema: { type: 'integer', minimum: 1, maximum: 99 }, fromConfig: (config) => config.minQualified },
  organisation: { yamlKey: 'organisation', schema: { type: 'string' }, fromConfig: (config) => config.organisation },
  history: { yamlKey: 'history', schema: { type: 'boolean' }, fromConfig: (config) => config.history },
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

/** The settings of the extension itself (`densho.trace.server`, `densho.locale`), as VS Code names them. */
export const CLIENT_SETTING_NAMES: readonly string[] = Object.keys(CLIENT_SETTINGS).map((name) => `${SECTION}.${name}`);

/** The language the server is asked to speak: `densho.locale` (`auto` follows the client's locale). */
export function localeSetting(get: (name: string) => unknown): string {
  const value = get('locale');
  return value === 'en' || value === 'ja' ? value : 'auto';
}

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

/**
 * The settings as a densho.yaml mapping (`{ review: { interval: '12m' } }`),
 * for the server and for {@link withRepositoryConfig}. `get` reads one
 * setting by its name without the section.
 */
export function settingsAsYaml(get: (name: string) => unknown): Record<string, unknown> {
  const yaml: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(CONFIG_SETTINGS)) {
    const value = get(name);
    if (value === undefined || value === null) continue;
    const [head, tail] = spec.yamlKey.split('.') as [string, string | undefined];
    if (tail === undefined) yaml[head] = value;
    else yaml[head] = { ...((yaml[head] as Record<string, unknown> | undefined) ?? {}), [tail]: value };
  }
  return yaml;
}

/**
 * Overlays a repository's densho.yaml (already parsed) on the settings: each
 * key written in densho.yaml wins, `review.*` key by key.
 */
export function withRepositoryConfig(settings: Record<string, unknown>, repository: unknown): Record<string, unknown> {
  if (!isRecord(repository)) return settings;
  const merged: Record<string, unknown> = { ...settings };
  for (const [key, value] of Object.entries(repository)) {
    const dot = key.indexOf('.');
    if (dot > 0) {
      const head = key.slice(0, dot);
      merged[head] = { ...(isRecord(merged[head]) ? merged[head] : {}), [key.slice(dot + 1)]: value };
    } else if (key === 'review' && isRecord(value)) {
      merged[key] = { ...(isRecord(merged[key]) ? merged[key] : {}), ...value };
    } else {
      merged[key] = value;
    }
  }
  return merged;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
