import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import Graph from 'graphology';
import { LayoutRunner, type LayoutProgress } from '../../src/view/controllers/layout';

/**
 * The layout runner drives graphology's real FA2 supervisor; only the Web Worker is replaced by a stand-in
 * that records the supervisor's orders and answers them with positions the test chooses. So this checks the
 * runner's takeover of the supervisor's message handling against the library as installed.
 */
const PPN = 10;

class StandInWorker extends EventTarget {
  static latest: StandInWorker | null = null;
  orders: { nodes: ArrayBuffer }[] = [];
  constructor() {
    super();
    StandInWorker.latest = this;
  }
  postMessage(payload: { nodes: ArrayBuffer }) {
    this.orders.push(payload);
  }
  terminate() {}
  /** Answers the latest order: every node at (x, y) = position(i). */
  answer(position: (i: number) => [number, number]) {
    const order = this.orders.at(-1)!;
    const matrix = new Float32Array(order.nodes.slice(0));
    for (let i = 0; i < matrix.length / PPN; i++) [matrix[i * PPN], matrix[i * PPN + 1]] = position(i);
    this.dispatchEvent(new MessageEvent('message', { data: { nodes: matrix.buffer } }));
  }
}

const globals = globalThis as { window?: unknown; Worker?: unknown; requestAnimationFrame?: unknown };
const saved = { window: globals.window, Worker: globals.Worker, requestAnimationFrame: globals.requestAnimationFrame };
beforeAll(() => {
  Object.assign(globalThis, {
    window: { URL: { createObjectURL: () => 'blob:stand-in', revokeObjectURL: () => {} } },
    Worker: StandInWorker,
    // Node has no frames: one every 16 ms (faked with the timers where a test fakes them).
    requestAnimationFrame: (callback: (t: number) => void) => setTimeout(() => callback(performance.now()), 16),
  });
});
afterAll(() => {
  Object.assign(globalThis, saved);
});

function ring(n: number): Graph {
  const g = new Graph({ type: 'undirected' });
  for (let i = 0; i < n; i++) g.addNode(`n${i}`, { x: i, y: -i, size: 1 });
  for (let i = 0; i < n; i++) g.addEdge(`n${i}`, `n${(i + 1) % n}`, { weight: 1 });
  return g;
}
const positions = (g: Graph) => g.mapNodes((_n, a) => [a.x, a.y]);

