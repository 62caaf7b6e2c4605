import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build';
import { indexDataset } from '../../src/graph/dataIndex';
import { affiliationMembers } from '../../src/view/panels/details/affiliationMembers';
import { loadDataset } from './helpers';

describe('an affiliation’s authors', () => {
  it('are the same from a graph whose edges are kept apart (the data) as from its links', () => {
    const dataset = loadDataset('profile-full.json');
    const graph = buildGraph(dataset);
    const index = indexDataset(dataset);
    // The page's copy of a graph with its edges apart: every node, no edge, the counts attribute.
    const apart = graph.copy();
    apart.clearEdges();
    apart.setAttribute('edgesApart', { edges: graph.size, coauthorLinks: 0 });
    const affiliations = graph.filterNodes((_n, a) => a.kind === 'affiliation');
    expect(affiliations.length).toBeGreaterThanOrEqual(2);
    let members = 0;
    for (const node of affiliations) {
      const linked = affiliationMembers(graph, index, node).map((a) => a.key);
      expect(linked.length).toBeGreaterThan(0);
      expect(
        affiliationMembers(apart, index, node)
          .map((a) => a.key)
          .sort(),
      ).toEqual([...linked].sort());
      members += linked.length;
    }
    expect(members).toBe(graph.filterEdges((_e, a) => a.kind === 'affiliation').length);
  });
});
