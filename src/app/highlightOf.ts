import type { DisplayGraph } from '../graph/display';
import { authorNodeId, paperNodeId } from '../graph/types';
import type { DatasetIndex } from '../graph/dataIndex';
import type { Highlight } from '../model/view';
import type { Selection } from './selection';
import { countryAuthors } from '../metrics/countryMap';

/** Ties drawn among a country's authors at most (beyond, the nodes alone show it). */
const COUNTRY_EDGES = 3000;

/** A country's authors that the graph draws, with the ties among them (up to a bound). */
function countryHighlight(graph: DisplayGraph, index: DatasetIndex, code: string): Highlight {
  const nodes = new Set(
    countryAuthors(index.dataset, code)
      .map(authorNodeId)
      .filter((n) => graph.hasNode(n)),
  );
  const edges: string[] = [];
  for (const n of nodes) {
    if (edges.length >= COUNTRY_EDGES) break;
    graph.forEachEdge(n, (e, _a, s, t) => {
      if (s === n && nodes.has(t)) edges.push(e);
    });
  }
  return { nodes, edges: edges.slice(0, COUNTRY_EDGES), focus: [] };
}

/** A node and its neighbours, with the edges that join them to it. */
export function neighbourhood(graph: DisplayGraph, node: string): Highlight {
  if (!graph.hasNode(node)) return { nodes: new Set(), edges: [], focus: [] };
  const nodes = new Set<string>([node]);
  const edges: string[] = [];
  graph.forEachEdge(node, (edge, _a, s, t) => {
    nodes.add(s === node ? t : s);
    edges.push(edge);
  });
  return { nodes, edges, focus: [node] };
}

/** The highlight that shows a selection on the graph. */
export function highlightOf(selection: Selection, graph: DisplayGraph, index: DatasetIndex): Highlight | null {
  if (!selection) return null;
  switch (selection.kind) {
    case 'author':
      return neighbourhood(graph, authorNodeId(selection.key));
    case 'pair': {
      const a = authorNodeId(selection.a);
      const b = authorNodeId(selection.b);
      const nodes = new Set([a, b].filter((n) => graph.hasNode(n)));
      const edges: string[] = [];
      const direct = graph.hasNode(a) && graph.hasNode(b) ? graph.edge(a, b) : undefined;
      if (direct) edges.push(direct);
      // Shared papers drawn as hubs join the pair through the hub.
      for (const p of index.sharedPapers(selection.a, selection.b)) {
        const hub = paperNodeId(p.id);
        if (!graph.hasNode(hub)) continue;
        nodes.add(hub);
        for (const n of [a, b]) {
          const e = graph.edge(n, hub);
          if (e) edges.push(e);
        }
      }
      return { nodes, edges, focus: [a, b] };
    }
    case 'paper': {
      const keys = index.authorsOf(selection.id).map(authorNodeId);
      const hub = paperNodeId(selection.id);
      const nodes = new Set(keys.filter((n) => graph.hasNode(n)));
      const edges: string[] = [];
      if (graph.hasNode(hub)) {
        nodes.add(hub);
        graph.forEachEdge(hub, (e) => edges.push(e));
        return { nodes, edges, focus: [hub] };
      }
      graph.forEachEdge((e, attrs, s, t) => {
        if (attrs.kind === 'coauthor' && nodes.has(s) && nodes.has(t) && attrs.paperIds.includes(selection.id)) edges.push(e);
      });
      return { nodes, edges, focus: keys.slice(0, 3) };
    }
    case 'affiliation':
      return neighbourhood(graph, selection.node);
    case 'cluster': {
      const nodes = new Set(graph.filterNodes((_n, a) => a.community === selection.community));
      return { nodes, edges: [], focus: [] };
    }
    case 'country':
      return countryHighlight(graph, index, selection.code);
  }
}
