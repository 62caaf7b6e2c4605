/**
 * A compact copy of what the overview lenses read from a big source graph: authors with their cluster
 * and papers, coauthor ties with their papers, hub memberships, all in typed arrays. Built once per
 * graph in the worker that builds the graph (see app/pipeline.ts) and sent with it; a lens change is
 * then a few loops over flat arrays (milliseconds on ACL) instead of a walk over graphology objects.
 * `overviewLens` in overviewLens.ts is the reference this must agree with (tests/unit/overview-lens.test.ts).
 */
import type { AtlasGraph } from '../graph/types';
import { clusterOfCommunity, maxClusterSize } from './overviewLens';
import type { FilterLens } from './compose';
import { nodePaperIds } from './filters';

export { overviewLensFromIndex } from './overviewIndexLens';
export { overviewPathFromIndex } from './overviewIndexPath';

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

/**
 * Can the compact index answer this lens? The affiliation filter reads strings the index does not keep: it needs the
 * authors' affiliations from the page's graph (`canReadAffiliations`).
 */
export function indexAnswers(f: FilterLens, canReadAffiliations = false): boolean {
  return !f.affiliation || canReadAffiliations;
}

/** The authors' affiliations for the index's lenses, read from the source graph's author nodes. */
export function affiliationsFrom(ix: OverviewIndex, source: AtlasGraph): (author: number) => readonly string[] {
  return (a) => {
    const attrs = source.getNodeAttributes(ix.authorNodes[a]);
    return attrs.kind === 'author' ? attrs.affiliations : [];
  };
}
