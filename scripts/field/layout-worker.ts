/** A worker thread of layout-parallel.ts: lays out the communities it is given, into the shared x and y arrays. */
import { parentPort, workerData } from 'node:worker_threads';
import { layOutCommunity, type Grouped } from './layout';

export interface LayoutJob {
  communities: number[];
  grouped: Grouped;
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
  seed: number;
  x: Float32Array;
  y: Float32Array;
}

const job = workerData as LayoutJob;
let work = 0;
for (const c of job.communities) work += layOutCommunity(c, job.grouped, job.source, job.target, job.weight, job.seed, job.x, job.y);
parentPort!.postMessage(work);
