import { message, type Message } from '../messages';

/** Every rule id with its default severity (docs/rules.md); the ids are the contract. */
export const RULE_DEFAULTS = {
  'config/invalid': 'error',
  'frontmatter/missing': 'error',
  'frontmatter/yaml': 'error',
  'frontmatter/required': 'error',
  'frontmatter/unknown-field': 'warning',
  'frontmatter/invalid': 'error',
  'frontmatter/full-width': 'error',
  'heading/full-width': 'warning',
  'id/duplicate': 'error',
  'id/pattern': 'warning',
  'people/unknown': 'warning',
  'people/inactive': 'warning',
  'people/leaving': 'warning',
  'link/file': 'error',
  'link/heading': 'error',
  'link/id': 'error',
  'link/outside-repo': 'error',
  'link/obsolete': 'warning',
  'link/full-width': 'error',
  'access/leak': 'warning',
  'access/list-missing': 'error',
  'review/overdue': 'warning',
  'review/due-soon': 'info',
  'review/future-date': 'warning',
  'translation/missing': 'warning',
  'translation/outdated': 'warning',
  'translation/structure': 'warning',
  'translation/access': 'error',
  'iso/unknown-clause': 'error',
  'iso/gap': 'warning',
  'training/invalid': 'error',
  'training/outdated': 'warning',
  'training/trainer': 'warning',
  'knowledge/single-holder': 'warning',
  // Beyond the product contract: files the engine refuses to parse, so that a hostile or
  // broken file is reported instead of hanging or crashing the check.
  'file/too-large': 'error',
  'file/binary': 'error',
  'file/too-deep': 'error',
  'file/unreadable': 'error',
  'version/not-bumped': 'warning',
  'version/decreased': 'error',
  'approval/outdated': 'warning',
} as const;

export type RuleId = keyof typeof RULE_DEFAULTS;

export const RULE_IDS = Object.keys(RULE_DEFAULTS) as RuleId[];

/** One line per rule, as docs/rules.md's table words it (docs/rules.ja.md's in Japanese): SARIF's shortDescription and help. */
export function ruleSummary(rule: RuleId): Message {
  return message(`rule.${rule}`) as Message;
}

export function isRuleId(value: string): value is RuleId {
  return Object.prototype.hasOwnProperty.call(RULE_DEFAULTS, value);
}

/**
 * Where a rule is documented, relative to the package root: docs/rules.md
 * (docs/rules.ja.md in Japanese, with the same anchors), which ships with
 * the CLI, the server and the extension, at the rule's anchor (its id with
 * `/` as `-`). Never a page outside the package.
 */
export function ruleDocumentationPath(rule: RuleId, locale: 'en' | 'ja' = 'en'): string {
  return `docs/${locale === 'ja' ? 'rules.ja.md' : 'rules.md'}#${rule.replace('/', '-')}`;
}
