import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../../src/model/types';
import * as tabA from '../../src/store/datasetStore';
import { loadStoredWorkspace } from '../../src/app/openStored';

type Store = typeof tabA;

const dataset = (id: string, title: string, n = 2): Dataset => ({
  id,
  title,
  aliases: [],
  papers: Array.from({ length: n }, (_, i) => ({ id: `p${i}`, title: `Paper ${i}`, authors: [{ name: 'John Smith' }], truncated: false })),
});

/** Writes raw values into the app's database, as a damaged browser profile (or another version) would have them. */
async function putRaw(store: 'datasets' | 'summaries', value: Record<string, unknown>): Promise<void> {
  const req = indexedDB.open('coauthor-atlas');
  req.onupgradeneeded = () => {
    req.result.createObjectStore('datasets', { keyPath: 'id' });
    req.result.createObjectStore('summaries', { keyPath: 'id' });
  };
  const d = await new Promise<IDBDatabase>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = d.transaction(store, 'readwrite');
    tx.objectStore(store).put(value);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  }).finally(() => d.close());
}

async function getRaw(store: 'datasets' | 'summaries', id: string): Promise<unknown> {
  const req = indexedDB.open('coauthor-atlas');
  const d = await new Promise<IDBDatabase>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  return new Promise((resolve, reject) => {
    const g = d.transaction(store).objectStore(store).get(id);
    g.onsuccess = () => (resolve(g.result), d.close());
    g.onerror = () => reject(g.error);
  });
}

/** A second tab: its own copy of the store module (own connection, own revisions seen) on the same database. */
async function otherTab(): Promise<Store> {
  vi.resetModules();
  return import('../../src/store/datasetStore');
}

beforeEach(() => {
  tabA.resetStoreConnection();
  globalThis.indexedDB = new IDBFactory();
});

