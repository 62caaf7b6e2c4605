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
 * On graphs past the level-of-detail thresholds (drawn whole only when asked), positions reach the drawn graph
 * at most this often while the layout runs, and when it stops; and never sooner than REDRAW_SHARE times what the
 * last redraw took, so that redrawing keeps at most about a quarter of the main thread. Each update makes sigma
 * redraw every node and edge: 5-7 s of main-thread time for ACL's 40k nodes in software WebGL (far less
 * with a GPU), and the worker's next order waited for it. Small graphs get every iteration, as before.
 */
export const BIG_GRAPH_POSITION_INTERVAL_MS = 2000;
const REDRAW_SHARE = 4;
/**
 * A redraw slower than SLOW_REDRAW_MS (three frames at 60 Hz) throttles the layout of a graph with more than
 * SLOW_REDRAW_MIN_EDGES edges as REDRAW_SHARE says, not only of a big one: the million-authorship overview's 401
 * clusters took 100–230 ms a frame in software WebGL even with 2,000 lines drawn (most of it the compositor's wait for
 * the rasteriser), and drawing each iteration kept the main thread ~85% busy for the layout's 3–4 s after it opened
 * (120 ms, the threshold before, let every frame just under it through). With a GPU that overview redraws within a
 * frame or two, under the threshold: every iteration is drawn. Smaller graphs (the embedded profile: 760 nodes, 1,812
 * edges) get every iteration, however slow the machine's frames.
 */
const SLOW_REDRAW_MS = 50;
const SLOW_REDRAW_MIN_EDGES = 5_000;

declare global {
  interface Window {
    /**
     * Browser-test switch, never set by the app: `tests/e2e/browser.mjs` sets it before the app's first script when
     * `npm run test:e2e` runs (ATLAS_E2E_LAYOUT_REDRAW_MS). See `layoutPositionIntervalMs`.
     */
    __coauthorAtlasTest?: {
      layoutRedrawMs?: number;
      /** Keeps a graph's edges apart past this many (EDGES_APART_MIN otherwise): a small graph takes the million's path (usePipeline). */
      edgesApartMin?: number;
    };
  }
}

/**
 * How often the running layout's positions reach the drawn graph: every iteration on a small graph, at most every
 * BIG_GRAPH_POSITION_INTERVAL_MS on a big one. The browser tests' switch (`window.__coauthorAtlasTest.layoutRedrawMs`)
 * throttles small graphs too: software WebGL takes ~60 ms a frame, so drawing each of the ~100 iterations the embedded
 * profile needs made every page wait ~7 s. The worker runs the same iterations and stops at the same one, and the
 * last positions are written when it stops, so the settled layout is the one users get; only the frames between are
 * skipped.
 */
export function layoutPositionIntervalMs(big: boolean): number {
  const base = big ? BIG_GRAPH_POSITION_INTERVAL_MS : 0;
  const test = typeof window === 'undefined' ? undefined : Number(window.__coauthorAtlasTest?.layoutRedrawMs);
  return test && Number.isFinite(test) && test > 0 ? Math.max(base, test) : base;
}
/** graphology-layout-forceatlas2's node matrix: PPN floats per node, x and y first (helpers.js, version 0.10.1). */
const PPN = 10;

