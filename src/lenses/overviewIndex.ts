/**
 * A compact copy of what the overview lenses read from a big source graph: authors with their cluster
 * and papers, coauthor ties with their papers, hub memberships, all in typed arrays. Built once per
 * graph in the worker that builds the graph (see app/pipeline.ts) and sent with it; a lens change is
 * then a few loops over flat arrays (milliseconds on ACL) instead of a walk over graphology objects.
 * `overviewLens` in overviewLens.ts is the reference this must agree with (tests/unit/overview-lens.test.ts).
 */
import type { AtlasGraph, Counting } from '../graph/types';
import { clusterOfCommunity, clusterResult, isActive, maxClusterSize, type OverviewLensResult } from './overviewLens';
import type { FilterLens } from './compose';
import { nodePaperIds } from './filters';
import type { PathResult } from './path';
import { authorNodeId } from '../graph/types';
import type { Highlight } from '../model/view';

export interface OverviewIndex {
  /** Overview node ids; a cluster index below points into this list. */
  clusters: string[];
  /** Paper ids; a paper index below points into this list. */
  papers: string[];
  /** Authors per paper (for fractional counting). */
  paperSize: Int32Array;
  /** Author node ids (in source order); an author index below points into this list. */
  authorNodes: string[];
  /** Per author: its cluster index, or -1. */
  authorCluster: Int32Array;
  /** Per author: its papers, as offsets into authorPaperList. */
  authorPaperStart: Int32Array;
  authorPaperList: Int32Array;
  /** Coauthor edges between two authors: ends, weight, papers (offsets into edgePaperList). */
  edgeA: Int32Array;
  edgeB: Int32Array;
  edgeWeight: Float64Array;
  edgePaperStart: Int32Array;
  edgePaperList: Int32Array;
  /** Author — hub paper memberships: the author, the paper, the hub's cluster index, the edge weight. */
  hubAuthor: Int32Array;
  hubCluster: Int32Array;
  hubPaper: Int32Array;
  hubWeight: Float64Array;
  /** Overview edges: both cluster ends, so weights can be summed per pair. */
  overviewEdges: string[];
  /** Largest cluster size in the overview (its size scale). */
  maxCluster: number;
}

export function buildOverviewIndex(source: AtlasGraph, overview: AtlasGraph, paperSize: (paperId: string) => number): OverviewIndex {
  const clusterOf = clusterOfCommunity(source, overview);
  const clusters = overview.nodes();
  const clusterIndex = new Map(clusters.map((c, i) => [c, i]));
  const papers: string[] = [];
  const paperIndex = new Map<string, number>();
  const paperOf = (id: string) => {
    let i = paperIndex.get(id);
    if (i === undefined) {
      i = papers.length;
      papers.push(id);
      paperIndex.set(id, i);
    }
    return i;
  };
  const authorIndex = new Map<string, number>();
  const authorNodes: string[] = [];
  const authorCluster: number[] = [];
  const authorPaperStart: number[] = [0];
  const authorPaperList: number[] = [];
  source.forEachNode((node, a) => {
    if (a.kind !== 'author') return;
    authorIndex.set(node, authorCluster.length);
    authorNodes.push(node);
    authorCluster.push(clusterIndex.get(clusterOf(a.community) ?? '') ?? -1);
    for (const p of nodePaperIds(a)) authorPaperList.push(paperOf(p));
    authorPaperStart.push(authorPaperList.length);
  });
  const edgeA: number[] = [];
  const edgeB: number[] = [];
  const edgeWeight: number[] = [];
  const edgePaperStart: number[] = [0];
  const edgePaperList: number[] = [];
  const hubAuthor: number[] = [];
  const hubPaper: number[] = [];
  const hubCluster: number[] = [];
  const hubWeight: number[] = [];
  source.forEachEdge((_e, a, s, t, sa, ta) => {
    if (a.kind === 'coauthor') {
      const i = authorIndex.get(s);
      const j = authorIndex.get(t);
      if (i === undefined || j === undefined) return;
      edgeA.push(i);
      edgeB.push(j);
      edgeWeight.push(a.weight);
      for (const p of a.paperIds) edgePaperList.push(paperOf(p));
      edgePaperStart.push(edgePaperList.length);
    } else if (a.kind === 'authorship') {
      const hub = sa.kind === 'paper' ? sa : ta.kind === 'paper' ? ta : null;
      const author = authorIndex.get(sa.kind === 'author' ? s : t);
      if (!hub || hub.kind !== 'paper' || author === undefined) return;
      hubAuthor.push(author);
      hubPaper.push(paperOf(hub.paperId));
      hubCluster.push(clusterIndex.get(clusterOf(hub.community) ?? '') ?? -1);
      hubWeight.push(a.weight);
    }
  });
  return {
    clusters,
    papers,
    paperSize: Int32Array.from(papers, paperSize),
    authorNodes,
    authorCluster: Int32Array.from(authorCluster),
    authorPaperStart: Int32Array.from(authorPaperStart),
    authorPaperList: Int32Array.from(authorPaperList),
    edgeA: Int32Array.from(edgeA),
    edgeB: Int32Array.from(edgeB),
    edgeWeight: Float64Array.from(edgeWeight),
    edgePaperStart: Int32Array.from(edgePaperStart),
    edgePaperList: Int32Array.from(edgePaperList),
    hubAuthor: Int32Array.from(hubAuthor),
    hubPaper: Int32Array.from(hubPaper),
    hubCluster: Int32Array.from(hubCluster),
    hubWeight: Float64Array.from(hubWeight),
    overviewEdges: overview.edges(),
    maxCluster: maxClusterSize(overview),
  };
}

