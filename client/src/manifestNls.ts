/**
 * The manifest's user-visible strings as VS Code localises them: each is a
 * `%key%` placeholder in package.json, with its English text in
 * package.nls.json and its Japanese text in package.nls.ja.json (from
 * manifestJapanese.ts). client/scripts/generateManifest.ts writes all three,
 * so the placeholders and both files stay in step. No `vscode` import: the
 * generator and the tests run this under plain Node.
 */

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The parts of package.json that hold strings VS Code shows. */
export interface LocalizableManifest {
  /** The extension's name and description: the Extensions view, the walkthrough's tab and the marketplace show them. */
  readonly displayName?: string;
  readonly description?: string;
  readonly contributes: JsonObject;
  readonly capabilities?: JsonObject;
}

const PLACEHOLDER = /^%([^%\s]+)%$/;

/** Fields of a setting's schema that VS Code shows in the Settings editor. */
const SETTING_TEXTS = ['description', 'markdownDescription', 'patternErrorMessage', 'deprecationMessage', 'markdownDeprecationMessage'];
const SETTING_LISTS = ['enumDescriptions', 'markdownEnumDescriptions', 'enumItemLabels'];

/**
 * Replaces every user-visible string of the manifest by a `%key%`
 * placeholder named after what it belongs to (`command.densho.markReviewed.title`),
 * and returns the English text of each key, in manifest order. A string that
 * is a placeholder already takes its text from `english` (package.nls.json as
 * it stands), so running the generator twice changes nothing.
 */
export function localizeManifest(manifest: LocalizableManifest, english: Readonly<Record<string, string>>): { manifest: LocalizableManifest; strings: Record<string, string> } {
  const copy = JSON.parse(JSON.stringify(manifest)) as { displayName?: string; description?: string; contributes: JsonObject; capabilities?: JsonObject };
  const strings: Record<string, string> = {};
  const slot = (holder: unknown, field: string | number, key: string): void => {
    if (!holder || typeof holder !== 'object') return;
    const record = holder as Record<string | number, Json>;
    const value = record[field];
    if (typeof value !== 'string') return;
    const placeholder = PLACEHOLDER.exec(value)?.[1];
    const text = placeholder === undefined ? value : Object.hasOwn(english, placeholder) ? english[placeholder] : undefined;
    if (text === undefined) throw new Error(`${value} has no English text in package.nls.json`);
    if (Object.hasOwn(strings, key)) throw new Error(`two manifest strings would share the key ${key}`);
    record[field] = `%${key}%`;
    strings[key] = text;
  };
  const items = (value: Json | undefined): JsonObject[] => (Array.isArray(value) ? (value.filter((item) => item && typeof item === 'object' && !Array.isArray(item)) as JsonObject[]) : []);
  const { contributes } = copy;

  slot(copy, 'displayName', 'displayName');
  slot(copy, 'description', 'description');
  for (const [place, containers] of Object.entries((contributes['viewsContainers'] as JsonObject | undefined) ?? {})) {
    for (const container of items(containers)) slot(container, 'title', `viewsContainer.${place}.${container['id']}.title`);
  }
  for (const views of Object.values((contributes['views'] as JsonObject | undefined) ?? {})) {
    for (const view of items(views)) {
      slot(view, 'name', `view.${view['id']}.name`);
      slot(view, 'contextualTitle', `view.${view['id']}.contextualTitle`);
    }
  }
  const welcomes = new Map<Json | undefined, number>();
  for (const welcome of items(contributes['viewsWelcome'])) {
    // A view may have several welcome texts (for different `when`s): the second is `….contents.2`.
    const seen = (welcomes.get(welcome['view']) ?? 0) + 1;
    welcomes.set(welcome['view'], seen);
    slot(welcome, 'contents', `viewsWelcome.${welcome['view']}.contents${seen > 1 ? `.${seen}` : ''}`);
  }
  for (const command of items(contributes['commands'])) {
    slot(command, 'title', `command.${command['command']}.title`);
    slot(command, 'shortTitle', `command.${command['command']}.shortTitle`);
  }
  for (const walkthrough of items(contributes['walkthroughs'])) {
    slot(walkthrough, 'title', `walkthrough.${walkthrough['id']}.title`);
    slot(walkthrough, 'description', `walkthrough.${walkthrough['id']}.description`);
    for (const step of items(walkthrough['steps'])) {
      slot(step, 'title', `walkthrough.${walkthrough['id']}.${step['id']}.title`);
      slot(step, 'description', `walkthrough.${walkthrough['id']}.${step['id']}.description`);
      // A page's path is a string like any other: VS Code substitutes placeholders anywhere in the manifest, so each language opens its own page.
      slot(step['media'], 'markdown', `walkthrough.${walkthrough['id']}.${step['id']}.media.markdown`);
    }
  }
  // The snippets' file, like a walkthrough page, has a Japanese twin.
  for (const snippets of items(contributes['snippets'])) slot(snippets, 'path', `snippets.${snippets['language']}.path`);
  const configurations = Array.isArray(contributes['configuration']) ? items(contributes['configuration']) : items([contributes['configuration'] ?? null]);
  for (const configuration of configurations) {
    slot(configuration, 'title', 'configuration.title');
    for (const [setting, schema] of Object.entries((configuration['properties'] as JsonObject | undefined) ?? {})) {
      for (const field of SETTING_TEXTS) slot(schema, field, `${setting}.${field}`);
      for (const list of SETTING_LISTS) {
        const values = (schema as JsonObject | null)?.[list];
        if (Array.isArray(values)) values.forEach((_, index) => slot(values, index, `${setting}.${list}.${index}`));
      }
    }
  }
  slot(copy.capabilities?.['untrustedWorkspaces'], 'description', 'capabilities.untrustedWorkspaces.description');
  return { manifest: copy, strings };
}

