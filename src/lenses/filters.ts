/**
 * The structural lenses as one pure pass over the graph: which nodes and edges a lens state keeps,
 * with edge weights recomputed from the papers kept. No React, no sigma.
 *
 * "Actors" are the nodes the lenses count: authors, or institutions in the institution network.
 * Two actors are tied when they share kept papers, directly (a coauthor edge) or through a paper hub.
 */
import type Graph from 'graphology';
import type { Counting, EdgeAttributes, NodeAttributes } from '../graph/types';

/** Any graph with the source attributes (the display graph included). */
export type LensGraph = Graph<NodeAttributes, EdgeAttributes>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const asLensGraph = (g: Graph<any, any, any>) => g as unknown as LensGraph;

export interface FilterInput {
  /** Kept paper ids, or null for all. */
  papers: Set<string> | null;
  /** Author count of a paper (for fractional counting). */
  paperSize: (paperId: string) => number;
  counting: Counting;
  minPapers?: number;
  minShared?: number;
  affiliation?: string;
  largestComponent?: boolean;
  /** Ego view: keep actors within `depth` ties of `node`. */
  ego?: { node: string; depth: number };
}

export interface FilterResult {
  hiddenNodes: Set<string>;
  hiddenEdges: Set<string>;
  /** Recomputed weights of the visible coauthor edges (only when a paper filter is on). */
  edgeWeights?: Map<string, number>;
  /** Visible actors (authors or institutions), in graph order. */
  actors: string[];
  /** Kept papers of an actor. */
  papersOf: (node: string) => string[];
  /** Visible actors tied to an actor, with how many kept papers they share (at least minShared). */
  ties: (node: string) => Map<string, number>;
  /** The kept papers two actors share. */
  shared: (a: string, b: string) => string[];
  /** ties() with the shared papers listed (costlier: for one node at a time). */
  neighbours: (node: string) => Map<string, string[]>;
  notes: string[];
}

/** The institution network has no author nodes: its affiliation nodes are the actors. */
export function actorKind(graph: LensGraph): 'author' | 'affiliation' {
  let kind: 'author' | 'affiliation' = 'affiliation';
  graph.someNode((_n, a) => {
    if (a.kind === 'author') kind = 'author';
    return kind === 'author';
  });
  return kind;
}

/** Paper ids an actor node carries (institution nodes carry them as an extra attribute). */
export function nodePaperIds(attrs: NodeAttributes): string[] {
  return (attrs as { paperIds?: string[] }).paperIds ?? [];
}

