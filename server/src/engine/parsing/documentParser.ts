/**
 * Who parses documents. The loader asks a DocumentParser and does not care
 * whether the answer comes from this thread, a pool of worker threads or the
 * persistent cache: every one gives the same ParsedDocument for the same text.
 */
import { parseDocumentText, type ParsedDocument } from '../parse';

export interface DocumentParser {
  parse(path: string, text: string): Promise<ParsedDocument>;
  /** Releases threads or flushes state; the parser is not used afterwards. */
  dispose(): Promise<void>;
}

/** Parses on the calling thread: for small repositories and single edits, where starting threads costs more than it saves. */
export const inlineParser: DocumentParser = {
  parse: async (path, text) => parseDocumentText(path, text),
  dispose: async () => undefined,
};
