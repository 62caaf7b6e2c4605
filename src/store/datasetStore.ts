import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Workspace } from '../app/workspace';
import type { BuildOptions } from '../graph/types';
import type { Dataset } from '../model/types';

/**
 * Imported datasets kept in IndexedDB: the dataset (papers, aliases), build options and layout positions.
 * A small summary per dataset is kept apart so that the list never loads the papers.
 */

export interface StoredDataset {
  id: string;
  dataset: Dataset;
  options?: Partial<BuildOptions>;
  positions?: Record<string, [number, number]>;
  /** Candidate pairs (`a|b` keys) the user said are different people. */
  dismissedMerges?: string[];
  createdAt: number;
  updatedAt: number;
}

export interface StoredSummary { id: string; title: string; papers: number; createdAt: number; updatedAt: number }

interface AtlasDb extends DBSchema {
  datasets: { key: string; value: StoredDataset };
  summaries: { key: string; value: StoredSummary };
}

export type StoreErrorKind = 'unavailable' | 'quota' | 'failed';

/** A storage failure in words the user can act on; the data in memory is never affected. */
export class StoreError extends Error {
  constructor(readonly kind: StoreErrorKind, message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

const DB_NAME = 'coauthor-atlas';
let dbPromise: Promise<IDBPDatabase<AtlasDb>> | null = null;

function toStoreError(e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  const err = e as { name?: string; message?: string };
  if (err?.name === 'QuotaExceededError' || /quota/i.test(err?.message ?? '')) {
    return new StoreError('quota', 'The browser’s storage for this site is full: the dataset was not saved. Delete stored datasets you no longer need, or free space in the browser. The data shown stays usable until you reload.');
  }
  if (err?.name === 'SecurityError' || err?.name === 'InvalidStateError') {
    return new StoreError('unavailable', 'This browser does not allow this page to store data (private window or storage blocked): the dataset stays usable until you reload, but is not kept.');
  }
  return new StoreError('failed', `Storing the dataset failed (${err?.message ?? String(e)}). The data shown stays usable until you reload.`);
}

function db(): Promise<IDBPDatabase<AtlasDb>> {
  if (typeof indexedDB === 'undefined') {
    return Promise.reject(new StoreError('unavailable', 'This browser has no IndexedDB storage: the dataset stays usable until you reload, but is not kept.'));
  }
  if (!dbPromise) {
    dbPromise = openDB<AtlasDb>(DB_NAME, 1, {
      upgrade(d) {
        d.createObjectStore('datasets', { keyPath: 'id' });
        d.createObjectStore('summaries', { keyPath: 'id' });
      },
    }).catch((e: unknown) => {
      dbPromise = null;
      throw toStoreError(e);
    });
  }
  return dbPromise;
}

/** For tests: forget the open connection (e.g. after replacing the IndexedDB factory). */
export function resetStoreConnection(): void {
  void dbPromise?.then((d) => d.close()).catch(() => {});
  dbPromise = null;
}

const summaryOf = (r: StoredDataset): StoredSummary => ({ id: r.id, title: r.dataset.title, papers: r.dataset.papers.length, createdAt: r.createdAt, updatedAt: r.updatedAt });

async function write(record: StoredDataset): Promise<void> {
  try {
    const d = await db();
    const tx = d.transaction(['datasets', 'summaries'], 'readwrite');
    await Promise.all([tx.objectStore('datasets').put(record), tx.objectStore('summaries').put(summaryOf(record)), tx.done]);
  } catch (e) {
    throw toStoreError(e);
  }
}

/** Saves (or replaces) a dataset with its options and positions. */
export async function saveDataset(input: Omit<StoredDataset, 'createdAt' | 'updatedAt'> & { createdAt?: number }): Promise<StoredDataset> {
  const now = Date.now();
  const record: StoredDataset = { ...input, createdAt: input.createdAt ?? now, updatedAt: now };
  await write(record);
  return record;
}

export async function getStoredDataset(id: string): Promise<StoredDataset | null> {
  try {
    return (await (await db()).get('datasets', id)) ?? null;
  } catch (e) {
    throw toStoreError(e);
  }
}

/** Changes some fields of a stored dataset; returns the new record, or null when there is no such dataset. */
export async function updateStoredDataset(id: string, change: (r: StoredDataset) => StoredDataset): Promise<StoredDataset | null> {
  const current = await getStoredDataset(id);
  if (!current) return null;
  const next = { ...change(current), id, createdAt: current.createdAt, updatedAt: Date.now() };
  await write(next);
  return next;
}

export const renameDataset = (id: string, title: string) => updateStoredDataset(id, (r) => ({ ...r, dataset: { ...r.dataset, title } }));

export async function deleteDataset(id: string): Promise<void> {
  try {
    const d = await db();
    const tx = d.transaction(['datasets', 'summaries'], 'readwrite');
    await Promise.all([tx.objectStore('datasets').delete(id), tx.objectStore('summaries').delete(id), tx.done]);
  } catch (e) {
    throw toStoreError(e);
  }
}

/** Stored datasets, most recently changed first. */
export async function listDatasets(): Promise<StoredSummary[]> {
  try {
    const all = await (await db()).getAll('summaries');
    return all.sort((a, b) => b.updatedAt - a.updatedAt);
  } catch (e) {
    throw toStoreError(e);
  }
}

export function workspaceOf(r: StoredDataset): Workspace {
  return { id: r.id, dataset: r.dataset, origin: 'import', ...(r.positions ? { positions: r.positions } : {}), ...(r.options ? { options: r.options } : {}) };
}

/** A stored dataset (IndexedDB) by id, as a workspace; null when there is none or storage is unavailable. */
export async function loadStoredWorkspace(id: string): Promise<Workspace | null> {
  try {
    const r = await getStoredDataset(id);
    return r ? workspaceOf(r) : null;
  } catch {
    return null;
  }
}

/** A new dataset id: time and randomness, safe in a URL. */
export function newDatasetId(): string {
  return `ds-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
