/**
 * frontmatter/full-width (keys), heading/full-width, link/full-width: what a
 * Japanese input method typed full-width where YAML or Markdown needs ASCII
 * (parsing/fullWidth.ts finds them). Full-width digits and `2026年3月1日`
 * dates in a value are frontmatter/full-width too; the field readers of
 * frontmatter.ts report those.
 */
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
        fixes: [{ title: 'Convert to half-width characters', preferred: true, safe: true, edits: [{ kind: 'text', file: parsed.path, range: slip.range, newText: slip.newText }] }],
      });
    }
  },
};

function slipMessage(slip: KeyboardSlip): string {
  const typed = [slip.written.includes('\uff1a') ? 'a full-width colon `：`' : '', slip.written.includes('\u3000') ? 'a full-width space' : '', slip.written.includes('\uff03') ? 'a full-width `＃`' : '']
    .filter(Boolean)
    .join(' and ');
  switch (slip.rule) {
    case 'frontmatter/full-width':
      return `The key \`${slip.subject}\` is typed with ${typed}: YAML reads only the half-width \`:\` and space, so other tools do not see this field. Write \`${slip.subject}:\`.`;
    case 'heading/full-width':
      return `This line is typed with ${typed}, so Markdown shows it as text, not as a heading. Write the heading with a half-width \`#\` and space.`;
    case 'link/full-width':
      return `The link \`${slip.subject}\` is typed with ${typed}: Markdown reads it as part of the file name, not as the start of a section. Write \`#\`.`;
  }
}
