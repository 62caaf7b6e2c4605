import { useEffect, useState } from 'react';
import { VOS_MAX_NODES } from '../graph/algorithms';
import type { AtlasGraph } from '../graph/types';
import { writeVosPositions } from '../graph/build';
import type { VosContract } from './vosWorker';
import { runWorker } from '../workers/runner';

/**
 * The VOS layout on an opened cluster of a big graph. The whole graph is past VOS_MAX_NODES, so the build keeps its
 * seeded positions; a cluster opened with VOS chosen (and at most VOS_MAX_NODES nodes) is laid out by VOS in a worker,
 * from those positions. Until it arrives `pending` is true (the page runs no ForceAtlas2 meanwhile); then the cluster
 * is drawn at VOS's positions (`vosLayout` set, nothing runs after it).
 */
export function useVosCluster(cluster: AtlasGraph, isCluster: boolean): { graph: AtlasGraph; pending: boolean } {
  const options = cluster.getAttribute('options');
  const wanted = isCluster && options?.layout === 'vos' && !cluster.getAttribute('vosLayout') && cluster.order > 1 && cluster.order <= VOS_MAX_NODES;
  const [done, setDone] = useState<{ of: AtlasGraph; graph: AtlasGraph } | null>(null);
  useEffect(() => {
    if (!wanted) return;
    const job = runWorker<VosContract>(() => new Worker(new URL('./vosWorker.ts', import.meta.url), { type: 'module' }), {
      graph: cluster.export(),
      seed: options!.seed,
    });
    void job.outcome.then((outcome) => {
      // A failed worker leaves the cluster at its seeded positions, laid out by ForceAtlas2 as without VOS.
      if (outcome.kind === 'cancelled') return;
      const layout = outcome.kind === 'result' ? outcome.result : null;
      const graph = layout ? (cluster.copy() as AtlasGraph) : cluster;
      if (layout) writeVosPositions(graph, layout);
      setDone({ of: cluster, graph });
    });
    return () => job.cancel();
  }, [cluster, wanted, options]);
  if (!wanted) return { graph: cluster, pending: false };
  return done?.of === cluster ? { graph: done.graph, pending: false } : { graph: cluster, pending: true };
}