describe('corrupted stored records', () => {
  it('are reported by name and skipped when listing, never crash, and stay as they are', async () => {
    await tabA.saveDataset({ id: 'good', dataset: dataset('good', 'Good library') });
    tabA.resetStoreConnection();
    // Wrong shapes: papers missing, papers not a list, a paper without authors, no dataset at all.
    await putRaw('datasets', { id: 'nopapers', dataset: { id: 'nopapers', title: 'No papers here', aliases: [] }, createdAt: 1, updatedAt: 1 });
    await putRaw('summaries', { id: 'nopapers', title: 'No papers here', papers: 3, createdAt: 1, updatedAt: 1 });
    await putRaw('datasets', {
      id: 'badpaper',
      dataset: { id: 'badpaper', title: 'Bad paper', aliases: [], papers: [{ id: 'x', title: 'T' }] },
      createdAt: 1,
      updatedAt: 1,
    });
    await putRaw('datasets', { id: 'nodataset', createdAt: 1, updatedAt: 1 });
    await putRaw('summaries', { id: 'stringy', title: 42 });

    const { datasets, damaged } = await tabA.listStoredDatasets();
    expect(datasets.map((s) => s.id)).toEqual(['good']);
    const byId = Object.fromEntries(damaged.map((d) => [d.id, d]));
    expect(Object.keys(byId).sort()).toEqual(['badpaper', 'nodataset', 'nopapers', 'stringy']);
    expect(byId.nopapers).toMatchObject({ name: 'No papers here', reason: expect.stringMatching(/no list of papers/) });
    expect(byId.badpaper).toMatchObject({ name: 'Bad paper', reason: expect.stringMatching(/paper 1/) });
    expect(byId.nodataset).toMatchObject({ name: 'nodataset', reason: expect.stringMatching(/no dataset/) });
    expect(byId.stringy.reason).toMatch(/missing/);
    expect((await tabA.listDatasets()).map((s) => s.id)).toEqual(['good']);

    // Opening one says so by name; loading it as a workspace gives null rather than a broken graph.
    await expect(tabA.getStoredDataset('nopapers')).rejects.toMatchObject({
      kind: 'corrupt',
      message: expect.stringMatching(/“No papers here” cannot be read/),
    });
    expect(await loadStoredWorkspace('nopapers', tabA.openStoredDataset)).toBeNull();

    // No write replaces it silently: not an update, not a save under the same id.
    const change = vi.fn((r: tabA.StoredDataset) => r);
    await expect(tabA.updateStoredDataset('nopapers', change)).rejects.toMatchObject({ kind: 'corrupt' });
    expect(change).not.toHaveBeenCalled();
    await expect(tabA.saveDataset({ id: 'nopapers', dataset: dataset('nopapers', 'Replacement') })).rejects.toMatchObject({ kind: 'corrupt' });
    await expect(tabA.renameDataset('nopapers', 'Renamed')).rejects.toMatchObject({ kind: 'corrupt' });
    expect(await getRaw('datasets', 'nopapers')).toEqual({
      id: 'nopapers',
      dataset: { id: 'nopapers', title: 'No papers here', aliases: [] },
      createdAt: 1,
      updatedAt: 1,
    });

    // The rescue export carries the readable datasets and the damaged records as they are.
    const all = await tabA.exportStoredDatasets();
    expect(all.datasets.map((d) => d.id)).toEqual(['good']);
    expect(all.damaged.find((d) => d.id === 'nopapers')?.raw).toMatchObject({ dataset: { title: 'No papers here' } });

    // Only an explicit delete removes it.
    await tabA.deleteDataset('nopapers');
    expect((await tabA.listStoredDatasets()).damaged.map((d) => d.id).sort()).toEqual(['badpaper', 'nodataset', 'stringy']);
  });

  it('a record without a usable dataset is reported, and a damaged summary is rebuilt in the list only', async () => {
    await tabA.saveDataset({ id: 'a', dataset: dataset('a', 'A', 3) });
    tabA.resetStoreConnection();
    await putRaw('summaries', { id: 'a', title: null, papers: 'many' });
    await putRaw('datasets', { id: 'weird', dataset: 'just a string', createdAt: 0, updatedAt: 0 });
    const { datasets, damaged } = await tabA.listStoredDatasets();
    expect(datasets).toMatchObject([{ id: 'a', title: 'A', papers: 3 }]);
    expect(damaged).toMatchObject([{ id: 'weird', name: 'weird', reason: 'the record has no dataset' }]);
    // The damaged summary is not rewritten by listing.
    expect(await getRaw('summaries', 'a')).toEqual({ id: 'a', title: null, papers: 'many' });
    expect(tabA.recordProblem(null)).toMatch(/null/);
    expect(tabA.recordProblem('text')).toMatch(/a string, not a dataset/);
    expect(tabA.recordProblem([1, 2])).toMatch(/a list/);
  });

  it('a record whose summary looks fine but whose papers are damaged is found by the list', async () => {
    await tabA.saveDataset({ id: 'a', dataset: dataset('a', 'Fine summary') });
    tabA.resetStoreConnection();
    await putRaw('datasets', { id: 'a', dataset: { id: 'a', title: 'Fine summary', aliases: [], papers: 'gone' }, createdAt: 1, updatedAt: 1, revision: 1 });
    const { datasets, damaged } = await tabA.listStoredDatasets();
    expect(datasets).toEqual([]);
    expect(damaged).toMatchObject([{ id: 'a', name: 'Fine summary' }]);
  });
});

