import { useEffect, useRef, useState } from 'react';
import type { FilterResult, LensGraph } from './filters';
import { metricsRequest } from './compose';
import type { Metrics, MetricsContract } from './metrics';
import { WorkerRunner } from '../workers/runner';

/** Centralities of the filtered graph from the worker; a newer filter cancels an older computation. */
export function useMetrics(graph: LensGraph, filter: FilterResult | undefined, enabled: boolean): Metrics | undefined {
  const [result, setResult] = useState<{ filter: FilterResult; metrics: Metrics } | null>(null);
  const runner = useRef<WorkerRunner<MetricsContract> | null>(null);
  const nextId = useRef(0);

  useEffect(() => {
    if (!enabled || !filter || typeof Worker === 'undefined') return;
    // Off the critical path: let the filtered graph render first.
    const timer = window.setTimeout(() => {
      runner.current ??= new WorkerRunner<MetricsContract>(() => new Worker(new URL('./metricsWorker.ts', import.meta.url), { type: 'module' }));
      // A newer run cancels an unfinished one (its worker is terminated; a fresh one starts).
      const { outcome } = runner.current.run(metricsRequest(graph, filter, ++nextId.current));
      void outcome.then((o) => {
        if (o.kind === 'result') setResult({ filter, metrics: o.result });
      });
    }, 150);
    return () => window.clearTimeout(timer);
  }, [graph, filter, enabled]);

  useEffect(() => () => runner.current?.close(), []);
  // Stale values (keyed by node id) are better than none while the new ones are computed.
  return enabled ? result?.metrics : undefined;
}
