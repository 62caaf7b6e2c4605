import type { ResolvedAuthor } from '../../../graph/authors';
import type { DatasetIndex } from '../../../graph/dataIndex';
import type { AtlasGraph } from '../../../graph/types';
import { affiliationNodeOf } from '../../../graph/build';

/**
 * The authors of an affiliation node: its neighbours in the graph, or, for a graph whose edges are kept apart
 * (graph/edgesApart.ts: no links on the page), the authors whose affiliations give that node's key, as buildGraph
 * links them (`affiliationNodeOf`). Pure: tests/unit/affiliation-members.test.ts checks both ways give the same authors.
 */
export function affiliationMembers(graph: AtlasGraph, index: DatasetIndex, node: string): ResolvedAuthor[] {
  if (graph.getAttribute('edgesApart'))
    return [...index.resolved.authors.values()].filter((a) => a.affiliations.some((aff) => affiliationNodeOf(aff) === node));
  return graph
    .neighbors(node)
    .filter((n) => n.startsWith('a:'))
    .map((n) => index.author(n.slice(2))!);
}
