/**
 * The report store (client/src/reportStore.ts) is the one source of the
 * views, the status bar and the coverage matrix: after a change
 * notification, however many of them redraw, the server is asked once for
 * the reports and once for the matrix page. Under plain Node, with the two
 * methods of the context the store uses, counting requests by method.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { CoverageMatrixRequest, ReportsRequest } from '../../server/src/protocol';
import type { Ctx } from '../../client/src/context';
import { ReportStore } from '../../client/src/reportStore';

describe('the report store: one request of each kind per change notification', () => {
  let asked: { method: string; params: unknown }[];
  let shown: string;
  let store: ReportStore;
  const count = (method: string) => asked.filter((request) => request.method === method).length;

  beforeEach(() => {
    asked = [];
    shown = 'file:///work/qms';
    const ctx = {
      folder: () => ({ uri: { toString: () => shown } }),
      request: (async (type: { method: string }, params: unknown) => {
        asked.push({ method: type.method, params });
        return { method: type.method, params };
      }) as unknown as Ctx['request'],
    } as unknown as Pick<Ctx, 'request' | 'folder'>;
    store = new ReportStore(ctx);
  });

  /** What one notification makes the extension do: the four trees redraw (the status bar reads the review tree), the open matrix redraws, and Show Coverage Matrix redraws it again. */
  async function everyListenerRedraws(): Promise<void> {
    await Promise.all([store.get(), store.get(), store.get(), store.get(), store.matrix({ cspSource: 'vscode-webview:' }), store.matrix({ cspSource: 'vscode-webview:' })]);
  }

  it('the trees and the open matrix share one densho/reports and one densho/coverageMatrix per notification', async () => {
    await everyListenerRedraws();
    assert.deepEqual([count(ReportsRequest.method), count(CoverageMatrixRequest.method)], [1, 1]);
    store.invalidate(); // the next notification
    await everyListenerRedraws();
    await everyListenerRedraws(); // redrawn again without a change: nothing is fetched
    assert.deepEqual([count(ReportsRequest.method), count(CoverageMatrixRequest.method)], [2, 2]);
  });

  it('the matrix is asked for the views\' folder and its layers; another layer choice is another page, kept until the next change', async () => {
    const all = await store.matrix({ cspSource: 'vscode-webview:' });
    const layered = await store.matrix({ cspSource: 'vscode-webview:', layers: ['public'] });
    assert.notEqual(layered, all);
    assert.deepEqual(
      asked.map((request) => request.params),
      [{ folder: 'file:///work/qms', cspSource: 'vscode-webview:' }, { folder: 'file:///work/qms', cspSource: 'vscode-webview:', layers: ['public'] }],
    );
    assert.equal(await store.matrix({ cspSource: 'vscode-webview:' }), all, 'back to every layer: the page is kept');
    shown = 'file:///work/plant';
    await store.matrix({ cspSource: 'vscode-webview:' });
    shown = 'file:///work/qms';
    assert.equal(await store.matrix({ cspSource: 'vscode-webview:' }), all, 'back from another folder: kept');
    assert.equal(count(CoverageMatrixRequest.method), 3);
  });

  it('a failed fetch is not kept: the next caller asks again', async () => {
    let failing = true;
    const ctx = {
      folder: () => ({ uri: { toString: () => shown } }),
      request: (async (type: { method: string }) => {
        asked.push({ method: type.method, params: undefined });
        if (failing) throw new Error('the server is restarting');
        return {};
      }) as unknown as Ctx['request'],
    } as unknown as Pick<Ctx, 'request' | 'folder'>;
    const flaky = new ReportStore(ctx);
    await assert.rejects(flaky.matrix({ cspSource: 'x' }));
    failing = false;
    await flaky.matrix({ cspSource: 'x' });
    await flaky.matrix({ cspSource: 'x' });
    assert.equal(count(CoverageMatrixRequest.method), 2);
  });
});
