// A dataset bigger than one IndexedDB value: its papers kept in parts (src/store/paperChunks.ts), with small parts.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dataset, Paper } from '../../src/model/types';
import {
  deleteDataset,
  exportStoredDatasets,
  getStoredDataset,
  listStoredDatasets,
  openStoredDataset,
  renameDataset,
  resetStoreConnection,
  saveDataset,
  updateStoredDataset,
} from '../../src/store/datasetStore';
import { PART_BYTES } from '../../src/store/paperChunks';
import { loadStoredWorkspace } from '../../src/app/openStored';

/** A paper with every field set (and a different value per paper), so a part put back in the wrong place shows. */
const paper = (i: number): Paper => ({
  id: `W${i}`,
  title: `Paper ${i}`,
  authors: [{ name: `Author ${i}`, affiliations: [`Lab ${i % 3}`], externalId: `A${i} orcid:0000-${i}`, countries: ['DE'] }, { name: `Coauthor ${i % 4}` }],
  truncated: i % 2 === 0,
  date: `20${10 + (i % 10)}-01-0${1 + (i % 9)}`,
  year: 2010 + (i % 10),
  category: 'LG',
  venue: `Venue ${i % 5}`,
  arxiv: `2101.${1000 + i}`,
  doi: `10.1/${i}`,
  url: `https://example.org/${i}`,
  abstract: `Abstract ${i}`,
  affiliationTags: ['tag'],
  groupAuthors: i % 7 === 0 ? ['Consortium'] : undefined,
  documentType: 'Article',
  citations: i * 3,
  ids: { openalex: `W${i}`, pmid: String(i) },
  sources: ['test'],
  notes: `note ${i}`,
});

const dataset = (id: string, n: number, title = `Dataset ${id}`): Dataset => ({
  id,
  title,
  aliases: [{ from: 'J. Smith', to: 'John Smith' }],
  papers: Array.from({ length: n }, (_, i) => paper(i)),
});

