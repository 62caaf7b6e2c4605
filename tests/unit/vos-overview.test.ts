import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build';
import { resolveDataset } from '../../src/graph/authors';
import { buildClusterOverview } from '../../src/graph/overview';
import { VOS_MAX_NODES, vosLayout } from '../../src/graph/algorithms';
import { vosRefusal } from '../../src/view/panels/AlgorithmOptions';
import { loadDataset } from './helpers';

describe('the VOS layout on a cluster overview', () => {
  const dataset = loadDataset('profile-full.json');
  const resolved = resolveDataset(dataset);

  it('lays out the drawn clusters (their summed ties), seeded, when VOS is chosen', () => {
    const source = buildGraph(dataset, { layout: 'vos', clustering: 'leiden' }, resolved);
    const overview = buildClusterOverview(source, 8);
    expect(overview.getAttribute('vosLayout')).toBe(true);
    // The same positions as VOS run on the overview's own graph from the clusters' centroids.
    const fa2 = source.copy();
    fa2.setAttribute('options', { ...source.getAttribute('options'), layout: 'forceatlas2' });
    const plain = buildClusterOverview(fa2, 8);
    expect(plain.getAttribute('vosLayout')).toBeUndefined();
    expect(plain.nodes()).toEqual(overview.nodes());
    const want = vosLayout(plain, 42)!;
    overview.forEachNode((n, a) => {
      const i = plain.nodes().indexOf(n);
      expect(a.x).toBeCloseTo(want.x[i], 9);
      expect(a.y).toBeCloseTo(want.y[i], 9);
    });
    // Not the centroids it started from, and not all in one place.
    expect(overview.someNode((n, a) => Math.abs(a.x - plain.getNodeAttribute(n, 'x')) > 1e-6)).toBe(true);
    expect(new Set(overview.mapNodes((_n, a) => a.x.toFixed(3))).size).toBe(overview.order);
    // Deterministic: built again, the same map.
    const again = buildClusterOverview(buildGraph(dataset, { layout: 'vos', clustering: 'leiden' }, resolved), 8);
    overview.forEachNode((n, a) => expect(again.getNodeAttribute(n, 'x')).toBe(a.x));
  });

  it('leaves the overview to ForceAtlas2 (its centroids) otherwise', () => {
    const source = buildGraph(dataset, {}, resolved);
    const overview = buildClusterOverview(source, 8);
    expect(overview.getAttribute('vosLayout')).toBeUndefined();
  });

  it('says why it refuses past VOS_MAX_NODES and what to do', () => {
    expect(vosRefusal(VOS_MAX_NODES, 'whole-big')).toBeNull();
    const whole = vosRefusal(38_000, 'whole-big')!;
    expect(whole).toMatch(/^The whole graph has 38,000 nodes: the VOS layout compares every pair of nodes/);
    expect(whole).toMatch(/ForceAtlas2 lays it out instead/);
    expect(whole).toMatch(/go back to the overview .* or open a cluster of up to 1,500 nodes/);
    expect(vosRefusal(1_501, 'cluster')).toMatch(/^This cluster has 1,501 nodes: .* higher Leiden resolution/);
    expect(vosRefusal(5_000, 'whole')).toMatch(/import fewer papers/);
  });
});
