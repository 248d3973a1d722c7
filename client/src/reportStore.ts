/**
 * The one store of the server's reports: fetched once per change
 * notification (densho/reports) and shared by the trees and, through the
 * review tree, the status bar, instead of one request per view.
 */
import { ReportsRequest, type FolderReports } from '../../server/src/protocol';
import type { Ctx } from './context';

export class ReportStore {
  private current: Promise<FolderReports> | undefined;

  constructor(private readonly ctx: Ctx) {}

  /** The reports since the last change: the first caller fetches them, the others share that fetch. */
  get(): Promise<FolderReports> {
    if (!this.current) {
      const fetching = this.ctx.request(ReportsRequest, { folder: this.ctx.folder()?.uri.toString() });
      // A failed fetch is not kept: the next view to ask tries again.
      fetching.catch(() => {
        if (this.current === fetching) this.current = undefined;
      });
      this.current = fetching;
    }
    return this.current;
  }

  /** The server changed something: the next `get` fetches again. */
  invalidate(): void {
    this.current = undefined;
  }
}
