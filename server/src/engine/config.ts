/**
 * densho.yaml: every key optional, every invalid value reported as
 * `config/invalid` at the offending key while checking goes on with that
 * key's default.
 */
import type { Finding, SeveritySetting } from './diagnostics';
import { parseDuration, type Duration } from './dates';
import { isRuleId, RULE_IDS } from './rules/ruleIds';
import { closestMatch } from './suggest';
import { LineIndex, ZERO_RANGE, type Range } from './text';
import { stringify as stringifyYaml } from 'yaml';
import { compileGlobs } from './documentGlobs';
import { DOCUMENT_SIZE_CEILING } from './limits';
import { compileLinearPattern, type LinearPattern } from './linearPattern';
import { message, type Message } from './messages';
import { describeKind, parseYaml, scalarText, type YamlEntry, type YamlValue } from './yamlValue';

export const CONFIG_FILE = 'densho.yaml';

export interface DenshoConfig {
  readonly docs: readonly string[];
  readonly ignore: readonly string[];
  readonly layers: readonly string[];
  readonly languages: readonly string[];
  readonly requiredTranslations: readonly string[];
  readonly reviewInterval: Duration;
  readonly reviewWarnBefore: Duration;
  readonly people: string;
  readonly peopleWarnBefore: Duration;
  /** Matched in linear time (RE2 semantics): the pattern comes from the repository. */
  readonly idPattern: LinearPattern;
  /** Built-in standard ids (`iso9001`) and paths of custom standard files. */
  readonly standards: readonly string[];
  /** `rules:` overrides by rule id or family wildcard (`review/*`). */
  readonly rules: ReadonlyMap<string, SeveritySetting>;
  /** Documents larger than this many bytes are reported (`file/too-large`), not parsed. */
  readonly maxDocumentSize: number;
  /** Path of the training records. */
  readonly training: string;
  /** How many qualified people each approved sop, work-instruction and master needs. */
  readonly minQualified: number;
  /** The organisation's name on the audit pack; '' for the repository folder's name. */
  readonly organisation: string;
  /** Whether document history is read from Git. */
  readonly history: boolean;
}

export const DEFAULT_CONFIG: DenshoConfig = {
  docs: ['**/*.md'],
  ignore: ['node_modules/**', '.git/**', 'README.md', 'CHANGELOG.md'],
  layers: ['public', 'internal', 'restricted', 'master'],
  languages: ['en'],
  requiredTranslations: [],
  reviewInterval: { amount: 12, unit: 'm' },
  reviewWarnBefore: { amount: 30, unit: 'd' },
  people: 'people.yaml',
  peopleWarnBefore: { amount: 180, unit: 'd' },
  idPattern: compileLinearPattern('^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$') as LinearPattern,
  standards: ['iso9001'],
  rules: new Map(),
  training: 'training.yaml',
  minQualified: 2,
  maxDocumentSize: DOCUMENT_SIZE_CEILING,
  organisation: '',
  history: true,
};

/** What each key means, for completion, hover and the JSON schema. */
export const CONFIG_KEYS: Readonly<Record<string, string>> = {
  docs: 'Globs of documents, relative to the repository root.',
  ignore: 'Globs excluded from the documents; .gitignore is honoured too.',
  layers: 'Access layers, lowest to highest.',
  languages: 'Languages in use; the first is the source language.',
  'required-translations': 'Languages every approved document must also exist in.',
  review: 'Review defaults: `interval` (e.g. 12m) and `warn-before` (e.g. 30d).',
  'review.interval': 'Default review interval (90d, 6m, 1y).',
  'review.warn-before': 'How early review/due-soon starts.',
  people: 'Path of the people registry.',
  'people-warn-before': 'How early a leaving expert raises people/leaving.',
  'id-pattern': 'Regular expression every id must match.',
  standards: 'Standards whose clauses documents map to; a path to a YAML file adds a custom standard.',
  rules: 'Per-rule severity override: error, warning, info or off.',
  'max-document-size': 'Documents larger than this (e.g. 5MB, 800KB) are reported and not parsed.',
  training: 'Path of the training records: who can do which procedure.',
  'min-qualified': 'How many qualified people each approved sop, work-instruction and master needs (knowledge/single-holder).',
  organisation: "The organisation's name, printed on the audit pack (default: the repository folder's name).",
  history: 'Read document history from Git when the repository is in a Git work tree (true or false).',
};

export interface ConfigResult {
  readonly config: DenshoConfig;
  readonly findings: readonly Finding[];
  /**
   * Where each key is written in densho.yaml, for findings about what it sets
   * (iso/gap at `standards`) and for the editor's "overridden" notice: the
   * top-level keys, and the keys under `review` as `review.interval`.
   */
  readonly keyRanges: ReadonlyMap<string, Range>;
}