/** Can the compact index answer this lens? (The affiliation filter reads strings it does not keep.) */
export function indexAnswers(f: FilterLens): boolean {
  // Top N by total link strength is answered by the graph pass (overviewLens.ts).
  return !f.affiliation && !f.topStrength;
}

interface Masks {
  keptPaper: Uint8Array;
  visible: Uint8Array;
  edgeKept: Uint8Array;
  edgeKeptWeight: Float64Array;
  hubKept: Uint8Array;
}

/** Which papers, authors, ties and hub memberships a lens keeps (steps 1–3 of overviewLens). */
function lensMasks(ix: OverviewIndex, papers: Set<string> | null, f: FilterLens, counting: Counting): Masks {
  const nPapers = ix.papers.length;
  const keptPaper = new Uint8Array(nPapers);
  for (let p = 0; p < nPapers; p++) keptPaper[p] = papers === null || papers.has(ix.papers[p]) ? 1 : 0;
  const minPapers = f.minPapers ?? 0;
  const minShared = Math.max(1, f.minShared ?? 1);
  const nAuthors = ix.authorCluster.length;

  // 1. Authors kept by their papers.
  const visible = new Uint8Array(nAuthors);
  for (let a = 0; a < nAuthors; a++) {
    let count = 0;
    for (let k = ix.authorPaperStart[a]; k < ix.authorPaperStart[a + 1]; k++) count += keptPaper[ix.authorPaperList[k]];
    if (papers !== null && count === 0) continue;
    if (minPapers > 1 && count < minPapers) continue;
    visible[a] = 1;
  }

  // 2. Ties from kept papers.
  const nEdges = ix.edgeA.length;
  const edgeKept = new Uint8Array(nEdges);
  const edgeKeptWeight = new Float64Array(nEdges);
  for (let e = 0; e < nEdges; e++) {
    if (!visible[ix.edgeA[e]] || !visible[ix.edgeB[e]]) continue;
    const start = ix.edgePaperStart[e];
    const end = ix.edgePaperStart[e + 1];
    let count = 0;
    let weight = 0;
    if (start === end) {
      if (papers !== null) continue;
      count = 1;
      weight = ix.edgeWeight[e];
    } else {
      for (let k = start; k < end; k++) {
        const p = ix.edgePaperList[k];
        if (!keptPaper[p]) continue;
        count++;
        weight += counting === 'fractional' ? 1 / Math.max(1, ix.paperSize[p] - 1) : 1;
      }
    }
    if (count >= minShared) {
      edgeKept[e] = 1;
      edgeKeptWeight[e] = weight;
    }
  }
  const nHubs = ix.hubAuthor.length;
  const hubKept = new Uint8Array(nHubs);
  for (let h = 0; h < nHubs; h++) hubKept[h] = visible[ix.hubAuthor[h]] && keptPaper[ix.hubPaper[h]] ? 1 : 0;

  // 3. Largest connected component: union-find over authors, hub papers as extra elements.
  if (f.largestComponent) {
    const parent = new Int32Array(nAuthors + nPapers);
    for (let i = 0; i < parent.length; i++) parent[i] = i;
    const find = (x: number): number => {
      while (parent[x] !== x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    };
    const union = (x: number, y: number) => {
      const rx = find(x);
      const ry = find(y);
      if (rx !== ry) parent[rx] = ry;
    };
    for (let e = 0; e < nEdges; e++) if (edgeKept[e]) union(ix.edgeA[e], ix.edgeB[e]);
    for (let h = 0; h < nHubs; h++) if (hubKept[h]) union(ix.hubAuthor[h], nAuthors + ix.hubPaper[h]);
    const sizes = new Int32Array(parent.length);
    for (let a = 0; a < nAuthors; a++) if (visible[a]) sizes[find(a)]++;
    // Among equally large components, the one met first in author order (as the reference pass picks).
    let best = -1;
    for (let a = 0; a < nAuthors; a++) if (visible[a] && (best < 0 || sizes[find(a)] > sizes[best])) best = find(a);
    for (let a = 0; a < nAuthors; a++) if (visible[a] && find(a) !== best) visible[a] = 0;
  }
  return { keptPaper, visible, edgeKept, edgeKeptWeight, hubKept };
}

/** The same answer as overviewLens(), from the compact index. */
export function overviewLensFromIndex(ix: OverviewIndex, papers: Set<string> | null, f: FilterLens, counting: Counting): OverviewLensResult | null {
  if (!isActive(papers, f)) return null;
  const { visible, edgeKept, edgeKeptWeight, hubKept } = lensMasks(ix, papers, f, counting);
  const nAuthors = ix.authorCluster.length;
  const nEdges = ix.edgeA.length;
  const nHubs = ix.hubAuthor.length;

  // 4. Summed per cluster; ties between two clusters summed per overview edge.
  const keptPerCluster = new Int32Array(ix.clusters.length);
  let visibleCount = 0;
  for (let a = 0; a < nAuthors; a++) {
    if (!visible[a]) continue;
    visibleCount++;
    if (ix.authorCluster[a] >= 0) keptPerCluster[ix.authorCluster[a]]++;
  }
  // Summed per (cluster, cluster) pair in a flat matrix: the overview has at most a few hundred clusters.
  const nClusters = ix.clusters.length;
  const pairWeight = new Float64Array(nClusters * nClusters);
  const addPair = (ca: number, cb: number, w: number) => {
    if (ca < 0 || cb < 0 || ca === cb) return;
    pairWeight[ca < cb ? ca * nClusters + cb : cb * nClusters + ca] += w;
  };
  for (let e = 0; e < nEdges; e++) {
    if (!edgeKept[e] || !visible[ix.edgeA[e]] || !visible[ix.edgeB[e]]) continue;
    addPair(ix.authorCluster[ix.edgeA[e]], ix.authorCluster[ix.edgeB[e]], edgeKeptWeight[e]);
  }
  for (let h = 0; h < nHubs; h++) if (hubKept[h] && visible[ix.hubAuthor[h]]) addPair(ix.authorCluster[ix.hubAuthor[h]], ix.hubCluster[h], ix.hubWeight[h]);

  const kept = new Map<string, number>();
  ix.clusters.forEach((c, i) => {
    if (keptPerCluster[i] > 0) kept.set(c, keptPerCluster[i]);
  });
  const clusterIndex = new Map(ix.clusters.map((c, i) => [c, i]));
  const edgeWeights = new Map<string, number>();
  for (const edge of ix.overviewEdges) {
    const [a, b] = edge.split('~');
    const ca = clusterIndex.get(a) ?? -1;
    const cb = clusterIndex.get(b) ?? -1;
    const w = ca < 0 || cb < 0 ? 0 : pairWeight[ca < cb ? ca * nClusters + cb : cb * nClusters + ca];
    if (w) edgeWeights.set(edge, w);
  }
  return clusterResult(ix.clusters, ix.overviewEdges, kept, edgeWeights, ix.maxCluster, visibleCount, nAuthors);
}

/** Adjacency of the compact index (ties and hub memberships per author, members per hub paper), built on first use. */
interface Adjacency {
  nodeIndex: Map<string, number>;
  edgeStart: Int32Array;
  edgeList: Int32Array;
  hubStart: Int32Array;
  hubList: Int32Array;
  membersStart: Int32Array;
  membersList: Int32Array;
  overviewEdges: Set<string>;
  /** Each author's place in the sorted order of node ids (shortestPath's tie-break, by id). */
  rank: Int32Array;
}
const adjacencies = new WeakMap<OverviewIndex, Adjacency>();

/** Compressed rows: for each key in 0..n-1, the items whose key it is. */
function rows(n: number, count: number, keyOf: (i: number) => number, keys2?: (i: number) => number): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < count; i++) {
    start[keyOf(i) + 1]++;
    if (keys2) start[keys2(i) + 1]++;
  }
  for (let k = 0; k < n; k++) start[k + 1] += start[k];
  const fill = start.slice(0, n);
  const list = new Int32Array(start[n]);
  for (let i = 0; i < count; i++) {
    list[fill[keyOf(i)]++] = i;
    if (keys2) list[fill[keys2(i)]++] = i;
  }
  return { start, list };
}

