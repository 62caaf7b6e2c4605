/**
 * The worker's side of the runner (runner.ts): one call at the top of a worker file answers every request.
 *   serveWorker<ImportContract>(async (job, { progress, slice }) => { ...; return result; });
 * The handler's return value is the `result`; what it throws (or rejects with) is the `error`. Slices the page sent
 * before the request are in `slices`. Return `withTransfer(result, [buffer])` to move buffers instead of copying them.
 */
import type { AnyWorkerContract, FromWorker, ToWorker } from './protocol';
import { failureOf, isTransferring, type Transferring } from './protocol';

/** What serveWorker needs of the worker's global scope (the unit tests pass a MessagePort). */
export interface WorkerScope {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export interface JobContext<C extends AnyWorkerContract> {
  /** The input slices the page sent before this request, in order. */
  slices: C['upSlice'][];
  progress: (progress: C['progress']) => void;
  slice: (slice: C['slice'], transfer?: Transferable[]) => void;
}

export type WorkerHandler<C extends AnyWorkerContract> = (
  request: C['request'],
  job: JobContext<C>,
) => C['result'] | Transferring<C['result']> | Promise<C['result'] | Transferring<C['result']>>;

export interface ServeOptions {
  /** Defaults to the worker's `self`. */
  scope?: WorkerScope;
  /** A machine-readable reason for a thrown error, sent as the failure's `code` (e.g. a StoreError's kind). */
  codeOf?: (err: unknown) => string | undefined;
}

export function serveWorker<C extends AnyWorkerContract>(handler: WorkerHandler<C>, options: ServeOptions = {}): void {
  const scope = options.scope ?? (self as unknown as WorkerScope);
  const send = (m: FromWorker<C['result'], C['slice'], C['progress']>, transfer: Transferable[] = []) => scope.postMessage(m, transfer);
  const received = new Map<number, C['upSlice'][]>();

  scope.addEventListener('message', (event) => {
    const m = event.data as ToWorker<C['request'], C['upSlice']>;
    if (m?.kind === 'slice') {
      const list = received.get(m.id) ?? [];
      list.push(m.slice);
      received.set(m.id, list);
      return;
    }
    if (m?.kind !== 'request') return;
    const { id } = m;
    const slices = received.get(id) ?? [];
    received.delete(id);
    const job: JobContext<C> = {
      slices,
      progress: (progress) => send({ kind: 'progress', id, progress }),
      slice: (slice, transfer) => send({ kind: 'slice', id, slice }, transfer),
    };
    const fail = (err: unknown) => {
      const code = options.codeOf?.(err);
      send({ kind: 'error', id, ...failureOf(err, 'the worker failed'), ...(code ? { code } : {}) });
    };
    // A result that cannot be cloned (DataCloneError) is an error too.
    Promise.resolve()
      .then(() => handler(m.request, job))
      .then((answer) => {
        if (isTransferring(answer)) send({ kind: 'result', id, result: answer.value as C['result'] }, answer.transfer);
        else send({ kind: 'result', id, result: answer as C['result'] });
      })
      .catch(fail);
  });
}
