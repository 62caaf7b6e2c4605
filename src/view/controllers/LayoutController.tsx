import { useEffect } from 'react';
import { useSigma } from '@react-sigma/core';
import { LayoutRunner, BIG_GRAPH_POSITION_INTERVAL_MS, type LayoutProgress } from './layout';
import { LOD_MIN_EDGES, LOD_MIN_NODES } from '../../graph/overview';

/** Starts the worker layout when a graph is shown and hands its controls up. */
export function LayoutController({
  autoStart,
  onReady,
  onProgress,
}: {
  autoStart: boolean;
  onReady: (runner: LayoutRunner | null) => void;
  onProgress: (p: LayoutProgress) => void;
}) {
  const sigma = useSigma();
  useEffect(() => {
    const graph = sigma.getGraph();
    const big = graph.order > LOD_MIN_NODES || graph.size > LOD_MIN_EDGES;
    const runner = new LayoutRunner(graph, onProgress, big ? BIG_GRAPH_POSITION_INTERVAL_MS : 0);
    onReady(runner);
    if (autoStart) runner.start();
    return () => {
      runner.kill();
      onReady(null);
    };
    // The runner lives as long as the graph it lays out.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sigma]);
  return null;
}
