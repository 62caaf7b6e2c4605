/// <reference lib="webworker" />
/** Computes density grids off the page: one request in, one grid out (its values transferred, not copied). */
import { densityGrid, type DensityInput } from './kde';

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

self.onmessage = (e: MessageEvent<DensityRequest>) => {
  const { id, ...input } = e.data;
  const grid = densityGrid(input);
  const reply: DensityReply = { id, ...grid };
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply, [grid.values.buffer]);
};