function adjacency(ix: OverviewIndex): Adjacency {
  let adj = adjacencies.get(ix);
  if (adj) return adj;
  const nAuthors = ix.authorNodes.length;
  const edges = rows(
    nAuthors,
    ix.edgeA.length,
    (e) => ix.edgeA[e],
    (e) => ix.edgeB[e],
  );
  const hubs = rows(nAuthors, ix.hubAuthor.length, (h) => ix.hubAuthor[h]);
  const members = rows(ix.papers.length, ix.hubAuthor.length, (h) => ix.hubPaper[h]);
  adj = {
    nodeIndex: new Map(ix.authorNodes.map((n, i) => [n, i])),
    edgeStart: edges.start,
    edgeList: edges.list,
    hubStart: hubs.start,
    hubList: hubs.list,
    membersStart: members.start,
    membersList: members.list,
    overviewEdges: new Set(ix.overviewEdges),
    rank: new Int32Array(nAuthors),
  };
  const order = ix.authorNodes.map((_, i) => i).sort((x, y) => (ix.authorNodes[x] < ix.authorNodes[y] ? -1 : ix.authorNodes[x] > ix.authorNodes[y] ? 1 : 0));
  order.forEach((author, r) => (adj!.rank[author] = r));
  adjacencies.set(ix, adj);
  return adj;
}

