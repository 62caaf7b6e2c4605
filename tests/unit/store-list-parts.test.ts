// Listing never reads the papers of a dataset kept in parts (160 MB for a million-authorship field query): it reads
// the record and its parts' keys. Damage inside a part's papers is found when the dataset is opened, said there by
// name and reason, and listed as damaged from then on; the other datasets still list and open.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dataset, Paper } from '../../src/model/types';
import { resolve } from 'node:path';
import * as tabA from '../../src/store/datasetStore';
import { loadStoredWorkspace } from '../../src/app/openStored';
import type { StoreReaderContract } from '../../src/store/storeReaderMessage';
import { runWorker } from '../../src/workers/runner';
import type { WorkerScope } from '../../src/workers/serve';
import { FakeWorker } from './fakeWorker';
import { repoRoot } from './helpers';

const paper = (i: number): Paper => ({ id: `W${i}`, title: `Paper ${i}`, authors: [{ name: `Author ${i}` }, { name: 'Shared Author' }], truncated: false });
const dataset = (id: string, n: number, title: string): Dataset => ({ id, title, aliases: [], papers: Array.from({ length: n }, (_, i) => paper(i)) });

function openRaw(): Promise<IDBDatabase> {
  const req = indexedDB.open('coauthor-atlas');
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Changes one stored value as a damaged profile or an older version would have it. */
async function rawPut(store: string, value: unknown): Promise<void> {
  const d = await openRaw();
  await new Promise<void>((resolve, reject) => {
    const tx = d.transaction(store, 'readwrite');
    tx.objectStore(store).put(value);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  }).finally(() => d.close());
}

async function rawGet(store: string, key: IDBValidKey): Promise<Record<string, unknown>> {
  const d = await openRaw();
  return new Promise<Record<string, unknown>>((resolve, reject) => {
    const g = d.transaction(store).objectStore(store).get(key);
    g.onsuccess = () => resolve(g.result as Record<string, unknown>);
    g.onerror = () => reject(g.error);
  }).finally(() => d.close());
}

/** Every read of a part's value (get, getAll, cursors) while `run` runs; reading keys is not counted. */
async function partReadsDuring<T>(run: () => Promise<T>): Promise<{ result: T; partReads: number; partKeyReads: number }> {
  let partReads = 0;
  let partKeyReads = 0;
  const spies = (['get', 'getAll', 'openCursor'] as const).map((m) => {
    const real = IDBObjectStore.prototype[m] as (...a: unknown[]) => IDBRequest;
    return vi.spyOn(IDBObjectStore.prototype, m).mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
      if (this.name === 'datasetPapers') partReads++;
      return real.apply(this, args);
    } as never);
  });
  const realKeys = IDBObjectStore.prototype.getAllKeys;
  const keySpy = vi.spyOn(IDBObjectStore.prototype, 'getAllKeys').mockImplementation(function (
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['getAllKeys']>
  ) {
    if (this.name === 'datasetPapers') partKeyReads++;
    return realKeys.apply(this, args);
  });
  try {
    return { result: await run(), partReads, partKeyReads };
  } finally {
    for (const s of [...spies, keySpy]) s.mockRestore();
  }
}

/** A second tab: its own copy of the store module (own connection, own memory of what it checked). */
async function otherTab(): Promise<typeof tabA> {
  vi.resetModules();
  return import('../../src/store/datasetStore');
}

/** The store reader worker as the app starts it (src/app/openStored.ts), with its own copy of the store module. */
async function storeReaderWorker(): Promise<FakeWorker> {
  let scope: WorkerScope | null = null;
  const worker = new FakeWorker((s) => (scope = s));
  const global = globalThis as { self?: unknown };
  global.self = scope;
  vi.resetModules();
  try {
    await import(/* @vite-ignore */ resolve(repoRoot, 'src/store/storeReaderWorker.ts'));
  } finally {
    delete global.self;
  }
  return worker;
}

beforeEach(async () => {
  tabA.resetStoreConnection();
  globalThis.indexedDB = new IDBFactory();
  await tabA.saveDataset({ id: 'big', dataset: dataset('big', 10, 'Split library') }, { papersPerChunk: 3 });
  await tabA.saveDataset({ id: 'fine', dataset: dataset('fine', 2, 'Fine library') });
  tabA.resetStoreConnection();
});

afterEach(() => vi.restoreAllMocks());

describe('listing a dataset kept in parts', () => {
  it('reads its parts’ keys, not their papers, and gives its title and paper count', async () => {
    const { result, partReads, partKeyReads } = await partReadsDuring(() => tabA.listStoredDatasets());
    expect(result.damaged).toEqual([]);
    expect(result.datasets.map((s) => [s.id, s.title, s.papers])).toEqual(
      expect.arrayContaining([
        ['big', 'Split library', 10],
        ['fine', 'Fine library', 2],
      ]),
    );
    expect(partReads).toBe(0);
    expect(partKeyReads).toBe(1);
    // The record says how many papers its parts hold; opening reads them all, in order.
    expect(await rawGet('datasets', 'big')).toMatchObject({ paperChunks: 4, paperCount: 10, dataset: { papers: [] } });
    const opened = await partReadsDuring(() => tabA.openStoredDataset('big'));
    expect(opened.partReads).toBe(1);
    expect(opened.result?.dataset).toStrictEqual(dataset('big', 10, 'Split library'));
  });

  it('a record in parts written before the count was kept: the count from its summary, or from the parts when that is damaged', async () => {
    const { paperCount: _, ...older } = await rawGet('datasets', 'big');
    await rawPut('datasets', older);
    let listed = await partReadsDuring(() => tabA.listStoredDatasets());
    expect(listed.partReads).toBe(0);
    expect(listed.result.datasets.find((s) => s.id === 'big')).toMatchObject({ papers: 10 });
    tabA.resetStoreConnection();
    await rawPut('summaries', { id: 'big', title: 7 });
    listed = await partReadsDuring(() => tabA.listStoredDatasets());
    expect(listed.partReads).toBe(1);
    expect(listed.result.datasets.find((s) => s.id === 'big')).toMatchObject({ title: 'Split library', papers: 10 });
    // Rebuilt in the list only, never written.
    expect(await rawGet('summaries', 'big')).toEqual({ id: 'big', title: 7 });
  });
});

