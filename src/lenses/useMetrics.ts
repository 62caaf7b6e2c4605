import { useEffect, useRef, useState } from 'react';
import type { FilterResult, LensGraph } from './filters';
import { metricsRequest } from './compose';
import type { Metrics } from './metrics';

/** Centralities of the filtered graph from the worker; a newer filter cancels an older computation. */
export function useMetrics(graph: LensGraph, filter: FilterResult | undefined, enabled: boolean): Metrics | undefined {
  const [result, setResult] = useState<{ filter: FilterResult; metrics: Metrics } | null>(null);
  const worker = useRef<Worker | null>(null);
  const busy = useRef(false);
  const nextId = useRef(0);

  useEffect(() => {
    if (!enabled || !filter || typeof Worker === 'undefined') return;
    // Off the critical path: let the filtered graph render first.
    const timer = window.setTimeout(() => {
      if (busy.current) {
        worker.current?.terminate();
        worker.current = null;
      }
      if (!worker.current) worker.current = new Worker(new URL('./metricsWorker.ts', import.meta.url), { type: 'module' });
      const id = ++nextId.current;
      busy.current = true;
      worker.current.onmessage = (e: MessageEvent<{ id: number; metrics: Metrics }>) => {
        if (e.data.id !== id) return;
        busy.current = false;
        setResult({ filter, metrics: e.data.metrics });
      };
      worker.current.postMessage(metricsRequest(graph, filter, id));
    }, 150);
    return () => window.clearTimeout(timer);
  }, [graph, filter, enabled]);

  useEffect(() => () => worker.current?.terminate(), []);
  // Stale values (keyed by node id) are better than none while the new ones are computed.
  return enabled ? result?.metrics : undefined;
}
