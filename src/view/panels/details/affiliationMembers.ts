import type { ResolvedAuthor, ResolvedDataset } from '../../../graph/authors';
import type { DatasetIndex } from '../../../graph/dataIndex';
import type { AtlasGraph } from '../../../graph/types';
import { affiliationNodeOf } from '../../../graph/build';

/**
 * The authors of an affiliation node: its neighbours in the graph, or, for a graph whose edges are kept apart
 * (graph/edgesApart.ts: no links on the page), the authors whose affiliations give that node's key, as buildGraph
 * links them (`affiliationNodeOf`). Pure: tests/unit/affiliation-members.test.ts checks both ways give the same authors.
 */
export function affiliationMembers(graph: AtlasGraph, index: DatasetIndex, node: string): ResolvedAuthor[] {
  if (graph.getAttribute('edgesApart')) return membersByNode(index.resolved).get(node) ?? [];
  return graph
    .neighbors(node)
    .filter((n) => n.startsWith('a:'))
    .map((n) => index.author(n.slice(2))!);
}

const byResolved = new WeakMap<ResolvedDataset, ReadonlyMap<string, ResolvedAuthor[]>>();

/**
 * Every affiliation node's authors, in the authors' order, each once: made on the first question, in one pass over
 * the authors' affiliations with each distinct text keyed once. At a million authorships (258k authors) reading them
 * all, and keying each, for every panel shown was a long task per selection.
 */
function membersByNode(resolved: ResolvedDataset): ReadonlyMap<string, ResolvedAuthor[]> {
  const known = byResolved.get(resolved);
  if (known) return known;
  const members = new Map<string, ResolvedAuthor[]>();
  const nodeOf = new Map<string, string>();
  for (const author of resolved.authors.values()) {
    for (const affiliation of author.affiliations) {
      let node = nodeOf.get(affiliation);
      if (node === undefined) nodeOf.set(affiliation, (node = affiliationNodeOf(affiliation)));
      const list = members.get(node);
      if (!list) members.set(node, [author]);
      // An author with two texts of the same affiliation is listed once.
      else if (list[list.length - 1] !== author) list.push(author);
    }
  }
  byResolved.set(resolved, members);
  return members;
}
