import type { Selection } from '../../app/selection';
import { highlightOf, neighbourhood } from '../../app/highlightOf';
import type { ClusterSummary } from '../../graph/clusters';
import type { DatasetIndex } from '../../graph/dataIndex';
import type { DisplayGraph } from '../../graph/display';
import { authorNodeId } from '../../graph/types';
import type { AtlasGraph } from '../../graph/types';
import { paperIdsOf } from '../../export';
import { countryByCode } from '../../metrics/countryCodes';

/** A part of the graph to export instead of all of it. */
export interface ExportScope {
  /** Shown in the menu, and (slugged) in file names. */
  label: string;
  fileTag: string;
  nodes: Set<string>;
  /** The papers of the selection, for CSL-JSON and BibTeX. */
  paperIds: Set<string>;
}

const nameOf = (graph: DisplayGraph, node: string) =>
  graph.hasNode(node) ? (graph.getNodeAttribute(node, 'fullLabel') ?? graph.getNodeAttribute(node, 'label')) : node;

/**
 * The scope a selection offers: an author's ego network (the author, the neighbours and the edges
 * among them), a cluster, or what a pair, a paper or an affiliation lights up.
 */
export function scopeOf(selection: Selection, graph: DisplayGraph, index: DatasetIndex, clusters: ClusterSummary[]): ExportScope | null {
  if (!selection) return null;
  const asAtlas = graph as unknown as AtlasGraph;
  switch (selection.kind) {
    case 'author': {
      const node = authorNodeId(selection.key);
      if (!graph.hasNode(node)) return null;
      const name = nameOf(graph, node);
      return {
        label: `Ego network of ${name}`,
        fileTag: `ego-${name}`,
        nodes: neighbourhood(graph, node).nodes,
        paperIds: paperIdsOf(asAtlas, [node]),
      };
    }
    case 'cluster': {
      const c = clusters.find((x) => x.community === selection.community);
      if (!c) return null;
      const nodes = new Set(c.nodes);
      return { label: `Cluster ${c.community + 1}: ${c.name}`, fileTag: `cluster-${c.community + 1}`, nodes, paperIds: paperIdsOf(asAtlas, nodes) };
    }
    case 'pair': {
      const h = highlightOf(selection, graph, index);
      if (!h?.nodes.size) return null;
      const [a, b] = [nameOf(graph, authorNodeId(selection.a)), nameOf(graph, authorNodeId(selection.b))];
      return { label: `${a} and ${b}`, fileTag: `${a}-${b}`, nodes: h.nodes, paperIds: new Set(index.sharedPapers(selection.a, selection.b).map((p) => p.id)) };
    }
    case 'paper': {
      const h = highlightOf(selection, graph, index);
      if (!h?.nodes.size) return null;
      const title = index.paper(selection.id)?.title ?? selection.id;
      return {
        label: `Authors of “${title.length > 48 ? `${title.slice(0, 47)}…` : title}”`,
        fileTag: `paper-${selection.id}`,
        nodes: h.nodes,
        paperIds: new Set([selection.id]),
      };
    }
    case 'country': {
      const h = highlightOf(selection, graph, index);
      if (!h?.nodes.size) return null;
      const name = countryByCode(selection.code)?.name ?? selection.code;
      return { label: `Authors from ${name}`, fileTag: `country-${selection.code}`, nodes: h.nodes, paperIds: paperIdsOf(asAtlas, h.nodes) };
    }
    case 'affiliation': {
      if (!graph.hasNode(selection.node)) return null;
      const nodes = neighbourhood(graph, selection.node).nodes;
      const name = nameOf(graph, selection.node);
      return { label: `Members of ${name}`, fileTag: `affiliation-${name}`, nodes, paperIds: paperIdsOf(asAtlas, nodes) };
    }
  }
}
