/** The path lens on a cluster overview, answered from the compact overview index (overviewIndex.ts). */
import type { FilterLens } from './compose';
import type { PathResult } from './path';
import { authorNodeId } from '../graph/types';
import type { Highlight } from '../model/view';
import type { OverviewIndex } from './overviewIndex';
import { lensMasks, type AffiliationsOf } from './overviewIndexLens';

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
  affiliationsOf?: AffiliationsOf,
): { path: PathResult | null; highlight: Highlight; note: string } {
  const adj = adjacency(ix);
  // The path runs over the structural filters' authors, as on the whole graph (top N is a view threshold after them).
  const { keptPaper, visible } = lensMasks(ix, papers, { ...f, topStrength: undefined }, 'full', affiliationsOf);
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
