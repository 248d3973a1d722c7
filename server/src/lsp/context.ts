/**
 * What an LSP feature handler may ask of the server: where a URI lives, how
 * to name a file back as a URI, and what the client can apply. Handlers get
 * this, never the connection.
 */
import type { DenshoFolder } from './folder';
import type { EditTarget } from './convert';
import type { Locale } from '../engine';

export interface LocatedDocument {
  readonly folder: DenshoFolder;
  /** Repository-relative path. */
  readonly path: string;
  readonly uri: string;
}

export interface ClientFeatures {
  readonly documentChanges: boolean;
  readonly createFiles: boolean;
  readonly markdown: boolean;
  readonly hierarchicalSymbols: boolean;
  /** False when the editor outlines Markdown headings itself (initializationOptions.headingSymbols). */
  readonly headingSymbols: boolean;
}

export interface ServerContext {
  /** The folder and path of a URI, once that folder is loaded; undefined outside every folder. */
  locate(uri: string): Promise<LocatedDocument | undefined>;
  /** The folder a custom request names (by URI), or the first one. */
  folderFor(uri: string | undefined): Promise<DenshoFolder | undefined>;
  readonly folders: readonly DenshoFolder[];
  readonly client: ClientFeatures;
  /** The language of diagnostics and fix titles: the `densho.locale` setting, else the client's locale. */
  readonly locale: Locale;
  /** How edits to this folder's files are addressed. */
  editTarget(folder: DenshoFolder): EditTarget;
  uriOf(folder: DenshoFolder, file: string): string;
}
