import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { buildGraph } from '../../src/graph/build';
import { summariseClusters } from '../../src/graph/clusters';
import { checkedAlgorithms, leidenClusters, readAlgorithmParams, VOS_MAX_NODES, vosLayout, writeAlgorithmParams } from '../../src/graph/algorithms';
import { checkedBuildOptions, type AtlasGraph } from '../../src/graph/types';
import type { Dataset, Paper } from '../../src/model/types';
import { captionText, validateSnapshot, createSnapshot } from '../../src/export';

/** Two 5-author groups (A0..A4, B0..B4), each pair of a group with one paper, and one paper joining A0 and B0. */
function twoCliques(): Dataset {
  const papers: Paper[] = [];
  for (const g of ['A', 'B']) {
    for (let i = 0; i < 5; i++)
      for (let j = i + 1; j < 5; j++)
        papers.push({
          id: `${g}${i}${j}`,
          title: `${g} ${i}-${j}`,
          authors: [{ name: `${g}${i} Smith` }, { name: `${g}${j} Smith` }],
          truncated: false,
          year: 2020,
        });
  }
  papers.push({ id: 'bridge', title: 'Bridge', authors: [{ name: 'A0 Smith' }, { name: 'B0 Smith' }], truncated: false, year: 2021 });
  return { id: 'two-cliques', title: 'Two cliques', papers, aliases: [] };
}

/** The planted partition: author label → its group letter. */
const groupOf = (label: string) => label[0];

/** Do the communities of the author nodes match the two groups exactly (same group ⇔ same community)? */
function findsTheGroups(graph: AtlasGraph): boolean {
  const authors = graph.filterNodes((_n, a) => a.kind === 'author');
  expect(authors).toHaveLength(10);
  for (const a of authors)
    for (const b of authors) {
      const sameGroup = groupOf(graph.getNodeAttribute(a, 'label')) === groupOf(graph.getNodeAttribute(b, 'label'));
      const sameCommunity = graph.getNodeAttribute(a, 'community') === graph.getNodeAttribute(b, 'community');
      if (sameGroup !== sameCommunity) return false;
    }
  return true;
}

/** An n-node ring of k-cliques, each clique joined to the next by one edge (for resolution: more clusters when higher). */
function ringOfCliques(cliques: number, size: number): Graph {
  const g = new Graph({ type: 'undirected' });
  for (let c = 0; c < cliques; c++) for (let i = 0; i < size; i++) g.addNode(`${c}:${i}`);
  for (let c = 0; c < cliques; c++) {
    for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) g.addEdge(`${c}:${i}`, `${c}:${j}`, { weight: 1 });
    g.addEdge(`${c}:0`, `${(c + 1) % cliques}:1`, { weight: 1 });
  }
  return g;
}

const opts = { includeAffiliations: false };

describe('Leiden and Louvain on a graph with known communities', () => {
  it('Louvain finds the two 5-cliques joined by one edge', () => {
    const g = buildGraph(twoCliques(), { ...opts, clustering: 'louvain' });
    expect(g.getAttribute('communityCount')).toBe(2);
    expect(findsTheGroups(g)).toBe(true);
  });

  it.each(['leiden', 'leiden-cpm'] as const)('%s finds the same two communities, and feeds the cluster summaries', (clustering) => {
    const g = buildGraph(twoCliques(), { ...opts, clustering });
    expect(g.getAttribute('communityCount')).toBe(2);
    expect(findsTheGroups(g)).toBe(true);
    const clusters = summariseClusters(g);
    expect(clusters.map((c) => c.size)).toEqual([5, 5]);
    expect(clusters.map((c) => c.community).sort()).toEqual([0, 1]);
  });

  it('Leiden with the same seed gives the same clusters; the clusters are numbered largest first', () => {
    const ring = ringOfCliques(12, 4);
    const a = leidenClusters(ring, 7, 1);
    expect(leidenClusters(ring, 7, 1)).toEqual(a);
    const sizes = new Map<number, number>();
    for (const c of a) sizes.set(c, (sizes.get(c) ?? 0) + 1);
    const bySize = [...sizes.entries()].sort((x, y) => x[0] - y[0]).map(([, s]) => s);
    expect([...bySize].sort((x, y) => y - x)).toEqual(bySize);
  });

  it('a higher resolution gives more clusters (modularity and VOSviewer quality)', () => {
    const ring = ringOfCliques(12, 4);
    const count = (r: number, q: 'modularity' | 'cpm') => new Set(leidenClusters(ring, 1, r, q)).size;
    // Modularity: resolution 1 finds the 12 cliques (classic modularity's answer on a ring of cliques this small).
    expect(count(0.1, 'modularity')).toBeLessThan(count(1, 'modularity'));
    expect(count(1, 'modularity')).toBe(12);
    expect(count(1, 'modularity')).toBeLessThan(count(20, 'modularity'));
    expect(count(0.05, 'cpm')).toBeLessThan(count(1, 'cpm'));
    expect(count(1, 'cpm')).toBeLessThan(count(20, 'cpm'));
  });
});

