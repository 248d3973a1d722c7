/**
 * The body of a parser worker thread (bundled as dist/parseWorker.js): parses
 * the batches of documents it is sent and answers with their facts as plain
 * data, leaving the text behind, since the main thread already holds it.
 */
import { parentPort } from 'node:worker_threads';
import { parseDocumentText, parseFacts } from '../engine/parse';
import type { ParseBatch, ParsedBatch } from './parserPool';

parentPort?.on('message', (batch: ParseBatch) => {
  const results: ParsedBatch = {
    batch: batch.batch,
    facts: batch.documents.map(({ path, text }) => parseFacts(parseDocumentText(path, text))),
  };
  parentPort!.postMessage(results);
});
