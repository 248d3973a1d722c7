/**
 * frontmatter/full-width (keys), heading/full-width, link/full-width: what a
 * Japanese input method typed full-width where YAML or Markdown needs ASCII
 * (parsing/fullWidth.ts finds them). Full-width digits and `2026年3月1日`
 * dates in a value are frontmatter/full-width too; the field readers of
 * frontmatter.ts report those.
 */
import { message, type Message } from '../messages';
import type { KeyboardSlip } from '../parsing/fullWidth';
import type { RuleFamily } from './types';

export const fullWidthRules: RuleFamily = {
  name: 'full-width',
  checkDocument(context) {
    const { parsed } = context.document;
    for (const slip of parsed.keyboardSlips) {
      context.report({
        rule: slip.rule,
        range: slip.range,
        message: slipMessage(slip),
        fixes: [{ title: message('fix.half-width'), preferred: true, safe: true, edits: [{ kind: 'text', file: parsed.path, range: slip.range, newText: slip.newText }] }],
      });
    }
  },
};

function slipMessage(slip: KeyboardSlip): Message {
  const typed: Message[] = [];
  if (slip.written.includes('\uff1a')) typed.push(message('fullwidth.colon'));
  if (slip.written.includes('\u3000')) typed.push(message('fullwidth.space'));
  if (slip.written.includes('\uff03')) typed.push(message('fullwidth.hash'));
  switch (slip.rule) {
    case 'frontmatter/full-width':
      return message('fullwidth.key', { key: slip.subject, typed, written: `${slip.subject}:` });
    case 'heading/full-width':
      return message('fullwidth.heading', { typed });
    case 'link/full-width':
      return message('fullwidth.link', { destination: slip.subject, typed });
  }
}