/**
 * The path lens on a cluster overview: the same shortest collaboration path as on the whole graph (fewest hops,
 * strongest ties among equals, over the authors and ties the other lenses keep), found in the compact index; the
 * clusters it passes through are highlighted.
 */
export function overviewPathFromIndex(
  ix: OverviewIndex,
  papers: Set<string> | null,
  f: FilterLens,
  keys: [string, string],
  name: (key: string) => string,
): { path: PathResult | null; highlight: Highlight; note: string } {
  const adj = adjacency(ix);
  const { keptPaper, visible } = lensMasks(ix, papers, f, 'full');
  const minShared = Math.max(1, f.minShared ?? 1);
  const keptCount = (e: number) => {
    const start = ix.edgePaperStart[e];
    const end = ix.edgePaperStart[e + 1];
    if (start === end) return papers === null ? 1 : 0;
    let c = 0;
    for (let k = start; k < end; k++) c += keptPaper[ix.edgePaperList[k]];
    return c;
  };
  const shared = (a: string, b: string) => {
    const u = adj.nodeIndex.get(a)!;
    const v = adj.nodeIndex.get(b)!;
    const out: string[] = [];
    for (let k = adj.edgeStart[u]; k < adj.edgeStart[u + 1]; k++) {
      const e = adj.edgeList[k];
      if ((ix.edgeA[e] === u ? ix.edgeB[e] : ix.edgeA[e]) !== v) continue;
      for (let j = ix.edgePaperStart[e]; j < ix.edgePaperStart[e + 1]; j++) if (keptPaper[ix.edgePaperList[j]]) out.push(ix.papers[ix.edgePaperList[j]]);
    }
    for (let k = adj.hubStart[u]; k < adj.hubStart[u + 1]; k++) {
      const paper = ix.hubPaper[adj.hubList[k]];
      if (!keptPaper[paper]) continue;
      for (let j = adj.membersStart[paper]; j < adj.membersStart[paper + 1]; j++) if (ix.hubAuthor[adj.membersList[j]] === v) out.push(ix.papers[paper]);
    }
    return out;
  };
  const isVisible = (n: string) => {
    const i = adj.nodeIndex.get(n);
    return i !== undefined && visible[i] === 1;
  };
  const [a, b] = keys.map(authorNodeId);
  const path = indexShortestPath(ix, adj, a, b, { keptPaper, visible, minShared, keptCount }, shared);
  const clusterOfNode = (n: string) => {
    const i = adj.nodeIndex.get(n);
    return i === undefined || ix.authorCluster[i] < 0 ? undefined : ix.clusters[ix.authorCluster[i]];
  };
  if (!path) {
    const nodes = new Set(
      [a, b]
        .filter(isVisible)
        .map(clusterOfNode)
        .filter((c): c is string => !!c),
    );
    const filtered = papers !== null || (f.minPapers ?? 0) > 1 || minShared > 1 || Boolean(f.largestComponent);
    return {
      path: null,
      highlight: { nodes, edges: [], focus: [...nodes] },
      note: `No collaboration path between ${name(keys[0])} and ${name(keys[1])}${filtered ? ' with the current filters' : ''}.`,
    };
  }
  const clusters = path.nodes.map(clusterOfNode).filter((c): c is string => !!c);
  const edges: string[] = [];
  for (let i = 1; i < clusters.length; i++) {
    const [x, y] = [clusters[i - 1], clusters[i]];
    const key = x < y ? `${x}~${y}` : `${y}~${x}`;
    if (x !== y && adj.overviewEdges.has(key)) edges.push(key);
  }
  const hops = path.hops.length;
  return {
    path,
    highlight: { nodes: new Set(clusters), edges, focus: [...new Set(clusters)] },
    note: `${hops} hop${hops === 1 ? '' : 's'} from ${name(keys[0])} to ${name(keys[1])}, through ${new Set(clusters).size} cluster${new Set(clusters).size === 1 ? '' : 's'}.`,
  };
}

