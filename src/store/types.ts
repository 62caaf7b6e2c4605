/** What the dataset store keeps in IndexedDB (src/store/datasetStore.ts). */
import type { BuildOptions } from '../graph/types';
import type { Dataset } from '../model/types';

export interface StoredDataset {
  id: string;
  dataset: Dataset;
  options?: Partial<BuildOptions>;
  positions?: Record<string, [number, number]>;
  /** Candidate pairs (`a|b` keys) the user said are different people. */
  dismissedMerges?: string[];
  createdAt: number;
  updatedAt: number;
  /** Bumped by every write (missing on records written before revisions: read as 0). */
  revision?: number;
}

export interface StoredSummary {
  id: string;
  title: string;
  papers: number;
  createdAt: number;
  updatedAt: number;
  revision?: number;
}

/** A stored record that could not be read: kept as it is until the user deletes it. */
export interface DamagedRecord {
  id: string;
  name: string;
  reason: string;
}
