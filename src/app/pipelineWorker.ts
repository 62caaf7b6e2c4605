/// <reference lib="webworker" />
// Builds a big dataset's graph off the main thread and sends it back in slices (see graph/transfer.ts).
import type { Paper } from '../model/types';
import { resolveDataset } from '../graph/authors';
import { prepareGraph, preparedMessages, sourceGraph, type PipelineMessage, type PipelineRequest } from './pipeline';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: PipelineMessage) => scope.postMessage(m);
let papers: Paper[] = [];

scope.onmessage = (e: MessageEvent<PipelineRequest>) => {
  const request = e.data;
  if (request.type === 'papers') {
    for (const p of request.papers) papers.push(p);
    return;
  }
  try {
    const dataset = { ...request.dataset, papers };
    post({ type: 'progress', stage: 'Resolving authors', share: 0.05 });
    const resolved = resolveDataset(dataset);
    post({ type: 'progress', stage: 'Building the graph and its communities', share: 0.25 });
    const source = sourceGraph(dataset, request.options, request.unit, resolved);
    post({ type: 'progress', stage: 'Naming clusters', share: 0.6 });
    const prepared = prepareGraph(source, resolved);
    post({ type: 'progress', stage: 'Sending the graph to the page', share: 0.7 });
    for (const m of preparedMessages({ ...prepared, resolved })) post(m);
  } catch (err) {
    post({ type: 'error', message: (err as Error).message });
  } finally {
    papers = [];
  }
};
