/** review/*: approved documents are reviewed on schedule, and never "in the future". */
import { addDuration, formatDay } from '../dates';
import type { Fix } from '../diagnostics';
import type { RuleFamily } from './types';
import { reviewState } from '../reports/reviewState';

export const reviewRules: RuleFamily = {
  name: 'review',
  checkDocument(context) {
    const { meta, path } = context.document;
    const reviewed = meta.fields.get('reviewed');
    if (!reviewed || meta.reviewed === undefined) return;
    const range = reviewed.value.range;
    if (meta.reviewed > context.today) {
      context.report({
        rule: 'review/future-date',
        range,
        message: `\`reviewed\` is ${formatDay(meta.reviewed)}, after today (${formatDay(context.today)}).`,
      });
      return;
    }
    // Drafts are still being written and obsolete documents are retired: only approved ones are scheduled.
    if (meta.status !== 'approved') return;
    const state = reviewState(meta, context.config);
    if (!state) return;
    const markReviewed: Fix[] = [
      { title: `Set \`reviewed\` to today (${formatDay(context.today)})`, preferred: true, edits: [{ kind: 'text', file: path, range, newText: formatDay(context.today) }] },
    ];
    if (state.due < context.today) {
      context.report({
        rule: 'review/overdue',
        range,
        message: `Review overdue by ${context.today - state.due} day(s): due ${formatDay(state.due)} (reviewed ${formatDay(meta.reviewed)}, every ${state.interval}).`,
        fixes: markReviewed,
      });
    } else if (state.due <= addDuration(context.today, context.config.reviewWarnBefore)) {
      context.report({
        rule: 'review/due-soon',
        range,
        message: `Review due in ${state.due - context.today} day(s), on ${formatDay(state.due)}.`,
        fixes: markReviewed,
      });
    }
  },
};
