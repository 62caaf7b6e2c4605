/**
 * Positions inside each community, computed once by the CLI so the page draws a cluster as it is when opened: a seeded
 * ForceAtlas2 (graphology-layout-forceatlas2's own iteration, on its node and edge matrices, without building a
 * graphology graph per community) from seeded positions on a disc, for a fixed number of iterations that falls as the
 * community grows (a cost budget per node; Barnes–Hut above 1,000 nodes). Each community is laid out on its own (it is
 * drawn alone), centred on (0, 0). Deterministic: a community's edges are taken in sorted order, its start from its seed.
 */
import { createRequire } from 'node:module';
import seedrandom from 'seedrandom';

type Iterate = (settings: Record<string, number | boolean>, nodes: Float32Array, edges: Float32Array) => void;
const require = createRequire(import.meta.url);
// The package has no typed entry for its single iteration: it is the function its own layout loops over.
const iterate = require('graphology-layout-forceatlas2/iterate.js') as Iterate;
const FA2_DEFAULTS = require('graphology-layout-forceatlas2/defaults.js') as Record<string, number | boolean>;
const inferSettings = (require('graphology-layout-forceatlas2') as { inferSettings: (order: number) => Record<string, number | boolean> }).inferSettings;

/** Properties per node and per edge in the package's matrices. */
const PPN = 10;
const PPE = 3;

/** Above this many nodes an iteration uses Barnes–Hut (measured here: cheaper than the exact pairs from ~1,000 nodes). */
export const BARNES_HUT_FROM = 1_000;
/**
 * The layout's cost budget, in pair interactions per node (about 6 ns each on this machine's cores): an exact iteration
 * of n nodes costs n per node, a Barnes–Hut one about as much as 1,000. It keeps the whole layout linear in the nodes
 * whatever the communities' sizes.
 */
export const LAYOUT_BUDGET = 6_000;

/**
 * Iterations for a community of n nodes: the budget's worth, at least 10 and at most 300 (many for small ones, fewer for
 * the large). Most authors of a field sit in communities of hundreds or more, so the floor sets the cost: ~5 µs per node
 * and iteration, ~50 CPU-seconds per million nodes (BENCHMARKS.md).
 */
export const MIN_ITERATIONS = 10;
export function iterationsFor(n: number): number {
  if (n <= 2) return 0;
  const perIteration = n > BARNES_HUT_FROM ? 1_000 : n;
  return Math.max(MIN_ITERATIONS, Math.min(300, Math.round(LAYOUT_BUDGET / perIteration)));
}

/** The settings of the page's layout (src/view/controllers/layout), for a community of n nodes. */
export function settingsFor(n: number): Record<string, number | boolean> {
  return { ...FA2_DEFAULTS, ...inferSettings(n), barnesHutOptimize: n > BARNES_HUT_FROM, gravity: 1, scalingRatio: 4 };
}

export interface Positions {
  x: Float32Array;
  y: Float32Array;
  /** ForceAtlas2 iterations run, summed over communities (node × iteration units: Σ n·iterations). */
  work: number;
}

/** The network grouped by community: members in node order, each node's place in its community, the ties inside each. */
export interface Grouped {
  nCommunities: number;
  /** Community c's members are members[nodeStart[c] … nodeStart[c + 1]). */
  nodeStart: Int32Array;
  members: Int32Array;
  local: Int32Array;
  /** Community c's ties (indices into source/target/weight) are edges[edgeStart[c] … edgeStart[c + 1]). */
  edgeStart: Int32Array;
  edges: Int32Array;
}

