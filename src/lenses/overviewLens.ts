/**
 * The lenses on a cluster overview. The overview draws one node per community, so the paper and author
 * filters are applied to the whole source graph and summed per cluster: a cluster with no author left
 * hides, the others shrink to the authors they keep, and the ties between clusters are recounted from
 * the kept papers. One linear pass over the source's nodes and edges (no per-node lists kept), so a
 * year brush on ACL stays well under the 200 ms budget of a main-thread task. Pure: no React, no sigma.
 */
import { scaleSqrt } from 'd3';
import type { AtlasGraph, Counting, EdgeAttributes } from '../graph/types';
import { asLensGraph, largestByUnion, nodePaperIds } from './filters';
import type { FilterLens } from './compose';
import { linkStrengths, topByStrength } from './linkStrength';

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
  return papers !== null || (f.minPapers ?? 0) > 1 || (f.minShared ?? 0) > 1 || Boolean(f.affiliation) || Boolean(f.largestComponent) || Boolean(f.topStrength);
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
  let visible = new Set<string>();
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

  // 3. Largest connected component: the whole-graph lens's own union-find (filters.ts), over the same ties.
  if (f.largestComponent) {
    const hubs = new Set(source.filterNodes((_n, a) => a.kind === 'paper' && (papers === null || papers.has(a.paperId))));
    visible = largestByUnion(asLensGraph(source), visible, hubs, (a) => keptCount(a) >= minShared);
  }

  // 4. Top N authors by total link strength among those kept (VOSviewer's map wizard), as on the whole graph.
  if (f.topStrength) {
    const hiddenNodes = new Set<string>();
    source.forEachNode((n, a) => {
      if ((a.kind === 'author' && !visible.has(n)) || (a.kind === 'paper' && papers !== null && !papers.has(a.paperId))) hiddenNodes.add(n);
    });
    const hiddenEdges = new Set<string>();
    const edgeWeights = papers !== null ? new Map<string, number>() : undefined;
    source.forEachEdge((e, a) => {
      if (a.kind !== 'coauthor') return;
      if (keptCount(a) < minShared) hiddenEdges.add(e);
      else edgeWeights?.set(e, keptWeight(a));
    });
    const strengths = linkStrengths(asLensGraph(source), { hiddenNodes, hiddenEdges, edgeWeights, counting: opts.counting, paperSize: opts.paperSize });
    visible = topByStrength(strengths, f.topStrength);
  }

  // 5. Summed per cluster.
  const clusterOfNode = (n: string) => clusterOf(source.getNodeAttribute(n, 'community'));
  const kept = new Map<string, number>();
  for (const n of visible) {
    const c = clusterOfNode(n);
    if (c) kept.set(c, (kept.get(c) ?? 0) + 1);
  }
  const edgeWeights = new Map<string, number>();
  for (const [s, t, w] of ties) {
    if (!visible.has(s) && source.getNodeAttribute(s, 'kind') === 'author') continue;
    if (!visible.has(t) && source.getNodeAttribute(t, 'kind') === 'author') continue;
    const a = clusterOfNode(s);
    const b = clusterOfNode(t);
    if (!a || !b || a === b) continue;
    const key = a < b ? `${a}~${b}` : `${b}~${a}`;
    if (overview.hasEdge(key)) edgeWeights.set(key, (edgeWeights.get(key) ?? 0) + w);
  }

  return clusterResult(overview.nodes(), overview.edges(), kept, edgeWeights, maxClusterSize(overview), visible.size, countAuthors(source));
}

/** The largest cluster node's size: the overview's own size scale, so a cluster keeping fewer authors is drawn smaller. */
export function maxClusterSize(overview: AtlasGraph): number {
  let max = 1;
  overview.forEachNode((_n, a) => (max = Math.max(max, a.kind === 'cluster' ? a.authorCount : 1)));
  return max;
}

/**
 * The lens result from per-cluster counts (both passes end here): a cluster keeping no author hides, the others are
 * sized by what they keep; an overview edge (`<cluster>~<cluster>`) shows only with a weight from kept papers.
 */
export function clusterResult(
  clusters: string[],
  overviewEdges: string[],
  kept: Map<string, number>,
  edgeWeights: Map<string, number>,
  maxCluster: number,
  keptAuthors: number,
  totalAuthors: number,
): OverviewLensResult {
  const size = scaleSqrt().domain([1, maxCluster]).range([3, 30]).clamp(true);
  const hiddenNodes = new Set<string>();
  const nodeSizes = new Map<string, number>();
  for (const c of clusters) {
    const n = kept.get(c) ?? 0;
    if (n === 0) hiddenNodes.add(c);
    else nodeSizes.set(c, size(n));
  }
  const hiddenEdges = new Set<string>();
  for (const edge of overviewEdges) {
    const [a, b] = edge.split('~');
    if (hiddenNodes.has(a) || hiddenNodes.has(b) || !edgeWeights.get(edge)) hiddenEdges.add(edge);
  }
  const shown = clusters.length - hiddenNodes.size;
  return {
    hiddenNodes,
    hiddenEdges,
    kept,
    nodeSizes,
    edgeWeights,
    note: `${keptAuthors.toLocaleString('en-US')} of ${totalAuthors.toLocaleString('en-US')} authors kept, in ${shown.toLocaleString('en-US')} cluster${shown === 1 ? '' : 's'}.`,
  };
}

function countAuthors(source: AtlasGraph): number {
  let n = 0;
  source.forEachNode((_n, a) => {
    if (a.kind === 'author') n++;
  });
  return n;
}
