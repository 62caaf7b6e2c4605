/**
 * The lenses on a cluster overview. The overview draws one node per community, so the paper and author
 * filters are applied to the whole source graph and summed per cluster: a cluster with no author left
 * hides, the others shrink to the authors they keep, and the ties between clusters are recounted from
 * the kept papers. One linear pass over the source's nodes and edges (no per-node lists kept), so a
 * year brush on ACL stays well under the 200 ms budget of a main-thread task. Pure: no React, no sigma.
 */
import { scaleSqrt } from 'd3';
import type { AtlasGraph, Counting, EdgeAttributes } from '../graph/types';
import { nodePaperIds } from './filters';
import type { FilterLens } from './compose';

export interface OverviewLensResult {
  hiddenNodes: Set<string>;
  hiddenEdges: Set<string>;
  /** Cluster → authors kept. */
  kept: Map<string, number>;
  nodeSizes: Map<string, number>;
  edgeWeights: Map<string, number>;
  note: string;
}

/** The overview node each community is drawn as (communities past the overview's limit share "the rest"). */
export function clusterOfCommunity(source: AtlasGraph, overview: AtlasGraph): (community: number) => string | undefined {
  const drawn = new Map<number, string>();
  overview.forEachNode((node, a) => drawn.set(a.community, node));
  const sourceCommunities = new Set<number>();
  source.forEachNode((_n, a) => sourceCommunities.add(a.community));
  // "The rest" has a community number no source node has.
  let rest: string | undefined;
  for (const [c, node] of drawn) if (!sourceCommunities.has(c)) rest = node;
  return (community) => drawn.get(community) ?? rest;
}

export function isActive(papers: Set<string> | null, f: FilterLens): boolean {
  return papers !== null || (f.minPapers ?? 0) > 1 || (f.minShared ?? 0) > 1 || Boolean(f.affiliation) || Boolean(f.largestComponent);
}

export function overviewLens(
  source: AtlasGraph,
  overview: AtlasGraph,
  papers: Set<string> | null,
  f: FilterLens,
  opts: { counting: Counting; paperSize: (paperId: string) => number },
): OverviewLensResult | null {
  if (!isActive(papers, f)) return null;
  const clusterOf = clusterOfCommunity(source, overview);
  const minPapers = f.minPapers ?? 0;
  const minShared = Math.max(1, f.minShared ?? 1);

  // 1. Authors kept by their papers and affiliation.
  const visible = new Set<string>();
  source.forEachNode((node, a) => {
    if (a.kind !== 'author') return;
    let count = 0;
    for (const p of nodePaperIds(a)) if (papers === null || papers.has(p)) count++;
    if (papers !== null && count === 0) return;
    if (minPapers > 1 && count < minPapers) return;
    if (f.affiliation && !a.affiliations.includes(f.affiliation)) return;
    visible.add(node);
  });

  // 2. Ties between kept authors from kept papers (a hub paper's authors are tied through it).
  const keptWeight = (a: EdgeAttributes): number => {
    if (!a.paperIds.length) return papers === null ? a.weight : 0;
    let w = 0;
    for (const p of a.paperIds) {
      if (papers !== null && !papers.has(p)) continue;
      w += opts.counting === 'fractional' ? 1 / Math.max(1, opts.paperSize(p) - 1) : 1;
    }
    return w;
  };
  const keptCount = (a: EdgeAttributes): number => {
    if (!a.paperIds.length) return papers === null ? 1 : 0;
    let c = 0;
    for (const p of a.paperIds) if (papers === null || papers.has(p)) c++;
    return c;
  };
  const ties: [string, string, number][] = [];
  source.forEachEdge((_e, a, s, t, sa, ta) => {
    if (a.kind === 'coauthor') {
      if (!visible.has(s) || !visible.has(t) || keptCount(a) < minShared) return;
      ties.push([s, t, keptWeight(a)]);
    } else if (a.kind === 'authorship') {
      // author — paper hub: kept when the paper is and the author is.
      const hub = sa.kind === 'paper' ? sa : ta.kind === 'paper' ? ta : null;
      const author = sa.kind === 'author' ? s : t;
      if (!hub || hub.kind !== 'paper' || !visible.has(author) || (papers !== null && !papers.has(hub.paperId))) return;
      ties.push([s, t, a.weight]);
    }
  });

  // 3. Largest connected component (union-find over the kept ties, hubs included).
  if (f.largestComponent) {
    const parent = new Map<string, string>();
    const find = (x: string): string => {
      let r = x;
      while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
      let y = x;
      while (y !== r) {
        const next = parent.get(y)!;
        parent.set(y, r);
        y = next;
      }
      return r;
    };
    for (const n of visible) parent.set(n, n);
    for (const [s, t] of ties) {
      if (!parent.has(s)) parent.set(s, s);
      if (!parent.has(t)) parent.set(t, t);
      const rs = find(s);
      const rt = find(t);
      if (rs !== rt) parent.set(rs, rt);
    }
    const sizes = new Map<string, number>();
    for (const n of visible) sizes.set(find(n), (sizes.get(find(n)) ?? 0) + 1);
    let best: string | undefined;
    for (const [root, size] of sizes) if (best === undefined || size > sizes.get(best)!) best = root;
    for (const n of [...visible]) if (find(n) !== best) visible.delete(n);
  }

  // 4. Summed per cluster.
  const kept = new Map<string, number>();
  for (const n of visible) {
    const c = clusterOf(source.getNodeAttribute(n, 'community'));
    if (c) kept.set(c, (kept.get(c) ?? 0) + 1);
  }
  const edgeWeights = new Map<string, number>();
  const communityOf = (n: string) => clusterOf(source.getNodeAttribute(n, 'community'));
  for (const [s, t, w] of ties) {
    if (!visible.has(s) && source.getNodeAttribute(s, 'kind') === 'author') continue;
    if (!visible.has(t) && source.getNodeAttribute(t, 'kind') === 'author') continue;
    const a = communityOf(s);
    const b = communityOf(t);
    if (!a || !b || a === b) continue;
    const key = a < b ? `${a}~${b}` : `${b}~${a}`;
    if (overview.hasEdge(key)) edgeWeights.set(key, (edgeWeights.get(key) ?? 0) + w);
  }

  let maxCluster = 1;
  overview.forEachNode((_n, a) => (maxCluster = Math.max(maxCluster, a.kind === 'cluster' ? a.authorCount : 1)));
  // The overview's own scale, so a cluster that keeps fewer authors is drawn smaller.
  const size = scaleSqrt().domain([1, maxCluster]).range([3, 30]).clamp(true);
  const hiddenNodes = new Set<string>();
  const nodeSizes = new Map<string, number>();
  overview.forEachNode((node) => {
    const n = kept.get(node) ?? 0;
    if (n === 0) hiddenNodes.add(node);
    else nodeSizes.set(node, size(n));
  });
  const hiddenEdges = new Set<string>();
  overview.forEachEdge((edge, _a, s, t) => {
    if (hiddenNodes.has(s) || hiddenNodes.has(t) || !edgeWeights.get(edge)) hiddenEdges.add(edge);
  });
  const clusters = overview.order - hiddenNodes.size;
  const total = countAuthors(source);
  return {
    hiddenNodes,
    hiddenEdges,
    kept,
    nodeSizes,
    edgeWeights,
    note: `${visible.size.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} authors kept, in ${clusters.toLocaleString('en-US')} cluster${clusters === 1 ? '' : 's'}.`,
  };
}

function countAuthors(source: AtlasGraph): number {
  let n = 0;
  source.forEachNode((_n, a) => {
    if (a.kind === 'author') n++;
  });
  return n;
}
