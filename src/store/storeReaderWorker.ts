/// <reference lib="webworker" />
// Reads one big stored dataset off the page and sends it in slices (see src/app/openStored.ts): reading the record
// on the page would cost it one long structured-clone task (about 0.4 s for the ACL Anthology).
import { getStoredDataset, type StoreError } from './datasetStore';
import type { StoreReaderMessage } from './storeReaderMessage';
import { paperSlices } from '../model/paperSlices';

const post = (m: StoreReaderMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = async (e: MessageEvent<{ id: string }>) => {
  try {
    const r = await getStoredDataset(e.data.id);
    if (!r) return post({ type: 'missing' });
    const { papers, ...dataset } = r.dataset;
    post({ type: 'record', record: { ...r, dataset: { ...dataset, papers: [] } } });
    for (const slice of paperSlices(papers)) post({ type: 'papers', papers: slice });
    post({ type: 'done' });
  } catch (err) {
    post({ type: 'error', message: (err as Error).message, kind: (err as StoreError).kind });
  }
};
