/**
 * The one store of the server's reports: fetched once per change
 * notification (densho/reports) and shared by the trees and, through the
 * review tree, the status bar, instead of one request per view. Kept per
 * workspace folder: in a multi-root workspace the views follow the active
 * editor's folder, and going back to a folder needs no new fetch.
 */
import { ReportsRequest, type FolderReports } from '../../server/src/protocol';
import type { Ctx } from './context';

export class ReportStore {
  /** Folder URI → its reports since the last change. */
  private readonly byFolder = new Map<string, Promise<FolderReports>>();

  constructor(private readonly ctx: Pick<Ctx, 'request' | 'folder'>) {}

  /** A folder's reports (the views' folder by default) since the last change: the first caller fetches them, the others share that fetch. */
  get(folder = this.ctx.folder()?.uri.toString()): Promise<FolderReports> {
    const key = folder ?? '';
    let current = this.byFolder.get(key);
    if (!current) {
      const fetching = this.ctx.request(ReportsRequest, { folder });
      // A failed fetch is not kept: the next view to ask tries again.
      fetching.catch(() => {
        if (this.byFolder.get(key) === fetching) this.byFolder.delete(key);
      });
      this.byFolder.set(key, fetching);
      current = fetching;
    }
    return current;
  }

  /** The server changed something: the next `get` of every folder fetches again. */
  invalidate(): void {
    this.byFolder.clear();
  }
}
