import { useEffect, useRef } from 'react';
import { useSigma } from '@react-sigma/core';
import { LayoutRunner, layoutPositionIntervalMs, type LayoutProgress } from './layout';
import { LOD_MIN_EDGES, LOD_MIN_NODES } from '../../graph/overview';
import { sigmaAlive } from './alive';

/** Starts the worker layout when a graph is shown and hands its controls up. */
export function LayoutController({
  autoStart,
  onReady,
  onProgress,
  weights,
  weightsKey,
}: {
  /** Normalised link weights (lens), read at each start; a new `weightsKey` (another normalisation) restarts the layout. */
  weights?: ReadonlyMap<string, number>;
  weightsKey?: string;
  autoStart: boolean;
  onReady: (runner: LayoutRunner | null) => void;
  onProgress: (p: LayoutProgress) => void;
}) {
  const sigma = useSigma();
  const weightsRef = useRef(weights);
  weightsRef.current = weights;
  const keyRef = useRef(weightsKey);
  const runnerRef = useRef<LayoutRunner | null>(null);
  useEffect(() => {
    if (keyRef.current === weightsKey) return;
    keyRef.current = weightsKey;
    runnerRef.current?.restart();
  }, [weightsKey]);
  useEffect(() => {
    const graph = sigma.getGraph();
    const big = graph.order > LOD_MIN_NODES || graph.size > LOD_MIN_EDGES;
    let live = true;
    const report = (p: LayoutProgress) => {
      if (p.running || !sigmaAlive(sigma)) return onProgress(p);
      // The stop has just written the last positions, which sigma frames and draws on its next frame: until then its
      // node display data are not the drawn positions. Whatever waits for the layout's end (the camera's focus) hears
      // of it after that frame. Sigma's frame is asked for first, so it runs before this one.
      sigma.scheduleRender();
      requestAnimationFrame(() => {
        if (live) onProgress(p);
      });
    };
    const runner = new LayoutRunner(graph, report, layoutPositionIntervalMs(big), () => weightsRef.current);
    runnerRef.current = runner;
    onReady(runner);
    if (autoStart) runner.start();
    return () => {
      live = false;
      runner.kill();
      runnerRef.current = null;
      onReady(null);
    };
    // The runner lives as long as the graph it lays out.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sigma]);
  return null;
}
