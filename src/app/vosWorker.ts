/// <reference lib="webworker" />
/** The VOS layout of one opened cluster, off the page: the cluster's graph in, one [x, y] per node (graph order) out. */
import Graph from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { vosLayout } from '../graph/algorithms';

export interface VosRequest {
  graph: SerializedGraph;
  seed: number;
}

export type VosReply = { x: number[]; y: number[] } | null;

self.onmessage = (e: MessageEvent<VosRequest>) => {
  const reply: VosReply = vosLayout(Graph.from(e.data.graph), e.data.seed);
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply);
};
