import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build';
import { edgesApartOf } from '../../src/graph/edgesApart';
import { indexDataset } from '../../src/graph/dataIndex';
import { affiliationMembers } from '../../src/view/panels/details/affiliationMembers';
import { loadDataset } from './helpers';
import type { Dataset } from '../../src/model/types';

/** The page's copy of a graph with its edges apart: every node, no edge, the counts attribute; and the edges' arrays. */
function apartCopy(graph: ReturnType<typeof buildGraph>) {
  const edges = edgesApartOf(graph);
  const apart = graph.copy();
  apart.clearEdges();
  apart.setAttribute('edgesApart', { edges: graph.size, coauthorLinks: 0 });
  return { apart, edges };
}

describe('an affiliation’s authors', () => {
  it('are the same from a graph whose edges are kept apart (the data) as from its links', () => {
    const dataset = loadDataset('profile-full.json');
    const graph = buildGraph(dataset);
    const index = indexDataset(dataset);
    const { apart, edges } = apartCopy(graph);
    const affiliations = graph.filterNodes((_n, a) => a.kind === 'affiliation');
    expect(affiliations.length).toBeGreaterThanOrEqual(2);
    let members = 0;
    for (const node of affiliations) {
      const linked = affiliationMembers(graph, null, index, node).map((a) => a.key);
      expect(linked.length).toBeGreaterThan(0);
      expect(
        affiliationMembers(apart, edges, index, node)
          .map((a) => a.key)
          .sort(),
      ).toEqual([...linked].sort());
      members += linked.length;
    }
    expect(members).toBe(graph.filterEdges((_e, a) => a.kind === 'affiliation').length);
  });

  it('list an author once when two of their texts name one affiliation', () => {
    const paper = (id: string, authors: [string, string[]][]) => ({
      id,
      title: id,
      truncated: false,
      authors: authors.map(([name, affiliations]) => ({ name, affiliations })),
    });
    const dataset = {
      id: 'd',
      title: 'd',
      aliases: [],
      papers: [
        paper('p1', [
          ['Ada Lovelace', ['Stanford University']],
          ['Alan Turing', ['Stanford University', 'Tsinghua University']],
        ]),
        paper('p2', [
          ['Ada Lovelace', ['STANFORD UNIVERSITY.']],
          ['Grace Hopper', ['Tsinghua University']],
        ]),
      ],
    } as unknown as Dataset;
    const graph = buildGraph(dataset);
    const index = indexDataset(dataset);
    const { apart, edges } = apartCopy(graph);
    const affiliations = graph.filterNodes((_n, a) => a.kind === 'affiliation');
    expect(affiliations).toHaveLength(2);
    for (const node of affiliations) {
      const linked = affiliationMembers(graph, null, index, node).map((a) => a.key);
      const fromData = affiliationMembers(apart, edges, index, node).map((a) => a.key);
      expect(fromData).toEqual([...new Set(fromData)]);
      expect([...fromData].sort()).toEqual([...linked].sort());
    }
    // The page's graph without its edges' arrays cannot answer (it has no links): said, not an empty list.
    expect(() => affiliationMembers(apart, null, index, affiliations[0])).toThrow(/kept apart/);
  });
});
