import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type Graph from 'graphology';

export interface LayoutProgress {
  running: boolean;
  iterations: number;
  maxIterations: number;
  settled: boolean;
}

/** Iteration bound: enough for small graphs to settle, bounded for big ones. */
export function maxIterationsFor(order: number): number {
  return order < 2000 ? 800 : order < 20000 ? 400 : 200;
}

const CHECK_EVERY = 20;
/** Mean node movement per check, relative to the layout's extent, below which it has settled. */
const SETTLE_RATIO = 0.0015;

/**
 * Runs ForceAtlas2 in graphology's Web Worker and stops it by itself: when nodes barely move
 * any more, or after a bounded number of iterations. Iterations are counted from the worker's
 * messages (one per iteration) so the same graph always stops at the same iteration: deterministic.
 */
export class LayoutRunner {
  private supervisor: FA2Layout;
  private iterations = 0;
  private lastPositions: Float64Array | null = null;
  private settled = false;
  readonly maxIterations: number;

  constructor(
    private graph: Graph,
    private onProgress: (p: LayoutProgress) => void,
  ) {
    this.maxIterations = maxIterationsFor(graph.order);
    const settings = forceAtlas2.inferSettings(graph);
    this.supervisor = new FA2Layout(graph, {
      settings: { ...settings, barnesHutOptimize: graph.order > 2000, gravity: 1, scalingRatio: 4 },
      getEdgeWeight: 'weight',
    });
    const worker = (this.supervisor as unknown as { worker: Worker }).worker;
    worker.addEventListener('message', this.onIteration);
  }

  private onIteration = () => {
    if (!this.supervisor.isRunning()) return;
    this.iterations++;
    if (this.iterations % CHECK_EVERY === 0 && this.hasSettled()) this.settled = true;
    if (this.settled || this.iterations >= this.maxIterations) this.stop();
    else if (this.iterations % 5 === 0) this.report();
  };

  private hasSettled(): boolean {
    const n = this.graph.order;
    const now = new Float64Array(n * 2);
    let i = 0;
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    this.graph.forEachNode((_node, a) => {
      now[i++] = a.x;
      now[i++] = a.y;
      minX = Math.min(minX, a.x); maxX = Math.max(maxX, a.x);
      minY = Math.min(minY, a.y); maxY = Math.max(maxY, a.y);
    });
    const prev = this.lastPositions;
    this.lastPositions = now;
    if (!prev || prev.length !== now.length || n === 0) return false;
    let moved = 0;
    for (let j = 0; j < now.length; j += 2) moved += Math.hypot(now[j] - prev[j], now[j + 1] - prev[j + 1]);
    const extent = Math.max(1e-9, Math.hypot(maxX - minX, maxY - minY));
    return moved / n / extent < SETTLE_RATIO;
  }

  private report() {
    this.onProgress({ running: this.supervisor.isRunning(), iterations: this.iterations, maxIterations: this.maxIterations, settled: this.settled });
  }

  start() {
    if (this.supervisor.isRunning()) return;
    if (this.settled || this.iterations >= this.maxIterations) {
      // A restart asked by the user runs another full round.
      this.iterations = 0;
      this.settled = false;
      this.lastPositions = null;
    }
    this.supervisor.start();
    this.report();
  }

  stop() {
    this.supervisor.stop();
    this.report();
  }

  isRunning() {
    return this.supervisor.isRunning();
  }

  kill() {
    this.supervisor.kill();
  }
}
