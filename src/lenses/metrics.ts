/** Betweenness and PageRank of the visible graph: pure (the worker runs it; tests can too). */
import Graph from 'graphology';
import betweenness from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { WorkerContract } from '../workers/protocol';

export interface MetricsRequest {
  id: number;
  nodes: string[];
  /** [source, target, weight] of the visible edges. */
  edges: [string, string, number][];
}

export interface Metrics {
  betweenness: Record<string, number>;
  pagerank: Record<string, number>;
}

/** The metrics worker (metricsWorker.ts): one request in, the metrics out. */
export type MetricsContract = WorkerContract<MetricsRequest, Metrics>;

export function computeMetrics(req: Omit<MetricsRequest, 'id'>): Metrics {
  const g = new Graph({ type: 'undirected', multi: false });
  for (const n of req.nodes) g.addNode(n);
  for (const [s, t, w] of req.edges) if (g.hasNode(s) && g.hasNode(t) && !g.hasEdge(s, t)) g.addEdge(s, t, { weight: w });
  if (g.order === 0) return { betweenness: {}, pagerank: {} };
  // Betweenness on hops (a weight is a strength, not a distance); PageRank follows the weights.
  return {
    betweenness: betweenness(g, { normalized: true, getEdgeWeight: null }),
    pagerank: g.size ? pagerank(g, { getEdgeWeight: 'weight' }) : Object.fromEntries(g.nodes().map((n) => [n, 1 / g.order])),
  };
}
