import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { Network } from 'networkanalysis-ts';
import { asLensGraph } from '../../src/lenses/filters';
import { edgeWidths, layoutWeights, linkStrengths, normalisedWeights, topByStrength } from '../../src/lenses/linkStrength';

/**
 * Five authors: A–B share 2 papers, A–C, B–C and C–D one each, E wrote alone.
 *   s_A = 3, s_B = 3, s_C = 3, s_D = 1, s_E = 0; W = Σ s_i = 10 (m = 5 links' weight), n = 5.
 */
function fixture() {
  const g = new Graph();
  for (const k of ['A', 'B', 'C', 'D', 'E']) g.addNode(`a:${k}`, { kind: 'author', label: k, paperIds: [], x: 0, y: 0 });
  const link = (a: string, b: string, w: number) => g.addEdgeWithKey(`a:${a}~a:${b}`, `a:${a}`, `a:${b}`, { kind: 'coauthor', weight: w, paperIds: [] });
  link('A', 'B', 2);
  link('A', 'C', 1);
  link('B', 'C', 1);
  link('C', 'D', 1);
  return asLensGraph(g);
}
const full = { counting: 'full' as const };

describe('Links and total link strength', () => {
  it('counts distinct coauthors and sums link weights (hand-computed)', () => {
    const s = linkStrengths(fixture(), full);
    expect(Object.fromEntries([...s].map(([k, v]) => [k, [v.links, v.strength]]))).toEqual({
      'a:A': [2, 3],
      'a:B': [2, 3],
      'a:C': [3, 3],
      'a:D': [1, 1],
      'a:E': [0, 0],
    });
  });

  it('leaves hidden authors and edges out, and reads the filters’ recomputed weights', () => {
    const g = fixture();
    const s = linkStrengths(g, { ...full, hiddenNodes: new Set(['a:D']), hiddenEdges: new Set(['a:A~a:C']), edgeWeights: new Map([['a:A~a:B', 1]]) });
    expect(s.has('a:D')).toBe(false);
    expect(s.get('a:A')).toEqual({ links: 1, strength: 1 });
    expect(s.get('a:C')).toEqual({ links: 1, strength: 1 });
  });

  it('a hub paper links its authors pairwise: +1 per pair (full), +1/(k−1) (fractional)', () => {
    const g = fixture();
    g.addNode('p:big', { kind: 'paper', label: 'Big', paperId: 'big', authorCount: 3, community: 0, x: 0, y: 0 });
    for (const k of ['A', 'B', 'D']) g.addEdge(`a:${k}`, 'p:big', { kind: 'authorship', weight: 1, paperIds: ['big'] });
    const f = linkStrengths(g, full);
    // A: B (2+1), C (1), D (1) → 3 links, 5; D: C (1), A (1), B (1) → 3 links, 3.
    expect(f.get('a:A')).toEqual({ links: 3, strength: 5 });
    expect(f.get('a:D')).toEqual({ links: 3, strength: 3 });
    const frac = linkStrengths(g, { counting: 'fractional' });
    expect(frac.get('a:A')).toEqual({ links: 3, strength: 4 });
    expect(frac.get('a:D')).toEqual({ links: 3, strength: 2 });
  });

  it('top N by total link strength: greatest first, ties by links, then by id', () => {
    const s = linkStrengths(fixture(), full);
    expect([...topByStrength(s, 2)]).toEqual(['a:C', 'a:A']);
    expect([...topByStrength(s, 4)]).toEqual(['a:C', 'a:A', 'a:B', 'a:D']);
    expect(topByStrength(s, 0).size).toBe(0);
    expect(topByStrength(s, 99).size).toBe(5);
  });
});

describe('normalisation (VOSviewer, networkanalysis-ts)', () => {
  it('none leaves the weights alone', () => {
    expect(normalisedWeights(fixture(), 'none', full)).toBeUndefined();
  });

  it('association strength: s_ij · W / (s_i s_j), W = 10 (hand-computed)', () => {
    const w = normalisedWeights(fixture(), 'association', full)!;
    expect(w.get('a:A~a:B')).toBeCloseTo(20 / 9, 12);
    expect(w.get('a:A~a:C')).toBeCloseTo(10 / 9, 12);
    expect(w.get('a:B~a:C')).toBeCloseTo(10 / 9, 12);
    expect(w.get('a:C~a:D')).toBeCloseTo(10 / 3, 12);
  });

  it('fractionalization: s_ij (n/s_i + n/s_j) / 2, n = 5 (hand-computed)', () => {
    const w = normalisedWeights(fixture(), 'fractionalization', full)!;
    expect(w.get('a:A~a:B')).toBeCloseTo(10 / 3, 12);
    expect(w.get('a:A~a:C')).toBeCloseTo(5 / 3, 12);
    expect(w.get('a:B~a:C')).toBeCloseTo(5 / 3, 12);
    expect(w.get('a:C~a:D')).toBeCloseTo(10 / 3, 12);
  });

  it('agrees with networkanalysis-ts (the code VOSviewer Online runs) on the same network', () => {
    const g = fixture();
    const ids = ['a:A', 'a:B', 'a:C', 'a:D', 'a:E'];
    const edges: number[][] = [[], []];
    const weights: number[] = [];
    g.forEachEdge((_e, a, s, t) => {
      edges[0].push(ids.indexOf(s));
      edges[1].push(ids.indexOf(t));
      weights.push(a.weight);
    });
    const network = new Network({ nNodes: 5, setNodeWeightsToTotalEdgeWeights: true, edges, edgeWeights: weights, sortedEdges: false, checkIntegrity: true });
    for (const [method, theirs] of [
      ['association', network.createNormalizedNetworkUsingAssociationStrength()],
      ['fractionalization', network.createNormalizedNetworkUsingFractionalization()],
    ] as const) {
      const ours = normalisedWeights(g, method, full)!;
      const [from, to] = theirs.getEdges();
      const theirWeights = theirs.getEdgeWeights();
      from.forEach((i, k) => {
        const [a, b] = [ids[i], ids[to[k]]].sort();
        expect(ours.get(`${a}~${b}`), `${method} ${a}~${b}`).toBeCloseTo(theirWeights[k], 12);
      });
      expect(ours.size).toBe(theirWeights.length / 2);
    }
  });

  it('layout weights keep the raw mean; drawn widths span 0.4 to 3.5 px by √', () => {
    const g = fixture();
    const w = normalisedWeights(g, 'association', full)!;
    const lw = layoutWeights(g, w);
    const mean = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0) / m.size;
    expect(mean(lw)).toBeCloseTo(5 / 4, 12);
    expect(lw.get('a:C~a:D')! / lw.get('a:A~a:C')!).toBeCloseTo(3, 12);
    const widths = edgeWidths(w);
    expect(widths.get('a:C~a:D')).toBeCloseTo(3.5, 12);
    expect(widths.get('a:A~a:C')).toBeCloseTo(0.4 + 3.1 * Math.sqrt(1 / 3), 12);
  });
});
