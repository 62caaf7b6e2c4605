/**
 * The app's real worker files, run in node behind the runner (a fake Worker on a MessageChannel: every message is
 * structured-cloned): each answers what the same code gives on the page.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runWorker } from '../../src/workers/runner';
import type { AnyWorkerContract, WorkerOutcome } from '../../src/workers/protocol';
import type { WorkerScope } from '../../src/workers/serve';
import { FakeWorker } from './fakeWorker';
import { loadDataset, repoRoot } from './helpers';
import { GraphAssembler } from '../../src/graph/transfer';
import { DEFAULT_BUILD_OPTIONS } from '../../src/graph/types';
import { buildGraph } from '../../src/graph/build';
import { summariseClusters } from '../../src/graph/clusters';
import { resolveDataset } from '../../src/graph/authors';
import type { PipelineContract } from '../../src/app/pipeline';
import { PreparedAssembler } from '../../src/app/preparedAssembler';
import type { ImportContract } from '../../src/view/import/importJob';
import type { OpenContract } from '../../src/app/openFile';
import type { StoreReaderContract } from '../../src/store/storeReaderMessage';
import type { MetricsContract } from '../../src/lenses/metrics';
import type { DensityContract } from '../../src/density/densityWorker';
import { parseInput } from '../../src/import';
import { combineResults } from '../../src/import/combine';
import { readGraphFile } from '../../src/graphfile';
import { saveDataset } from '../../src/store/datasetStore';
import { computeMetrics } from '../../src/lenses/metrics';
import { densityGrid } from '../../src/density/kde';
import type { Paper } from '../../src/model/types';

/** A fake worker running the worker file `file` (its top-level `serveWorker` call binds to the fake's scope). */
async function workerOf(file: string): Promise<FakeWorker> {
  let scope: WorkerScope | null = null;
  const worker = new FakeWorker((s) => (scope = s));
  const global = globalThis as { self?: unknown };
  global.self = scope;
  try {
    await import(/* @vite-ignore */ resolve(repoRoot, file));
  } finally {
    delete global.self;
  }
  return worker;
}

async function resultOf<C extends AnyWorkerContract>(outcome: Promise<WorkerOutcome<C['result']>>): Promise<C['result']> {
  const o = await outcome;
  if (o.kind !== 'result') throw new Error(`expected a result, got ${JSON.stringify(o)}`);
  return o.result;
}

