/** The page's side of the field worker: start (or resume) a field fetch, follow it, stop it. */
import { runWorker } from '../../workers/runner';
import type { WorkerContract } from '../../workers/protocol';

export interface FieldRequest {
  /** The filter string (also the stored job's key). */
  key: string;
  label: string;
  count: number;
  baseUrl: string;
  mailto?: string;
  apiKey?: string;
}

export type FieldMessage =
  | { type: 'progress'; phase: 'works' | 'authors'; done: number; total: number; resumedFrom: number }
  | { type: 'retry'; attempt: number; waitMs: number; reason: string }
  | { type: 'done'; works: number; pages: number; refetched: number; resumedFrom: number };

export type FieldOutcome = Extract<FieldMessage, { type: 'done' }>;

/** The field worker (fieldWorker.ts): its progress and retries as they happen, then its outcome. */
export type FieldContract = WorkerContract<FieldRequest, FieldOutcome, never, Exclude<FieldMessage, FieldOutcome>>;

/**
 * Whether a fetch's stored pages may go once its dataset is open: only when the dataset is stored in this browser too.
 * A dataset that could not be stored (one IndexedDB value is capped, about 133 MB in Chromium) lives only in the page,
 * and a reload would lose both it and minutes of fetching.
 */
export const fieldPagesReleasable = (opened: { stored: boolean } | undefined): boolean => opened?.stored === true;

export interface FieldHandle {
  promise: Promise<FieldOutcome>;
  cancel: () => void;
}

/** Runs one field fetch in a fresh worker; cancel() stops it (what is stored stays, for a resume) with an AbortError. */
export function runFieldFetch(request: FieldRequest, onMessage: (m: Exclude<FieldMessage, FieldOutcome>) => void): FieldHandle {
  const run = runWorker<FieldContract>(() => new Worker(new URL('./fieldWorker.ts', import.meta.url), { type: 'module' }), request, {
    failedMessage: 'the field worker failed',
    onProgress: onMessage,
  });
  const promise = run.outcome.then((o) => {
    if (o.kind === 'cancelled') throw new DOMException('Field fetch stopped', 'AbortError');
    if (o.kind === 'error') throw new Error(o.message);
    return o.result;
  });
  return { promise, cancel: run.cancel };
}
