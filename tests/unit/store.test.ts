import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../../src/model/types';
import {
  deleteDataset,
  getStoredDataset,
  listDatasets,
  markOpened,
  renameDataset,
  resetStoreConnection,
  saveDataset,
  StoreError,
  updateStoredDataset,
} from '../../src/store/datasetStore';
import { loadStoredWorkspace } from '../../src/app/openStored';

const dataset = (id: string, title: string, n = 2): Dataset => ({
  id,
  title,
  aliases: [{ from: 'J. Smith', to: 'John Smith' }],
  papers: Array.from({ length: n }, (_, i) => ({ id: `p${i}`, title: `Paper ${i}`, authors: [{ name: 'John Smith' }], truncated: false })),
});

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  resetStoreConnection();
  globalThis.indexedDB = new IDBFactory();
});

describe('dataset store', () => {
  it('saves a dataset with options and positions and gives it back as a workspace', async () => {
    await saveDataset({ id: 'a', dataset: dataset('a', 'Library A'), options: { hyperauthorCap: 10 }, positions: { 'a:john smith': [1, 2] } });
    const ws = await loadStoredWorkspace('a');
    expect(ws).toMatchObject({ id: 'a', origin: 'import', positions: { 'a:john smith': [1, 2] }, options: { hyperauthorCap: 10 } });
    expect(ws?.dataset.papers).toHaveLength(2);
    expect(ws?.dataset.aliases).toEqual([{ from: 'J. Smith', to: 'John Smith' }]);
    expect(await loadStoredWorkspace('missing')).toBeNull();
  });
  it('lists summaries newest first; renames and deletes', async () => {
    const now = vi.spyOn(Date, 'now');
    now.mockReturnValue(1000);
    await saveDataset({ id: 'a', dataset: dataset('a', 'A', 3) });
    now.mockReturnValue(2000);
    await saveDataset({ id: 'b', dataset: dataset('b', 'B', 1) });
    expect((await listDatasets()).map((s) => [s.id, s.title, s.papers])).toEqual([
      ['b', 'B', 1],
      ['a', 'A', 3],
    ]);
    now.mockReturnValue(3000);
    await renameDataset('a', 'Renamed');
    expect((await listDatasets()).map((s) => [s.id, s.title])).toEqual([
      ['a', 'Renamed'],
      ['b', 'B'],
    ]);
    expect((await getStoredDataset('a'))?.dataset.title).toBe('Renamed');
    expect((await getStoredDataset('a'))?.createdAt).toBe(1000);
    await deleteDataset('b');
    expect((await listDatasets()).map((s) => s.id)).toEqual(['a']);
    expect(await getStoredDataset('b')).toBeNull();
    now.mockRestore();
  });
  it('updates fields (merges, positions) and keeps the rest', async () => {
    await saveDataset({ id: 'a', dataset: dataset('a', 'A'), positions: { x: [0, 0] } });
    await updateStoredDataset('a', (r) => ({ ...r, dataset: { ...r.dataset, aliases: [] }, dismissedMerges: ['a|b'] }));
    const r = await getStoredDataset('a');
    expect(r?.dataset.aliases).toEqual([]);
    expect(r?.dismissedMerges).toEqual(['a|b']);
    expect(r?.positions).toEqual({ x: [0, 0] });
    expect(await updateStoredDataset('nope', (x) => x)).toBeNull();
  });
  it('says clearly when storage is unavailable', async () => {
    resetStoreConnection();
    const saved = globalThis.indexedDB;
    // @ts-expect-error: simulate a browser without IndexedDB
    delete globalThis.indexedDB;
    try {
      await expect(saveDataset({ id: 'a', dataset: dataset('a', 'A') })).rejects.toMatchObject({ kind: 'unavailable' });
      expect(await loadStoredWorkspace('a')).toBeNull();
    } finally {
      globalThis.indexedDB = saved;
    }
  });
  it('turns a quota error into a "storage is full" message', async () => {
    await saveDataset({ id: 'a', dataset: dataset('a', 'A') });
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    try {
      const err = await saveDataset({ id: 'b', dataset: dataset('b', 'B') }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect(err).toMatchObject({ kind: 'quota' });
      expect((err as Error).message).toMatch(/storage for this site is full/);
    } finally {
      put.mockRestore();
    }
    expect((await listDatasets()).map((s) => s.id)).toEqual(['a']);
  });
});

describe('a dataset stored by the import worker', () => {
  it('is this tab’s to update once marked opened; unmarked, a later save is refused as another tab’s', async () => {
    // The worker has its own copy of the store module (its own idea of what it wrote), over the same database.
    vi.resetModules();
    const worker = await import('../../src/store/datasetStore');
    expect(worker.saveDataset).not.toBe(saveDataset);
    const written = await worker.saveDataset({ id: 'big', dataset: dataset('big', 'Big import', 5) });
    expect(written.revision).toBe(1);

    // The page's module (imported at the top) never saw that write: saving over it is refused.
    await expect(saveDataset({ id: 'big', dataset: dataset('big', 'Not marked', 5) })).rejects.toMatchObject({ kind: 'conflict' });
    expect((await getStoredDataset('big'))?.dataset.title).toBe('Big import');

    markOpened('big', written.revision!);
    const next = await saveDataset({ id: 'big', dataset: dataset('big', 'Renamed', 5) });
    expect(next.revision).toBe(2);
    expect((await getStoredDataset('big'))?.dataset.title).toBe('Renamed');
  });
});
