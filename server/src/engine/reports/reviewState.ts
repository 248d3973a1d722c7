import type { DenshoConfig } from '../config';
import { addDuration, formatDuration, type Day } from '../dates';
import type { DocumentMeta } from '../frontmatter';

export interface ReviewState {
  readonly due: Day;
  /** The interval that applies, as written (`12m`). */
  readonly interval: string;
}

/** When a document's next review falls due; undefined without a valid `reviewed` date. */
export function reviewState(meta: DocumentMeta, config: DenshoConfig): ReviewState | undefined {
  if (meta.reviewed === undefined) return undefined;
  const interval = meta.reviewInterval ?? config.reviewInterval;
  return { due: addDuration(meta.reviewed, interval), interval: formatDuration(interval) };
}
