/**
 * VOSviewer's own algorithms, from CWTS's networkanalysis-ts (the TypeScript port of the Java networkanalysis package
 * VOSviewer uses): Leiden clustering (on modularity, or on VOSviewer's own quality) and the VOS mapping layout on the
 * association-strength normalised network, as VOSviewer runs it. Seeded with Java's random generator (java-random), so the same graph and seed give the same
 * clusters and positions. Pure: no sigma, no DOM; the pipeline runs it in its worker whenever either is chosen.
 *
 * References: Traag, Waltman & van Eck (2019), From Louvain to Leiden, Sci. Rep. 9, 5233;
 * van Eck, Waltman, Dekker & van den Berg (2010), A comparison of two techniques for bibliometric mapping:
 * multidimensional scaling and VOS, JASIST 61(12), 2405–2416.
 */
import Random from 'java-random';
import { Clustering, GradientDescentVOSLayoutAlgorithm, Layout, LeidenAlgorithm, Network } from 'networkanalysis-ts';
import type Graph from 'graphology';

export type LayoutChoice = 'forceatlas2' | 'vos';
/** `leiden`: Leiden on modularity (Louvain's quality); `leiden-cpm`: Leiden on VOSviewer's quality (CPM, association strength). */
export type ClusteringChoice = 'louvain' | 'leiden' | 'leiden-cpm';
export type LeidenQuality = 'modularity' | 'cpm';
const CLUSTERINGS: ClusteringChoice[] = ['louvain', 'leiden', 'leiden-cpm'];

export interface AlgorithmOptions {
  /** ForceAtlas2 (run on the page's layout worker after the build) or VOS (computed with the graph, nothing runs after). */
  layout: LayoutChoice;
  /** Louvain (modularity, graphology) or Leiden (networkanalysis-ts) on modularity or on VOSviewer's quality function. */
  clustering: ClusteringChoice;
  /** Leiden's resolution: higher gives more, smaller clusters (1: classic modularity; VOSviewer's default is 1 too). */
  resolution: number;
}

export const DEFAULT_ALGORITHMS: AlgorithmOptions = { layout: 'forceatlas2', clustering: 'louvain', resolution: 1 };

/** The resolutions the control, a link or a snapshot may ask for. */
export const RESOLUTION_RANGE = { min: 0.01, max: 100 } as const;
/**
 * The VOS layout compares every pair of nodes in each of up to 1,000 iterations (as VOSviewer does): past this many
 * nodes it would run for minutes, so bigger graphs keep ForceAtlas2 and the control says why.
 */
export const VOS_MAX_NODES = 1500;
/** Pair visits the VOS layout may make in all (n² per iteration): a few seconds in the worker. */
const VOS_WORK = 5e7;
const VOS_MIN_ITERATIONS = 25;
/** VOSviewer's defaults for the VOS layout (networkanalysis-ts's DEFAULT_ATTRACTION and DEFAULT_REPULSION). */
const VOS_ATTRACTION = 2;
const VOS_REPULSION = 1;
/** Leiden: VOSviewer's 10 random starts of 10 iterations each (one start on very big graphs). */
const LEIDEN_STARTS = 10;
const LEIDEN_ITERATIONS = 10;
const LEIDEN_ONE_START_ABOVE = 20_000;

const isResolution = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= RESOLUTION_RANGE.min && v <= RESOLUTION_RANGE.max;

/** Algorithm options from an untrusted source (a link, a snapshot, a stored workspace): each bad value falls back to its default. */
export function checkedAlgorithms(p: Partial<Record<keyof AlgorithmOptions, unknown>>): AlgorithmOptions {
  const d = DEFAULT_ALGORITHMS;
  return {
    layout: p.layout === 'vos' || p.layout === 'forceatlas2' ? p.layout : d.layout,
    clustering: CLUSTERINGS.includes(p.clustering as ClusteringChoice) ? (p.clustering as ClusteringChoice) : d.clustering,
    resolution: isResolution(p.resolution) ? p.resolution : d.resolution,
  };
}

