import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import seedrandom from 'seedrandom';
import type { Dataset } from '../model/types';
import { nameKey } from '../model/names';
import { resolveDataset, type ResolvedDataset } from './authors';
import {
  affiliationNodeId,
  authorNodeId,
  DEFAULT_BUILD_OPTIONS,
  paperNodeId,
  type AtlasGraph,
  type BuildOptions,
} from './types';

/** Stable edge ids (graphology's generated ids depend on how many graphs were built before). */
export const edgeKey = (a: string, b: string) => (a < b ? `${a}~${b}` : `${b}~${a}`);

/** Is this paper drawn as a hub node rather than expanded into a clique? */
export function isHubPaper(authorCount: number, options: BuildOptions): boolean {
  return options.allPapersAsHubs || authorCount > options.hyperauthorCap;
}

/**
 * Builds the source coauthor graph of a dataset. Pure: no React, no sigma, no DOM.
 * The same dataset and options always give the same nodes, edges, communities and positions.
 */
export function buildGraph(dataset: Dataset, partial: Partial<BuildOptions> = {}, resolved?: ResolvedDataset): AtlasGraph {
  const options: BuildOptions = { ...DEFAULT_BUILD_OPTIONS, ...partial };
  const { authors, papers } = resolved ?? resolveDataset(dataset);
  const graph: AtlasGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  graph.replaceAttributes({ datasetId: dataset.id, options, communityCount: 0 });

  for (const a of authors.values()) {
    graph.addNode(authorNodeId(a.key), {
      kind: 'author',
      label: a.label,
      authorKey: a.key,
      spellings: a.spellings,
      paperIds: a.paperIds,
      affiliations: a.affiliations,
      community: 0,
      firstYear: a.firstYear,
      lastYear: a.lastYear,
      isOwner: a.isOwner,
      x: 0,
      y: 0,
    });
  }

  const authorIndex = new Map<string, number>();
  const nodeIds: string[] = [];
  for (const key of authors.keys()) {
    authorIndex.set(key, nodeIds.length);
    nodeIds.push(authorNodeId(key));
  }
  const authorCount = nodeIds.length;
  const pairs = new Map<number, { source: number; target: number; weight: number; paperIds: string[] }>();

  for (const { paper, authorKeys } of papers) {
    const n = authorKeys.length;
    if (n === 0) continue;
    if (isHubPaper(n, options)) {
      const hub = paperNodeId(paper.id);
      graph.addNode(hub, { kind: 'paper', label: paper.title, paperId: paper.id, authorCount: n, community: 0, x: 0, y: 0 });
      for (const key of authorKeys) {
        graph.addEdgeWithKey(edgeKey(authorNodeId(key), hub), authorNodeId(key), hub, { kind: 'authorship', weight: options.counting === 'full' ? 1 : 1 / Math.max(1, n - 1), paperIds: [paper.id] });
      }
      continue;
    }
    // Pairs are accumulated under numeric keys and turned into edges once, below: one graphology
    // look-up per pair and paper was most of the build's time on large bibliographies.
    const increment = options.counting === 'full' ? 1 : 1 / (n - 1);
    const ids = authorKeys.map((k) => authorIndex.get(k)!);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = ids[i];
        const b = ids[j];
        const key = a < b ? a * authorCount + b : b * authorCount + a;
        const pair = pairs.get(key);
        if (pair === undefined) pairs.set(key, { source: a, target: b, weight: increment, paperIds: [paper.id] });
        else {
          pair.weight += increment;
          pair.paperIds.push(paper.id);
        }
      }
    }
  }
  for (const pair of pairs.values()) {
    const s = nodeIds[pair.source];
    const t = nodeIds[pair.target];
    graph.addEdgeWithKey(edgeKey(s, t), s, t, { kind: 'coauthor', weight: pair.weight, paperIds: pair.paperIds });
  }

  if (options.includeAffiliations) {
    for (const a of authors.values()) {
      for (const aff of a.affiliations) {
        const id = affiliationNodeId(nameKey(aff) || aff);
        if (!graph.hasNode(id)) graph.addNode(id, { kind: 'affiliation', label: aff, authorCount: 0, community: 0, x: 0, y: 0 });
        const attrs = graph.getNodeAttributes(id);
        if (attrs.kind === 'affiliation') attrs.authorCount += 1;
        if (!graph.hasEdge(authorNodeId(a.key), id)) {
          graph.addEdgeWithKey(edgeKey(authorNodeId(a.key), id), authorNodeId(a.key), id, { kind: 'affiliation', weight: 1, paperIds: [] });
        }
      }
    }
  }

  assignCommunities(graph, options.seed);
  assignInitialPositions(graph, options.seed);
  return graph;
}

/** Louvain on author–author and author–hub ties, seeded; communities renumbered by size (0 = largest). */
function assignCommunities(graph: AtlasGraph, seed: number): void {
  if (graph.order === 0) return;
  const rng = seedrandom(`louvain:${seed}`);
  const raw = louvain(graph, { rng, getEdgeWeight: 'weight', resolution: 1 });
  const sizes = new Map<number, number>();
  const firstSeen = new Map<number, number>();
  let i = 0;
  graph.forEachNode((node) => {
    const c = raw[node];
    sizes.set(c, (sizes.get(c) ?? 0) + 1);
    if (!firstSeen.has(c)) firstSeen.set(c, i);
    i++;
  });
  const order = [...sizes.keys()].sort((a, b) => sizes.get(b)! - sizes.get(a)! || firstSeen.get(a)! - firstSeen.get(b)!);
  const renumber = new Map(order.map((c, idx) => [c, idx]));
  graph.forEachNode((node, attrs) => {
    attrs.community = renumber.get(raw[node])!;
  });
  graph.setAttribute('communityCount', order.length);
}

/**
 * Seeded starting positions: communities on a golden-angle spiral, members scattered
 * around their community's centre. ForceAtlas2 refines from here.
 */
function assignInitialPositions(graph: AtlasGraph, seed: number): void {
  const rng = seedrandom(`positions:${seed}`);
  const count = Math.max(1, graph.getAttribute('communityCount'));
  const sizes = new Array<number>(count).fill(0);
  graph.forEachNode((_n, a) => {
    sizes[a.community] += 1;
  });
  const golden = Math.PI * (3 - Math.sqrt(5));
  const centres = sizes.map((_s, c) => {
    const r = 10 * Math.sqrt(c);
    return { x: r * Math.cos(c * golden), y: r * Math.sin(c * golden) };
  });
  graph.forEachNode((_n, a) => {
    const centre = centres[a.community];
    const spread = 2 + Math.sqrt(sizes[a.community]) * 0.6;
    const angle = rng() * 2 * Math.PI;
    const radius = spread * Math.sqrt(rng());
    a.x = centre.x + radius * Math.cos(angle);
    a.y = centre.y + radius * Math.sin(angle);
  });
}
