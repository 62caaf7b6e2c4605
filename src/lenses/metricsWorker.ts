/// <reference lib="webworker" />
import { computeMetrics, type MetricsRequest } from './metrics';

self.onmessage = (e: MessageEvent<MetricsRequest>) => {
  const { id, ...req } = e.data;
  self.postMessage({ id, metrics: computeMetrics(req) });
};
