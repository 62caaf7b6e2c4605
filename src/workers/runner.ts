/**
 * The page's side of every worker: spawn it, send it slices and a request, follow its progress and slices, cancel it,
 * and turn every way it can fail into one outcome. The worker's side is serve.ts; the messages are protocol.ts.
 *
 * The worker is given by its constructor, so Vite still finds and bundles each worker file:
 *   runWorker<ImportContract>(() => new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' }), job, {...})
 *
 * Failures never reject: `outcome` resolves to `{ kind: 'error', message }` for an error the worker threw, an `error`
 * event (an uncaught error, or a worker script that failed to load), a `messageerror` (a message that could not be
 * read), a request that could not be cloned, or a page callback (`onSlice`, `onProgress`) that threw; and to
 * `{ kind: 'cancelled' }` after `cancel()`, an aborted signal, a newer `run` on the same runner, or `close()`.
 * A failed or cancelled job's worker is terminated (the next `run` starts a fresh one).
 *
 * Why not Comlink: it makes a worker's functions callable from the page, which is not what these workers need.
 * - Cancelling: Comlink has none; the only way to stop a computation is `terminate()`, after which Comlink's
 *   pending call never settles. We would wrap it in what this module is anyway.
 * - Errors: Comlink passes on what the called function throws, but not a worker script that failed to load, an
 *   uncaught error or a `messageerror`: the call waits forever.
 * - Slices and progress: with Comlink they are `Comlink.proxy` callbacks, each call a message and a reply through a
 *   MessagePort of its own; input slices (the pipeline's papers) would be calls too. Here a slice is one message.
 * It would add a dependency for about the same amount of code at each call site; `withTransfer` borrows its idea.
 */
import type { AnyWorkerContract, FromWorker, ToWorker, WorkerFailure, WorkerOutcome } from './protocol';
import { failureOf } from './protocol';

/** What the runner needs of a Worker (a DOM Worker has it; the unit tests build one on a MessageChannel). */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
  addEventListener(type: 'message' | 'messageerror' | 'error', listener: (event: Event) => void): void;
}

/** Makes a fresh worker: `() => new Worker(new URL('./x.ts', import.meta.url), { type: 'module' })`. */
export type SpawnWorker = () => WorkerLike;

export interface RunOptions<C extends AnyWorkerContract> {
  /** Buffers in the request to move to the worker rather than copy. */
  transfer?: Transferable[];
  /** Input sent before the request, one message each (an async iterable may pause between them). */
  slices?: Iterable<C['upSlice']> | AsyncIterable<C['upSlice']>;
  onProgress?: (progress: C['progress']) => void;
  onSlice?: (slice: C['slice']) => void;
  /** Aborting it cancels the job. */
  signal?: AbortSignal;
}

export interface WorkerJob<Result> {
  outcome: Promise<WorkerOutcome<Result>>;
  /** Terminates the worker; the outcome becomes `cancelled` (nothing happens once it has settled). */
  cancel: () => void;
}

interface Running<C extends AnyWorkerContract> {
  id: number;
  options: RunOptions<C>;
  settle: (outcome: WorkerOutcome<C['result']>) => void;
}

export interface RunnerOptions {
  /** The message when the worker failed without saying why (a script that did not load gives an empty event). */
  failedMessage?: string;
}

/**
 * A worker that takes one job at a time and is kept between jobs (for repeated requests: metrics, density).
 * A `run` while a job is unfinished cancels that job first.
 */
export class WorkerRunner<C extends AnyWorkerContract> {
  private worker: WorkerLike | null = null;
  private running: Running<C> | null = null;
  private lastId = 0;
  private readonly failedMessage: string;

  constructor(
    private readonly spawn: SpawnWorker,
    options: RunnerOptions = {},
  ) {
    this.failedMessage = options.failedMessage ?? 'the worker stopped';
  }

