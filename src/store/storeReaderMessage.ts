import type { Paper } from '../model/types';
import type { StoredDataset, StoreErrorKind } from './datasetStore';

/** What the store reader worker (storeReaderWorker.ts) sends the page: the record, its papers in slices, then the end. */
export type StoreReaderMessage =
  | { type: 'record'; record: StoredDataset }
  | { type: 'papers'; papers: Paper[] }
  | { type: 'done' }
  | { type: 'missing' }
  | { type: 'error'; message: string; kind?: StoreErrorKind };
