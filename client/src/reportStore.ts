/**
 * The one store of the server's reports: fetched once per change
 * notification (densho/reports) and shared by the trees, through the review
 * tree the status bar, and the coverage matrix (its page, densho/coverageMatrix,
 * also fetched once per change for every listener), instead of one request
 * per view. Kept per workspace folder: in a multi-root workspace the views
 * follow the active editor's folder, and going back to a folder needs no new fetch.
 */
import { CoverageMatrixRequest, ReportsRequest, type CoverageMatrixPage, type CoverageMatrixParams, type FolderReports } from '../../server/src/protocol';
import type { Ctx } from './context';

export class ReportStore {
  /** Folder URI → its reports since the last change. */
  private readonly byFolder = new Map<string, Promise<FolderReports>>();
  /** Folder, layers and CSP source → the matrix page since the last change. */
  private readonly matrixPages = new Map<string, Promise<CoverageMatrixPage>>();

  constructor(private readonly ctx: Pick<Ctx, 'request' | 'folder'>) {}

  /** A folder's reports (the views' folder by default) since the last change: the first caller fetches them, the others share that fetch. */
  get(folder = this.ctx.folder()?.uri.toString()): Promise<FolderReports> {
    return shared(this.byFolder, folder ?? '', () => this.ctx.request(ReportsRequest, { folder }));
  }

  /** The coverage matrix page of a folder (the views' by default) for these layers, since the last change: fetched once, however many ask. */
  matrix(params: Omit<CoverageMatrixParams, 'folder'>, folder = this.ctx.folder()?.uri.toString()): Promise<CoverageMatrixPage> {
    const request: CoverageMatrixParams = { folder, cspSource: params.cspSource, ...(params.layers ? { layers: params.layers } : {}) };
    return shared(this.matrixPages, JSON.stringify([folder ?? '', params.cspSource, params.layers ?? null]), () => this.ctx.request(CoverageMatrixRequest, request));
  }

  /** The server changed something: the next `get` or `matrix` of every folder fetches again. */
  invalidate(): void {
    this.byFolder.clear();
    this.matrixPages.clear();
  }
}

/** The entry under `key`, fetched by `fetch` when there is none; a failed fetch is not kept, so the next caller tries again. */
function shared<T>(entries: Map<string, Promise<T>>, key: string, fetch: () => Promise<T>): Promise<T> {
  const current = entries.get(key);
  if (current) return current;
  const fetching = fetch();
  fetching.catch(() => {
    if (entries.get(key) === fetching) entries.delete(key);
  });
  entries.set(key, fetching);
  return fetching;
}
