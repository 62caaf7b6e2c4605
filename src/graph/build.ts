import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import seedrandom from 'seedrandom';
import type { Dataset } from '../model/types';
import { nameKey } from '../model/names';
import { resolveDataset, type ResolvedDataset } from './authors';
import { assertWithinBudget, isHubPaper } from './budget';
import { leidenClusters, vosLayout } from './algorithms';
import { NO_STRINGS } from './compact';
import { affiliationNodeId, authorNodeId, DEFAULT_BUILD_OPTIONS, paperNodeId, type AtlasGraph, type BuildOptions, type EdgeAttributes } from './types';

/** Stable edge ids (graphology's generated ids depend on how many graphs were built before). */
export const edgeKey = (a: string, b: string) => (a < b ? `${a}~${b}` : `${b}~${a}`);

export { isHubPaper } from './budget';

/**
 * Builds the source coauthor graph of a dataset. Pure: no React, no sigma, no DOM.
 * The same dataset and options always give the same nodes, edges, communities and positions.
 * A graph past GRAPH_BUDGET (types.ts) is refused before it is allocated: throws GraphBudgetError.
 */
export function buildGraph(dataset: Dataset, partial: Partial<BuildOptions> = {}, resolved?: ResolvedDataset): AtlasGraph {
  const options: BuildOptions = { ...DEFAULT_BUILD_OPTIONS, ...partial };
  const input = resolved ?? resolveDataset(dataset);
  // Refused before anything grows with the graph (throws GraphBudgetError).
  assertWithinBudget(input, options);
  const { authors, papers } = input;
  const graph: AtlasGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  graph.replaceAttributes({ datasetId: dataset.id, options, communityCount: 0 });

  const authorIndex = new Map<string, number>();
  const nodeIds: string[] = [];
  for (const a of authors.values()) {
    const id = authorNodeId(a.key);
    authorIndex.set(a.key, nodeIds.length);
    nodeIds.push(id);
    graph.addNode(id, {
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
  prepareAdjacency(graph);
  const authorCount = nodeIds.length;

  // Coauthor edges: each pair of authors of a paper drawn as a clique is one occurrence. Occurrences are
  // grouped by their first author index with typed arrays (no map of pairs, which was most of the build's
  // time on large bibliographies), and each pair becomes one edge, added in the order the pairs first
  // occur in the papers, with its papers in paper order.
  const increments: number[] = [];
  let occurrences = 0;
  for (const { paper, authorKeys } of papers) {
    const n = authorKeys.length;
    if (n === 0) continue;
    if (isHubPaper(n, options)) {
      const hub = paperNodeId(paper.id);
      graph.addNode(hub, { kind: 'paper', label: paper.title, paperId: paper.id, authorCount: n, community: 0, x: 0, y: 0 });
      prepareAdjacency(graph, hub);
      // One list for all of the hub's edges (the same one paper); frozen, so that no one extends one edge's list.
      const hubPaperIds = Object.freeze([paper.id]) as string[];
      for (const key of authorKeys) {
        const author = nodeIds[authorIndex.get(key)!];
        graph.addEdgeWithKey(edgeKey(author, hub), author, hub, {
          kind: 'authorship',
          weight: options.counting === 'full' ? 1 : 1 / Math.max(1, n - 1),
          paperIds: hubPaperIds,
        });
      }
      continue;
    }
    occurrences += (n * (n - 1)) / 2;
  }
  const occLow = new Int32Array(occurrences); // the smaller author index of the pair
  const occHigh = new Int32Array(occurrences);
  const occPaper = new Int32Array(occurrences); // index in `papers`
  const occSwapped = new Uint8Array(occurrences); // 1 when the paper lists the higher index first
  const perLow = new Int32Array(authorCount + 1);
  let k = 0;
  papers.forEach(({ authorKeys }, paperIndex) => {
    const n = authorKeys.length;
    if (n === 0 || isHubPaper(n, options)) return;
    increments[paperIndex] = options.counting === 'full' ? 1 : 1 / (n - 1);
    const ids = authorKeys.map((key) => authorIndex.get(key)!);
    for (let i = 0; i < n; i++) {
      const a = ids[i];
      for (let j = i + 1; j < n; j++) {
        const b = ids[j];
        const swapped = a > b;
        occLow[k] = swapped ? b : a;
        occHigh[k] = swapped ? a : b;
        occPaper[k] = paperIndex;
        occSwapped[k] = swapped ? 1 : 0;
        perLow[swapped ? b : a]++;
        k++;
      }
    }
  });
  // Occurrences by smaller author, in paper order within each (a stable counting sort).
  const start = new Int32Array(authorCount + 1);
  for (let a = 0; a < authorCount; a++) start[a + 1] = start[a] + perLow[a];
  const byLow = new Int32Array(occurrences);
  const fill = start.slice(0, authorCount);
  for (let o = 0; o < occurrences; o++) byLow[fill[occLow[o]]++] = o;
  // One pair per (low, high): `seenFor[high]` says for which low it was last seen, `pairOf[high]` which pair it is.
  const seenFor = new Int32Array(authorCount).fill(-1);
  const pairOf = new Int32Array(authorCount);
  const pairFirst: number[] = [];
  const pairWeight: number[] = [];
  const pairPapers: string[][] = [];
  // Most pairs meet on one paper only: they share that paper's one frozen list (the 1M graph's 2M edges had one
  // array each). A pair's second paper gives it a list of its own.
  const paperList: string[][] = [];
  const listOf = (paperIndex: number) => (paperList[paperIndex] ??= Object.freeze([papers[paperIndex].paper.id]) as string[]);
  for (let a = 0; a < authorCount; a++) {
    for (let at = start[a]; at < start[a + 1]; at++) {
      const o = byLow[at];
      const b = occHigh[o];
      const paperIndex = occPaper[o];
      if (seenFor[b] !== a) {
        seenFor[b] = a;
        pairOf[b] = pairFirst.length;
        pairFirst.push(o);
        pairWeight.push(increments[paperIndex]);
        pairPapers.push(listOf(paperIndex));
      } else {
        const pair = pairOf[b];
        pairWeight[pair] += increments[paperIndex];
        const list = pairPapers[pair];
        if (list.length === 1) pairPapers[pair] = [list[0], papers[paperIndex].paper.id];
        else list.push(papers[paperIndex].paper.id);
      }
    }
  }
  // Edges in the order their pairs first occur, source and target as that paper lists them.
  const pairAt = new Int32Array(occurrences).fill(-1);
  for (let pair = 0; pair < pairFirst.length; pair++) pairAt[pairFirst[pair]] = pair;
  for (let o = 0; o < occurrences; o++) {
    const pair = pairAt[o];
    if (pair < 0) continue;
    const low = nodeIds[occLow[o]];
    const high = nodeIds[occHigh[o]];
    const ids = pairPapers[pair];
    // A list that grew by push holds 1.5× + 16 slots: copied at its length (one or two papers' lists are exact already).
    const attributes: EdgeAttributes = { kind: 'coauthor', weight: pairWeight[pair], paperIds: ids.length > 2 ? ids.slice() : ids };
    if (occSwapped[o]) graph.addEdgeWithKey(edgeKey(low, high), high, low, attributes);
    else graph.addEdgeWithKey(edgeKey(low, high), low, high, attributes);
  }

  if (options.includeAffiliations) {
    for (const a of authors.values()) {
      const author = nodeIds[authorIndex.get(a.key)!];
      for (const aff of a.affiliations) {
        const id = affiliationNodeOf(aff);
        if (!graph.hasNode(id)) graph.addNode(id, { kind: 'affiliation', label: aff, authorCount: 0, community: 0, x: 0, y: 0 });
        const attrs = graph.getNodeAttributes(id);
        if (attrs.kind === 'affiliation') attrs.authorCount += 1;
        if (!graph.hasEdge(author, id)) graph.addEdgeWithKey(edgeKey(author, id), author, id, { kind: 'affiliation', weight: 1, paperIds: NO_STRINGS });
      }
    }
  }

  assignInitialPositions(graph, options.seed, assignCommunities(graph, options));
  if (options.layout === 'vos') applyVosLayout(graph, options.seed);
  return graph;
}

/** Writes the VOS layout's positions over the seeded ones (graphs up to VOS_MAX_NODES; bigger ones keep ForceAtlas2). */
export function applyVosLayout(graph: AtlasGraph, seed: number): void {
  const layout = vosLayout(graph, seed);
  if (layout) writeVosPositions(graph, layout);
}

/** Writes a VOS layout's positions (one per node, in the graph's order) and marks the graph as laid out by VOS. */
export function writeVosPositions(graph: AtlasGraph, layout: { x: ArrayLike<number>; y: ArrayLike<number> }): void {
  let i = 0;
  graph.forEachNode((_n, a) => {
    a.x = layout.x[i];
    a.y = layout.y[i];
    i++;
  });
  graph.setAttribute('vosLayout', true);
}

/**
 * A hint to V8, with no effect on the graph: graphology keeps each node's neighbours in a plain object
 * keyed by neighbour id. Filled one key at a time, each such object gets a hidden class of its own (one
 * per key added), and adding the ACL graph's edges spent most of its time creating and missing those.
 * Deleting a property that is not the last one added switches the object to dictionary mode, a hash
 * table, from the start (key order is kept either way). Applies to `node`, or to every node so far.
 * Reaches into graphology's node records (`_nodes`, `undirected`; graphology is pinned at 0.26.0) and
 * does nothing if they are not there.
 */
function prepareAdjacency(graph: AtlasGraph, node?: string): void {
  const records = (graph as unknown as { _nodes?: Map<string, { undirected?: Record<string, unknown> }> })._nodes;
  if (!(records instanceof Map)) return;
  for (const data of node === undefined ? records.values() : [records.get(node)]) {
    const adjacency = data?.undirected;
    if (typeof adjacency !== 'object' || adjacency === null) continue;
    adjacency['\u0000a'] = null;
    adjacency['\u0000b'] = null;
    delete adjacency['\u0000a'];
    delete adjacency['\u0000b'];
  }
}

/**
 * Louvain (or Leiden, when chosen) on author–author and author–hub ties, seeded; communities renumbered by size
 * (0 = largest, first seen first among equals). Returns each node's community, in node order.
 */
function assignCommunities(graph: AtlasGraph, options: Pick<BuildOptions, 'seed' | 'clustering' | 'resolution'>): number[] {
  if (graph.order === 0) return [];
  const { seed } = options;
  let clusterOf: (node: string, i: number) => number;
  if (options.clustering !== 'louvain') {
    const clusters = leidenClusters(graph, seed, options.resolution, options.clustering === 'leiden-cpm' ? 'cpm' : 'modularity');
    clusterOf = (_node, i) => clusters[i];
  } else {
    const raw = louvain(graph, { rng: seedrandom(`louvain:${seed}`), getEdgeWeight: 'weight', resolution: 1 });
    clusterOf = (node) => raw[node];
  }
  const community: number[] = [];
  const sizes = new Map<number, number>();
  const firstSeen = new Map<number, number>();
  graph.forEachNode((node) => {
    const c = clusterOf(node, community.length);
    const size = sizes.get(c);
    if (size === undefined) {
      sizes.set(c, 1);
      firstSeen.set(c, community.length);
    } else sizes.set(c, size + 1);
    community.push(c);
  });
  const order = [...sizes.keys()].sort((a, b) => sizes.get(b)! - sizes.get(a)! || firstSeen.get(a)! - firstSeen.get(b)!);
  const renumber = new Map(order.map((c, idx) => [c, idx]));
  for (let i = 0; i < community.length; i++) community[i] = renumber.get(community[i])!;
  graph.setAttribute('communityCount', order.length);
  return community;
}

/**
 * Seeded starting positions: communities on a golden-angle spiral, members scattered
 * around their community's centre. ForceAtlas2 refines from here. Sets each node's
 * `community` (from assignCommunities, in node order) on the way.
 */
function assignInitialPositions(graph: AtlasGraph, seed: number, community: number[]): void {
  const rng = seedrandom(`positions:${seed}`);
  const count = Math.max(1, graph.getAttribute('communityCount'));
  const sizes = new Array<number>(count).fill(0);
  for (const c of community) sizes[c] += 1;
  const golden = Math.PI * (3 - Math.sqrt(5));
  const centres = sizes.map((_s, c) => {
    const r = 10 * Math.sqrt(c);
    return { x: r * Math.cos(c * golden), y: r * Math.sin(c * golden) };
  });
  let i = 0;
  graph.forEachNode((_n, a) => {
    const c = community[i++];
    a.community = c;
    const centre = centres[c];
    const spread = 2 + Math.sqrt(sizes[c]) * 0.6;
    const angle = rng() * 2 * Math.PI;
    const radius = spread * Math.sqrt(rng());
    a.x = centre.x + radius * Math.cos(angle);
    a.y = centre.y + radius * Math.sin(angle);
  });
}

/** The node of an affiliation as written on a paper: one per folded name (the text itself when it folds to nothing). */
const affiliationNodeOf = (affiliation: string) => affiliationNodeId(nameKey(affiliation) || affiliation);
