/// <reference lib="webworker" />
/** The VOS layout of one opened cluster, off the page: the cluster's graph in, one [x, y] per node (graph order) out. */
import Graph from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { vosLayout } from '../graph/algorithms';
import type { WorkerContract } from '../workers/protocol';
import { serveWorker } from '../workers/serve';

export interface VosRequest {
  graph: SerializedGraph;
  seed: number;
}

export type VosReply = { x: number[]; y: number[] } | null;

/** The VOS worker: one cluster in, its positions out. */
export type VosContract = WorkerContract<VosRequest, VosReply>;

serveWorker<VosContract>(({ graph, seed }) => vosLayout(Graph.from(graph), seed));