/** What is wrong with a snapshot's optional layout / clustering / resolution, as [key, message] pairs (none when absent). */
export function algorithmOptionErrors(o: Partial<Record<keyof AlgorithmOptions, unknown>>): [keyof AlgorithmOptions, string][] {
  const errors: [keyof AlgorithmOptions, string][] = [];
  if (o.layout !== undefined && o.layout !== 'forceatlas2' && o.layout !== 'vos') errors.push(['layout', 'not "forceatlas2" or "vos"']);
  if (o.clustering !== undefined && !CLUSTERINGS.includes(o.clustering as ClusteringChoice))
    errors.push(['clustering', `not one of ${CLUSTERINGS.join(', ')}`]);
  if (o.resolution !== undefined && !isResolution(o.resolution))
    errors.push(['resolution', `not a number from ${RESOLUTION_RANGE.min} to ${RESOLUTION_RANGE.max}`]);
  return errors;
}

/** Does the build run an algorithm that belongs off the page (in the pipeline worker), whatever the data's size? */
export const needsAlgorithmWorker = (o: Partial<AlgorithmOptions>) => o.layout === 'vos' || (o.clustering !== undefined && o.clustering !== 'louvain');

// ---- URL: layout=vos, clusters=leiden, resolution=1.5 (defaults left out; other parameters kept) ----

const URL_KEYS = ['layout', 'clusters', 'resolution'] as const;

export function readAlgorithmParams(search: string): AlgorithmOptions {
  const p = new URLSearchParams(search);
  const res = p.get('resolution');
  return checkedAlgorithms({
    layout: p.get('layout') ?? undefined,
    clustering: p.get('clusters') ?? undefined,
    resolution: res !== null && /^\d{1,3}(\.\d{1,4})?$/.test(res) ? Number(res) : undefined,
  });
}

/** Only the choices the URL names (for merging over a stored workspace's options). */
export function presentAlgorithmParams(search: string): Partial<AlgorithmOptions> {
  const p = new URLSearchParams(search);
  const all = readAlgorithmParams(search);
  return {
    ...(p.has('layout') ? { layout: all.layout } : {}),
    ...(p.has('clusters') ? { clustering: all.clustering } : {}),
    ...(p.has('resolution') ? { resolution: all.resolution } : {}),
  };
}

export function writeAlgorithmParams(o: AlgorithmOptions, currentSearch: string): string {
  const p = new URLSearchParams(currentSearch);
  for (const k of URL_KEYS) p.delete(k);
  if (o.layout !== DEFAULT_ALGORITHMS.layout) p.set('layout', o.layout);
  if (o.clustering !== DEFAULT_ALGORITHMS.clustering) p.set('clusters', o.clustering);
  if (o.clustering !== 'louvain' && o.resolution !== DEFAULT_ALGORITHMS.resolution) p.set('resolution', String(o.resolution));
  const q = p.toString();
  return q ? `?${q}` : '';
}

// ---- The algorithms ----

/** The graph as networkanalysis-ts's network: nodes in graph order, node weights their total edge weight, each edge once. */
function toNetwork(graph: Graph): Network {
  const index = new Map<string, number>();
  graph.forEachNode((n) => index.set(n, index.size));
  const from: number[] = [];
  const to: number[] = [];
  const weights: number[] = [];
  graph.forEachEdge((_e, a, s, t) => {
    const w = Number((a as { weight?: number }).weight ?? 1);
    if (s === t || !(w > 0)) return;
    from.push(index.get(s)!);
    to.push(index.get(t)!);
    weights.push(w);
  });
  return new Network({
    nNodes: graph.order,
    setNodeWeightsToTotalEdgeWeights: true,
    edges: [from, to],
    edgeWeights: weights,
    sortedEdges: false,
    checkIntegrity: false,
  });
}