/** `value` with every `%key%` placeholder replaced by its text in `strings`, as VS Code shows it; an unknown key stays as written. */
export function resolvePlaceholders<T>(value: T, strings: Readonly<Record<string, string>>): T {
  if (typeof value === 'string') {
    const key = PLACEHOLDER.exec(value)?.[1];
    return (key !== undefined && Object.hasOwn(strings, key) ? strings[key] : value) as T;
  }
  if (Array.isArray(value)) return value.map((item) => resolvePlaceholders(item, strings)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolvePlaceholders(item, strings)])) as T;
  return value;
}

/** Every `%key%` placeholder anywhere in `value`. */
export function placeholdersIn(value: unknown): string[] {
  if (typeof value === 'string') {
    const key = PLACEHOLDER.exec(value)?.[1];
    return key === undefined ? [] : [key];
  }
  if (Array.isArray(value)) return value.flatMap(placeholdersIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(placeholdersIn);
  return [];
}

/** The keys whose text is the path of a file with a Japanese twin: the walkthrough pages and the snippets. */
const TWINNED_FILE = /\.media\.markdown$|^snippets\..+\.path$/;

/** A walkthrough page's or the snippets' Japanese twin: `client/assets/walkthrough/audit.md` → `client/assets/walkthrough/ja/audit.md`. */
export function japanesePagePath(path: string): string {
  const slash = path.lastIndexOf('/');
  return `${path.slice(0, slash + 1)}ja/${path.slice(slash + 1)}`;
}

/** The files with a Japanese twin among `english`'s keys, each with its twin's path: the generator adds them to manifestJapanese.ts's texts. */
export function japanesePages(english: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(english).filter(([key]) => TWINNED_FILE.test(key)).map(([key, path]) => [key, japanesePagePath(path)]));
}

/** The Japanese file for `english`'s keys from `table`; a key without Japanese keeps its English text and is listed as missing. */
export function japaneseStrings(english: Readonly<Record<string, string>>, table: Readonly<Record<string, string>>): { strings: Record<string, string>; missing: string[]; stale: string[] } {
  const strings: Record<string, string> = {};
  const missing: string[] = [];
  for (const [key, text] of Object.entries(english)) {
    if (Object.hasOwn(table, key)) strings[key] = table[key]!;
    else {
      strings[key] = text;
      missing.push(key);
    }
  }
  return { strings, missing, stale: Object.keys(table).filter((key) => !Object.hasOwn(english, key)) };
}
