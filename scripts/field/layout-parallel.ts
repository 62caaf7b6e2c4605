/**
 * The CLI's layout on several threads: the communities are independent, so they are dealt to worker threads (largest
 * cost first, each to the least loaded), which write into shared x and y arrays. Each community is laid out exactly as
 * layOutCommunities does it, so the positions are the same on any number of threads.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { groupByCommunity, iterationsFor, layOutCommunities, type Positions } from './layout';
import type { LayoutJob } from './layout-worker';

/** Below this many nodes, threads cost more to start than they save. */
const PARALLEL_FROM_NODES = 20_000;

const shared = <T extends Int32Array | Float32Array | Float64Array>(make: (b: SharedArrayBuffer) => T, bytes: number, from?: T): T => {
  const view = make(new SharedArrayBuffer(bytes));
  if (from) view.set(from);
  return view;
};

export async function layOutCommunitiesInParallel(
  nNodes: number,
  source: Int32Array,
  target: Int32Array,
  weight: Float64Array,
  community: Int32Array,
  seed: number,
  threads = Math.min(4, availableParallelism()),
  minNodes = PARALLEL_FROM_NODES,
): Promise<Positions & { threads: number }> {
  if (threads < 2 || nNodes < minNodes) return { ...layOutCommunities(nNodes, source, target, weight, community, seed), threads: 1 };
  const int = (n: number) => shared((b) => new Int32Array(b), n * 4);
  const grouped = groupByCommunity(nNodes, source, target, community, int);
  const job = {
    grouped,
    source: shared((b) => new Int32Array(b), source.byteLength, source),
    target: shared((b) => new Int32Array(b), target.byteLength, target),
    weight: shared((b) => new Float64Array(b), weight.byteLength, weight),
    seed,
    x: shared((b) => new Float32Array(b), nNodes * 4),
    y: shared((b) => new Float32Array(b), nNodes * 4),
  };
  // Deal the communities by cost (nodes × iterations, ties as much again), largest first.
  const cost = (c: number) => {
    const n = grouped.nodeStart[c + 1] - grouped.nodeStart[c];
    return n * Math.max(1, iterationsFor(n)) + (grouped.edgeStart[c + 1] - grouped.edgeStart[c]);
  };
  const order = Array.from({ length: grouped.nCommunities }, (_x, c) => c).sort((a, b) => cost(b) - cost(a) || a - b);
  const bins = Array.from({ length: threads }, () => ({ load: 0, communities: [] as number[] }));
  for (const c of order) {
    const bin = bins.reduce((m, b) => (b.load < m.load ? b : m));
    bin.load += cost(c);
    bin.communities.push(c);
  }
  const works = await Promise.all(
    bins.map(
      ({ communities }) =>
        new Promise<number>((resolve, reject) => {
          const workerData: LayoutJob = { ...job, communities };
          // The worker is TypeScript, as the CLI: layout-worker.mjs loads it through tsx.
          const worker = new Worker(new URL('./layout-worker.mjs', import.meta.url), { workerData });
          worker.once('message', (work: number) => resolve(work));
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`layout worker exited with ${code}`)));
        }),
    ),
  );
  return { x: job.x, y: job.y, work: works.reduce((s, w) => s + w, 0), threads };
}
