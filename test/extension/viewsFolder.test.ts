/**
 * Multi-root in the views: which folder they show (client/src/viewsFolder.ts)
 * and the report store kept per folder (client/src/reportStore.ts), under
 * plain Node with the context's two methods they use.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ReportStore } from '../../client/src/reportStore';
import type { Ctx } from '../../client/src/context';
import { viewsFolder } from '../../client/src/viewsFolder';

const folder = (name: string, configured = true) => ({ name, configured, uri: { toString: () => `file:///work/${name}` } });

describe('the folder the views show in a multi-root workspace', () => {
  const plain = folder('notes', false);
  const qms = folder('qms');
  const plant = folder('plant');
  const configured = (candidate: { configured: boolean }) => candidate.configured;

  it('is the folder followed (the active editor\'s, or the one picked) while it is in the workspace', () => {
    assert.equal(viewsFolder([plain, qms, plant], plant, configured), plant);
    // Followed by another object for the same folder (VS Code hands out new ones after a change): still that folder.
    assert.equal(viewsFolder([plain, qms, plant], folder('plant'), configured), plant);
  });

  it('falls back to the first folder holding densho.yaml, then to the first, once the followed one is gone', () => {
    assert.equal(viewsFolder([plain, qms], plant, configured), qms);
    assert.equal(viewsFolder([plain, qms], undefined, configured), qms);
    assert.equal(viewsFolder([plain], undefined, configured), plain);
    assert.equal(viewsFolder([], plant, configured), undefined);
  });
});

describe('the report store, one entry per folder', () => {
  const asked: (string | undefined)[] = [];
  let shown = 'file:///work/qms';
  const ctx = {
    folder: () => ({ uri: { toString: () => shown } }),
    request: (async (_type: unknown, params: { folder?: string }) => {
      asked.push(params.folder);
      return { folder: params.folder };
    }) as unknown as Ctx['request'],
  } as unknown as Pick<Ctx, 'request' | 'folder'>;
  const store = new ReportStore(ctx);

  it('fetches each folder\'s reports once, for the folder the views show, and keeps them when the views move on', async () => {
    const first = await store.get();
    assert.deepEqual(first, { folder: 'file:///work/qms' });
    await store.get();
    shown = 'file:///work/plant';
    assert.deepEqual(await store.get(), { folder: 'file:///work/plant' }, 'the other folder\'s reports, not the first folder\'s');
    shown = 'file:///work/qms';
    assert.equal(await store.get(), first, 'back to the first folder: its reports are kept');
    assert.deepEqual(asked, ['file:///work/qms', 'file:///work/plant']);
  });

  it('fetches every folder again after a change', async () => {
    store.invalidate();
    await store.get('file:///work/plant');
    await store.get('file:///work/qms');
    assert.deepEqual(asked.slice(2), ['file:///work/plant', 'file:///work/qms']);
  });
});
