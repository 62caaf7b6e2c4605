/**
 * Communities of the field's network, seeded: the Leiden algorithm (networkanalysis-ts, CWTS) maximising
 * modularity on the author–author ties (full counting) and the author–hub ties, as the app's Louvain does on its
 * graph. Numbered by size, 0 = the largest (ties: the community of the lower node index first).
 */
import seedrandom from 'seedrandom';
import { Clustering, LeidenAlgorithm, Network } from 'networkanalysis-ts';

/** What networkanalysis-ts asks of its random number generator (java.util.Random's two methods). */
function seededRandom(seed: number) {
  const rng = seedrandom(String(seed));
  return { nextDouble: () => rng(), nextInt: (bound: number) => Math.floor(rng() * bound) };
}

/**
 * Undirected weighted edges (each once) → neighbour lists in both directions, sorted, weights of repeated pairs summed.
 * Two stable counting sorts of the directed entries (by neighbour, then by node) put each node's neighbours in order,
 * repeats in the order the edges came: the lists a stable sort of each node's neighbours gives, in typed arrays
 * (18.6M entries at 1M works: 12 bytes each instead of a JS array's 16 and a sort per node).
 */
export function toAdjacency(nNodes: number, source: Int32Array, target: Int32Array, weight: Float64Array) {
  // Directed entries: edge i (not a self-tie) gives a → b then b → a, in edge order.
  let nEntries = 0;
  for (let i = 0; i < source.length; i++) if (source[i] !== target[i]) nEntries += 2;
  const from = new Int32Array(nEntries);
  const to = new Int32Array(nEntries);
  const entryEdge = new Int32Array(nEntries);
  for (let i = 0, k = 0; i < source.length; i++) {
    if (source[i] === target[i]) continue;
    from[k] = source[i];
    to[k] = target[i];
    entryEdge[k++] = i;
    from[k] = target[i];
    to[k] = source[i];
    entryEdge[k++] = i;
  }
  // Stable counting sort of the entry numbers by `key`, in the order `order` gives them.
  const start = new Int32Array(nNodes + 1);
  const sortBy = (key: Int32Array, order: Int32Array | null) => {
    start.fill(0);
    for (let k = 0; k < nEntries; k++) start[key[k] + 1]++;
    for (let v = 0; v < nNodes; v++) start[v + 1] += start[v];
    const fill = start.slice(0, nNodes);
    const sorted = new Int32Array(nEntries);
    for (let j = 0; j < nEntries; j++) {
      const k = order ? order[j] : j;
      sorted[fill[key[k]]++] = k;
    }
    return sorted;
  };
  const byNode = sortBy(from, sortBy(to, null));
  // Merge repeated neighbours (their weights summed in edge order).
  const firstNeighborIndices = new Int32Array(nNodes + 1);
  const neighbors = new Int32Array(nEntries);
  const edgeWeights = new Float64Array(nEntries);
  let n = 0;
  for (let v = 0, j = 0; v < nNodes; v++) {
    const rowStart = n;
    for (; j < nEntries && from[byNode[j]] === v; j++) {
      const k = byNode[j];
      if (n > rowStart && neighbors[n - 1] === to[k]) edgeWeights[n - 1] += weight[entryEdge[k]];
      else {
        neighbors[n] = to[k];
        edgeWeights[n++] = weight[entryEdge[k]];
      }
    }
    firstNeighborIndices[v + 1] = n;
  }
  return { firstNeighborIndices, neighbors: neighbors.slice(0, n), edgeWeights: edgeWeights.slice(0, n) };
}

/** Community of each node (0 = largest); isolated nodes are communities of their own. */
export function detectCommunities(nNodes: number, source: Int32Array, target: Int32Array, weight: Float64Array, seed: number, iterations = 2): Int32Array {
  const community = new Int32Array(nNodes);
  if (nNodes === 0) return community;
  const adjacency = toAdjacency(nNodes, source, target, weight);
  // networkAnalysis-ts types its arrays as number[]; it only indexes and slices them, which typed arrays do alike.
  const network = new Network({ nNodes, setNodeWeightsToTotalEdgeWeights: true, ...(adjacency as unknown as Record<keyof typeof adjacency, number[]>) });
  const clustering = new Clustering({ nNodes });
  const total = network.getTotalEdgeWeight();
  if (total > 0) {
    const leiden = new LeidenAlgorithm();
    // Modularity is CPM with node weights = degrees and resolution 1 / (2m) (Traag, Waltman & van Eck 2019).
    leiden.initializeBasedOnResolutionAndNIterationsAndRandomnessAndRandom(
      1 / (2 * total),
      iterations,
      LeidenAlgorithm.DEFAULT_RANDOMNESS,
      seededRandom(seed) as never,
    );
    leiden.improveClustering(network, clustering);
  }
  const raw = clustering.getClusters();
  // Renumber by size, largest first; ties by the first node seen.
  const size = new Map<number, number>();
  const firstSeen = new Map<number, number>();
  raw.forEach((c, v) => {
    size.set(c, (size.get(c) ?? 0) + 1);
    if (!firstSeen.has(c)) firstSeen.set(c, v);
  });
  const order = [...size.keys()].sort((x, y) => size.get(y)! - size.get(x)! || firstSeen.get(x)! - firstSeen.get(y)!);
  const rank = new Map(order.map((c, i) => [c, i]));
  raw.forEach((c, v) => (community[v] = rank.get(c)!));
  return community;
}
