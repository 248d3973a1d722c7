/**
 * The file system the server reads through: the editor's unsaved text of
 * open files first, the disk underneath. A document open in the editor is
 * checked as typed, and closing it falls back to what is on disk.
 */
import { type DirectoryEntry, type FileSystem } from '../engine';
import { NodeFileSystem } from '../node';

export class OverlayFileSystem implements FileSystem {
  private readonly overlays = new Map<string, string>();
  private readonly encoder = new TextEncoder();

  constructor(readonly disk: NodeFileSystem) {}

  get root(): string {
    return this.disk.root;
  }

  /** Sets (or, with undefined, drops) the editor's text of a file. */
  setOverlay(path: string, text: string | undefined): void {
    if (text === undefined) this.overlays.delete(path);
    else this.overlays.set(path, text);
  }

  overlay(path: string): string | undefined {
    return this.overlays.get(path);
  }

  overlaidPaths(): string[] {
    return [...this.overlays.keys()];
  }

  readDirectory(path: string): Promise<DirectoryEntry[]> {
    return this.disk.readDirectory(path);
  }

  async readFile(path: string, maxBytes?: number): Promise<Uint8Array | undefined> {
    const text = this.overlays.get(path);
    return text === undefined ? this.disk.readFile(path, maxBytes) : this.encoder.encode(text);
  }
}
