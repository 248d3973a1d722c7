/**
 * The language server writes the first check's results to the cache once
 * the folder is quiet, so a document opened as that check ends is not kept
 * waiting for the write (most of a second at 15,000 documents). Deferred,
 * the write must still happen: a session closed before the folder was ever
 * quiet leaves its cache for the next one.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TestClient, tempRepository } from './client';
import { FILES } from './fixtures';

describe('the cache the first check leaves', () => {
  it('is written when the server shuts down right after the first check, edits still coming in', async () => {
    const repo = tempRepository(FILES);
    try {
      const client = await TestClient.start(repo.root);
      await client.indexed(['a.md', 'b.md']);
      // An edit keeps the folder busy: the quiet moment the write waits for never comes before shutdown.
      await client.open('a.md');
      await client.stop();
      const folder = join(repo.root, 'node_modules', '.cache', 'densho');
      assert.ok(existsSync(folder) && readdirSync(folder).length > 0, 'no cache was written');
    } finally {
      repo.dispose();
    }
  });
});
