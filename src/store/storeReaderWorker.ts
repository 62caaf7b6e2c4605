/// <reference lib="webworker" />
// Reads one big stored dataset off the page and sends it in slices (see src/app/openStored.ts): reading the record
// on the page would cost it one long structured-clone task (about 0.4 s for the ACL Anthology).
import { getStoredDataset, StoreError } from './datasetStore';
import type { StoreReaderContract } from './storeReaderMessage';
import { paperSlices } from '../model/paperSlices';
import { serveWorker } from '../workers/serve';

serveWorker<StoreReaderContract>(
  async ({ id }, { slice }) => {
    const r = await getStoredDataset(id);
    if (!r) return null;
    const { papers, ...dataset } = r.dataset;
    for (const papersSlice of paperSlices(papers)) slice(papersSlice);
    return { ...r, dataset: { ...dataset, papers: [] } };
  },
  { codeOf: (err) => (err instanceof StoreError ? err.kind : undefined) },
);
