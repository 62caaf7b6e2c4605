import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build';
import { resolveDataset } from '../../src/graph/authors';
import Graph from 'graphology';
import { buildClusterOverview, layOutOverview } from '../../src/graph/overview';
import { DEFAULT_BUILD_OPTIONS, type AtlasGraph } from '../../src/graph/types';
import { VOS_MAX_NODES, vosLayout } from '../../src/graph/algorithms';
import { vosRefusal } from '../../src/view/panels/AlgorithmOptions';
import { subgraph } from 'graphology-operators';
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
    // VOS runs on the largest connected set of clusters (found here by a walk from the biggest); the others ring it.
    const core = new Set(['c:0']);
    const queue = ['c:0'];
    while (queue.length) for (const m of plain.neighbors(queue.pop()!)) if (!core.has(m) && core.add(m)) queue.push(m);
    const ringed = plain.filterNodes((n) => !core.has(n));
    expect(core.size).toBeGreaterThan(3);
    const coreGraph = subgraph(plain, core) as typeof plain;
    const want = vosLayout(coreGraph, 42)!;
    const ids = coreGraph.nodes();
    let radius = 0;
    ids.forEach((n, i) => {
      expect(overview.getNodeAttribute(n, 'x')).toBeCloseTo(want.x[i], 9);
      expect(overview.getNodeAttribute(n, 'y')).toBeCloseTo(want.y[i], 9);
      radius = Math.max(radius, Math.hypot(want.x[i], want.y[i]));
    });
    for (const n of ringed) expect(Math.hypot(overview.getNodeAttribute(n, 'x'), overview.getNodeAttribute(n, 'y'))).toBeCloseTo(radius * 1.25, 9);
    // Not the centroids it started from, and not all in one place.
    expect(overview.someNode((n, a) => Math.abs(a.x - plain.getNodeAttribute(n, 'x')) > 1e-6)).toBe(true);
    expect(new Set(overview.mapNodes((_n, a) => a.x.toFixed(3))).size).toBe(overview.order);
    // Deterministic: built again, the same map.
    const again = buildClusterOverview(buildGraph(dataset, { layout: 'vos', clustering: 'leiden' }, resolved), 8);
    overview.forEachNode((n, a) => expect(again.getNodeAttribute(n, 'x')).toBe(a.x));
  });

  it('clusters tied to none of the largest connected set are set on a ring around it, largest first', () => {
    const g = new Graph({ type: 'undirected' }) as AtlasGraph;
    g.replaceAttributes({ datasetId: 't', options: { ...DEFAULT_BUILD_OPTIONS, layout: 'vos' }, communityCount: 6 });
    const sizes = [40, 30, 20, 10, 5, 8];
    sizes.forEach((authorCount, c) => g.addNode(`c:${c}`, { kind: 'cluster', label: `C${c}`, authorCount, community: c, x: c, y: c % 2 }));
    for (const [a, b, w] of [
      [0, 1, 3],
      [1, 2, 1],
      [2, 3, 2],
      [0, 3, 1],
    ])
      g.addEdgeWithKey(`c:${a}~c:${b}`, `c:${a}`, `c:${b}`, { kind: 'coauthor', weight: w, paperIds: [] });
    layOutOverview(g);
    expect(g.getAttribute('vosLayout')).toBe(true);
    const r = (n: string) => Math.hypot(g.getNodeAttribute(n, 'x'), g.getNodeAttribute(n, 'y'));
    const core = Math.max(...[0, 1, 2, 3].map((c) => r(`c:${c}`)));
    expect(core).toBeGreaterThan(0.5);
    expect(r('c:5')).toBeCloseTo(core * 1.25, 9);
    expect(r('c:4')).toBeCloseTo(core * 1.25, 9);
    // The larger of the two (8 authors) at the top of the ring, the other opposite.
    expect(g.getNodeAttribute('c:5', 'y')).toBeCloseTo(-core * 1.25, 9);
    expect(g.getNodeAttribute('c:4', 'y')).toBeCloseTo(core * 1.25, 9);
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
