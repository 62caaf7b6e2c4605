/**
 * A Worker for node tests, built on a real MessageChannel: messages are structured-cloned, transfers detach buffers,
 * and delivery is asynchronous, as between a page and its worker. The worker's code runs in the same thread.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { WorkerLike } from '../../src/workers/runner';
import type { WorkerScope } from '../../src/workers/serve';

export class FakeWorker implements WorkerLike {
  terminated = false;
  /** What the worker received, in order (the page's messages). */
  readonly received: unknown[] = [];
  private readonly page: MessagePort;
  private readonly inside: MessagePort;
  private readonly events = new EventTarget();

  /** `body` is the worker file's code, given the worker's scope (null: a worker whose script never ran). */
  constructor(body: ((scope: WorkerScope) => void) | null) {
    const { port1, port2 } = new MessageChannel();
    this.page = port1;
    this.inside = port2;
    this.page.on('message', (data) => this.events.dispatchEvent(Object.assign(new Event('message'), { data })));
    this.inside.on('message', (data) => this.received.push(data));
    const inside = this.inside;
    if (body)
      body({
        postMessage: (message, transfer) => inside.postMessage(message, transfer as never),
        addEventListener: (_type, listener) => inside.on('message', (data) => listener({ data } as MessageEvent)),
      });
  }

  postMessage(message: unknown, transfer: Transferable[]): void {
    if (this.terminated) return;
    this.page.postMessage(message, transfer as never);
  }

  terminate(): void {
    this.terminated = true;
    this.page.close();
    this.inside.close();
  }

  addEventListener(type: 'message' | 'messageerror' | 'error', listener: (event: Event) => void): void {
    this.events.addEventListener(type, listener);
  }

  /** What the browser does on an uncaught error in the worker (with its message) or a script that did not load (none). */
  fireError(message?: string): void {
    this.events.dispatchEvent(Object.assign(new Event('error'), message === undefined ? {} : { message }));
  }

  fireMessageError(): void {
    this.events.dispatchEvent(new Event('messageerror'));
  }
}
