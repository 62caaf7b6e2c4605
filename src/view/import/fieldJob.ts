/** The page's side of the field worker: start (or resume) a field fetch, follow it, stop it. */

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
  | { type: 'done'; works: number; pages: number; refetched: number; resumedFrom: number }
  | { type: 'error'; error: string };

export type FieldOutcome = Extract<FieldMessage, { type: 'done' }>;

export interface FieldHandle {
  promise: Promise<FieldOutcome>;
  cancel: () => void;
}

/** Runs one field fetch in a fresh worker; cancel() stops it (what is stored stays, for a resume) with an AbortError. */
export function runFieldFetch(request: FieldRequest, onMessage: (m: Exclude<FieldMessage, FieldOutcome | { type: 'error' }>) => void): FieldHandle {
  const worker = new Worker(new URL('./fieldWorker.ts', import.meta.url), { type: 'module' });
  let cancel = () => {};
  const promise = new Promise<FieldOutcome>((resolve, reject) => {
    cancel = () => {
      worker.terminate();
      reject(new DOMException('Field fetch stopped', 'AbortError'));
    };
    worker.onmessage = (e: MessageEvent<FieldMessage>) => {
      const m = e.data;
      if (m.type === 'done') {
        worker.terminate();
        resolve(m);
      } else if (m.type === 'error') {
        worker.terminate();
        reject(new Error(m.error));
      } else onMessage(m);
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the field worker failed'));
    };
  });
  worker.postMessage(request);
  return { promise, cancel };
}