const NO_KEYS: ReadonlyMap<string, Range> = new Map();

const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'off'];

/**
 * Reads densho.yaml over `base`: every key written in the file wins, every
 * other key keeps the base value (the built-in defaults, or an editor's
 * settings laid over them).
 */
export function parseConfig(text: string | undefined, base: DenshoConfig = DEFAULT_CONFIG): ConfigResult {
  if (text === undefined) return { config: base, findings: [], keyRanges: NO_KEYS };
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const problem = (range: Range, message: Message): void => {
    findings.push({ file: CONFIG_FILE, rule: 'config/invalid', range, message });
  };
  const parsed = parseYaml(text, lines);
  for (const error of parsed.errors) problem(error.range, message('config.yaml', { file: CONFIG_FILE, error: error.message }));
  const root = parsed.root;
  if (!root) return { config: base, findings, keyRanges: NO_KEYS };
  if (root.kind !== 'map') {
    problem(root.range, message('config.not-a-map', { kind: describeKind(root) }));
    return { config: base, findings, keyRanges: NO_KEYS };
  }

  const config: { -readonly [K in keyof DenshoConfig]: DenshoConfig[K] } = { ...base };
  const stringList = (entry: YamlEntry, allowEmpty: boolean): string[] | undefined => {
    const value = entry.value;
    const items = value.kind === 'list' ? value.items : value.kind === 'scalar' ? [value] : undefined;
    if (!items) {
      problem(value.range, message('config.string-list', { key: entry.key }));
      return undefined;
    }
    const strings: string[] = [];
    for (const item of items) {
      const itemText = scalarText(item);
      if (itemText === undefined || itemText === '') {
        problem(item.range, message('config.string-list', { key: entry.key }));
        return undefined;
      }
      strings.push(itemText);
    }
    if (!allowEmpty && strings.length === 0) {
      problem(value.range, message('config.needs-entry', { key: entry.key }));
      return undefined;
    }
    return strings;
  };
  const globList = (entry: YamlEntry, allowEmpty: boolean): string[] | undefined => {
    const globs = stringList(entry, allowEmpty);
    const compiled = globs && compileGlobs(globs, { dot: true });
    if (compiled && typeof compiled !== 'function') {
      problem(entry.value.range, message('config.glob', { key: entry.key, error: compiled.error }));
      return undefined;
    }
    return globs;
  };
  const duration = (value: YamlValue, key: string): Duration | undefined => {
    const parsedDuration = parseDuration(scalarText(value) ?? '');
    if (!parsedDuration) problem(value.range, message('config.duration', { key }));
    return parsedDuration;
  };

  for (const entry of root.entries) {
    switch (entry.key) {
      case 'docs':
        config.docs = globList(entry, false) ?? config.docs;
        break;
      case 'ignore':
        config.ignore = globList(entry, true) ?? config.ignore;
        break;
      case 'layers': {
        const layers = stringList(entry, false);
        if (layers && new Set(layers).size !== layers.length) problem(entry.value.range, message('config.layers-twice'));
        else if (layers) config.layers = layers;
        break;
      }
      case 'languages':
        config.languages = stringList(entry, false) ?? config.languages;
        break;
      case 'required-translations':
        config.requiredTranslations = stringList(entry, true) ?? config.requiredTranslations;
        break;
      case 'review':
        if (entry.value.kind !== 'map') {
          problem(entry.value.range, message('config.review-map'));
          break;
        }
        for (const sub of entry.value.entries) {
          if (sub.key === 'interval') config.reviewInterval = duration(sub.value, 'review.interval') ?? config.reviewInterval;
          else if (sub.key === 'warn-before')
            config.reviewWarnBefore = duration(sub.value, 'review.warn-before') ?? config.reviewWarnBefore;
          else problem(sub.keyRange, unknownKeyMessage(`review.${sub.key}`, ['review.interval', 'review.warn-before']));
        }
        break;
      case 'review.interval':
        config.reviewInterval = duration(entry.value, entry.key) ?? config.reviewInterval;
        break;
      case 'review.warn-before':
        config.reviewWarnBefore = duration(entry.value, entry.key) ?? config.reviewWarnBefore;
        break;
      case 'people': {
        const path = scalarText(entry.value);
        if (!path) problem(entry.value.range, message('config.people-path'));
        else config.people = path;
        break;
      }
      case 'people-warn-before':
        config.peopleWarnBefore = duration(entry.value, entry.key) ?? config.peopleWarnBefore;
        break;
      case 'id-pattern': {
        const source = scalarText(entry.value);
        const compiled = source ? compileLinearPattern(source) : { error: message('pattern.empty') };
        if ('error' in compiled) {
          problem(entry.value.range, message('config.id-pattern', { error: compiled.error }));
        } else config.idPattern = compiled;
        break;
      }
      case 'standards':
        config.standards = stringList(entry, true) ?? config.standards;
        break;
      case 'rules':
        config.rules = parseRuleOverrides(entry.value, problem);
        break;
      case 'max-document-size': {
        const size = parseSize(scalarText(entry.value) ?? '');
        if (size === undefined) problem(entry.value.range, message('config.max-document-size'));
        else if (size > DOCUMENT_SIZE_CEILING) {
          // The repository being checked must not be able to lift the limit that protects the check.
          problem(entry.value.range, message('config.max-document-size-ceiling', { limit: `${DOCUMENT_SIZE_CEILING / 1024 / 1024}MB` }));
          config.maxDocumentSize = DOCUMENT_SIZE_CEILING;
        } else config.maxDocumentSize = size;
        break;
      }
      case 'organisation': {
        const name = entry.value.kind === 'empty' ? '' : scalarText(entry.value)?.trim();
        if (name === undefined) problem(entry.value.range, message('config.organisation'));
        else config.organisation = name;
        break;
      }
      case 'training': {
        const path = scalarText(entry.value);
        if (!path) problem(entry.value.range, message('config.training-path'));
        else config.training = path;
        break;
      }
      case 'min-qualified': {
        const text = scalarText(entry.value);
        if (text === undefined || !/^[1-9][0-9]?$/.test(text)) problem(entry.value.range, message('config.min-qualified'));
        else config.minQualified = Number(text);
        break;
      }
      case 'history':
        if (entry.value.kind === 'scalar' && typeof entry.value.value === 'boolean') config.history = entry.value.value;
        else problem(entry.value.range, message('config.history'));
        break;
      default:
        problem(entry.keyRange, unknownKeyMessage(entry.key, Object.keys(CONFIG_KEYS)));
    }
  }
  for (const language of config.requiredTranslations) {
    if (!config.languages.includes(language)) {
      const entry = root.entries.find((candidate) => candidate.key === 'required-translations');
      problem(entry?.value.range ?? ZERO_RANGE, message('config.required-translation', { language }));
    }
  }
  const keyRanges = new Map<string, Range>();
  for (const entry of root.entries) {
    keyRanges.set(entry.key, entry.keyRange);
    if (entry.value.kind === 'map') for (const nested of entry.value.entries) keyRanges.set(`${entry.key}.${nested.key}`, nested.keyRange);
  }
  return { config, findings, keyRanges };
}

