import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build';
import { buildClusterOverview, communitySubgraph, needsOverview } from '../../src/graph/overview';
import { loadDataset } from './helpers';

describe('level of detail', () => {
  const source = buildGraph(loadDataset('profile-full.json'));

  it('draws the embedded profile author by author', () => {
    expect(needsOverview(source)).toBe(false);
  });

  it('builds an overview: one node per large community, the rest together, ties summed between them', () => {
    const keep = 3;
    const overview = buildClusterOverview(source, keep);
    const sizes = new Map<number, number>();
    source.forEachNode((_n, a) => {
      if (a.kind === 'author') sizes.set(a.community, (sizes.get(a.community) ?? 0) + 1);
    });
    const largest = [...sizes.entries()]
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, keep)
      .map(([c]) => c);
    expect(overview.order).toBe(keep + 1);
    let authors = 0;
    overview.forEachNode((_n, a) => {
      expect(a.kind).toBe('cluster');
      if (a.kind === 'cluster') authors += a.authorCount;
    });
    expect(authors).toBe([...sizes.values()].reduce((s, n) => s + n, 0));
    for (const c of largest) {
      const node = overview.getNodeAttributes(`c:${c}`);
      expect(node.kind === 'cluster' && node.authorCount).toBe(sizes.get(c));
    }
    // Independent: the weight of every source edge between two different groups.
    const group = (community: number) => (largest.includes(community) ? community : -1);
    let crossing = 0;
    source.forEachEdge((_e, a, _s, _t, sa, ta) => {
      if (group(sa.community) !== group(ta.community)) crossing += a.weight;
    });
    let summed = 0;
    overview.forEachEdge((_e, a) => {
      summed += a.weight;
    });
    expect(summed).toBeCloseTo(crossing, 9);
    expect(summed).toBeGreaterThan(0);
  });

  it('drills into one community with its nodes, their edges and their positions', () => {
    const sub = communitySubgraph(source, 0);
    const members = source.filterNodes((_n, a) => a.community === 0);
    expect(sub.order).toBe(members.length);
    const inside = source.filterEdges((_e, _a, s, t) => members.includes(s) && members.includes(t));
    expect(sub.size).toBe(inside.length);
    const n = members[0];
    expect(sub.getNodeAttribute(n, 'x')).toBe(source.getNodeAttribute(n, 'x'));
  });
});