  run(request: C['request'], options: RunOptions<C> = {}): WorkerJob<C['result']> {
    this.cancelRunning();
    const id = ++this.lastId;
    let settle: (outcome: WorkerOutcome<C['result']>) => void = () => {};
    const outcome = new Promise<WorkerOutcome<C['result']>>((resolve) => (settle = resolve));
    const cancel = () => {
      if (this.running?.id === id) this.end({ kind: 'cancelled' }, false);
    };
    if (options.signal?.aborted) {
      settle({ kind: 'cancelled' });
      return { outcome, cancel };
    }
    options.signal?.addEventListener('abort', cancel, { once: true });
    this.running = {
      id,
      options,
      settle: (o) => {
        options.signal?.removeEventListener('abort', cancel);
        settle(o);
      },
    };
    const worker = this.ensureWorker();
    if (worker && options.slices) void this.sendSlicesThenRequest(worker, id, request, options);
    else if (worker) this.post(worker, id, { kind: 'request', id, request }, options.transfer ?? []);
    return { outcome, cancel };
  }

  /** Terminates the worker; an unfinished job ends `cancelled`. */
  close(): void {
    this.cancelRunning();
    this.kill();
  }

  private async sendSlicesThenRequest(worker: WorkerLike, id: number, request: C['request'], options: RunOptions<C>): Promise<void> {
    try {
      for await (const slice of options.slices!) {
        if (this.running?.id !== id) return;
        this.post(worker, id, { kind: 'slice', id, slice }, []);
      }
    } catch (err) {
      if (this.running?.id === id) this.end({ kind: 'error', ...failureOf(err, 'the input could not be sent') }, false);
      return;
    }
    if (this.running?.id === id) this.post(worker, id, { kind: 'request', id, request }, options.transfer ?? []);
  }

  private post(worker: WorkerLike, id: number, message: ToWorker<C['request'], C['upSlice']>, transfer: Transferable[]): void {
    try {
      worker.postMessage(message, transfer);
    } catch (err) {
      if (this.running?.id === id) this.end({ kind: 'error', ...failureOf(err, 'the request could not be sent to the worker') }, false);
    }
  }

  private ensureWorker(): WorkerLike | null {
    if (this.worker) return this.worker;
    let worker: WorkerLike;
    try {
      worker = this.spawn();
    } catch (err) {
      this.end({ kind: 'error', ...failureOf(err, this.failedMessage) }, false);
      return null;
    }
    this.worker = worker;
    // Events of a worker already replaced or terminated are ignored.
    const current = () => this.worker === worker;
    worker.addEventListener('message', (e) => current() && this.receive((e as MessageEvent<FromWorker<C['result'], C['slice'], C['progress']>>).data));
    worker.addEventListener('error', (e) => current() && this.fail({ message: (e as ErrorEvent).message || this.failedMessage }));
    worker.addEventListener('messageerror', () => current() && this.fail({ message: 'a message from the worker could not be read' }));
    return worker;
  }

  private receive(m: FromWorker<C['result'], C['slice'], C['progress']>): void {
    const running = this.running;
    if (!running || !m || m.id !== running.id) return;
    try {
      if (m.kind === 'progress') running.options.onProgress?.(m.progress);
      else if (m.kind === 'slice') running.options.onSlice?.(m.slice);
      else if (m.kind === 'result') this.end({ kind: 'result', result: m.result }, true);
      else if (m.kind === 'error') this.fail(m);
    } catch (err) {
      // A slice the page could not take (e.g. a graph slice out of order): the job cannot finish whole.
      if (this.running === running) this.fail(failureOf(err, 'a slice from the worker could not be taken'));
    }
  }

  private fail({ message, name, code }: WorkerFailure): void {
    if (this.running) this.end({ kind: 'error', message, ...(name ? { name } : {}), ...(code ? { code } : {}) }, false);
    else this.kill();
  }

  private cancelRunning(): void {
    if (this.running) this.end({ kind: 'cancelled' }, false);
  }

  /** Settles the running job; keeps the worker only after a result. */
  private end(outcome: WorkerOutcome<C['result']>, keepWorker: boolean): void {
    const running = this.running;
    this.running = null;
    if (!keepWorker) this.kill();
    running?.settle(outcome);
  }

  private kill(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}

/** One job in a fresh worker, terminated when the job ends whatever the outcome. */
export function runWorker<C extends AnyWorkerContract>(
  spawn: SpawnWorker,
  request: C['request'],
  options: RunOptions<C> & RunnerOptions = {},
): WorkerJob<C['result']> {
  const runner = new WorkerRunner<C>(spawn, options);
  const job = runner.run(request, options);
  void job.outcome.then(() => runner.close());
  return job;
}