describe('the VOS layout', () => {
  const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
  const distances = (g: AtlasGraph) => {
    const authors = g.filterNodes((_n, a) => a.kind === 'author');
    const intra: number[] = [];
    const inter: number[] = [];
    for (let i = 0; i < authors.length; i++)
      for (let j = i + 1; j < authors.length; j++) {
        const a = g.getNodeAttributes(authors[i]);
        const b = g.getNodeAttributes(authors[j]);
        (groupOf(a.label) === groupOf(b.label) ? intra : inter).push(Math.hypot(a.x - b.x, a.y - b.y));
      }
    return { intra: mean(intra), inter: mean(inter) };
  };

  it('places the two communities apart: mean distance within a group well below the mean distance across', () => {
    const g = buildGraph(twoCliques(), { ...opts, layout: 'vos' });
    expect(g.getAttribute('vosLayout')).toBe(true);
    const { intra, inter } = distances(g);
    expect(intra * 2).toBeLessThan(inter);
  });

  it('separates them from a random start too (no positions given)', () => {
    const g = new Graph({ type: 'undirected' });
    const names = [...'ABCDE'].flatMap((x) => [`A${x}`, `B${x}`]);
    for (const n of names) g.addNode(n, { label: n, kind: 'author' });
    for (const a of names) for (const b of names) if (a < b && a[0] === b[0]) g.addEdge(a, b, { weight: 1 });
    g.addEdge('AA', 'BA', { weight: 1 });
    const { x, y } = vosLayout(g, 9)!;
    const pos = new Map(names.map((n, i) => [n, [x[i], y[i]]]));
    g.forEachNode((n) => g.mergeNodeAttributes(n, { x: pos.get(n)![0], y: pos.get(n)![1] }));
    const { intra, inter } = distances(g as unknown as AtlasGraph);
    expect(intra * 2).toBeLessThan(inter);
  });

  it('writes positions other than the seeded start that ForceAtlas2 gets', () => {
    const fa2 = buildGraph(twoCliques(), opts);
    const vos = buildGraph(twoCliques(), { ...opts, layout: 'vos' });
    expect(fa2.getAttribute('vosLayout')).toBeUndefined();
    const moved = fa2.filterNodes((n, a) => a.x !== vos.getNodeAttribute(n, 'x') || a.y !== vos.getNodeAttribute(n, 'y'));
    expect(moved).toHaveLength(fa2.order);
  });

  it('is deterministic: same graph and seed, same positions; another seed, other positions', () => {
    const xy = (seed: number) => {
      const g = buildGraph(twoCliques(), { ...opts, layout: 'vos', seed });
      return g.mapNodes((_n, a) => [a.x, a.y]);
    };
    expect(xy(3)).toEqual(xy(3));
    expect(xy(4)).not.toEqual(xy(3));
  });

  it('refuses graphs past VOS_MAX_NODES (ForceAtlas2 keeps them)', () => {
    const g = new Graph({ type: 'undirected' });
    for (let i = 0; i <= VOS_MAX_NODES; i++) g.addNode(String(i));
    expect(vosLayout(g, 1)).toBeNull();
  });
});

describe('the choices in the URL and the snapshot', () => {
  it('round-trips through the URL, defaults left out, other parameters kept', () => {
    const search = writeAlgorithmParams({ layout: 'vos', clustering: 'leiden', resolution: 1.5 }, '?author=x');
    expect(new URLSearchParams(search).get('author')).toBe('x');
    expect(new URLSearchParams(search).get('layout')).toBe('vos');
    expect(readAlgorithmParams(search)).toEqual({ layout: 'vos', clustering: 'leiden', resolution: 1.5 });
    expect(readAlgorithmParams(writeAlgorithmParams({ layout: 'forceatlas2', clustering: 'leiden-cpm', resolution: 0.05 }, ''))).toEqual({
      layout: 'forceatlas2',
      clustering: 'leiden-cpm',
      resolution: 0.05,
    });
    expect(writeAlgorithmParams({ layout: 'forceatlas2', clustering: 'louvain', resolution: 1 }, '?author=x')).toBe('?author=x');
  });

  it('the exports’ caption names a VOS layout and Leiden clusters, and nothing for the defaults', () => {
    const date = new Date('2026-01-02T00:00:00Z');
    const caption = captionText('T', checkedBuildOptions({ layout: 'vos', clustering: 'leiden-cpm', resolution: 0.5 }), date);
    expect(caption).toContain('VOS layout');
    expect(caption).toContain('Leiden (VOSviewer quality) clusters at resolution 0.5');
    expect(captionText('T', checkedBuildOptions({}), date)).not.toMatch(/VOS|Leiden/);
  });

  it('falls back to the defaults for values no control offers', () => {
    expect(readAlgorithmParams('?layout=spring&clusters=x&resolution=1e9')).toEqual({ layout: 'forceatlas2', clustering: 'louvain', resolution: 1 });
    expect(checkedAlgorithms({ resolution: -1 }).resolution).toBe(1);
    expect(checkedBuildOptions({ layout: 'vos', clustering: 'leiden', resolution: 2 })).toMatchObject({ layout: 'vos', clustering: 'leiden', resolution: 2 });
  });

  it('a snapshot keeps the choice, and one without it (older) still opens', () => {
    const dataset = twoCliques();
    const base = {
      createdAt: '2026-01-01T00:00:00.000Z',
      dataset,
      merges: [],
      positions: {},
      camera: { x: 0.5, y: 0.5, ratio: 1, angle: 0 },
      filters: {},
      selection: null,
    };
    const options = checkedBuildOptions({ layout: 'vos', clustering: 'leiden', resolution: 0.5 });
    const check = validateSnapshot(JSON.parse(JSON.stringify(createSnapshot({ ...base, options }))));
    expect(check.ok).toBe(true);
    if (check.ok) expect(checkedBuildOptions(check.snapshot.options)).toMatchObject({ layout: 'vos', clustering: 'leiden', resolution: 0.5 });
    const { layout: _l, clustering: _c, resolution: _r, ...older } = options;
    expect(validateSnapshot(JSON.parse(JSON.stringify(createSnapshot({ ...base, options: older as typeof options })))).ok).toBe(true);
    const bad = JSON.parse(JSON.stringify(createSnapshot({ ...base, options: { ...options, layout: 'spring' as 'vos' } })));
    expect(validateSnapshot(bad).ok).toBe(false);
  });
});
