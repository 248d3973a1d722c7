/** The review schedule: overdue documents and those falling due within a window, grouped by owner. */
import type { DenshoConfig } from '../config';
import { addDuration, formatDay, formatDuration, type Day, type Duration } from '../dates';
import type { PeopleRegistry } from '../people';
import type { IndexedDocument } from '../workspaceIndex';
import { reviewState } from './reviewState';

export interface ScheduledReview {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly lang: string;
  readonly reviewed: string;
  readonly due: string;
  readonly state: 'overdue' | 'due-soon';
  /** Days past due (overdue) or days left (due-soon). */
  readonly days: number;
}

export interface OwnerReviews {
  readonly owner: string;
  readonly name: string | null;
  readonly documents: readonly ScheduledReview[];
}

export interface ReviewSchedule {
  readonly version: 1;
  readonly today: string;
  readonly within: string;
  readonly owners: readonly OwnerReviews[];
  readonly summary: { readonly overdue: number; readonly dueSoon: number };
}

const NO_OWNER = '(no owner)';

export function reviewSchedule(
  documents: Iterable<IndexedDocument>,
  config: DenshoConfig,
  people: PeopleRegistry | undefined,
  today: Day,
  within: Duration = config.reviewWarnBefore,
): ReviewSchedule {
  const horizon = addDuration(today, within);
  const byOwner = new Map<string, ScheduledReview[]>();
  let overdue = 0;
  let dueSoon = 0;
  for (const document of documents) {
    const { meta } = document;
    if (meta.status !== 'approved' || meta.reviewed === undefined || meta.reviewed > today) continue;
    const state = reviewState(meta, config);
    if (!state || state.due > horizon) continue;
    const isOverdue = state.due < today;
    if (isOverdue) overdue++;
    else dueSoon++;
    const owner = meta.owner?.value ?? NO_OWNER;
    const list = byOwner.get(owner) ?? [];
    list.push({
      id: meta.id?.value ?? document.path,
      title: meta.title ?? '',
      file: document.path,
      lang: meta.lang,
      reviewed: formatDay(meta.reviewed),
      due: formatDay(state.due),
      state: isOverdue ? 'overdue' : 'due-soon',
      days: isOverdue ? today - state.due : state.due - today,
    });
    byOwner.set(owner, list);
  }
  const owners = [...byOwner.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([owner, reviews]) => ({
      owner,
      name: people?.people.get(owner)?.name ?? null,
      // Most urgent first: the longest overdue, then the soonest due.
      documents: reviews.sort((a, b) => a.due.localeCompare(b.due) || a.file.localeCompare(b.file)),
    }));
  return { version: 1, today: formatDay(today), within: formatDuration(within), owners, summary: { overdue, dueSoon } };
}
