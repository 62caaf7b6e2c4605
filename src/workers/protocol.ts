/**
 * The one message convention between the page and every worker of the app (see runner.ts and serve.ts).
 *
 * Each message carries `kind` and the `id` of the request it belongs to. The page sends any number of `slice`s
 * (input too big for one message: a big dataset's papers), then one `request`. The worker answers with `progress`es and
 * `slice`s (output too big for one message: a graph, papers), then exactly one `result` or `error`.
 */

/**
 * What one worker takes and gives, named once and shared by its page side (`runWorker<C>`) and its worker side
 * (`serveWorker<C>`) so the two cannot disagree.
 */
export interface WorkerContract<Request = unknown, Result = unknown, Slice = never, Progress = never, UpSlice = never> {
  request: Request;
  result: Result;
  /** Output sent in parts before the result. */
  slice: Slice;
  progress: Progress;
  /** Input sent in parts before the request. */
  upSlice: UpSlice;
}

/** Any contract (the bound of the runner's and serveWorker's type parameter). */
export type AnyWorkerContract = WorkerContract<unknown, unknown, unknown, unknown, unknown>;

/** Page → worker. */
export type ToWorker<Request, UpSlice = never> = { kind: 'request'; id: number; request: Request } | { kind: 'slice'; id: number; slice: UpSlice };

/** A failure, as text: what a thrown error, an error event or an unreadable message becomes. */
export interface WorkerFailure {
  message: string;
  /** The thrown error's `name` (e.g. 'TypeError'), when the worker threw one. */
  name?: string;
  /** A machine-readable reason the worker attached (e.g. a StoreError's kind), when it did. */
  code?: string;
}

/** Worker → page. */
export type FromWorker<Result, Slice = never, Progress = never> =
  | { kind: 'progress'; id: number; progress: Progress }
  | { kind: 'slice'; id: number; slice: Slice }
  | { kind: 'result'; id: number; result: Result }
  | ({ kind: 'error'; id: number } & WorkerFailure);

/** How one job ended, on the page: its result, a failure (never a rejected promise), or cancelled by the page. */
export type WorkerOutcome<Result> = { kind: 'result'; result: Result } | ({ kind: 'error' } & WorkerFailure) | { kind: 'cancelled' };

/** A value sent with the buffers to transfer (not copy) along with it. */
export interface Transferring<T> {
  readonly value: T;
  readonly transfer: Transferable[];
}

const TRANSFERRING = Symbol('transferring');

/** Marks a worker's result to be sent with `transfer` moved, not copied (like Comlink's `transfer`). */
export function withTransfer<T>(value: T, transfer: Transferable[]): Transferring<T> {
  return { value, transfer, [TRANSFERRING]: true } as Transferring<T>;
}

export function isTransferring(x: unknown): x is Transferring<unknown> {
  return typeof x === 'object' && x !== null && TRANSFERRING in x;
}

/** Text for any thrown value. */
export function failureOf(err: unknown, fallback: string): WorkerFailure {
  if (err instanceof Error) return { message: err.message || fallback, ...(err.name && err.name !== 'Error' ? { name: err.name } : {}) };
  const text = typeof err === 'string' ? err : '';
  return { message: text || fallback };
}
