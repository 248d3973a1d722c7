/**
 * The yaml library's parse errors as catalog messages (issue 18): its own
 * text is English, several lines long and worded for YAML experts. Each
 * error code becomes a sentence that says what to do, in the reader's
 * language; a code this table does not know is named, never dropped.
 */
import type { YAMLError } from 'yaml';
import { message, type Message } from './messages';

/** Within MISSING_CHAR, what is missing: the library says it only in its English text. */
const MISSING: readonly (readonly [RegExp, () => Message])[] = [
  [/^Missing closing .?quote/, () => message('yaml.unclosed-quote')],
  [/^Missing , (?:or : )?between/, () => message('yaml.missing-comma')],
  [/^Missing space after :/, () => message('yaml.missing-space')],
  [/^Implicit map keys need to be followed by map values/, () => message('yaml.key-without-value')],
  [/^Comments must be separated/, () => message('yaml.comment-space')],
];

export function yamlErrorMessage(error: Pick<YAMLError, 'code' | 'message'>): Message {
  switch (error.code) {
    case 'MISSING_CHAR':
      return MISSING.find(([pattern]) => pattern.test(error.message))?.[1]() ?? message('yaml.missing-char');
    case 'BAD_INDENT':
      return message('yaml.bad-indent');
    case 'TAB_AS_INDENT':
      return message('yaml.tab-indent');
    case 'BLOCK_AS_IMPLICIT_KEY':
      return message('yaml.nested-mapping');
    case 'MULTILINE_IMPLICIT_KEY':
      return message('yaml.multiline-key');
    case 'DUPLICATE_KEY':
      return message('yaml.duplicate-key-unnamed');
    case 'UNEXPECTED_TOKEN':
      return message('yaml.unexpected');
    case 'BAD_SCALAR_START':
      return message('yaml.reserved-start');
    case 'BAD_DQ_ESCAPE':
      return message('yaml.bad-escape');
    case 'BLOCK_IN_FLOW':
      return message('yaml.block-in-flow');
    case 'MULTIPLE_DOCS':
      return message('yaml.multiple-documents');
    case 'KEY_OVER_1024_CHARS':
      return message('yaml.long-key');
    case 'TAG_RESOLVE_FAILED':
      return message('yaml.unknown-tag');
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
    case 'BAD_PROP_ORDER':
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
      return message('yaml.anchor-or-tag');
    default:
      return message('yaml.other', { code: error.code });
  }
}
