/**
 * The edges of a very big source graph kept apart from its nodes, in flat typed arrays, for the page.
 *
 * The million-authorship graph has about 2M edges. As graphology objects on the page they cost most of a 900 MB heap,
 * and receiving them took over a hundred main-thread tasks past 200 ms (BENCHMARKS.md, "A million authorships in the
 * page"). Past EDGES_APART_MIN the page therefore gets the source graph's nodes only, and its edges as these arrays
 * (moved from the worker, not copied): a drill builds the cluster's graph from them, the same graph
 * `communitySubgraph` makes from the whole graphology graph (tests/unit/edges-apart.test.ts), at the cost of the
 * cluster's own edges. Pure: no DOM, no sigma.
 */
import Graph from 'graphology';
import { edgeKey } from './build';
import type { AtlasGraph, EdgeAttributes, EdgeKind } from './types';

/** Past this many edges (and only with a cluster overview) the page holds a dataset's edges apart. */
export const EDGES_APART_MIN = 500_000;

const KINDS: readonly EdgeKind[] = ['coauthor', 'affiliation', 'authorship'];

export interface EdgesApart {
  /** Nodes of the source graph, in its order: an index below points into this order. */
  order: number;
  size: number;
  /** Each edge's ends (node indices) as the graph lists them, in the graph's edge order. */
  source: Uint32Array;
  target: Uint32Array;
  /** Index into KINDS. */
  kind: Uint8Array;
  weight: Float64Array;
  /** Each edge's papers: edgePapers[paperStart[e] .. paperStart[e + 1]) index into `papers`. */
  paperStart: Uint32Array;
  edgePapers: Uint32Array;
  papers: string[];
  /** Each node's edges in the order graphology adds them to its adjacency: nodeEdges[adjStart[n] .. adjStart[n + 1]). */
  adjStart: Uint32Array;
  nodeEdges: Uint32Array;
  /** Edge keys, only when some key is not `edgeKey(source, target)` (buildGraph's keys always are). */
  keys: string[] | null;
  /** Edges of each kind: the whole graph's counts for the panels. */
  coauthorLinks: number;
}

/** Whether the page should get this graph's edges apart. */
export const keepsEdgesApart = (graph: AtlasGraph, hasOverview: boolean, min = EDGES_APART_MIN) => hasOverview && graph.size > min;

/** Flat arrays of every edge of `graph` (in the worker that built it). */
export function edgesApartOf(graph: AtlasGraph): EdgesApart {
  const nodeIndex = new Map<string, number>();
  graph.forEachNode((node) => nodeIndex.set(node, nodeIndex.size));
  const size = graph.size;
  const source = new Uint32Array(size);
  const target = new Uint32Array(size);
  const kind = new Uint8Array(size);
  const weight = new Float64Array(size);
  const paperStart = new Uint32Array(size + 1);
  const papers: string[] = [];
  const paperIndex = new Map<string, number>();
  let edgePapers = new Uint32Array(Math.max(16, size));
  let listed = 0;
  let keys: string[] | null = null;
  let coauthorLinks = 0;
  let e = 0;
  graph.forEachEdge((key, a, s, t) => {
    source[e] = nodeIndex.get(s)!;
    target[e] = nodeIndex.get(t)!;
    kind[e] = KINDS.indexOf(a.kind);
    if (a.kind === 'coauthor') coauthorLinks++;
    weight[e] = a.weight;
    for (const p of a.paperIds) {
      let i = paperIndex.get(p);
      if (i === undefined) {
        paperIndex.set(p, (i = papers.length));
        papers.push(p);
      }
      if (listed === edgePapers.length) {
        const grown = new Uint32Array(edgePapers.length * 2);
        grown.set(edgePapers);
        edgePapers = grown;
      }
      edgePapers[listed++] = i;
    }
    paperStart[e + 1] = listed;
    if (keys === null && key !== edgeKey(s, t)) keys = graph.edges().slice(0, e);
    keys?.push(key);
    e++;
  });
  // Adjacency in the order graphology keeps it (each node's edges in the order they were added), so a cluster built
  // from these arrays lists its edges exactly as communitySubgraph does from the graph.
  const order = nodeIndex.size;
  const adjStart = new Uint32Array(order + 1);
  for (let i = 0; i < size; i++) {
    adjStart[source[i] + 1]++;
    if (target[i] !== source[i]) adjStart[target[i] + 1]++;
  }
  for (let n = 0; n < order; n++) adjStart[n + 1] += adjStart[n];
  const fill = adjStart.slice(0, order);
  const nodeEdges = new Uint32Array(adjStart[order]);
  for (let i = 0; i < size; i++) {
    nodeEdges[fill[source[i]]++] = i;
    if (target[i] !== source[i]) nodeEdges[fill[target[i]]++] = i;
  }
  return { order, size, source, target, kind, weight, paperStart, edgePapers: edgePapers.slice(0, listed), papers, adjStart, nodeEdges, keys, coauthorLinks };
}

