import Graph from 'graphology';
import writeGexfRaw from 'graphology-gexf/common/writer.js';
import type { AtlasGraph, EdgeAttributes, NodeAttributes } from '../graph/types';
import { DEFAULT_EDGE_COLOR, edgeView, isEdgeVisible, isNodeVisible, nodeView, toHexColor, type ViewState } from './view';
import { joinList, stripInvalidXml } from './xml';

export interface GexfExportOptions {
  /** Also write nodes/edges the view hides (default false: export what is shown). */
  includeHidden?: boolean;
  /** Free text for the <meta><description>. */
  description?: string;
  pretty?: boolean;
}

type Scalar = string | number | boolean;

const finite = (n: number, fallback = 0) => (Number.isFinite(n) ? n : fallback);

/** Flat, typed attribute values of a node, lists joined with '|'. Shared by GEXF/GraphML/CSV. */
export function nodeDataAttributes(attrs: NodeAttributes): Record<string, Scalar> {
  const out: Record<string, Scalar> = { kind: attrs.kind, community: attrs.community };
  if (attrs.kind === 'author') {
    out.authorKey = attrs.authorKey;
    out.spellings = joinList(attrs.spellings);
    out.paperIds = joinList(attrs.paperIds);
    out.paperCount = attrs.paperIds.length;
    out.affiliations = joinList(attrs.affiliations);
    out.isOwner = attrs.isOwner;
    if (attrs.firstYear !== undefined) out.firstYear = attrs.firstYear;
    if (attrs.lastYear !== undefined) out.lastYear = attrs.lastYear;
  } else if (attrs.kind === 'paper') {
    out.paperId = attrs.paperId;
    out.authorCount = attrs.authorCount;
  } else {
    out.authorCount = attrs.authorCount;
  }
  for (const k of Object.keys(out)) {
    const v = out[k];
    if (typeof v === 'string') out[k] = stripInvalidXml(v);
  }
  return out;
}

export function edgeDataAttributes(attrs: EdgeAttributes): Record<string, Scalar> {
  return { kind: attrs.kind, paperIds: stripInvalidXml(joinList(attrs.paperIds)) };
}

/** The graph restricted to what is exported (visible elements unless includeHidden). */
export function exportedSubgraph(graph: AtlasGraph, view: ViewState | undefined, includeHidden = false): AtlasGraph {
  if (includeHidden || !view) return graph;
  const sub: AtlasGraph = new Graph({ type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops });
  sub.replaceAttributes(graph.getAttributes());
  graph.forEachNode((n, a) => {
    if (isNodeVisible(n, view)) sub.addNode(n, a);
  });
  graph.forEachEdge((e, a, s, t, _sa, _ta, undirected) => {
    if (!isEdgeVisible(graph, e, view)) return;
    if (undirected) sub.addUndirectedEdgeWithKey(e, s, t, a);
    else sub.addDirectedEdgeWithKey(e, s, t, a);
  });
  return sub;
}

/**
 * GEXF 1.3 of the graph with viz (position, colour, size, edge thickness/colour) from the view.
 * Attribute values: kind, community, key, spellings, paperIds, affiliations ('|'-joined), etc.
 */
export function writeGexf(graph: AtlasGraph, view?: ViewState, options: GexfExportOptions = {}): string {
  const sub = exportedSubgraph(graph, view, options.includeHidden);
  // Only these go to <meta>; the builder's graph attributes hold objects GEXF cannot carry.
  const meta = new Graph({ type: sub.type, multi: sub.multi, allowSelfLoops: sub.allowSelfLoops });
  meta.import(sub.export());
  meta.replaceAttributes({
    creator: 'Coauthor Atlas',
    description: stripInvalidXml(options.description ?? `Coauthor network ${sub.getAttribute('datasetId') ?? ''}`.trim()),
  });

  return writeGexfRaw(meta, {
    version: '1.3',
    pretty: options.pretty ?? true,
    formatNode: (key, raw) => {
      const attrs = raw as NodeAttributes;
      const v = nodeView(graph, key, view);
      return {
        label: stripInvalidXml(v.label ?? attrs.label ?? key),
        attributes: nodeDataAttributes(attrs),
        viz: { x: finite(v.x), y: finite(v.y), size: finite(v.size, 1), color: toHexColor(v.color) },
      };
    },
    formatEdge: (key, raw) => {
      const attrs = raw as EdgeAttributes;
      const ev = edgeView(key, view);
      return {
        weight: attrs.weight,
        attributes: edgeDataAttributes(attrs),
        viz: ev ? { color: toHexColor(ev.color, DEFAULT_EDGE_COLOR), thickness: finite(ev.size, 1) } : undefined,
      };
    },
  });
}
