/** Composes the lens stages into a LensView. Pure; useLensView memoises each stage. */
import type { DatasetIndex } from '../graph/dataIndex';
import { authorNodeId, paperNodeId, type Counting } from '../graph/types';
import type { Highlight } from '../model/view';
import { applyFilters, type FilterResult, type LensGraph } from './filters';
import type { Metrics, MetricsRequest } from './metrics';
import { shortestPath, type PathResult } from './path';
import { colourNodes, keptPaperSizes, sizesFrom, sizeValues } from './style';
import type { LensState, LensView } from './types';
import type { Paper } from '../model/types';

/** The structural filters; `topStrength` acts after them (mapLens.ts, and overviewLens.ts on an overview). */
export type FilterLens = Pick<LensState, 'minPapers' | 'minShared' | 'affiliation' | 'largestComponent' | 'topStrength'>;

export function filterGraph(
  graph: LensGraph,
  index: DatasetIndex,
  papers: Set<string> | null,
  counting: Counting,
  f: FilterLens,
  ego?: { node: string; depth: number },
): FilterResult {
  return applyFilters(graph, {
    papers,
    paperSize: (pid) => index.authorsOf(pid).length,
    counting,
    minPapers: f.minPapers,
    minShared: f.minShared,
    affiliation: f.affiliation,
    largestComponent: f.largestComponent,
    ego,
  });
}

/** The path between two author keys on the filtered graph, and its highlight. */
export function pathLens(
  graph: LensGraph,
  filter: FilterResult,
  keys: [string, string],
  index: DatasetIndex,
): { path: PathResult | null; highlight: Highlight; note: string } {
  const [a, b] = keys.map(authorNodeId);
  const visible = (n: string) => graph.hasNode(n) && !filter.hiddenNodes.has(n) && graph.getNodeAttribute(n, 'kind') === 'author';
  const path = shortestPath(a, b, filter.ties, filter.shared, visible);
  const name = (k: string) => index.author(k)?.label ?? k;
  if (!path) {
    const nodes = new Set([a, b].filter(visible));
    return {
      path: null,
      highlight: { nodes, edges: [], focus: [...nodes] },
      note: `No collaboration path between ${name(keys[0])} and ${name(keys[1])}${filter.hiddenNodes.size ? ' with the current filters' : ''}.`,
    };
  }
  const nodes = new Set(path.nodes);
  const edges: string[] = [];
  for (const hop of path.hops) {
    const direct = graph.edge(hop.from, hop.to);
    if (direct && !filter.hiddenEdges.has(direct)) edges.push(direct);
    for (const pid of hop.paperIds) {
      const hub = paperNodeId(pid);
      if (!graph.hasNode(hub) || filter.hiddenNodes.has(hub)) continue;
      nodes.add(hub);
      for (const n of [hop.from, hop.to]) {
        const e = graph.edge(n, hub);
        if (e) edges.push(e);
      }
    }
  }
  const hops = path.hops.length;
  return { path, highlight: { nodes, edges, focus: path.nodes }, note: `${hops} hop${hops === 1 ? '' : 's'} from ${name(keys[0])} to ${name(keys[1])}.` };
}

/** The visible graph for the metrics worker: actors and hubs, with the lens's weights. */
export function metricsRequest(graph: LensGraph, filter: FilterResult, id: number): MetricsRequest {
  const actors = new Set(filter.actors);
  const nodes = graph.filterNodes((n, a) => actors.has(n) || (!filter.hiddenNodes.has(n) && a.kind === 'paper'));
  const edges: MetricsRequest['edges'] = [];
  graph.forEachEdge((e, a, s, t) => {
    if (filter.hiddenEdges.has(e) || a.kind === 'affiliation' || filter.hiddenNodes.has(s) || filter.hiddenNodes.has(t)) return;
    edges.push([s, t, filter.edgeWeights?.get(e) ?? a.weight]);
  });
  return { id, nodes, edges };
}

export interface StyleInput {
  graph: LensGraph;
  filter: FilterResult;
  papersFiltered: boolean;
  colorBy: LensState['colorBy'];
  sizeBy: LensState['sizeBy'];
  metrics?: Metrics;
  /** A paper by id (the overlays: average year, citations). */
  paperOf?: (id: string) => Paper | undefined;
}

export function styleLens({
  graph,
  filter,
  papersFiltered,
  colorBy,
  sizeBy,
  metrics,
  paperOf,
}: StyleInput): Pick<LensView, 'nodeColors' | 'nodeSizes' | 'colorLegend'> {
  const colouring = colourNodes(graph, colorBy, filter.actors, paperOf ? { papersOf: filter.papersOf, paperOf } : undefined);
  // The display graph is already sized by papers: only kept papers change that, on the whole graph's scale.
  const values = sizeBy === 'papers' && !papersFiltered ? undefined : sizeValues(graph, sizeBy, filter, metrics);
  const nodeSizes = !values ? undefined : sizeBy === 'papers' ? keptPaperSizes(graph, values) : sizesFrom(values);
  return {
    nodeColors: colouring?.colors,
    colorLegend: colouring?.legend,
    nodeSizes,
  };
}