function openRaw(version?: number, upgrade?: (d: IDBDatabase) => void): Promise<IDBDatabase> {
  const req = version === undefined ? indexedDB.open('coauthor-atlas') : indexedDB.open('coauthor-atlas', version);
  if (upgrade) req.onupgradeneeded = () => upgrade(req.result);
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Every value of a store, straight from IndexedDB. */
async function rawAll(store: string): Promise<Record<string, unknown>[]> {
  const d = await openRaw();
  try {
    return await new Promise((resolve, reject) => {
      const all = d.transaction(store).objectStore(store).getAll();
      all.onsuccess = () => resolve(all.result as Record<string, unknown>[]);
      all.onerror = () => reject(all.error);
    });
  } finally {
    d.close();
  }
}

async function rawDelete(store: string, key: IDBValidKey): Promise<void> {
  const d = await openRaw();
  await new Promise<void>((resolve, reject) => {
    const tx = d.transaction(store, 'readwrite');
    tx.objectStore(store).delete(key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  }).finally(() => d.close());
}

const chunkKeys = async () => (await rawAll('datasetPapers')).map((c) => [c.datasetId, c.chunk, (c.papers as unknown[]).length]);

beforeEach(() => {
  resetStoreConnection();
  globalThis.indexedDB = new IDBFactory();
});

describe('a dataset stored in parts', () => {
  it('round-trips exactly: papers in order, every field, through get, open, the list and the export', async () => {
    const input = dataset('big', 23);
    const saved = await saveDataset({ id: 'big', dataset: input, positions: { 'author 1': [1, 2] } }, { papersPerChunk: 5 });
    expect(saved.dataset).toStrictEqual(input);
    // Stored as a record without papers and five parts of at most five papers, in order.
    const [record] = await rawAll('datasets');
    expect(record).toMatchObject({ id: 'big', paperChunks: 5, dataset: { title: 'Dataset big', papers: [] } });
    expect(await chunkKeys()).toEqual([
      ['big', 0, 5],
      ['big', 1, 5],
      ['big', 2, 5],
      ['big', 3, 5],
      ['big', 4, 3],
    ]);
    resetStoreConnection();
    const read = await getStoredDataset('big');
    expect(read?.dataset).toStrictEqual(input);
    expect(read).toMatchObject({ id: 'big', revision: 1, positions: { 'author 1': [1, 2] } });
    expect(read).not.toHaveProperty('paperChunks');
    expect((await openStoredDataset('big'))?.dataset.papers.map((p) => p.id)).toEqual(input.papers.map((p) => p.id));
    expect((await loadStoredWorkspace('big', openStoredDataset))?.dataset.papers).toHaveLength(23);
    resetStoreConnection();
    expect(await listStoredDatasets()).toEqual({ datasets: [expect.objectContaining({ id: 'big', papers: 23 })], damaged: [] });
    const exported = await exportStoredDatasets();
    expect(exported.datasets.map((r) => r.dataset)).toStrictEqual([input]);
    expect(exported.damaged).toEqual([]);
  });

  it('the default part size leaves a dataset that fits one part in one record, as before', async () => {
    await saveDataset({ id: 'small', dataset: dataset('small', 3) });
    expect(await chunkKeys()).toEqual([]);
    expect((await rawAll('datasets'))[0]).not.toHaveProperty('paperChunks');
    // Parts are sized by bytes now (was: 10,000 papers a part): 16 MB, an eighth of Chromium's cap on one value.
    expect(PART_BYTES).toBe(16 * 1024 * 1024);
  });

  it('updates keep unchanged parts, rewrite changed papers (more or fewer parts), rename and delete everything', async () => {
    const input = dataset('big', 12);
    await saveDataset({ id: 'big', dataset: input }, { papersPerChunk: 5 });
    // Positions only: the record is rewritten, the parts are not.
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    await updateStoredDataset('big', (r) => ({ ...r, positions: { a: [3, 4] } }), { papersPerChunk: 5 });
    expect(put.mock.calls.map((c) => (c[0] as { chunk?: number }).chunk)).toEqual([undefined, undefined]);
    put.mockRestore();
    expect(await getStoredDataset('big')).toMatchObject({ revision: 2, positions: { a: [3, 4] }, dataset: input });
    // A rename: the new title, the same papers.
    await renameDataset('big', 'Renamed');
    expect(await getStoredDataset('big')).toMatchObject({ revision: 3, dataset: { ...input, title: 'Renamed' } });
    // More papers: four parts where there were three.
    const more = [...input.papers, paper(12), paper(13), paper(14), paper(15)];
    await updateStoredDataset('big', (r) => ({ ...r, dataset: { ...r.dataset, papers: more } }), { papersPerChunk: 5 });
    expect(await chunkKeys()).toEqual([
      ['big', 0, 5],
      ['big', 1, 5],
      ['big', 2, 5],
      ['big', 3, 1],
    ]);
    expect((await getStoredDataset('big'))?.dataset.papers).toStrictEqual(more);
    // Fewer papers: one record again, no parts left behind.
    await updateStoredDataset('big', (r) => ({ ...r, dataset: { ...r.dataset, papers: more.slice(0, 4) } }), { papersPerChunk: 5 });
    expect(await chunkKeys()).toEqual([]);
    expect((await rawAll('datasets'))[0]).toMatchObject({ dataset: { papers: more.slice(0, 4) } });
    expect((await rawAll('datasets'))[0]).not.toHaveProperty('paperChunks');
    // A big one again, next to another big one; deleting one removes its record, summary and parts only.
    await updateStoredDataset('big', (r) => ({ ...r, dataset: { ...r.dataset, papers: more } }), { papersPerChunk: 5 });
    await saveDataset({ id: 'other', dataset: dataset('other', 7) }, { papersPerChunk: 5 });
    await deleteDataset('big');
    expect(await rawAll('datasets')).toMatchObject([{ id: 'other' }]);
    expect(await rawAll('summaries')).toMatchObject([{ id: 'other' }]);
    expect(await chunkKeys()).toEqual([
      ['other', 0, 5],
      ['other', 1, 2],
    ]);
    expect(await getStoredDataset('big')).toBeNull();
    expect((await getStoredDataset('other'))?.dataset).toStrictEqual(dataset('other', 7));
  });
});

describe('records written by version 1 of the database', () => {
  it('open after the upgrade, unchanged, and can then be stored in parts', async () => {
    const old = {
      id: 'old',
      dataset: { id: 'old', title: 'Old library', papers: [paper(0), paper(1), paper(2)] },
      options: { minCoauthorships: 2 },
      createdAt: 10,
      updatedAt: 20,
    };
    const v1 = await openRaw(1, (d) => {
      d.createObjectStore('datasets', { keyPath: 'id' });
      d.createObjectStore('summaries', { keyPath: 'id' });
    });
    await new Promise<void>((resolve, reject) => {
      const tx = v1.transaction(['datasets', 'summaries'], 'readwrite');
      tx.objectStore('datasets').put(old);
      tx.objectStore('summaries').put({ id: 'old', title: 'Old library', papers: 3, createdAt: 10, updatedAt: 20 });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    v1.close();

    const opened = await openStoredDataset('old');
    expect(opened).toStrictEqual({ ...old, dataset: { ...old.dataset, aliases: [] }, revision: 0 });
    const d = await openRaw();
    expect(d.version).toBe(2);
    expect([...d.objectStoreNames].sort()).toEqual(['datasetPapers', 'datasets', 'summaries']);
    d.close();
    expect(await rawAll('datasets')).toEqual([old]);
    expect(await listStoredDatasets()).toEqual({ datasets: [expect.objectContaining({ id: 'old', title: 'Old library', papers: 3 })], damaged: [] });

    await updateStoredDataset('old', (r) => ({ ...r, dataset: { ...r.dataset, papers: [...r.dataset.papers, paper(3)] } }), { papersPerChunk: 2 });
    expect(await chunkKeys()).toEqual([
      ['old', 0, 2],
      ['old', 1, 2],
    ]);
    expect(await getStoredDataset('old')).toMatchObject({ revision: 1, createdAt: 10, dataset: { papers: [paper(0), paper(1), paper(2), paper(3)] } });
  });
});

describe('a failed write changes nothing', () => {
  it('a paper that cannot be stored, in a late part, leaves the previous record and parts as they were', async () => {
    const before = dataset('big', 9);
    await saveDataset({ id: 'big', dataset: before }, { papersPerChunk: 4 });
    const rawBefore = { datasets: await rawAll('datasets'), summaries: await rawAll('summaries'), parts: await rawAll('datasetPapers') };
    const papers = Array.from({ length: 14 }, (_, i) => paper(100 + i));
    // A function cannot be cloned into IndexedDB: the fourth part's put throws after the first three were queued.
    (papers[13] as unknown as Record<string, unknown>).extra = () => 1;
    await expect(updateStoredDataset('big', (r) => ({ ...r, dataset: { ...r.dataset, papers } }), { papersPerChunk: 4 })).rejects.toMatchObject({
      kind: 'failed',
      message: expect.stringMatching(/could not be cloned/),
    });
    expect({ datasets: await rawAll('datasets'), summaries: await rawAll('summaries'), parts: await rawAll('datasetPapers') }).toStrictEqual(rawBefore);
    // The same for a new dataset: nothing of it is stored.
    await expect(saveDataset({ id: 'new', dataset: { ...dataset('new', 14), papers } }, { papersPerChunk: 4 })).rejects.toMatchObject({
      kind: 'failed',
      message: expect.stringMatching(/could not be cloned/),
    });
    expect({ datasets: await rawAll('datasets'), summaries: await rawAll('summaries'), parts: await rawAll('datasetPapers') }).toStrictEqual(rawBefore);
    // And this tab can still write its dataset (its base revision did not move).
    expect(await updateStoredDataset('big', (r) => ({ ...r, positions: { x: [0, 0] } }))).toMatchObject({ revision: 2 });
  });

  it('a full disk on a later part (the transaction aborted) leaves the previous state', async () => {
    await saveDataset({ id: 'big', dataset: dataset('big', 6) }, { papersPerChunk: 2 });
    const partsBefore = await rawAll('datasetPapers');
    const realPut = IDBObjectStore.prototype.put;
    let calls = 0;
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++calls === 3) throw new DOMException('quota', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    try {
      const replaced = { ...dataset('big', 10), title: 'Replaced' };
      await expect(saveDataset({ id: 'big', dataset: replaced }, { papersPerChunk: 2 })).rejects.toMatchObject({ kind: 'quota' });
    } finally {
      put.mockRestore();
    }
    expect(calls).toBe(3);
    expect(await rawAll('datasetPapers')).toStrictEqual(partsBefore);
    expect(await getStoredDataset('big')).toMatchObject({ revision: 1, dataset: dataset('big', 6) });
  });
});

describe('damaged parts', () => {
  it('a missing part makes the dataset damaged (named, kept, exported as it is) until it is deleted', async () => {
    await saveDataset({ id: 'big', dataset: dataset('big', 7, 'Split library') }, { papersPerChunk: 3 });
    await saveDataset({ id: 'fine', dataset: dataset('fine', 2) });
    await rawDelete('datasetPapers', ['big', 1]);
    resetStoreConnection();
    await expect(getStoredDataset('big')).rejects.toMatchObject({
      kind: 'corrupt',
      message: expect.stringMatching(/“Split library” cannot be read \(part 2 of 3/),
    });
    const { datasets, damaged } = await listStoredDatasets();
    expect(datasets.map((s) => s.id)).toEqual(['fine']);
    expect(damaged).toEqual([{ id: 'big', name: 'Split library', reason: 'part 2 of 3 of its papers is missing' }]);
    await expect(updateStoredDataset('big', (r) => r)).rejects.toMatchObject({ kind: 'corrupt' });
    await expect(saveDataset({ id: 'big', dataset: dataset('big', 2) })).rejects.toMatchObject({ kind: 'corrupt' });
    const exported = await exportStoredDatasets();
    expect(exported.datasets.map((r) => r.id)).toEqual(['fine']);
    expect(exported.damaged).toMatchObject([
      { id: 'big', reason: 'part 2 of 3 of its papers is missing', raw: { paperChunks: 3, dataset: { title: 'Split library' } } },
    ]);
    expect(await chunkKeys()).toEqual([
      ['big', 0, 3],
      ['big', 2, 1],
    ]);
    await deleteDataset('big');
    expect(await chunkKeys()).toEqual([]);
    expect((await listStoredDatasets()).damaged).toEqual([]);
  });
});