describe('the real workers behind the runner', () => {
  test('pipeline worker: papers in slices, progress by stage, the same graph, resolved authors and clusters as on the page', async () => {
    const dataset = loadDataset('profile-full.json');
    const worker = await workerOf('src/app/pipelineWorker.ts');
    const page = new PreparedAssembler(dataset.papers);
    const stages: string[] = [];
    const papers: Paper[][] = [];
    for (let i = 0; i < dataset.papers.length; i += 5) papers.push(dataset.papers.slice(i, i + 5));
    const { papers: _p, ...meta } = dataset;
    const { outcome } = runWorker<PipelineContract>(
      () => worker,
      { dataset: meta, options: DEFAULT_BUILD_OPTIONS, unit: 'author' },
      {
        slices: papers,
        onProgress: (p) => stages.push(p.stage),
        onSlice: (m) => page.add(m),
      },
    );
    const done = await resultOf<PipelineContract>(outcome);
    expect(papers.length).toBeGreaterThan(2);
    expect(worker.received.filter((m) => (m as { kind: string }).kind === 'slice')).toHaveLength(papers.length);
    expect(stages).toEqual(['Resolving authors', 'Building the graph and its communities', 'Naming clusters', 'Sending the graph to the page']);
    const direct = buildGraph(dataset, DEFAULT_BUILD_OPTIONS);
    page.add(done);
    const { prepared, resolved } = page.result();
    expect(JSON.stringify(prepared.source.export())).toBe(JSON.stringify(direct.export()));
    expect([...resolved!.authors.keys()]).toEqual([...resolveDataset(dataset).authors.keys()]);
    expect(prepared.clusters).toEqual(summariseClusters(direct));
  });

  test('import worker: progress, every paper in slices, the same import as parsing on the page', async () => {
    const text = readFileSync(resolve(repoRoot, 'tests/fixtures/import/sample.bib'), 'utf8');
    const worker = await workerOf('src/view/import/importWorker.ts');
    const papers: Paper[] = [];
    let progressed = 0;
    const { outcome } = runWorker<ImportContract>(
      () => worker,
      { files: [{ name: 'sample.bib', text, format: 'bibtex' }] },
      { onProgress: () => progressed++, onSlice: (s) => papers.push(...s) },
    );
    const r = await resultOf<ImportContract>(outcome);
    const expected = combineResults([{ fileName: 'sample.bib', result: parseInput(text, 'bibtex', { fileName: 'sample.bib' }) }]);
    expect(progressed).toBeGreaterThan(0);
    expect(expected.papers.length).toBeGreaterThan(0);
    expect(papers.map((p) => p.title)).toEqual(expected.papers.map((p) => p.title));
    expect(r.combined.papers).toEqual([]);
    expect(r.store).toEqual({ state: 'not-asked' });
  });

  test('open worker: a graph file sent as transferred bytes comes back as the graph the reader reads', async () => {
    const text = readFileSync(resolve(repoRoot, 'tests/fixtures/graphfile/gephi-1.2.gexf'), 'utf8');
    const bytes = new TextEncoder().encode(text).buffer as ArrayBuffer;
    const worker = await workerOf('src/app/openWorker.ts');
    const graph = new GraphAssembler();
    const { outcome } = runWorker<OpenContract>(
      () => worker,
      { bytes, fileName: 'gephi-1.2.gexf', kind: 'graph' },
      { transfer: [bytes], onSlice: (s) => s.kind === 'pipeline' && s.message.type === 'graph' && graph.add(s.message.slice) },
    );
    expect(bytes.byteLength).toBe(0);
    const r = await resultOf<OpenContract>(outcome);
    const read = readGraphFile(text, 'gephi-1.2.gexf');
    expect(r.kind === 'graph' && r.ok).toBe(true);
    if (!read.ok) throw new Error(read.error);
    expect(graph.result().order).toBe(read.graph.order);
    expect(graph.result().size).toBe(read.graph.size);
  });

  test('store reader worker: a stored dataset comes back whole (papers in slices); an unknown id gives null', async () => {
    const dataset = loadDataset('profile-full.json');
    await saveDataset({ id: 'stored-one', dataset: { ...dataset, id: 'stored-one' } });
    const papers: Paper[] = [];
    const worker = await workerOf('src/store/storeReaderWorker.ts');
    const record = await resultOf<StoreReaderContract>(
      runWorker<StoreReaderContract>(() => worker, { id: 'stored-one' }, { onSlice: (s) => papers.push(...s) }).outcome,
    );
    expect(record?.dataset.papers).toEqual([]);
    expect(record?.dataset.title).toBe(dataset.title);
    expect(papers.map((p) => p.id)).toEqual(dataset.papers.map((p) => p.id));
  });

  test('metrics and density workers answer what the pure functions give', async () => {
    const req = {
      id: 7,
      nodes: ['a', 'b', 'c', 'd'],
      edges: [
        ['a', 'b', 1],
        ['b', 'c', 2],
        ['c', 'd', 1],
      ] as [string, string, number][],
    };
    const metricsWorker = await workerOf('src/lenses/metricsWorker.ts');
    const metrics = await resultOf<MetricsContract>(runWorker<MetricsContract>(() => metricsWorker, req).outcome);
    expect(metrics).toEqual(computeMetrics(req));

    const input = { points: Float32Array.from([10, 10, 1, 30, 20, 4]), width: 60, height: 40, cell: 3, bandwidth: 8 };
    const expected = densityGrid({ ...input, points: Float32Array.from(input.points) });
    const densityWorker = await workerOf('src/density/densityWorker.ts');
    const reply = await resultOf<DensityContract>(
      runWorker<DensityContract>(() => densityWorker, { id: 3, ...input }, { transfer: [input.points.buffer] }).outcome,
    );
    expect(reply.id).toBe(3);
    expect(reply.max).toBe(expected.max);
    expect(Array.from(reply.values)).toEqual(Array.from(expected.values));
  });
});
