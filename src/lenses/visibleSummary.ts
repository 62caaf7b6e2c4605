/** What the lenses leave drawn, counted for the side panel: authors, links, hubs and clusters. Pure. */
import type { ClusterSummary } from '../graph/clusters';

/** The graph surface this needs (the source graph or its display copy). */
export interface CountableGraph {
  forEachNode(cb: (node: string, attrs: { kind: string; community?: number }) => void): void;
  forEachEdge(cb: (edge: string, attrs: { kind: string }, source: string, target: string) => void): void;
}

export interface VisibleSummary {
  authors: number;
  coauthorLinks: number;
  hubs: number;
  /** Clusters with at least one drawn author, in the order given, with their drawn authors counted. */
  clusters: (ClusterSummary & { shown: number })[];
  /** Whether anything is hidden at all. */
  filtered: boolean;
}

export function visibleSummary(
  graph: CountableGraph,
  clusters: readonly ClusterSummary[],
  hiddenNodes: ReadonlySet<string>,
  hiddenEdges: ReadonlySet<string>,
  /** Whether a node is drawn at all (one cluster drilled into draws only its own); every node when absent. */
  isDrawn?: (node: string) => boolean,
): VisibleSummary {
  const shown = (n: string) => !hiddenNodes.has(n) && (!isDrawn || isDrawn(n));
  const filtered = hiddenNodes.size > 0 || hiddenEdges.size > 0 || Boolean(isDrawn);
  let authors = 0;
  let hubs = 0;
  let coauthorLinks = 0;
  // Each community's drawn authors, counted over the graph passed (one drilled cluster's display, not every member of
  // every cluster: a quarter of a million at a million authorships).
  const shownIn = new Map<number, number>();
  graph.forEachNode((n, a) => {
    if (!shown(n)) return;
    if (a.kind === 'author') {
      authors++;
      if (filtered && a.community !== undefined) shownIn.set(a.community, (shownIn.get(a.community) ?? 0) + 1);
    } else if (a.kind === 'paper') hubs++;
  });
  graph.forEachEdge((e, a, s, t) => {
    if (a.kind === 'coauthor' && !hiddenEdges.has(e) && shown(s) && shown(t)) coauthorLinks++;
  });
  const counted = clusters.map((c) => ({ ...c, shown: filtered ? (shownIn.get(c.community) ?? 0) : c.size }));
  return { authors, hubs, coauthorLinks, clusters: counted.filter((c) => c.shown > 0), filtered };
}
