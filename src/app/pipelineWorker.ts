/// <reference lib="webworker" />
// Builds a big dataset's graph off the main thread and sends it back in slices (see graph/transfer.ts).
import { resolveDataset } from '../graph/authors';
import { EDGES_APART_MIN } from '../graph/edgesApart';
import { availableUnits } from '../lenses/institutions';
import { prepareGraph, preparedMessages, sourceGraph, transferOf, type PipelineContract, type PipelineMessage } from './pipeline';
import { serveWorker } from '../workers/serve';

serveWorker<PipelineContract>((request, { slices, progress, slice }) => {
  const dataset = { ...request.dataset, papers: slices.flat() };
  progress({ stage: 'Resolving authors', share: 0.05 });
  const resolved = resolveDataset(dataset);
  progress({ stage: 'Building the graph and its communities', share: 0.25 });
  const source = sourceGraph(dataset, request.options, request.unit, resolved);
  progress({ stage: 'Naming clusters', share: 0.6 });
  const prepared = prepareGraph(source, resolved);
  progress({ stage: 'Sending the graph to the page', share: 0.7 });
  let done: Extract<PipelineMessage, { type: 'done' }> | null = null;
  for (const m of preparedMessages({ ...prepared, resolved }, request.edgesApartMin ?? EDGES_APART_MIN)) {
    if (m.type === 'done') done = m;
    else slice(m, transferOf(m));
  }
  if (!done) throw new Error('the graph was not finished');
  return { ...done, units: availableUnits(dataset) };
});
