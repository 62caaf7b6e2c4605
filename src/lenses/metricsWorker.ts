/// <reference lib="webworker" />
import { computeMetrics, type MetricsContract } from './metrics';
import { serveWorker } from '../workers/serve';

serveWorker<MetricsContract>(({ id: _id, ...req }) => computeMetrics(req));
