// Structured big cases per format (big.ts), each under the cost budget: in a worker thread with a heap limit
// for `npm run fuzz` (a case that exhausts memory or never ends is a failure, and the run goes on), or in
// this thread for the unit sample.
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { BIG_FORMATS, shapes, type BigFormat, type Shape } from './big';
import { bigCase } from './bigCase';
import { budgetFor, describeOver, overBudget, withinBudget } from './budget';
import { writeRepro, type Failure } from './harness';
import type { BigReply, BigRequest } from './bigWorker';

export interface BigStats {
  name: string;
  runs: number;
  failures: Failure[];
  ms: number;
  /** Largest input and all inputs together, in characters. */
  maxChars: number;
  totalChars: number;
}

export const bigName = (f: BigFormat) => `big: ${f.name}`;

/** The shapes of a run: `runs` of them from the seed, or only the one at `path`. */
function caseShapes(runs: number, seed: number, maxChars: number, path?: string): { shape: Shape; path: string }[] {
  const count = path !== undefined ? Number(path) + 1 : runs;
  const all = fc.sample(shapes(maxChars), { seed, numRuns: count }).map((shape, i) => ({ shape, path: String(i) }));
  return path !== undefined ? all.slice(-1) : all;
}

function failure(f: BigFormat, seed: number, path: string, text: string, error: string, write: boolean): Failure {
  const repro = write ? writeRepro(bigName(f), seed, path, text) : `FUZZ_ONLY='${bigName(f)}' FUZZ_SEED=${seed} FUZZ_PATH=${path} npm run fuzz`;
  return { input: JSON.stringify(text.slice(0, 300) + (text.length > 300 ? `… (${text.length} chars)` : '')), inputLength: text.length, error, repro };
}

/** In this thread (the unit sample): the same cases and budget, without the heap limit. */
export function runBigHere(f: BigFormat, runs: number, seed: number, maxChars: number): BigStats {
  const stats: BigStats = { name: bigName(f), runs: 0, failures: [], ms: 0, maxChars: 0, totalChars: 0 };
  const started = performance.now();
  for (const { shape, path } of caseShapes(runs, seed, maxChars)) {
    const text = f.render(shape);
    stats.runs += 1;
    stats.maxChars = Math.max(stats.maxChars, text.length);
    stats.totalChars += text.length;
    let error: string | null;
    try {
      error = withinBudget(text.length, () => bigCase(f, text));
    } catch (e) {
      error = `${(e as Error).name}: ${(e as Error).message}`;
    }
    if (error) stats.failures.push(failure(f, seed, path, text, error, false));
  }
  stats.ms = performance.now() - started;
  return stats;
}

const WARM_UP: Shape = {
  records: 20,
  authors: 20,
  affiliations: 1,
  run: 10,
  runChar: 'a',
  runField: 'title',
  sameIds: false,
  sameTitles: false,
  sameAuthors: false,
  extreme: 2020,
  depth: 2,
  cap: 25,
};

/** Heap a worker may use: what its modules need, and the budget of the largest case. */
const workerHeapMB = (maxChars: number) => 512 + Math.ceil(budgetFor(maxChars).mb);

class BigWorker {
  private worker: Worker | null = null;
  constructor(private readonly heapMB: number) {}

  private start(): Promise<Worker> {
    const worker = new Worker(new URL('./bigWorker.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.heapMB },
      stdout: false,
    });
    return new Promise((resolve, reject) => {
      worker.once('message', () => resolve(worker));
      worker.once('error', reject);
    });
  }

  /** One case: its reply, or why the worker ended (out of memory, past the time limit). */
  async run(request: BigRequest, timeoutMs: number): Promise<BigReply | { died: string }> {
    let worker: Worker;
    try {
      worker = this.worker ??= await this.start();
    } catch (e) {
      return { died: `the worker did not start: ${(e as Error).message}` };
    }
    return new Promise((resolve) => {
      const done = (r: BigReply | { died: string }) => {
        clearTimeout(timer);
        worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
        resolve(r);
      };
      const end = (why: string) => {
        this.worker = null;
        void worker.terminate();
        done({ died: why });
      };
      const timer = setTimeout(() => end(`still running after ${timeoutMs.toFixed(0)} ms: stopped`), timeoutMs);
      worker.once('message', (m: BigReply) => done(m));
      worker.once('error', (e: Error & { code?: string }) => {
        end(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `ran out of its ${this.heapMB} MB heap` : `worker error: ${e.message}`);
      });
      worker.once('exit', (code) => end(`worker exited (${code})`));
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}

/** `npm run fuzz`: every case in a worker with a heap limit, a time limit of 4× the budget (two runs and slack). */
export async function runBigInWorker(
  f: BigFormat,
  runs: number,
  seed: number,
  maxChars: number,
  path?: string,
  heapMB = workerHeapMB(maxChars),
): Promise<BigStats> {
  const stats: BigStats = { name: bigName(f), runs: 0, failures: [], ms: 0, maxChars: 0, totalChars: 0 };
  const worker = new BigWorker(heapMB);
  const started = performance.now();
  try {
    // Unmeasured: the first case of a format compiles its code (the BibTeX library's LaTeX parser takes seconds).
    await worker.run({ format: f.name, shape: WARM_UP }, 120_000);
    for (const { shape, path: at } of caseShapes(runs, seed, maxChars, path)) {
      const text = f.render(shape);
      const limits = budgetFor(text.length);
      stats.runs += 1;
      stats.maxChars = Math.max(stats.maxChars, text.length);
      stats.totalChars += text.length;
      const reply = await worker.run({ format: f.name, shape }, 4 * limits.ms + 10_000);
      const error =
        'died' in reply
          ? reply.died
          : 'error' in reply
            ? reply.error
            : 'ready' in reply
              ? 'no reply'
              : overBudget(reply, limits)
                ? describeOver(reply, limits, text.length)
                : null;
      if (error && stats.failures.length < 5) stats.failures.push(failure(f, seed, at, text, error, true));
      else if (error) stats.failures.push({ input: '', inputLength: text.length, error });
    }
  } finally {
    await worker.close();
  }
  stats.ms = performance.now() - started;
  return stats;
}

export { BIG_FORMATS };
