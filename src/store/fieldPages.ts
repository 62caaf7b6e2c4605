/**
 * A field fetch's pages, kept in IndexedDB as they arrive so that a reload (or a dropped connection) resumes where
 * the fetch stopped instead of starting over. One job per filter; its own database, apart from the datasets'.
 * Used from the field worker (fetching) and the import worker (reading the pages into a dataset).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { FieldCursor } from '../import/openalexField';

export interface FieldJob {
  /** The filter string: one job per query. */
  key: string;
  label: string;
  count: number;
  state: FieldCursor;
  /** Works refetched in full (their author list was cut at 100), by page and position. */
  refetched: number;
  /** Every page is in and every cut author list refetched. */
  complete: boolean;
  startedAt: string;
}

interface FieldPage {
  key: string;
  index: number;
  works: Record<string, unknown>[];
}

interface FieldDb extends DBSchema {
  jobs: { key: string; value: FieldJob };
  pages: { key: [string, number]; value: FieldPage };
}

const DB_NAME = 'coauthor-atlas-field';

function open(): Promise<IDBPDatabase<FieldDb>> {
  return openDB<FieldDb>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('jobs', { keyPath: 'key' });
      db.createObjectStore('pages', { keyPath: ['key', 'index'] });
    },
  });
}

async function withDb<T>(run: (db: IDBPDatabase<FieldDb>) => Promise<T>): Promise<T> {
  const db = await open();
  try {
    return await run(db);
  } finally {
    db.close();
  }
}

export const loadFieldJob = (key: string) => withDb((db) => db.get('jobs', key));

/**
 * Every kept job, newest first. A job is deleted once the dataset made of its pages is stored, so each one left is
 * unfinished (to resume) or fetched but not stored (its dataset failed to store or to import: to open again from the
 * pages, without fetching them again, or to discard).
 */
export const keptFieldJobs = () => withDb(async (db) => (await db.getAll('jobs')).sort((a, b) => b.startedAt.localeCompare(a.startedAt)));

/** A page and the job's state after it, in one transaction: a page is never stored without the cursor that follows it. */
export function saveFieldPage(job: FieldJob, index: number, works: Record<string, unknown>[]) {
  return withDb(async (db) => {
    const tx = db.transaction(['jobs', 'pages'], 'readwrite');
    await Promise.all([tx.objectStore('pages').put({ key: job.key, index, works }), tx.objectStore('jobs').put(job), tx.done]);
  });
}

export const saveFieldJob = (job: FieldJob) => withDb(async (db) => void (await db.put('jobs', job)));

/** Every stored page of a job, in order. */
export const loadFieldPages = (key: string) =>
  withDb(async (db) => (await db.getAll('pages', IDBKeyRange.bound([key, 0], [key, Infinity]))).sort((a, b) => a.index - b.index));

/** Replaces one stored page (a cut author list refetched in full). */
export const replaceFieldPage = (key: string, index: number, works: Record<string, unknown>[]) =>
  withDb(async (db) => void (await db.put('pages', { key, index, works })));

export function deleteFieldJob(key: string) {
  return withDb(async (db) => {
    const tx = db.transaction(['jobs', 'pages'], 'readwrite');
    await Promise.all([tx.objectStore('jobs').delete(key), tx.objectStore('pages').delete(IDBKeyRange.bound([key, 0], [key, Infinity])), tx.done]);
  });
}
