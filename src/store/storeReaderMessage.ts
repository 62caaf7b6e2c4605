import type { Paper } from '../model/types';
import type { StoredDataset, StoreErrorKind } from './datasetStore';
import type { WorkerContract } from '../workers/protocol';

/**
 * The store reader worker (storeReaderWorker.ts): asked for a dataset's id, it sends the papers in slices, then the
 * record without its papers (null when there is none). A failure's `code` is the StoreError's kind.
 */
export type StoreReaderContract = WorkerContract<{ id: string }, StoredDataset | null, Paper[]>;

const KINDS: readonly StoreErrorKind[] = ['unavailable', 'quota', 'failed', 'corrupt', 'conflict'];

/** A failure's code as a StoreErrorKind ('failed' when it is none). */
export const storeErrorKind = (code: string | undefined): StoreErrorKind => KINDS.find((k) => k === code) ?? 'failed';