/** The parts of graphology's FA2 supervisor (0.10.1, pinned) that the runner takes over. */
interface SupervisorInternals {
  running: boolean;
  worker: Worker;
  matrices: { nodes: Float32Array } | null;
  handleMessage: (event: MessageEvent) => void;
  askForIterations: () => void;
}

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
  /** The newest positions not yet written to the graph (throttled big graphs only). */
  private pending: Float32Array | null = null;
  private lastApplied = 0;
  /** What the last throttled write cost the main thread, up to the task after its frame. */
  private lastRedrawMs = 0;
  /** Whether redraws are timed: a throttled graph's, and a graph's of many edges (see SLOW_REDRAW_MS); not a small one's. */
  private readonly timesRedraws: boolean;
  readonly maxIterations: number;

  constructor(
    private graph: Graph,
    private onProgress: (p: LayoutProgress) => void,
    private positionIntervalMs = 0,
    /** Normalised link weights to attract by (read at each start), else each edge's `weight`. */
    edgeWeights?: () => ReadonlyMap<string, number> | undefined,
  ) {
    this.maxIterations = maxIterationsFor(graph.order);
    this.timesRedraws = positionIntervalMs > 0 || graph.size > SLOW_REDRAW_MIN_EDGES;
    const settings = forceAtlas2.inferSettings(graph);
    this.supervisor = new FA2Layout(graph, {
      settings: { ...settings, barnesHutOptimize: graph.order > 2000, gravity: 1, scalingRatio: 4 },
      getEdgeWeight: edgeWeights ? (edge: string, attrs: Record<string, unknown>) => edgeWeights()?.get(edge) ?? (attrs.weight as number) : 'weight',
    });
    // The supervisor's own handler writes every iteration into the graph, then asks for the next one. Ours does
    // the same, except that a throttled runner writes at most every positionIntervalMs (it replaces the handler
    // the supervisor registered; a respawned worker registers `handleMessage`, ours, again).
    const internals = this.supervisor as unknown as SupervisorInternals;
    internals.worker.removeEventListener('message', internals.handleMessage);
    internals.handleMessage = this.onMessage;
    internals.worker.addEventListener('message', this.onMessage);
  }

  private onMessage = (event: MessageEvent<{ nodes: ArrayBuffer }>) => {
    const internals = this.supervisor as unknown as SupervisorInternals;
    if (!internals.running || !internals.matrices) return;
    const matrix = new Float32Array(event.data.nodes);
    internals.matrices.nodes = matrix;
    this.iterations++;
    // A throttled graph waits REDRAW_SHARE times its last redraw; a graph of many edges does once its redraws are slow.
    const shared = this.positionIntervalMs > 0 || this.lastRedrawMs > SLOW_REDRAW_MS;
    const redrawShare = this.timesRedraws && shared ? REDRAW_SHARE * this.lastRedrawMs : 0;
    const due = performance.now() - this.lastApplied >= Math.max(this.positionIntervalMs, redrawShare);
    if (due) this.write(matrix);
    // The matrix goes back to the worker (transferred) with the next order: keep a copy of what is not written yet.
    else this.pending = matrix.slice();
    if (this.iterations % CHECK_EVERY === 0 && this.hasSettled(matrix)) this.settled = true;
    if (this.settled || this.iterations >= this.maxIterations) this.stop();
    else {
      internals.askForIterations();
      if (this.iterations % 5 === 0) this.report();
    }
  };

  /** Writes a node matrix's positions into the graph (one graph event, one redraw). */
  private write(matrix: Float32Array) {
    let i = 0;
    this.graph.updateEachNodeAttributes(
      (_node, attributes) => {
        attributes.x = matrix[i];
        attributes.y = matrix[i + 1];
        i += PPN;
        return attributes;
      },
      { attributes: ['x', 'y'] },
    );
    this.pending = null;
    const written = performance.now();
    this.lastApplied = written;
    // How long the redraw took (timed to just after the next frame); a small graph's are never timed (every iteration).
    if (this.timesRedraws)
      requestAnimationFrame(() =>
        setTimeout(() => {
          this.lastRedrawMs = performance.now() - written;
          this.lastApplied = performance.now();
        }, 0),
      );
  }

  private hasSettled(matrix: Float32Array): boolean {
    const n = this.graph.order;
    if (matrix.length !== n * PPN) return false;
    const now = new Float64Array(n * 2);
    let minX = Infinity,
      maxX = -Infinity,
      minY = Infinity,
      maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = matrix[i * PPN];
      const y = matrix[i * PPN + 1];
      now[2 * i] = x;
      now[2 * i + 1] = y;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
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
    this.lastApplied = performance.now();
    this.supervisor.start();
    this.report();
  }

  /** A fresh full round (the weights may have changed: the worker reads them at start). */
  restart() {
    // Positions not written yet (throttled) are written first: the new round starts from where the last one got to.
    if (this.supervisor.isRunning()) this.supervisor.stop();
    if (this.pending) this.write(this.pending);
    this.iterations = 0;
    this.settled = false;
    this.lastPositions = null;
    this.start();
  }

  stop() {
    this.supervisor.stop();
    if (this.pending) this.write(this.pending);
    this.report();
  }

  isRunning() {
    return this.supervisor.isRunning();
  }

  kill() {
    this.supervisor.kill();
  }
}
