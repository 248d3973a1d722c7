/**
 * The body of a parser worker thread (bundled as dist/parseWorker.js): parses
 * the batches of documents it is sent and answers with their facts as plain
 * data, leaving the text behind, since the main thread already holds it.
 * Ranges point into the text through its line index, which stays here too:
 * they travel as offsets, packed as the cache file packs them.
 */
import { parentPort } from 'node:worker_threads';
import { packOffsetsInPlace } from '../engine/packedRanges';
import { parseDocumentText, parseFacts } from '../engine/parse';
import type { ParseBatch, ParsedBatch } from './parserPool';

parentPort?.on('message', (batch: ParseBatch) => {
  const results: ParsedBatch = {
    batch: batch.batch,
    facts: batch.documents.map(({ path, text }) => {
      const parsed = parseDocumentText(path, text);
      return packOffsetsInPlace(parseFacts(parsed), parsed.lines);
    }),
  };
  parentPort!.postMessage(results);
});
