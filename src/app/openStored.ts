/**
 * Opening a stored dataset by id. A big one is read by a worker and arrives in slices (see storeReaderWorker.ts);
 * a small one is read here.
 */
import type { Paper } from '../model/types';
import { markOpened, openStoredDataset, StoreError, storedSummary, type StoredDataset } from '../store/datasetStore';
import type { Workspace } from './workspace';
import { storeErrorKind, type StoreReaderContract } from '../store/storeReaderMessage';
import { runWorker } from '../workers/runner';

/** Above this many papers the record is read in a worker. */
export const READ_IN_WORKER_MIN_PAPERS = 5_000;

async function readInWorker(id: string): Promise<StoredDataset | null> {
  const papers: Paper[] = [];
  const { outcome } = runWorker<StoreReaderContract>(
    () => new Worker(new URL('../store/storeReaderWorker.ts', import.meta.url), { type: 'module' }),
    { id },
    {
      failedMessage: 'The stored dataset could not be read.',
      onSlice: (slice) => {
        for (const p of slice) papers.push(p);
      },
    },
  );
  const o = await outcome;
  if (o.kind !== 'result') throw new StoreError(o.kind === 'error' ? storeErrorKind(o.code) : 'failed', o.kind === 'error' ? o.message : 'Cancelled');
  const record = o.result;
  if (!record) return null;
  // This tab now shows that revision: its later saves are based on it.
  markOpened(id, record.revision ?? 0);
  return { ...record, dataset: { ...record.dataset, papers } };
}

/** `openStoredDataset`, reading a big record off the page. */
export async function openStored(id: string): Promise<StoredDataset | null> {
  const summary = await storedSummary(id);
  if (summary && summary.papers >= READ_IN_WORKER_MIN_PAPERS && typeof Worker !== 'undefined') return readInWorker(id);
  return openStoredDataset(id);
}

export function workspaceOf(r: StoredDataset): Workspace {
  return { id: r.id, dataset: r.dataset, origin: 'import', ...(r.positions ? { positions: r.positions } : {}), ...(r.options ? { options: r.options } : {}) };
}

/**
 * A stored dataset (IndexedDB) by id, as a workspace; null when there is none or storage is unavailable.
 * `open` reads the record (src/app/openStored.ts passes one that reads big records in a worker).
 */
export async function loadStoredWorkspace(id: string, open: (id: string) => Promise<StoredDataset | null> = openStoredDataset): Promise<Workspace | null> {
  try {
    const r = await open(id);
    return r ? workspaceOf(r) : null;
  } catch {
    return null;
  }
}

/** A stored dataset as a workspace (`loadStoredWorkspace` reading through `openStored`). */
export const loadStoredWorkspaceAnySize = (id: string): Promise<Workspace | null> => loadStoredWorkspace(id, openStored);