export function applyFilters(graph: LensGraph, input: FilterInput): FilterResult {
  const { papers, minPapers = 0, affiliation } = input;
  const minShared = Math.max(1, input.minShared ?? 1);
  const kind = actorKind(graph);
  const keptPaper = (pid: string) => papers === null || papers.has(pid);

  const visible = new Set<string>();
  const paperCache = new Map<string, string[]>();
  const papersOf = (node: string) => {
    let list = paperCache.get(node);
    if (!list) {
      const all = nodePaperIds(graph.getNodeAttributes(node));
      list = papers === null ? all : all.filter((p) => papers.has(p));
      paperCache.set(node, list);
    }
    return list;
  };

  // 1. Actors by their kept papers and affiliation.
  graph.forEachNode((node, a) => {
    if (a.kind !== kind) return;
    const count = papersOf(node).length;
    if (papers !== null && count === 0) return;
    if (minPapers > 1 && count < minPapers) return;
    if (affiliation) {
      const affs = a.kind === 'author' ? a.affiliations : [a.label];
      if (!affs.includes(affiliation)) return;
    }
    visible.add(node);
  });

  // 2. Hubs of kept papers.
  const hubs = new Set<string>();
  graph.forEachNode((node, a) => {
    if (a.kind === 'paper' && keptPaper(a.paperId)) hubs.add(node);
  });

  // 3. Ties between actors: kept papers of coauthor edges plus shared hubs, counted (no lists: this runs
  // over whole components for the largest-component filter and the path).
  const keptCount = (a: EdgeAttributes) => {
    if (!a.paperIds.length) return papers === null ? 1 : 0;
    if (papers === null) return a.paperIds.length;
    let c = 0;
    for (const p of a.paperIds) if (papers.has(p)) c++;
    return c;
  };
  const tieCache = new Map<string, Map<string, number>>();
  const ties = (node: string) => {
    let map = tieCache.get(node);
    if (map) return map;
    const m = new Map<string, number>();
    graph.forEachEdge(node, (_edge, a, s, t) => {
      const other = s === node ? t : s;
      if (a.kind === 'coauthor') {
        if (!visible.has(other)) return;
        const c = keptCount(a);
        if (c) m.set(other, (m.get(other) ?? 0) + c);
      } else if (a.kind === 'authorship' && hubs.has(other)) {
        graph.forEachNeighbor(other, (x) => {
          if (x !== node && visible.has(x)) m.set(x, (m.get(x) ?? 0) + 1);
        });
      }
    });
    if (minShared > 1) for (const [k, c] of m) if (c < minShared) m.delete(k);
    map = m;
    tieCache.set(node, map);
    return map;
  };
  /** The kept papers two tied actors share (edge papers, then hub papers). */
  const shared = (u: string, v: string) => {
    const out: string[] = [];
    const edge = graph.edge(u, v);
    if (edge !== undefined) {
      const a = graph.getEdgeAttributes(edge);
      if (a.kind === 'coauthor') out.push(...(a.paperIds.length ? a.paperIds.filter(keptPaper) : papers === null ? [edge] : []));
    }
    graph.forEachNeighbor(u, (h) => {
      if (hubs.has(h) && graph.hasEdge(v, h)) out.push((graph.getNodeAttributes(h) as { paperId: string }).paperId);
    });
    return out;
  };
  const neighbours = (node: string) => new Map([...ties(node).keys()].map((m) => [m, shared(node, m)]));

  const notes: string[] = [];
  // 4. Largest connected component (ties, not drawn edges, so hub papers join their authors).
  if (input.largestComponent && visible.size) {
    const keep = minShared > 1 ? largestByBfs(visible, ties) : largestByUnion(graph, visible, hubs, (a) => keptCount(a) > 0);
    for (const n of [...visible]) if (!keep.has(n)) visible.delete(n);
    tieCache.clear();
  }

  // 5. Ego network.
  if (input.ego) {
    if (visible.has(input.ego.node)) {
      const keep = bfs(input.ego.node, ties, input.ego.depth);
      for (const n of [...visible]) if (!keep.has(n)) visible.delete(n);
      tieCache.clear();
    } else if (graph.hasNode(input.ego.node)) {
      notes.push('The ego view’s author is hidden by the other filters.');
    }
  }

  // Nothing filtered: nothing to hide (the common case, kept cheap).
  const noop = papers === null && minPapers <= 1 && minShared <= 1 && !affiliation && !input.largestComponent && !input.ego;
  if (noop) return { hiddenNodes: new Set(), hiddenEdges: new Set(), actors: [...visible], papersOf, ties, shared, neighbours, notes };

  // 6. Everything else follows the actors.
  const hiddenNodes = new Set<string>();
  const shown = (n: string) => !hiddenNodes.has(n);
  graph.forEachNode((node, a) => {
    if (a.kind === kind) {
      if (!visible.has(node)) hiddenNodes.add(node);
    } else if (a.kind === 'paper' && !hubs.has(node)) hiddenNodes.add(node);
  });
  // Hubs and affiliations stay only with a visible actor.
  graph.forEachNode((node, a) => {
    if (a.kind === kind || hiddenNodes.has(node)) return;
    if (!graph.someNeighbor(node, (m) => visible.has(m))) hiddenNodes.add(node);
  });

  const hiddenEdges = new Set<string>();
  const edgeWeights = papers === null ? undefined : new Map<string, number>();
  // Visible hubs per actor, for counting the hub papers two ends of an edge share.
  const hubsOf = new Map<string, string[]>();
  if (minShared > 1) {
    for (const h of hubs) {
      if (hiddenNodes.has(h)) continue;
      graph.forEachNeighbor(h, (x) => {
        if (visible.has(x)) hubsOf.set(x, [...(hubsOf.get(x) ?? []), h]);
      });
    }
  }
  graph.forEachEdge((edge, a, s, t) => {
    if (!shown(s) || !shown(t)) return void hiddenEdges.add(edge);
    if (a.kind !== 'coauthor') return;
    const kept = keptCount(a);
    // Hub papers the two also share count towards the minimum.
    const hs = hubsOf.get(s);
    const ht = hubsOf.get(t);
    const viaHubs = hs && ht ? hs.filter((h) => ht.includes(h)).length : 0;
    if (!kept || kept + viaHubs < minShared) return void hiddenEdges.add(edge);
    if (edgeWeights && a.paperIds.length) {
      edgeWeights.set(
        edge,
        input.counting === 'full' ? kept : a.paperIds.reduce((w, p) => (papers!.has(p) ? w + 1 / Math.max(1, input.paperSize(p) - 1) : w), 0),
      );
    }
  });

  return { hiddenNodes, hiddenEdges, edgeWeights, actors: [...visible], papersOf, ties, shared, neighbours, notes };
}