/**
 * `shortestPath` (path.ts) over the compact index, with the same answer: breadth first (fewest hops), a node's
 * predecessor the one with the highest total tie strength, ties broken by the smallest node id. Flat arrays instead
 * of a Map per visited node: a path across the ACL graph's largest component in milliseconds.
 */
function indexShortestPath(
  ix: OverviewIndex,
  adj: Adjacency,
  source: string,
  target: string,
  kept: { keptPaper: Uint8Array; visible: Uint8Array; minShared: number; keptCount: (e: number) => number },
  shared: (a: string, b: string) => string[],
): PathResult | null {
  const s = adj.nodeIndex.get(source);
  const t = adj.nodeIndex.get(target);
  if (s === undefined || t === undefined || !kept.visible[s] || !kept.visible[t]) return null;
  if (s === t) return { nodes: [source], hops: [] };
  const n = ix.authorNodes.length;
  const dist = new Int32Array(n).fill(-1);
  const score = new Float64Array(n);
  const pred = new Int32Array(n).fill(-1);
  const acc = new Float64Array(n);
  dist[s] = 0;
  let frontier = [s];
  for (let d = 1; frontier.length && dist[t] < 0; d++) {
    const next: number[] = [];
    frontier.sort((x, y) => adj.rank[x] - adj.rank[y]);
    for (const u of frontier) {
      // Tie strengths of u: kept shared papers, through coauthor edges and shared hub papers.
      const touched: number[] = [];
      for (let k = adj.edgeStart[u]; k < adj.edgeStart[u + 1]; k++) {
        const e = adj.edgeList[k];
        const other = ix.edgeA[e] === u ? ix.edgeB[e] : ix.edgeA[e];
        if (!kept.visible[other]) continue;
        const c = kept.keptCount(e);
        if (!c) continue;
        if (acc[other] === 0) touched.push(other);
        acc[other] += c;
      }
      for (let k = adj.hubStart[u]; k < adj.hubStart[u + 1]; k++) {
        const paper = ix.hubPaper[adj.hubList[k]];
        if (!kept.keptPaper[paper]) continue;
        for (let j = adj.membersStart[paper]; j < adj.membersStart[paper + 1]; j++) {
          const x = ix.hubAuthor[adj.membersList[j]];
          if (x === u || !kept.visible[x]) continue;
          if (acc[x] === 0) touched.push(x);
          acc[x] += 1;
        }
      }
      for (const v of touched) {
        const strength = acc[v];
        acc[v] = 0;
        if (strength < kept.minShared) continue;
        if (dist[v] >= 0 && dist[v] < d) continue;
        const fresh = dist[v] < 0;
        if (fresh) {
          dist[v] = d;
          next.push(v);
        }
        const total = score[u] + strength;
        if (fresh || total > score[v]) {
          score[v] = total;
          pred[v] = u;
        }
      }
    }
    frontier = next;
  }
  if (dist[t] < 0) return null;
  const path = [t];
  while (path[0] !== s) path.unshift(pred[path[0]]);
  const nodes = path.map((i) => ix.authorNodes[i]);
  return { nodes, hops: nodes.slice(1).map((to, i) => ({ from: nodes[i], to, paperIds: shared(nodes[i], to) })) };
}
