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

/** Undirected weighted edges (each once) → neighbour lists in both directions, sorted, weights of repeated pairs summed. */
export function toAdjacency(nNodes: number, source: Int32Array, target: Int32Array, weight: Float64Array) {
  const degree = new Int32Array(nNodes + 1);
  for (let i = 0; i < source.length; i++) {
    if (source[i] === target[i]) continue;
    degree[source[i] + 1]++;
    degree[target[i] + 1]++;
  }
  for (let v = 0; v < nNodes; v++) degree[v + 1] += degree[v];
  const first = degree;
  const fill = first.slice(0, nNodes);
  const neighbors = new Int32Array(first[nNodes]);
  const weights = new Float64Array(first[nNodes]);
  for (let i = 0; i < source.length; i++) {
    const a = source[i];
    const b = target[i];
    if (a === b) continue;
    neighbors[fill[a]] = b;
    weights[fill[a]++] = weight[i];
    neighbors[fill[b]] = a;
    weights[fill[b]++] = weight[i];
  }
  // Sort each node's neighbours (the network's integrity rule) and merge repeats.
  const outFirst = new Array<number>(nNodes + 1).fill(0);
  const outNeighbors: number[] = [];
  const outWeights: number[] = [];
  for (let v = 0; v < nNodes; v++) {
    const from = first[v];
    const to = first[v + 1];
    const order = Array.from({ length: to - from }, (_x, k) => from + k).sort((x, y) => neighbors[x] - neighbors[y]);
    for (const k of order) {
      const last = outNeighbors.length - 1;
      if (last >= outFirst[v] && outNeighbors[last] === neighbors[k]) outWeights[last] += weights[k];
      else {
        outNeighbors.push(neighbors[k]);
        outWeights.push(weights[k]);
      }
    }
    outFirst[v + 1] = outNeighbors.length;
  }
  return { firstNeighborIndices: outFirst, neighbors: outNeighbors, edgeWeights: outWeights };
}

/** Community of each node (0 = largest); isolated nodes are communities of their own. */
export function detectCommunities(nNodes: number, source: Int32Array, target: Int32Array, weight: Float64Array, seed: number, iterations = 10): Int32Array {
  const community = new Int32Array(nNodes);
  if (nNodes === 0) return community;
  const adjacency = toAdjacency(nNodes, source, target, weight);
  const network = new Network({ nNodes, setNodeWeightsToTotalEdgeWeights: true, ...adjacency });
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
