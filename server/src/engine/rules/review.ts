/** review/*: approved documents are reviewed on schedule, and never "in the future". */
import { addDuration, formatDay } from '../dates';
import type { Fix } from '../diagnostics';
import { message } from '../messages';
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
        message: message('review.future-date', { reviewed: formatDay(meta.reviewed), today: formatDay(context.today) }),
      });
      return;
    }
    // Drafts are still being written and obsolete documents are retired: only approved ones are scheduled.
    if (meta.status !== 'approved') return;
    const state = reviewState(meta, context.config);
    if (!state) return;
    // Made only for a document that is reported: most are not, and the dates' formatting showed in a cold check's profile.
    const markReviewed = (): Fix[] => [
      { title: message('fix.mark-reviewed', { today: formatDay(context.today) }), preferred: true, edits: [{ kind: 'text', file: path, range, newText: formatDay(context.today) }] },
    ];
    if (state.due < context.today) {
      context.report({
        rule: 'review/overdue',
        range,
        message: message('review.overdue', { days: context.today - state.due, due: formatDay(state.due), reviewed: formatDay(meta.reviewed), interval: String(state.interval) }),
        fixes: markReviewed(),
      });
    } else if (state.due <= addDuration(context.today, context.config.reviewWarnBefore)) {
      context.report({
        rule: 'review/due-soon',
        range,
        message: message('review.due-soon', { days: state.due - context.today, due: formatDay(state.due) }),
        fixes: markReviewed(),
      });
    }
  },
};
