/**
 * The editor's Densho settings as the server takes them: shaped as
 * densho.yaml, at start-up (initializationOptions.settings) and on every
 * change. Run-time code: it imports only protocol.ts, never the engine.
 */
import { SETTING_YAML_KEYS, SETTINGS_SECTION } from '../../server/src/protocol';

/** The settings section: `densho.docs`, `densho.reviewInterval`, ... */
export const SECTION = SETTINGS_SECTION;

/** The settings as a densho.yaml mapping (`{ review: { interval: '12m' } }`). `get` reads one setting by its name without the section. */
export function settingsAsYaml(get: (name: string) => unknown): Record<string, unknown> {
  const yaml: Record<string, unknown> = {};
  for (const [name, yamlKey] of Object.entries(SETTING_YAML_KEYS)) {
    const value = get(name);
    if (value === undefined || value === null) continue;
    const [head, tail] = yamlKey.split('.') as [string, string | undefined];
    if (tail === undefined) yaml[head] = value;
    else yaml[head] = { ...((yaml[head] as Record<string, unknown> | undefined) ?? {}), [tail]: value };
  }
  return yaml;
}

/**
 * The settings the user set (`isSet`, by name without the section) that the
 * repository's densho.yaml overrides (`repositoryKeys`, as densho/configuration
 * lists them: `docs`, `review.interval`), with the key that does: what the
 * status bar says is not in effect.
 */
export function settingsOverriddenBy(repositoryKeys: readonly string[], isSet: (name: string) => boolean): { readonly setting: string; readonly yamlKey: string }[] {
  const written = new Set(repositoryKeys);
  return Object.entries(SETTING_YAML_KEYS)
    .filter(([name, yamlKey]) => isSet(name) && written.has(yamlKey))
    .map(([name, yamlKey]) => ({ setting: `${SECTION}.${name}`, yamlKey }));
}

/** The language the server is asked to speak: `densho.locale` (`auto` follows the client's locale). */
export function localeSetting(get: (name: string) => unknown): string {
  const value = get('locale');
  return value === 'en' || value === 'ja' ? value : 'auto';
}