describe('layout runner', () => {
  let progress: LayoutProgress[];
  beforeEach(() => {
    progress = [];
    vi.useRealTimers();
  });

  it('writes every iteration into the graph of a small graph, and orders the next one', () => {
    const g = ring(12);
    const runner = new LayoutRunner(g, (p) => progress.push(p));
    runner.start();
    const worker = StandInWorker.latest!;
    expect(worker.orders).toHaveLength(1);
    for (let k = 1; k <= 3; k++) {
      worker.answer((i) => [i + k, 2 * k]);
      expect(positions(g)).toEqual(Array.from({ length: g.order }, (_, i) => [i + k, 2 * k]));
      expect(worker.orders).toHaveLength(k + 1);
    }
    runner.stop();
    expect(runner.isRunning()).toBe(false);
    runner.kill();
  });

  it('on a throttled (big) graph writes at most once per interval, and the newest positions when stopped', () => {
    vi.useFakeTimers({ toFake: ['performance', 'requestAnimationFrame', 'setTimeout'] });
    const g = ring(12);
    const before = positions(g);
    const runner = new LayoutRunner(g, (p) => progress.push(p), 2000);
    runner.start();
    const worker = StandInWorker.latest!;
    worker.answer(() => [1, 1]);
    worker.answer(() => [2, 2]);
    // Within the interval: the worker keeps going, the graph (and so the drawing) does not move.
    expect(worker.orders).toHaveLength(3);
    expect(positions(g)).toEqual(before);
    vi.advanceTimersByTime(2001);
    worker.answer(() => [3, 3]);
    expect(positions(g).every(([x, y]) => x === 3 && y === 3)).toBe(true);
    // The redraw is timed on the next frame; then the interval starts again.
    vi.advanceTimersByTime(50);
    worker.answer(() => [4, 4]);
    expect(positions(g).every(([x]) => x === 3)).toBe(true);
    runner.stop();
    expect(positions(g).every(([x, y]) => x === 4 && y === 4)).toBe(true);
    runner.kill();
  });

  it('a restart of a throttled run starts from the newest positions, written first', () => {
    vi.useFakeTimers({ toFake: ['performance', 'requestAnimationFrame', 'setTimeout'] });
    const g = ring(12);
    const runner = new LayoutRunner(g, () => {}, 2000);
    runner.start();
    const worker = StandInWorker.latest!;
    worker.answer(() => [5, 6]);
    expect(positions(g)[0]).not.toEqual([5, 6]); // within the interval: not written yet
    runner.restart();
    expect(positions(g).every(([x, y]) => x === 5 && y === 6)).toBe(true);
    // The new round's first order carries those positions to the worker.
    const matrix = new Float32Array(worker.orders.at(-1)!.nodes);
    expect([matrix[0], matrix[1]]).toEqual([5, 6]);
    runner.kill();
  });

  it('waits longer between writes when a redraw took long (at least four times the last one)', () => {
    vi.useFakeTimers({ toFake: ['performance', 'setTimeout'] });
    // A 3-second redraw: the next frame comes 3 s after the positions were written.
    const frame = globals.requestAnimationFrame;
    globals.requestAnimationFrame = (callback: (t: number) => void) => setTimeout(() => callback(performance.now()), 3000);
    const g = ring(12);
    const runner = new LayoutRunner(g, () => {}, 2000);
    runner.start();
    const worker = StandInWorker.latest!;
    vi.advanceTimersByTime(2001);
    worker.answer(() => [1, 1]);
    expect(positions(g)[0]).toEqual([1, 1]);
    vi.advanceTimersByTime(3001);
    vi.advanceTimersByTime(5000); // 5 s after the redraw: past 2 s and past the redraw itself, not past 4 x 3 s
    worker.answer(() => [2, 2]);
    expect(positions(g)[0]).toEqual([1, 1]);
    vi.advanceTimersByTime(10_000);
    worker.answer(() => [3, 3]);
    expect(positions(g)[0]).toEqual([3, 3]);
    runner.kill();
    globals.requestAnimationFrame = frame;
  });

  it('throttles an unthrottled graph of many edges too once a redraw takes long, not while redraws are quick, never a small one', () => {
    vi.useFakeTimers({ toFake: ['performance', 'setTimeout'] });
    const frame = globals.requestAnimationFrame;
    let redrawMs = 20;
    globals.requestAnimationFrame = (callback: (t: number) => void) => setTimeout(() => callback(performance.now()), redrawMs);
    // A small graph: every iteration is written even when a redraw takes 300 ms.
    const small = ring(12);
    const smallRunner = new LayoutRunner(small, () => {});
    smallRunner.start();
    redrawMs = 300;
    for (let k = 1; k <= 3; k++) {
      StandInWorker.latest!.answer(() => [k, k]);
      expect(positions(small)[0]).toEqual([k, k]);
      vi.advanceTimersByTime(301);
    }
    smallRunner.kill();
    redrawMs = 20;
    // A graph of more than 5,000 edges (a cluster overview's ties).
    const g = ring(12);
    for (let i = 0; i < 5_000; i++) g.addNode(`x${i}`, { x: i, y: 0 });
    for (let i = 0; i < 5_000; i++) g.addEdge(`x${i}`, `x${(i + 1) % 5_000}`, { weight: 1 });
    const runner = new LayoutRunner(g, () => {});
    runner.start();
    const worker = StandInWorker.latest!;
    // Quick redraws (20 ms): every iteration is written.
    for (let k = 1; k <= 3; k++) {
      worker.answer(() => [k, k]);
      expect(positions(g)[0]).toEqual([k, k]);
      vi.advanceTimersByTime(25);
    }
    // A 60 ms redraw (a software-rendered frame; over the 50 ms threshold): the next write waits four times that.
    redrawMs = 60;
    worker.answer(() => [3.5, 3.5]);
    expect(positions(g)[0]).toEqual([3.5, 3.5]);
    vi.advanceTimersByTime(61);
    worker.answer(() => [3.6, 3.6]);
    expect(positions(g)[0]).toEqual([3.5, 3.5]);
    vi.advanceTimersByTime(250);
    // A 300 ms redraw: the next write waits four times that.
    redrawMs = 300;
    worker.answer(() => [4, 4]);
    expect(positions(g)[0]).toEqual([4, 4]);
    vi.advanceTimersByTime(301);
    vi.advanceTimersByTime(600);
    worker.answer(() => [5, 5]);
    expect(positions(g)[0]).toEqual([4, 4]);
    vi.advanceTimersByTime(700);
    worker.answer(() => [6, 6]);
    expect(positions(g)[0]).toEqual([6, 6]);
    runner.stop();
    runner.kill();
    globals.requestAnimationFrame = frame;
  });

  it('stops by itself once nodes stop moving, with the last positions written, the same way every time', () => {
    const run = () => {
      const g = ring(12);
      const seen: LayoutProgress[] = [];
      const runner = new LayoutRunner(g, (p) => seen.push(p));
      runner.start();
      const worker = StandInWorker.latest!;
      let answers = 0;
      // Converging positions: each answer moves the nodes half as much as the one before.
      while (runner.isRunning() && answers < 500) {
        const step = 1 / 2 ** answers++;
        worker.answer((i) => [Math.cos(i) * (10 + step), Math.sin(i) * (10 + step)]);
      }
      runner.kill();
      return { answers, last: seen.at(-1)!, positions: positions(g) };
    };
    const a = run();
    expect(a.last).toMatchObject({ running: false, settled: true });
    expect(a.answers % 20).toBe(0); // settling is checked every 20 iterations
    expect(a.answers).toBeLessThan(500);
    expect(run()).toEqual(a);
  });
});
