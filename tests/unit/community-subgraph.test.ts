import { describe, expect, it } from 'vitest';
import { prepareDataset } from '../../src/app/pipeline';
import { communitySubgraph } from '../../src/graph/overview';
import { DEFAULT_BUILD_OPTIONS, type AtlasGraph } from '../../src/graph/types';
import { parseInput } from '../../src/import';
import { syntheticItems } from '../bench/synthetic';

/** The drilled cluster as the whole-graph pass made it: every node of the community, every edge between two of them. */
function byWholeGraphPass(source: AtlasGraph, community: number) {
  const nodes = source.filterNodes((_n, a) => a.community === community);
  const inside = new Set(nodes);
  const edges = source.filterEdges((_e, _a, s, t) => inside.has(s) && inside.has(t));
  return { nodes, edges };
}

describe('drilling into a cluster of a big graph', () => {
  const papers = parseInput(JSON.stringify(syntheticItems(6_000)), 'csl-json').papers;
  const { source } = prepareDataset({ id: 's', title: 's', papers, aliases: [] }, DEFAULT_BUILD_OPTIONS, 'author');
  const communities = [...new Set(source.mapNodes((_n, a) => a.community))];

  it('has several communities to drill into', () => {
    expect(communities.length).toBeGreaterThan(5);
  });

  it('gives each community exactly its nodes (in the source order), its inner edges and their attributes', () => {
    let drilledNodes = 0;
    for (const c of communities) {
      const sub = communitySubgraph(source, c);
      const expected = byWholeGraphPass(source, c);
      expect(sub.nodes()).toEqual(expected.nodes);
      expect(sub.edges().sort()).toEqual([...expected.edges].sort());
      for (const n of expected.nodes) expect(sub.getNodeAttributes(n)).toEqual(source.getNodeAttributes(n));
      for (const e of expected.edges) {
        expect(sub.getEdgeAttributes(e)).toEqual(source.getEdgeAttributes(e));
        expect([sub.source(e), sub.target(e)]).toEqual([source.source(e), source.target(e)]);
      }
      drilledNodes += sub.order;
    }
    // Nothing lost: the communities together hold every node of the graph.
    expect(drilledNodes).toBe(source.order);
  });

  it('copies: changing the drilled graph leaves the source as it was', () => {
    const sub = communities.map((c) => communitySubgraph(source, c)).sort((a, b) => b.size - a.size)[0];
    const e = sub.edges()[0];
    const before = [...source.getEdgeAttribute(e, 'paperIds')];
    sub.getEdgeAttribute(e, 'paperIds').push('p:extra');
    sub.setNodeAttribute(sub.nodes()[0], 'x', 1e9);
    expect(source.getEdgeAttribute(e, 'paperIds')).toEqual(before);
    expect(source.getNodeAttribute(sub.nodes()[0], 'x')).not.toBe(1e9);
  });
});
