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

/** One line per rule, as docs/rules.md's table words it: SARIF's shortDescription and the CLI's help. */
export const RULE_SUMMARIES: Readonly<Record<RuleId, string>> = {
  'config/invalid': 'densho.yaml or people.yaml is not valid',
  'frontmatter/missing': 'a document has no front matter',
  'frontmatter/yaml': 'the front matter is not valid YAML',
  'frontmatter/required': 'a required field is missing',
  'frontmatter/unknown-field': 'an unknown front matter key',
  'frontmatter/invalid': 'a value has the wrong form (date, enum, integer, list)',
  'frontmatter/full-width': 'a key typed with a full-width colon or space, or a number or date typed with full-width digits or as 2026年3月1日',
  'heading/full-width': 'a heading typed with a full-width ＃ or space, which Markdown shows as text',
  'id/duplicate': 'two documents share id and lang',
  'id/pattern': 'id does not match id-pattern',
  'people/unknown': 'owner, expert or approved-by is not in people.yaml',
  'people/inactive': 'the owner is marked active: false',
  'people/leaving': 'an expert source leaves within people-warn-before, or has left',
  'link/file': "a relative link's file does not exist",
  'link/heading': 'the fragment matches no heading in the target',
  'link/id': 'a [[ID]] reference matches no document',
  'link/outside-repo': 'a link resolves outside the repository root',
  'link/obsolete': 'a link points to a document with status: obsolete',
  'link/full-width': "a link's fragment starts with a full-width ＃ instead of #",
  'access/leak': 'a document links to a document in a higher layer',
  'access/list-missing': 'a highest-layer document has no access-list',
  'review/overdue': 'reviewed + interval is in the past',
  'review/due-soon': 'the review falls due within review.warn-before',
  'review/future-date': 'reviewed lies in the future',
  'translation/missing': 'an approved source document lacks a language in required-translations',
  'translation/outdated': "the translation's translated-from-version is lower than the source's version (naming the source's changed sections)",
  'translation/structure': 'source and translation differ in their number of headings or numbered steps',
  'translation/access': 'a translation sits in a lower access layer than its source',
  'iso/unknown-clause': 'a clause number is not in the standard',
  'iso/gap': 'a clause that requires documented information is covered by no approved document',
  'training/invalid': 'training.yaml is not valid: unknown person or document id, bad level, date or version',
  'training/outdated': "a person was trained on a version older than the document's latest major change",
  'training/trainer': "a record's trainer is not at level trainer on that document",
  'knowledge/single-holder': 'an approved sop, work-instruction or master has fewer than min-qualified qualified people',
  'file/too-large': 'a document is larger than max-document-size and is not parsed',
  'file/binary': 'a document is not UTF-8 text (a NUL byte or an invalid sequence) and is not parsed',
  'file/too-deep': 'a document nests block quotes or lists too deeply to parse safely',
  'file/unreadable': 'a document cannot be read (no permission, an I/O error) or its name is not valid UTF-8',
  'version/not-bumped': "an approved document's content differs from its current revision and the difference is not only editorial",
  'version/decreased': 'version is lower than a version the document had before',
  'approval/outdated': 'approved is earlier than the date of the current revision: the current version was never approved',
};

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
