import type { ResolvedAuthor } from '../../../graph/authors';
import type { DatasetIndex } from '../../../graph/dataIndex';
import { neighborsApart, type EdgesApart } from '../../../graph/edgesApart';
import type { AtlasGraph } from '../../../graph/types';

/**
 * The authors of an affiliation node: its neighbours in the graph, or, for a graph whose edges are kept apart
 * (graph/edgesApart.ts: no links on the page), its neighbours through those edges' arrays. Pure:
 * tests/unit/affiliation-members.test.ts checks both ways give the same authors.
 */
export function affiliationMembers(graph: AtlasGraph, edgesApart: EdgesApart | null, index: DatasetIndex, node: string): ResolvedAuthor[] {
  if (graph.getAttribute('edgesApart') && !edgesApart) throw new Error('the graph’s edges are kept apart: they are needed for its affiliations');
  return (edgesApart ? neighborsApart(graph, edgesApart, node) : graph.neighbors(node)).filter((n) => n.startsWith('a:')).map((n) => index.author(n.slice(2))!);
}