describe('a damaged part', () => {
  it('is found when the dataset is opened, named with its reason, then listed as damaged; the others list and open', async () => {
    await rawPut('datasetPapers', { datasetId: 'big', chunk: 2, papers: [paper(6), { id: 'W7', title: 'No authors' }, paper(8)] });
    // Another tab lists without reading the papers: the damage is not seen yet, and nothing is written.
    const tabB = await otherTab();
    expect((await tabB.listStoredDatasets()).datasets.map((s) => s.id).sort()).toEqual(['big', 'fine']);
    // Opening reads the papers: a `corrupt` error naming the dataset and the paper.
    const message = /“Split library” cannot be read \(paper 8 is not a valid paper\)/;
    await expect(tabB.openStoredDataset('big')).rejects.toMatchObject({ kind: 'corrupt', message: expect.stringMatching(message) });
    expect(await loadStoredWorkspace('big', tabB.openStoredDataset)).toBeNull();
    // From then on this tab's list names it as damaged, with the reason; the other dataset is listed and opens.
    const { datasets, damaged } = await tabB.listStoredDatasets();
    expect(datasets.map((s) => s.id)).toEqual(['fine']);
    expect(damaged).toEqual([{ id: 'big', name: 'Split library', reason: 'paper 8 is not a valid paper' }]);
    expect((await tabB.openStoredDataset('fine'))?.dataset).toStrictEqual(dataset('fine', 2, 'Fine library'));
    // No write replaces it, the export keeps it as it is, and a delete removes it with its parts.
    await expect(tabB.updateStoredDataset('big', (r) => r)).rejects.toMatchObject({ kind: 'corrupt' });
    expect((await tabB.exportStoredDatasets()).damaged).toMatchObject([{ id: 'big', reason: 'paper 8 is not a valid paper' }]);
    expect(await rawGet('datasetPapers', ['big', 2])).toMatchObject({ papers: [{ id: 'W6' }, { id: 'W7', title: 'No authors' }, { id: 'W8' }] });
    await tabB.deleteDataset('big');
    expect(await tabB.listStoredDatasets()).toMatchObject({ datasets: [{ id: 'fine' }], damaged: [] });
  });

  it('a part missing or one too many is still found by the list, from the keys alone', async () => {
    await rawPut('datasetPapers', { datasetId: 'big', chunk: 4, papers: [paper(10)] });
    const listed = await partReadsDuring(() => tabA.listStoredDatasets());
    expect(listed.partReads).toBe(0);
    expect(listed.result.damaged).toEqual([{ id: 'big', name: 'Split library', reason: 'it has 5 parts of papers where the record says 4' }]);
    expect(listed.result.datasets.map((s) => s.id)).toEqual(['fine']);
  });

  it('a damaged record found at open is listed as such only while it is that revision', async () => {
    await rawPut('datasetPapers', { datasetId: 'big', chunk: 0, papers: 'gone' });
    await expect(tabA.openStoredDataset('big')).rejects.toMatchObject({ kind: 'corrupt' });
    expect((await tabA.listStoredDatasets()).damaged.map((d) => d.id)).toEqual(['big']);
    // Another tab deletes it and stores a new dataset under the same id: this tab lists the new one.
    const tabB = await otherTab();
    await tabB.deleteDataset('big');
    const later = Date.now() + 1000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    await tabB.saveDataset({ id: 'big', dataset: dataset('big', 5, 'New library') }, { papersPerChunk: 2 });
    const { datasets, damaged } = await tabA.listStoredDatasets();
    expect(damaged).toEqual([]);
    expect(datasets.find((s) => s.id === 'big')).toMatchObject({ title: 'New library', papers: 5 });
  });

  it('found by the store reader worker (a big dataset opens there) or another tab, it is named in this tab’s list', async () => {
    expect((await tabA.listStoredDatasets()).damaged).toEqual([]);
    await rawPut('datasetPapers', { datasetId: 'big', chunk: 3, papers: [{ ...paper(9), authors: 'none' }] });
    // This tab checked the record and its keys already: its list still shows the dataset, it has not read the papers.
    expect((await tabA.listStoredDatasets()).datasets.map((s) => s.id).sort()).toEqual(['big', 'fine']);
    const worker = await storeReaderWorker();
    const { outcome } = runWorker<StoreReaderContract>(() => worker, { id: 'big' });
    expect(await outcome).toMatchObject({ kind: 'error', code: 'corrupt', message: expect.stringMatching(/“Split library” cannot be read \(paper 10 /) });
    const named = [{ id: 'big', name: 'Split library', reason: 'paper 10 is not a valid paper' }];
    await vi.waitFor(async () => expect((await tabA.listStoredDatasets()).damaged).toEqual(named));
    expect((await tabA.listStoredDatasets()).datasets.map((s) => s.id)).toEqual(['fine']);
    // A tab opened later learns it when it opens the dataset; the first tab's delete clears it everywhere.
    const tabC = await otherTab();
    await expect(tabC.openStoredDataset('big')).rejects.toMatchObject({ kind: 'corrupt' });
    await tabA.deleteDataset('big');
    expect(await tabC.listStoredDatasets()).toMatchObject({ datasets: [{ id: 'fine' }], damaged: [] });
  });
});
