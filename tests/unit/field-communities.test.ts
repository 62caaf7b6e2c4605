/**
 * The CLI's clustering input (scripts/field/communities.ts): toAdjacency's counting sorts give the neighbour lists a
 * plain per-node sort gives (checked here against one written the obvious way), and the communities do not depend on
 * the order the ties come in.
 */
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { detectCommunities, toAdjacency } from '../../scripts/field/communities';

/** Random ties among n nodes, with repeated pairs (both ways round) and self-ties. */
function randomTies(n: number, m: number, seed: string) {
  const rng = seedrandom(seed);
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  const weight = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    source[i] = Math.floor(rng() * n);
    target[i] = rng() < 0.05 ? source[i] : Math.floor(rng() * n);
    weight[i] = rng() < 0.5 ? 1 : 0.1 + rng();
  }
  return { source, target, weight };
}

/** The obvious way: per node, its (neighbour, weight) entries in edge order, sorted stably by neighbour, repeats summed in that order. */
function naiveAdjacency(n: number, source: Int32Array, target: Int32Array, weight: Float64Array) {
  const lists: [number, number][][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < source.length; i++) {
    if (source[i] === target[i]) continue;
    lists[source[i]].push([target[i], weight[i]]);
    lists[target[i]].push([source[i], weight[i]]);
  }
  const first = [0];
  const neighbors: number[] = [];
  const weights: number[] = [];
  for (const list of lists) {
    list.sort((a, b) => a[0] - b[0]);
    for (const [v, w] of list) {
      if (neighbors.length > first[first.length - 1] && neighbors[neighbors.length - 1] === v) weights[weights.length - 1] += w;
      else {
        neighbors.push(v);
        weights.push(w);
      }
    }
    first.push(neighbors.length);
  }
  return { first, neighbors, weights };
}

describe('toAdjacency', () => {
  it('gives each node its sorted neighbours once, both directions, repeats summed in edge order, self-ties left out', () => {
    const n = 300;
    const { source, target, weight } = randomTies(n, 4000, 'adjacency');
    const got = toAdjacency(n, source, target, weight);
    const want = naiveAdjacency(n, source, target, weight);
    expect(Array.from(got.firstNeighborIndices)).toEqual(want.first);
    expect(Array.from(got.neighbors)).toEqual(want.neighbors);
    // Bit for bit: the same additions in the same order.
    expect(Array.from(got.edgeWeights)).toEqual(want.weights);
    // Nodes without ties (n above every id used) get empty lists.
    const wider = toAdjacency(n + 5, source, target, weight);
    expect(Array.from(wider.firstNeighborIndices.slice(n))).toEqual(new Array(6).fill(want.first[n]));
  });
});

describe('detectCommunities', () => {
  it('finds the same communities whatever order the ties come in, and numbers them by size', () => {
    // Ten groups of 30 nodes, dense inside, a few ties between; integer weights, so sums do not depend on order.
    const rng = seedrandom('groups');
    const ties: [number, number, number][] = [];
    for (let g = 0; g < 10; g++)
      for (let k = 0; k < 120; k++) ties.push([g * 30 + Math.floor(rng() * 30), g * 30 + Math.floor(rng() * 30), 1 + Math.floor(rng() * 3)]);
    for (let k = 0; k < 15; k++) ties.push([Math.floor(rng() * 300), Math.floor(rng() * 300), 1]);
    const run = (list: [number, number, number][]) =>
      detectCommunities(
        300,
        Int32Array.from(list, (t) => t[0]),
        Int32Array.from(list, (t) => t[1]),
        Float64Array.from(list, (t) => t[2]),
        42,
      );
    const a = run(ties);
    const shuffled = [...ties].reverse().map(([s, t, w], i): [number, number, number] => (i % 2 ? [t, s, w] : [s, t, w]));
    expect(Array.from(run(shuffled))).toEqual(Array.from(a));
    const sizes = new Map<number, number>();
    for (const c of a) sizes.set(c, (sizes.get(c) ?? 0) + 1);
    const bySize = [...sizes].sort((x, y) => x[0] - y[0]).map(([, s]) => s);
    expect(bySize).toEqual([...bySize].sort((x, y) => y - x));
    // The planted groups are found: most of each group's nodes share one community.
    for (let g = 0; g < 10; g++) {
      const count = new Map<number, number>();
      for (let v = g * 30; v < g * 30 + 30; v++) count.set(a[v], (count.get(a[v]) ?? 0) + 1);
      expect(Math.max(...count.values())).toBeGreaterThanOrEqual(25);
    }
  });
});
