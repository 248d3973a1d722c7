/**
 * Every file of the repository, with the look-ups link checks need (files by
 * name, folders that exist). The look-ups are rebuilt only when a file
 * appears or goes, not when a document is edited, so an edit does not walk
 * the whole file list again.
 */
import { basename } from './paths';

export class RepositoryFiles implements Iterable<string> {
  private readonly paths = new Set<string>();
  private lookups: { readonly byName: Map<string, string[]>; readonly directories: Set<string> } | undefined;
  private changes = 0;

  /** Moves whenever a file appears or goes: what is derived from the listing can tell it is stale. */
  get version(): number {
    return this.changes;
  }

  /** Adds a file; true when it was not there before. */
  add(path: string): boolean {
    if (this.paths.has(path)) return false;
    this.paths.add(path);
    this.lookups = undefined;
    this.changes++;
    return true;
  }

  /** Removes a file; true when it was there. */
  delete(path: string): boolean {
    if (!this.paths.delete(path)) return false;
    this.lookups = undefined;
    this.changes++;
    return true;
  }

  has(path: string): boolean {
    return this.paths.has(path);
  }

  get size(): number {
    return this.paths.size;
  }

  [Symbol.iterator](): Iterator<string> {
    return this.paths.values();
  }

  /** A file or a folder holding files; '' is the root. */
  exists(path: string): boolean {
    return path === '' || this.paths.has(path) || this.build().directories.has(path);
  }

  /** Files with this name anywhere in the repository. */
  named(name: string): readonly string[] {
    return this.build().byName.get(name) ?? [];
  }

  private build(): NonNullable<RepositoryFiles['lookups']> {
    if (!this.lookups) {
      const byName = new Map<string, string[]>();
      const directories = new Set<string>();
      for (const file of this.paths) {
        const name = basename(file);
        const list = byName.get(name);
        if (list) list.push(file);
        else byName.set(name, [file]);
        for (let slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) directories.add(file.slice(0, slash));
      }
      this.lookups = { byName, directories };
    }
    return this.lookups;
  }
}
