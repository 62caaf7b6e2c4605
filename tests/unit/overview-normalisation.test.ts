import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { Network } from 'networkanalysis-ts';
import { buildGraph } from '../../src/graph/build';
import { resolveDataset } from '../../src/graph/authors';
import { buildClusterOverview } from '../../src/graph/overview';
import { asLensGraph } from '../../src/lenses/filters';
import { clusterStrengths, overviewNormalisation } from '../../src/lenses/overviewNormalisation';
import { loadDataset } from './helpers';

/**
 * Four clusters tied 0–1: 4, 0–2: 2, 1–2: 2, 2–3: 1 (summed coauthor ties between their authors).
 *   s_0 = 6, s_1 = 6, s_2 = 5, s_3 = 1; W = 18; n = 4.
 */
function fixture() {
  const g = new Graph();
  for (const c of [0, 1, 2, 3]) g.addNode(`c:${c}`, { kind: 'cluster', label: `C${c}`, authorCount: 10, community: c, x: c, y: 0 });
  const tie = (a: number, b: number, w: number) => g.addEdgeWithKey(`c:${a}~c:${b}`, `c:${a}`, `c:${b}`, { kind: 'coauthor', weight: w, paperIds: [] });
  tie(0, 1, 4);
  tie(0, 2, 2);
  tie(1, 2, 2);
  tie(2, 3, 1);
  return asLensGraph(g);
}

describe('normalisation on a cluster overview (the aggregated map)', () => {
  it('each cluster’s links and total link strength are its ties to other clusters', () => {
    const s = clusterStrengths(fixture(), {});
    expect(Object.fromEntries([...s].map(([k, v]) => [k, [v.links, v.strength]]))).toEqual({ 'c:0': [2, 6], 'c:1': [2, 6], 'c:2': [3, 5], 'c:3': [1, 1] });
  });

  it('association strength s_IJ · W / (s_I s_J), W = 18 (hand-computed)', () => {
    const r = overviewNormalisation(fixture(), 'association', {})!;
    expect(r.normalised.get('c:0~c:1')).toBeCloseTo(2, 12);
    expect(r.normalised.get('c:0~c:2')).toBeCloseTo(1.2, 12);
    expect(r.normalised.get('c:1~c:2')).toBeCloseTo(1.2, 12);
    expect(r.normalised.get('c:2~c:3')).toBeCloseTo(3.6, 12);
    // The weakest raw tie is the strongest association: it is drawn widest (3.5 px), 0–2 at 0.4 + 3.1 √(1.2 / 3.6).
    expect(r.edgeSizes.get('c:2~c:3')).toBeCloseTo(3.5, 12);
    expect(r.edgeSizes.get('c:0~c:2')).toBeCloseTo(0.4 + 3.1 * Math.sqrt(1 / 3), 12);
    // Layout weights: the raw ties' mean (9 / 4) kept, in the association's proportions.
    const lw = [...r.layoutWeights.values()];
    expect(lw.reduce((a, b) => a + b, 0) / lw.length).toBeCloseTo(9 / 4, 12);
    expect(r.layoutWeights.get('c:2~c:3')! / r.layoutWeights.get('c:0~c:1')!).toBeCloseTo(1.8, 12);
  });

  it('fractionalization s_IJ (n / s_I + n / s_J) / 2, n = 4 (hand-computed)', () => {
    const r = overviewNormalisation(fixture(), 'fractionalization', {})!;
    expect(r.normalised.get('c:0~c:1')).toBeCloseTo(8 / 3, 12);
    expect(r.normalised.get('c:0~c:2')).toBeCloseTo((2 * (4 / 6 + 4 / 5)) / 2, 12);
    expect(r.normalised.get('c:2~c:3')).toBeCloseTo(2.4, 12);
  });

  it('none draws nothing new', () => {
    expect(overviewNormalisation(fixture(), 'none', {})).toBeUndefined();
  });

  it('follows the overview lens: hidden clusters and ties left out, recounted tie weights read', () => {
    // Cluster 3 hidden, the 0–1 tie recounted to 1: s_0 = 3, s_1 = 3, s_2 = 4, W = 10, n = 3.
    const r = overviewNormalisation(fixture(), 'association', {
      hiddenNodes: new Set(['c:3']),
      hiddenEdges: new Set(['c:2~c:3']),
      edgeWeights: new Map([
        ['c:0~c:1', 1],
        ['c:0~c:2', 2],
        ['c:1~c:2', 2],
      ]),
    })!;
    expect([...r.strengths.keys()].sort()).toEqual(['c:0', 'c:1', 'c:2']);
    expect(r.normalised.has('c:2~c:3')).toBe(false);
    expect(r.normalised.get('c:0~c:1')).toBeCloseTo(10 / 9, 12);
    expect(r.normalised.get('c:0~c:2')).toBeCloseTo(20 / 12, 12);
  });

  it('agrees with networkanalysis-ts on the cluster network of a real overview', () => {
    const dataset = loadDataset('profile-full.json');
    const source = buildGraph(dataset, {}, resolveDataset(dataset));
    const overview = asLensGraph(buildClusterOverview(source, 6));
    const ids = overview.nodes();
    expect(ids.length).toBe(7);
    const edges: number[][] = [[], []];
    const weights: number[] = [];
    overview.forEachEdge((_e, a, s, t) => {
      edges[0].push(ids.indexOf(s));
      edges[1].push(ids.indexOf(t));
      weights.push(a.weight);
    });
    expect(weights.length).toBeGreaterThan(3);
    const network = new Network({
      nNodes: ids.length,
      setNodeWeightsToTotalEdgeWeights: true,
      edges,
      edgeWeights: weights,
      sortedEdges: false,
      checkIntegrity: true,
    });
    for (const [method, theirs] of [
      ['association', network.createNormalizedNetworkUsingAssociationStrength()],
      ['fractionalization', network.createNormalizedNetworkUsingFractionalization()],
    ] as const) {
      const ours = overviewNormalisation(overview, method, {})!.normalised;
      const [from, to] = theirs.getEdges();
      const theirWeights = theirs.getEdgeWeights();
      from.forEach((i, k) => {
        const key = overview.edge(ids[i], ids[to[k]])!;
        expect(ours.get(key), `${method} ${key}`).toBeCloseTo(theirWeights[k], 10);
      });
      expect(ours.size).toBe(theirWeights.length / 2);
    }
  });
});