describe('two tabs writing the same dataset', () => {
  it('a write based on an older revision is refused and the newer one is kept', async () => {
    await tabA.saveDataset({ id: 'x', dataset: dataset('x', 'Shared') });
    const tabB = await otherTab();
    const b = await tabB.openStoredDataset('x');
    expect(b?.revision).toBe(1);

    // Tab A changes it (revision 2); tab B, still on revision 1, then tries to write its own change.
    await tabA.updateStoredDataset('x', (r) => ({ ...r, dataset: { ...r.dataset, aliases: [{ from: 'J. Smith', to: 'John Smith' }] } }));
    const err = await tabB.updateStoredDataset('x', (r) => ({ ...r, dataset: { ...r.dataset, aliases: [] } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(tabB.StoreError);
    expect(err).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/“Shared” was changed in another tab/) });
    const saveErr = await tabB.saveDataset({ id: 'x', dataset: { ...dataset('x', 'Shared', 5) } }).catch((e: unknown) => e);
    expect(saveErr).toMatchObject({ kind: 'conflict' });
    const stored = await tabA.getStoredDataset('x');
    expect(stored?.revision).toBe(2);
    expect(stored?.dataset.aliases).toEqual([{ from: 'J. Smith', to: 'John Smith' }]);
    expect(stored?.dataset.papers).toHaveLength(2);

    // Tab B reopens it: it now writes on top of revision 2.
    await tabB.openStoredDataset('x');
    const r3 = await tabB.updateStoredDataset('x', (r) => ({ ...r, dismissedMerges: ['a|b'] }));
    expect(r3).toMatchObject({ revision: 3, dismissedMerges: ['a|b'], dataset: { aliases: [{ from: 'J. Smith', to: 'John Smith' }] } });
    // …and now tab A is the stale one.
    await expect(tabA.saveDataset({ id: 'x', dataset: dataset('x', 'Shared') })).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('a plain read (of a side field) does not hide the conflict; an explicit base revision is honoured', async () => {
    await tabA.saveDataset({ id: 'x', dataset: dataset('x', 'Shared') });
    const tabB = await otherTab();
    await tabB.openStoredDataset('x');
    await tabA.updateStoredDataset('x', (r) => ({ ...r, dismissedMerges: ['p|q'] }));
    expect((await tabB.getStoredDataset('x'))?.dismissedMerges).toEqual(['p|q']);
    await expect(tabB.updateStoredDataset('x', (r) => r)).rejects.toMatchObject({ kind: 'conflict' });
    await expect(tabB.updateStoredDataset('x', (r) => r, { baseRevision: 1 })).rejects.toMatchObject({ kind: 'conflict' });
    expect(await tabB.updateStoredDataset('x', (r) => r, { baseRevision: 2 })).toMatchObject({ revision: 3 });
  });

  it('a dataset never opened in this tab is not overwritten by a save under its id', async () => {
    await tabA.saveDataset({ id: 'x', dataset: dataset('x', 'Mine') });
    const tabB = await otherTab();
    await expect(tabB.saveDataset({ id: 'x', dataset: dataset('x', 'Theirs') })).rejects.toMatchObject({ kind: 'conflict' });
    expect((await tabA.getStoredDataset('x'))?.dataset.title).toBe('Mine');
  });

  it('a rename applies to the newest record; derived positions never conflict and are skipped when stale', async () => {
    await tabA.saveDataset({ id: 'x', dataset: dataset('x', 'Shared') });
    const tabB = await otherTab();
    await tabB.openStoredDataset('x');
    // Both tabs save their layout positions: derived state, no new revision, no conflict.
    expect(await tabA.updateStoredDataset('x', (r) => ({ ...r, positions: { a: [1, 1] } }), { check: 'skip', derived: true })).toMatchObject({ revision: 1 });
    expect(await tabB.updateStoredDataset('x', (r) => ({ ...r, positions: { a: [2, 2] } }), { check: 'skip', derived: true })).toMatchObject({
      revision: 1,
      positions: { a: [2, 2] },
    });
    // Tab A changes the data; tab B's positions (for the older data) are then skipped, not written.
    await tabA.updateStoredDataset('x', (r) => ({ ...r, dataset: { ...r.dataset, aliases: [{ from: 'A', to: 'B' }] }, positions: { a: [3, 3] } }));
    const skipped = await tabB.updateStoredDataset('x', (r) => ({ ...r, positions: { a: [4, 4] } }), { check: 'skip', derived: true });
    expect(skipped).toMatchObject({ revision: 2, positions: { a: [3, 3] } });
    // A rename from tab B keeps tab A's change (it is applied to the stored record) and does not hide B's staleness.
    await tabB.renameDataset('x', 'Renamed');
    const stored = await tabA.getStoredDataset('x');
    expect(stored).toMatchObject({ revision: 3, dataset: { title: 'Renamed', aliases: [{ from: 'A', to: 'B' }] } });
    await expect(tabB.updateStoredDataset('x', (r) => ({ ...r, dismissedMerges: [] }))).rejects.toMatchObject({ kind: 'conflict' });
    // Tab A has not seen B's rename either: its own rename applies, but its base stays behind until it reopens.
    await tabA.renameDataset('x', 'Again');
    await expect(tabA.updateStoredDataset('x', (r) => r)).rejects.toMatchObject({ kind: 'conflict' });
    await tabA.openStoredDataset('x');
    await tabA.renameDataset('x', 'Once more');
    expect(await tabA.updateStoredDataset('x', (r) => ({ ...r, dismissedMerges: ['z'] }))).toMatchObject({ revision: 6, dataset: { title: 'Once more' } });
  });

  it('records written before revisions existed read as revision 0 and can be updated', async () => {
    await putRaw('datasets', { id: 'old', dataset: { id: 'old', title: 'Old', papers: [] }, createdAt: 1, updatedAt: 1 });
    await putRaw('summaries', { id: 'old', title: 'Old', papers: 0, createdAt: 1, updatedAt: 1 });
    const r = await tabA.openStoredDataset('old');
    expect(r).toMatchObject({ revision: 0, dataset: { aliases: [] } });
    expect(await tabA.renameDataset('old', 'New')).toMatchObject({ revision: 1 });
    expect((await tabA.listDatasets()).map((s) => s.title)).toEqual(['New']);
  });
});

describe('unavailable and full storage', () => {
  it('an indexedDB getter that throws is "unavailable", as is a failing open', async () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB');
    Object.defineProperty(globalThis, 'indexedDB', {
      configurable: true,
      get() {
        throw new Error('blocked');
      },
    });
    try {
      tabA.resetStoreConnection();
      await expect(tabA.saveDataset({ id: 'a', dataset: dataset('a', 'A') })).rejects.toMatchObject({
        kind: 'unavailable',
        message: expect.stringMatching(/no IndexedDB storage/),
      });
      await expect(tabA.listStoredDatasets()).rejects.toMatchObject({ kind: 'unavailable' });
      expect(await loadStoredWorkspace('a', tabA.openStoredDataset)).toBeNull();
    } finally {
      Object.defineProperty(globalThis, 'indexedDB', saved!);
    }
    tabA.resetStoreConnection();
    const open = vi.spyOn(IDBFactory.prototype, 'open').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    try {
      await expect(tabA.saveDataset({ id: 'a', dataset: dataset('a', 'A') })).rejects.toMatchObject({
        kind: 'unavailable',
        message: expect.stringMatching(/does not allow this page to store data/),
      });
    } finally {
      open.mockRestore();
    }
  });

  it('a quota error on an update leaves the stored record and its revision as they were', async () => {
    await tabA.saveDataset({ id: 'a', dataset: dataset('a', 'A') });
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    try {
      await expect(tabA.updateStoredDataset('a', (r) => ({ ...r, positions: { n: [1, 2] } }))).rejects.toMatchObject({ kind: 'quota' });
    } finally {
      put.mockRestore();
    }
    const r = await tabA.getStoredDataset('a');
    expect(r).toMatchObject({ revision: 1 });
    expect(r?.positions).toBeUndefined();
    // And this tab's base did not move: it can still write.
    expect(await tabA.updateStoredDataset('a', (x) => ({ ...x, positions: { n: [1, 2] } }))).toMatchObject({ revision: 2 });
  });
});
