/// <reference lib="webworker" />
/** Computes density grids off the page: one request in, one grid out (its values transferred, not copied). */
import { densityGrid, type DensityInput } from './kde';
import { withTransfer, type WorkerContract } from '../workers/protocol';
import { serveWorker } from '../workers/serve';

export interface DensityRequest extends DensityInput {
  id: number;
}

export interface DensityReply {
  id: number;
  cols: number;
  rows: number;
  cell: number;
  values: Float32Array;
  max: number;
}

/** The density worker: one request in, one grid out. */
export type DensityContract = WorkerContract<DensityRequest, DensityReply>;

serveWorker<DensityContract>(({ id, ...input }) => {
  const grid = densityGrid(input);
  return withTransfer<DensityReply>({ id, ...grid }, [grid.values.buffer]);
});