/** Breadth-first search up to a depth: node → distance. */
export function bfs(start: string, neighbours: (n: string) => Map<string, unknown>, depth: number): Map<string, number> {
  const dist = new Map([[start, 0]]);
  let frontier = [start];
  for (let d = 1; d <= depth && frontier.length; d++) {
    const next: string[] = [];
    for (const n of frontier) {
      for (const m of neighbours(n).keys()) {
        if (dist.has(m)) continue;
        dist.set(m, d);
        next.push(m);
      }
    }
    frontier = next;
  }
  return dist;
}

function largestByBfs(visible: Set<string>, ties: (n: string) => Map<string, number>): Set<string> {
  const seen = new Set<string>();
  let best = new Set<string>();
  for (const start of visible) {
    if (seen.has(start)) continue;
    const comp = bfs(start, ties, Infinity);
    for (const n of comp.keys()) seen.add(n);
    if (comp.size > best.size) best = new Set(comp.keys());
  }
  return best;
}

/** Largest component by union–find over kept edges and hubs: linear, for ties of at least one paper. */
export function largestByUnion(graph: LensGraph, visible: Set<string>, hubs: Set<string>, kept: (a: EdgeAttributes) => boolean): Set<string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    let y = x;
    while (y !== r) {
      const next = parent.get(y)!;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  for (const n of visible) parent.set(n, n);
  graph.forEachEdge((_e, a, s, t) => {
    if (a.kind === 'coauthor' && visible.has(s) && visible.has(t) && kept(a)) union(s, t);
  });
  for (const h of hubs) {
    let first: string | undefined;
    graph.forEachNeighbor(h, (x) => {
      if (!visible.has(x)) return;
      if (first === undefined) first = x;
      else union(first, x);
    });
  }
  const sizes = new Map<string, number>();
  let bestRoot = '';
  let bestSize = 0;
  // Visible order: the first component to reach the top size wins a tie, as in the BFS version.
  for (const n of visible) {
    const r = find(n);
    const size = (sizes.get(r) ?? 0) + 1;
    sizes.set(r, size);
  }
  for (const n of visible) {
    const r = find(n);
    if (sizes.get(r)! > bestSize) {
      bestSize = sizes.get(r)!;
      bestRoot = r;
    }
  }
  return new Set([...visible].filter((n) => find(n) === bestRoot));
}
