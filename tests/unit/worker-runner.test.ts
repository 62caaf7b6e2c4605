import { describe, expect, test } from 'vitest';
import { runWorker, WorkerRunner } from '../../src/workers/runner';
import { serveWorker, type WorkerHandler, type ServeOptions } from '../../src/workers/serve';
import { withTransfer, type AnyWorkerContract, type WorkerContract } from '../../src/workers/protocol';
import { FakeWorker } from './fakeWorker';

/** Spawns fake workers running `handler`, and keeps them to look at. */
function spawner<C extends AnyWorkerContract>(handler: WorkerHandler<C>, options: Omit<ServeOptions, 'scope'> = {}) {
  const spawned: FakeWorker[] = [];
  const spawn = () => {
    const w = new FakeWorker((scope) => serveWorker<C>(handler, { ...options, scope }));
    spawned.push(w);
    return w;
  };
  return { spawn, spawned };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

type Counting = WorkerContract<{ n: number }, string, string, number>;

describe('worker runner: results, progress, slices', () => {
  test('progress and slices arrive in order before the result; the worker is terminated after', async () => {
    const { spawn, spawned } = spawner<Counting>(({ n }, job) => {
      const parts: string[] = [];
      for (let i = 0; i < n; i++) {
        job.progress(i / n);
        job.slice(`part ${i}`);
        parts.push(`part ${i}`);
      }
      return `${parts.length} parts`;
    });
    const progress: number[] = [];
    const slices: string[] = [];
    const { outcome } = runWorker<Counting>(spawn, { n: 3 }, { onProgress: (p) => progress.push(p), onSlice: (s) => slices.push(s) });
    expect(await outcome).toEqual({ kind: 'result', result: '3 parts' });
    expect(progress).toEqual([0, 1 / 3, 2 / 3]);
    expect(slices).toEqual(['part 0', 'part 1', 'part 2']);
    expect(spawned).toHaveLength(1);
    expect(spawned[0].terminated).toBe(true);
  });

  test('input slices reach the worker before the request, in order, from an async source that pauses', async () => {
    type Summing = WorkerContract<{ label: string }, string, never, never, number[]>;
    const { spawn, spawned } = spawner<Summing>((req, job) => `${req.label}: ${job.slices.flat().reduce((a, b) => a + b, 0)} from ${job.slices.length}`);
    async function* parts() {
      for (let i = 0; i < 4; i++) {
        yield [i, i * 10];
        await tick();
      }
    }
    const { outcome } = runWorker<Summing>(spawn, { label: 'sum' }, { slices: parts() });
    // 0+1+2+3 + 0+10+20+30
    expect(await outcome).toEqual({ kind: 'result', result: 'sum: 66 from 4' });
    expect(spawned[0].received.map((m) => (m as { kind: string }).kind)).toEqual(['slice', 'slice', 'slice', 'slice', 'request']);
  });

  test('transferred buffers move (detached on the sending side) both ways', async () => {
    type Doubling = WorkerContract<{ values: Float32Array }, Float32Array>;
    let sentBack: Float32Array | null = null;
    const { spawn } = spawner<Doubling>(({ values }) => {
      const out = values.map((v) => v * 2);
      sentBack = out;
      return withTransfer(out, [out.buffer]);
    });
    const values = Float32Array.from([1, 2, 3]);
    const { outcome } = runWorker<Doubling>(spawn, { values }, { transfer: [values.buffer] });
    expect(values.byteLength).toBe(0);
    const o = await outcome;
    expect(o.kind).toBe('result');
    expect(Array.from((o as { result: Float32Array }).result)).toEqual([2, 4, 6]);
    expect(sentBack!.byteLength).toBe(0);
  });
});

describe('worker runner: cancelling', () => {
  /** A worker that reports progress, then waits forever. */
  const hanging = () => spawner<Counting>((_req, job) => (job.progress(0.1), new Promise<string>(() => {})));

  test('cancel() terminates the worker and the outcome is cancelled; later messages are ignored', async () => {
    const { spawn, spawned } = hanging();
    const progress: number[] = [];
    const job = runWorker<Counting>(spawn, { n: 1 }, { onProgress: (p) => progress.push(p) });
    await tick();
    expect(progress).toEqual([0.1]);
    job.cancel();
    expect(await job.outcome).toEqual({ kind: 'cancelled' });
    expect(spawned[0].terminated).toBe(true);
    job.cancel();
    expect(await job.outcome).toEqual({ kind: 'cancelled' });
  });

  test('an AbortSignal cancels; an already aborted one never starts a worker', async () => {
    const { spawn, spawned } = hanging();
    const controller = new AbortController();
    const job = runWorker<Counting>(spawn, { n: 1 }, { signal: controller.signal });
    await tick();
    controller.abort();
    expect(await job.outcome).toEqual({ kind: 'cancelled' });
    expect(spawned[0].terminated).toBe(true);
    const again = runWorker<Counting>(spawn, { n: 1 }, { signal: controller.signal });
    expect(await again.outcome).toEqual({ kind: 'cancelled' });
    expect(spawned).toHaveLength(1);
  });

  test('cancelling while input slices are still being sent stops reading and sending them', async () => {
    type Up = WorkerContract<null, string, never, never, number>;
    const { spawn, spawned } = spawner<Up>((_r, job) => `${job.slices.length}`);
    let pulled = 0;
    const job = runWorker<Up>(spawn, null, {
      slices: (async function* () {
        for (;;) {
          yield pulled++;
          await tick();
        }
      })(),
    });
    await tick();
    await tick();
    job.cancel();
    expect(await job.outcome).toEqual({ kind: 'cancelled' });
    const before = pulled;
    expect(before).toBeGreaterThan(0);
    await tick();
    await tick();
    expect(pulled).toBeLessThanOrEqual(before + 1);
    expect(spawned[0].received.every((m) => (m as { kind: string }).kind === 'slice')).toBe(true);
  });
});

describe('worker runner: errors become outcomes', () => {
  test('an error thrown in the worker (sync or async) carries its message, its name and a code', async () => {
    class StoreLikeError extends Error {
      kind = 'quota';
    }
    const sync = spawner<Counting>(() => {
      throw new TypeError('bad input');
    });
    expect(await runWorker<Counting>(sync.spawn, { n: 1 }).outcome).toEqual({ kind: 'error', message: 'bad input', name: 'TypeError' });
    expect(sync.spawned[0].terminated).toBe(true);
    const coded = spawner<Counting>(
      async () => {
        await tick();
        throw new StoreLikeError('the disk is full');
      },
      { codeOf: (e) => (e as StoreLikeError).kind },
    );
    expect(await runWorker<Counting>(coded.spawn, { n: 1 }).outcome).toEqual({ kind: 'error', message: 'the disk is full', code: 'quota' });
  });

  test("an error event (an uncaught error in the worker) gives its message; a script that never loaded, the runner's words", async () => {
    let crashing: FakeWorker | null = null;
    const crash = runWorker<Counting>(() => (crashing = new FakeWorker(() => {})), { n: 1 }, { failedMessage: 'the import worker failed' });
    crashing!.fireError('Uncaught RangeError: too deep');
    expect(await crash.outcome).toEqual({ kind: 'error', message: 'Uncaught RangeError: too deep' });
    expect(crashing!.terminated).toBe(true);

    let unloaded: FakeWorker | null = null;
    const load = runWorker<Counting>(
      () => {
        unloaded = new FakeWorker(null);
        setTimeout(() => unloaded!.fireError(), 1);
        return unloaded;
      },
      { n: 1 },
      { failedMessage: 'the import worker failed' },
    );
    expect(await load.outcome).toEqual({ kind: 'error', message: 'the import worker failed' });
    expect(unloaded!.terminated).toBe(true);
  });

  test('a messageerror, a worker that cannot be made, a request or result that cannot be cloned', async () => {
    let w: FakeWorker | null = null;
    const unreadable = runWorker<Counting>(() => (w = new FakeWorker(() => {})), { n: 1 });
    w!.fireMessageError();
    expect(await unreadable.outcome).toEqual({ kind: 'error', message: 'a message from the worker could not be read' });

    const refused = runWorker<Counting>(
      () => {
        throw new Error('Failed to construct Worker: blocked by the CSP');
      },
      { n: 1 },
    );
    expect(await refused.outcome).toEqual({ kind: 'error', message: 'Failed to construct Worker: blocked by the CSP' });

    type Any = WorkerContract<unknown, unknown>;
    const echo = spawner<Any>((req) => req);
    const request = await runWorker<Any>(echo.spawn, { f: () => 1 }).outcome;
    expect(request.kind).toBe('error');
    expect((request as { message: string }).message).toMatch(/could not be cloned/);
    const answer = await runWorker<Any>(spawner<Any>(() => ({ f: () => 1 })).spawn, null).outcome;
    expect(answer.kind).toBe('error');
    expect((answer as { message: string }).message).toMatch(/could not be cloned/);
  });

  test('a page callback that throws on a slice ends the job with its message and terminates the worker', async () => {
    const { spawn, spawned } = spawner<Counting>((_r, job) => (job.slice('tail'), new Promise<string>(() => {})));
    const { outcome } = runWorker<Counting>(
      spawn,
      { n: 1 },
      {
        onSlice: () => {
          throw new Error('graph slice before its head');
        },
      },
    );
    expect(await outcome).toEqual({ kind: 'error', message: 'graph slice before its head' });
    expect(spawned[0].terminated).toBe(true);
  });
});

describe('worker runner kept between jobs', () => {
  test('jobs one after the other share one worker; a newer job cancels an unfinished one and gets a fresh worker', async () => {
    const { spawn, spawned } = spawner<Counting>(async ({ n }) => {
      if (n < 0) await new Promise(() => {});
      return `n=${n}`;
    });
    const runner = new WorkerRunner<Counting>(spawn);
    expect(await runner.run({ n: 1 }).outcome).toEqual({ kind: 'result', result: 'n=1' });
    expect(await runner.run({ n: 2 }).outcome).toEqual({ kind: 'result', result: 'n=2' });
    expect(spawned).toHaveLength(1);
    const slow = runner.run({ n: -1 });
    const next = runner.run({ n: 3 });
    expect(await slow.outcome).toEqual({ kind: 'cancelled' });
    expect(await next.outcome).toEqual({ kind: 'result', result: 'n=3' });
    expect(spawned).toHaveLength(2);
    expect(spawned[0].terminated).toBe(true);
    const last = runner.run({ n: -1 });
    runner.close();
    expect(await last.outcome).toEqual({ kind: 'cancelled' });
    expect(spawned[1].terminated).toBe(true);
  });

  test('after a failure the next job starts a fresh worker', async () => {
    const { spawn, spawned } = spawner<Counting>(({ n }) => {
      if (n === 0) throw new Error('zero');
      return `n=${n}`;
    });
    const runner = new WorkerRunner<Counting>(spawn);
    expect(await runner.run({ n: 0 }).outcome).toEqual({ kind: 'error', message: 'zero' });
    expect(await runner.run({ n: 5 }).outcome).toEqual({ kind: 'result', result: 'n=5' });
    expect(spawned.map((w) => w.terminated)).toEqual([true, false]);
    runner.close();
  });
});