/** Counting sorts; `alloc` makes the arrays (shared ones for worker threads). */
export function groupByCommunity(
  nNodes: number,
  source: Int32Array,
  target: Int32Array,
  community: Int32Array,
  alloc: (n: number) => Int32Array = (n) => new Int32Array(n),
): Grouped {
  let nCommunities = 0;
  for (let v = 0; v < nNodes; v++) nCommunities = Math.max(nCommunities, community[v] + 1);
  const nodeStart = alloc(nCommunities + 1);
  for (let v = 0; v < nNodes; v++) nodeStart[community[v] + 1]++;
  for (let c = 0; c < nCommunities; c++) nodeStart[c + 1] += nodeStart[c];
  const members = alloc(nNodes);
  const local = alloc(nNodes);
  const fill = nodeStart.slice(0, nCommunities);
  for (let v = 0; v < nNodes; v++) {
    const c = community[v];
    local[v] = fill[c] - nodeStart[c];
    members[fill[c]++] = v;
  }
  const inside = (i: number) => source[i] !== target[i] && community[source[i]] === community[target[i]];
  const edgeStart = alloc(nCommunities + 1);
  for (let i = 0; i < source.length; i++) if (inside(i)) edgeStart[community[source[i]] + 1]++;
  for (let c = 0; c < nCommunities; c++) edgeStart[c + 1] += edgeStart[c];
  const edges = alloc(edgeStart[nCommunities]);
  const edgeFill = edgeStart.slice(0, nCommunities);
  for (let i = 0; i < source.length; i++) if (inside(i)) edges[edgeFill[community[source[i]]]++] = i;
  return { nCommunities, nodeStart, members, local, edgeStart, edges };
}

/** Lays community c out into x, y (centred on (0, 0)); returns its node-iterations. */
export function layOutCommunity(
  c: number,
  g: Grouped,
  source: Int32Array,
  target: Int32Array,
  weight: Float64Array,
  seed: number,
  x: Float32Array,
  y: Float32Array,
): number {
  const { nodeStart, members, local, edgeStart, edges } = g;
  const n = nodeStart[c + 1] - nodeStart[c];
  if (n === 0) return 0;
  const rng = seedrandom(`field-layout:${seed}:${c}`);
  const nodes = new Float32Array(n * PPN);
  const radius = 10 * Math.sqrt(n);
  for (let k = 0; k < n; k++) {
    // Uniform on a disc that grows with the community.
    const r = radius * Math.sqrt(rng());
    const t = 2 * Math.PI * rng();
    nodes[k * PPN] = r * Math.cos(t);
    nodes[k * PPN + 1] = r * Math.sin(t);
    nodes[k * PPN + 6] = 1; // mass: 1 + weighted degree, as graphology-layout-forceatlas2 sets it
    nodes[k * PPN + 7] = 1; // convergence
    nodes[k * PPN + 8] = 1; // size
  }
  const iterations = iterationsFor(n);
  if (iterations > 0) {
    // Sorted by (lower, higher) local index: the sums run in one order whatever order the database gave the edges in.
    const own = Array.from(edges.subarray(edgeStart[c], edgeStart[c + 1])).map((i) => {
      const a = local[source[i]];
      const b = local[target[i]];
      return { a: Math.min(a, b), b: Math.max(a, b), w: weight[i] };
    });
    own.sort((p, q) => p.a - q.a || p.b - q.b || p.w - q.w);
    const matrix = new Float32Array(own.length * PPE);
    own.forEach((e, j) => {
      matrix[j * PPE] = e.a * PPN;
      matrix[j * PPE + 1] = e.b * PPN;
      matrix[j * PPE + 2] = e.w;
      nodes[e.a * PPN + 6] += e.w;
      nodes[e.b * PPN + 6] += e.w;
    });
    const settings = settingsFor(n);
    for (let i = 0; i < iterations; i++) iterate(settings, nodes, matrix);
  }
  let cx = 0;
  let cy = 0;
  for (let k = 0; k < n; k++) {
    cx += nodes[k * PPN];
    cy += nodes[k * PPN + 1];
  }
  cx /= n;
  cy /= n;
  for (let k = 0; k < n; k++) {
    const v = members[nodeStart[c] + k];
    x[v] = nodes[k * PPN] - cx;
    y[v] = nodes[k * PPN + 1] - cy;
  }
  return n * iterations;
}

/**
 * x, y of every node (authors and hubs, numbered as the network) within its community, from the ties (each undirected
 * edge once; ties across communities do not pull). On this thread; layout-parallel.ts spreads the communities over
 * worker threads with the same result.
 */
export function layOutCommunities(
  nNodes: number,
  source: Int32Array,
  target: Int32Array,
  weight: Float64Array,
  community: Int32Array,
  seed: number,
): Positions {
  const x = new Float32Array(nNodes);
  const y = new Float32Array(nNodes);
  const g = groupByCommunity(nNodes, source, target, community);
  let work = 0;
  for (let c = 0; c < g.nCommunities; c++) work += layOutCommunity(c, g, source, target, weight, seed, x, y);
  return { x, y, work };
}