/**
 * Leiden clustering at a resolution, seeded. `modularity`: the quality Louvain optimises (resolution 1 = classic
 * modularity), on the weighted network. `cpm`: VOSviewer's own, the constant Potts model on the association-strength
 * normalised network (s_ij / (s_i s_j / total), van Eck & Waltman 2009). Returns each node's cluster in graph order,
 * clusters numbered largest first.
 */
export function leidenClusters(graph: Graph, seed: number, resolution: number, quality: LeidenQuality = 'modularity'): number[] {
  if (graph.order === 0) return [];
  const raw = toNetwork(graph);
  const network = quality === 'cpm' ? raw.createNormalizedNetworkUsingAssociationStrength() : raw;
  // Modularity as networkanalysis-ts's runner computes it: CPM on total-edge-weight node weights at γ / 2m.
  const total = 2 * raw.getTotalEdgeWeight() + raw.getTotalEdgeWeightSelfLinks();
  const gamma = quality === 'cpm' ? resolution : resolution / Math.max(total, Number.MIN_VALUE);
  const algorithm = new LeidenAlgorithm();
  algorithm.initializeBasedOnResolutionAndNIterationsAndRandomnessAndRandom(gamma, LEIDEN_ITERATIONS, LeidenAlgorithm.DEFAULT_RANDOMNESS, new Random(seed));
  const starts = graph.order > LEIDEN_ONE_START_ABOVE ? 1 : LEIDEN_STARTS;
  let best: Clustering | undefined;
  let bestQuality = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < starts; i++) {
    const clustering = new Clustering({ nNodes: network.getNNodes() });
    algorithm.improveClustering(network, clustering);
    const q = algorithm.calcQuality(network, clustering);
    if (q > bestQuality) {
      best = clustering;
      bestQuality = q;
    }
  }
  best!.orderClustersByNNodes();
  return best!.getClusters();
}

/**
 * The VOS mapping layout (gradient descent on VOSviewer's quality, attraction 2, repulsion 1, association-strength
 * normalised network), seeded, started from the graph's own seeded positions (communities apart) rather than a random
 * layout, with at most VOS_WORK pair visits in all. Coordinates standardised (centred, mean distance 1), times `scale`.
 * Returns [x, y] per node in graph order, or null past VOS_MAX_NODES.
 */
export function vosLayout(graph: Graph, seed: number, scale = 10): { x: number[]; y: number[] } | null {
  const n = graph.order;
  if (n > VOS_MAX_NODES) return null;
  if (n === 0) return { x: [], y: [] };
  if (n === 1) return { x: [0], y: [0] };
  const network = toNetwork(graph).createNormalizedNetworkUsingAssociationStrength();
  const random = new Random(seed);
  const algorithm = new GradientDescentVOSLayoutAlgorithm();
  // Unconnected parts would drift apart for ever: VOSviewer adds a small weight between every pair of nodes then.
  const increment = network.identifyComponents().getNClusters() > 1 ? 0.01 : 0;
  algorithm.initializeBasedOnAttractionAndRepulsionAndEdgeWeightIncrementAndRandom(VOS_ATTRACTION, VOS_REPULSION, increment, random);
  algorithm.setMaxNIterations(vosIterations(n));
  const start = [graph.mapNodes((_k, a) => Number(a.x) || 0), graph.mapNodes((_k, a) => Number(a.y) || 0)];
  const layout = start[0].some((v, i) => v !== start[0][0] || start[1][i] !== start[1][0])
    ? new Layout({ coordinates: start })
    : new Layout({ nNodes: n, random });
  layout.standardize(true);
  algorithm.improveLayout(network, layout);
  layout.standardize(true);
  const [xs, ys] = layout.getCoordinates();
  return { x: xs.map((v) => v * scale), y: ys.map((v) => v * scale) };
}

/** VOSviewer's 1,000 iterations where the graph is small; fewer (at least VOS_MIN_ITERATIONS) so that n² × iterations stays within VOS_WORK. */
export const vosIterations = (n: number) => Math.max(VOS_MIN_ITERATIONS, Math.min(1000, Math.floor(VOS_WORK / (n * n))));
