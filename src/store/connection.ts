/** The IndexedDB connection of the dataset store, and its failures in words the user can act on. */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Paper } from '../model/types';
import type { StoredDataset, StoredSummary } from './types';

/** One part of a big dataset's papers (see paperChunks.ts), keyed [datasetId, chunk]. */
export interface PaperChunk {
  datasetId: string;
  chunk: number;
  papers: Paper[];
}

export interface AtlasDb extends DBSchema {
  datasets: { key: string; value: StoredDataset };
  summaries: { key: string; value: StoredSummary };
  /** Version 2: the papers of a dataset too big for one record, in parts; its `datasets` record then has none. */
  datasetPapers: { key: [string, number]; value: PaperChunk };
}

/** 1: datasets, summaries. 2: datasetPapers (records of version 1 are kept as they are and still open). */
export const DB_VERSION = 2;

export type StoreErrorKind = 'unavailable' | 'quota' | 'failed' | 'corrupt' | 'conflict';

/** A storage failure in words the user can act on; the data in memory is never affected. */
export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

const DB_NAME = 'coauthor-atlas';
let dbPromise: Promise<IDBPDatabase<AtlasDb>> | null = null;

export function toStoreError(e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  const err = e as { name?: string; message?: string };
  if (err?.name === 'QuotaExceededError' || /quota/i.test(err?.message ?? '')) {
    return new StoreError(
      'quota',
      'The browser’s storage for this site is full: the dataset was not saved. Delete stored datasets you no longer need, or free space in the browser. The data shown stays usable until you reload.',
    );
  }
  if (err?.name === 'SecurityError' || err?.name === 'InvalidStateError') {
    return new StoreError(
      'unavailable',
      'This browser does not allow this page to store data (private window or storage blocked): the dataset stays usable until you reload, but is not kept.',
    );
  }
  return new StoreError('failed', `Storing the dataset failed (${err?.message ?? String(e)}). The data shown stays usable until you reload.`);
}

const NO_IDB = 'This browser has no IndexedDB storage: the dataset stays usable until you reload, but is not kept.';

function idbAvailable(): boolean {
  try {
    // Reading `indexedDB` itself throws where storage is blocked (sandboxed frames, some privacy settings).
    return typeof indexedDB !== 'undefined' && indexedDB !== null;
  } catch {
    return false;
  }
}

export function db(): Promise<IDBPDatabase<AtlasDb>> {
  if (!idbAvailable()) return Promise.reject(new StoreError('unavailable', NO_IDB));
  if (!dbPromise) {
    dbPromise = Promise.resolve()
      .then(() =>
        openDB<AtlasDb>(DB_NAME, DB_VERSION, {
          upgrade(d, oldVersion) {
            if (oldVersion < 1) {
              d.createObjectStore('datasets', { keyPath: 'id' });
              d.createObjectStore('summaries', { keyPath: 'id' });
            }
            if (oldVersion < 2) d.createObjectStore('datasetPapers', { keyPath: ['datasetId', 'chunk'] });
          },
          // Another tab upgraded the database: let it, and reopen on the next call.
          blocking() {
            void dbPromise?.then((d) => d.close());
            dbPromise = null;
          },
        }),
      )
      .catch((e: unknown) => {
        dbPromise = null;
        throw toStoreError(e);
      });
  }
  return dbPromise;
}

/** Forgets the open connection (closing it), so the next call opens a new one. */
export function closeConnection(): void {
  void dbPromise?.then((d) => d.close()).catch(() => {});
  dbPromise = null;
}