function parseRuleOverrides(value: YamlValue, problem: (range: Range, message: Message) => void): Map<string, SeveritySetting> {
  const overrides = new Map<string, SeveritySetting>();
  if (value.kind !== 'map') {
    problem(value.range, message('config.rules-map'));
    return overrides;
  }
  const families = new Set(RULE_IDS.map((id) => id.split('/')[0]!));
  for (const entry of value.entries) {
    const family = entry.key.endsWith('/*') ? entry.key.slice(0, -2) : undefined;
    if (!isRuleId(entry.key) && !(family && families.has(family))) {
      const suggestion = closestMatch(entry.key, RULE_IDS);
      problem(entry.keyRange, message('config.unknown-rule', { rule: entry.key, suggestion }));
      continue;
    }
    const setting = scalarText(entry.value);
    if (!setting || !SEVERITY_SETTINGS.includes(setting)) {
      problem(entry.value.range, message('config.severity', { rule: entry.key }));
      continue;
    }
    overrides.set(entry.key, setting as SeveritySetting);
  }
  return overrides;
}

/** `5MB`, `800KB`, `1048576` → bytes. */
function parseSize(text: string): number | undefined {
  const match = /^(\d+)\s*(B|KB|MB|GB)?$/i.exec(text.trim());
  if (!match) return undefined;
  const unit = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[(match[2] ?? 'B').toUpperCase() as 'B'];
  const size = Number(match[1]) * unit;
  return size > 0 && Number.isSafeInteger(size) ? size : undefined;
}

function unknownKeyMessage(key: string, known: readonly string[]): Message {
  return message('config.unknown-setting', { key, suggestion: closestMatch(key, known) });
}

/**
 * An editor's settings, shaped like densho.yaml, as the base under a
 * repository's own densho.yaml. Invalid values keep the built-in default;
 * the editor's settings schema is where they are reported.
 */
export function configFromSettings(settings: Record<string, unknown> | undefined): DenshoConfig {
  if (!settings || Object.keys(settings).length === 0) return DEFAULT_CONFIG;
  return parseConfig(stringifyYaml(settings)).config;
}

/** The source language: the first of `languages`. */
export function sourceLanguage(config: DenshoConfig): string {
  return config.languages[0] ?? 'en';
}