/** The buffers to move (not copy) with a postMessage. */
export const edgesApartBuffers = (e: EdgesApart): ArrayBuffer[] =>
  [e.source, e.target, e.kind, e.weight, e.paperStart, e.edgePapers, e.adjStart, e.nodeEdges].map((a) => a.buffer as ArrayBuffer);

/** Node ids by index and indices by id, made once per nodes-only graph (source graphs are not changed after they are built). */
const nodeTables = new WeakMap<AtlasGraph, { ids: string[]; index: Map<string, number> }>();
/**
 * Gives a nodes-only graph the tables its node slices built as they arrived (ids in the graph's order), so the first
 * drill does not build them: a Map of the 258k nodes of a million authorships took ~25 ms of the drill's task.
 */
export function primeNodeTables(graph: AtlasGraph, ids: string[], index: Map<string, number>): void {
  if (ids.length !== graph.order || index.size !== ids.length) throw new Error(`node tables of ${ids.length} nodes for a graph of ${graph.order}`);
  nodeTables.set(graph, { ids, index });
}

/** Whether `graph` has its node tables (built or primed). */
export const hasNodeTables = (graph: AtlasGraph) => nodeTables.has(graph);

function tablesOf(graph: AtlasGraph) {
  let t = nodeTables.get(graph);
  if (!t) {
    const ids = graph.nodes();
    t = { ids, index: new Map(ids.map((id, i) => [id, i])) };
    nodeTables.set(graph, t);
  }
  return t;
}

/** The neighbours of `node` (an id of the nodes-only graph `nodes`) through the edges kept apart, in adjacency order. */
export function neighborsApart(nodes: AtlasGraph, edges: EdgesApart, node: string): string[] {
  const { ids, index } = tablesOf(nodes);
  const n = index.get(node);
  if (n === undefined) return [];
  const neighbours: string[] = [];
  for (let k = edges.adjStart[n]; k < edges.adjStart[n + 1]; k++) {
    const e = edges.nodeEdges[k];
    neighbours.push(ids[edges.source[e] === n ? edges.target[e] : edges.source[e]]);
  }
  return neighbours;
}

/**
 * The subgraph of `members` (node ids of `nodes`, in its order) with the edges among them, from the edges kept apart:
 * the same nodes, edges, ends, keys and attributes, in the same order, as communitySubgraph makes from the whole graph.
 */
export function subgraphApart(nodes: AtlasGraph, edges: EdgesApart, members: readonly string[]): AtlasGraph {
  const { ids, index } = tablesOf(nodes);
  if (ids.length !== edges.order) throw new Error(`the edges kept apart are of a graph of ${edges.order} nodes, not ${ids.length}`);
  const sub: AtlasGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const { edgesApart: _apart, ...attributes } = nodes.getAttributes();
  sub.replaceAttributes(attributes);
  for (const node of members) {
    sub.addNode(node, { ...nodes.getNodeAttributes(node) });
    const n = index.get(node)!;
    for (let k = edges.adjStart[n]; k < edges.adjStart[n + 1]; k++) {
      const e = edges.nodeEdges[k];
      const s = ids[edges.source[e]];
      const t = ids[edges.target[e]];
      const other = s === node ? t : s;
      const key = edges.keys ? edges.keys[e] : edgeKey(s, t);
      if (other === node || !sub.hasNode(other) || sub.hasEdge(key)) continue;
      const paperIds: string[] = [];
      for (let p = edges.paperStart[e]; p < edges.paperStart[e + 1]; p++) paperIds.push(edges.papers[edges.edgePapers[p]]);
      const a: EdgeAttributes = { kind: KINDS[edges.kind[e]], weight: edges.weight[e], paperIds };
      sub.addEdgeWithKey(key, s, t, a);
    }
  }
  return sub;
}
