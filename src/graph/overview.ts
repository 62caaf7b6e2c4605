/**
 * Level of detail for graphs too big to draw author by author: an overview with one node per
 * community (sized by members, edges weighted by the ties between communities), and the subgraph
 * of one community to drill into. Pure; positions come from the source graph, so nothing moves.
 */
import Graph from 'graphology';
import { clusterNodeId, type AtlasGraph } from './types';
import { summariseClusters } from './clusters';
import { vosLayout } from './algorithms';
import { subgraphApart, type EdgesApart } from './edgesApart';

/** Above either figure the app opens on the overview (tuned from BENCHMARKS.md: ~20k nodes draw slowly in software WebGL). */
export const LOD_MIN_NODES = 20_000;
export const LOD_MIN_EDGES = 100_000;
/** Communities drawn one by one in the overview; the smaller rest share one node. */
export const OVERVIEW_MAX_CLUSTERS = 400;

export function needsOverview(graph: AtlasGraph): boolean {
  return graph.order > LOD_MIN_NODES || graph.size > LOD_MIN_EDGES;
}

export function buildClusterOverview(source: AtlasGraph, maxClusters = OVERVIEW_MAX_CLUSTERS): AtlasGraph {
  const summaries = summariseClusters(source);
  const kept = summaries.slice(0, maxClusters);
  const rest = summaries.slice(maxClusters);
  // An id no community has, for "the rest" (graph files keep their own community numbering).
  const restCommunity = summaries.reduce((m, c) => Math.max(m, c.community), -1) + 1;
  const nodeOf = new Map<number, string>();
  for (const c of kept) nodeOf.set(c.community, clusterNodeId(c.community));
  for (const c of rest) nodeOf.set(c.community, clusterNodeId(restCommunity));

  const overview: AtlasGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  overview.replaceAttributes({ ...source.getAttributes(), communityCount: kept.length + (rest.length ? 1 : 0) });
  const centroid = (nodes: string[]) => {
    let x = 0;
    let y = 0;
    for (const n of nodes) {
      x += source.getNodeAttribute(n, 'x');
      y += source.getNodeAttribute(n, 'y');
    }
    return { x: x / Math.max(1, nodes.length), y: y / Math.max(1, nodes.length) };
  };
  // A cluster's authors' papers (distinct) and years active, so the overview can be coloured by year or citations.
  const works = (nodes: string[]) => {
    const papers = new Set<string>();
    let firstYear = Infinity;
    let lastYear = -Infinity;
    for (const n of nodes) {
      const a = source.getNodeAttributes(n);
      if (a.kind !== 'author') continue;
      for (const p of a.paperIds) papers.add(p);
      if (a.firstYear !== undefined) firstYear = Math.min(firstYear, a.firstYear);
      if (a.lastYear !== undefined) lastYear = Math.max(lastYear, a.lastYear);
    }
    return { paperIds: [...papers], ...(firstYear <= lastYear ? { firstYear, lastYear } : {}) };
  };
  for (const c of kept) {
    overview.addNode(clusterNodeId(c.community), {
      kind: 'cluster',
      label: `${c.name} · ${c.size.toLocaleString('en-US')}`,
      authorCount: c.size,
      community: c.community,
      ...centroid(c.nodes),
      ...works(c.nodes),
    });
  }
  if (rest.length) {
    const members = rest.flatMap((c) => c.nodes);
    const authors = rest.reduce((s, c) => s + c.size, 0);
    overview.addNode(clusterNodeId(restCommunity), {
      kind: 'cluster',
      label: `${rest.length.toLocaleString('en-US')} smaller groups · ${authors.toLocaleString('en-US')}`,
      authorCount: authors,
      community: restCommunity,
      ...centroid(members),
      ...works(members),
    });
  }
  source.forEachEdge((_e, attrs, _s, _t, sa, ta) => {
    const a = nodeOf.get(sa.community);
    const b = nodeOf.get(ta.community);
    if (!a || !b || a === b) return;
    const key = a < b ? `${a}~${b}` : `${b}~${a}`;
    if (overview.hasEdge(key)) overview.updateEdgeAttribute(key, 'weight', (w) => (w ?? 0) + attrs.weight);
    else overview.addEdgeWithKey(key, a, b, { kind: 'coauthor', weight: attrs.weight, paperIds: [] });
  });
  layOutOverview(overview);
  return overview;
}

/**
 * With the VOS layout chosen, the overview is what VOS lays out: its few hundred cluster nodes and their summed ties
 * (the whole graph is past VOS_MAX_NODES), started from the clusters' centroids. Nothing runs after it. As VOSviewer
 * maps the largest set of connected items, VOS lays out the largest connected set of clusters; the clusters tied to
 * none of it (small groups that wrote only among themselves) would otherwise fly apart and crush it into a dot, so
 * they are set on a ring around it, largest first.
 */
export function layOutOverview(overview: AtlasGraph): void {
  overview.removeAttribute('vosLayout');
  const options = overview.getAttribute('options');
  if (options?.layout !== 'vos' || overview.order === 0) return;
  const core = largestConnected(overview);
  const sub: AtlasGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const n of core) sub.addNode(n, { ...overview.getNodeAttributes(n) });
  overview.forEachEdge((e, a, s, t) => {
    if (core.has(s) && core.has(t)) sub.addEdgeWithKey(e, s, t, { ...a });
  });
  const layout = vosLayout(sub, options.seed);
  if (!layout) return;
  let i = 0;
  let radius = 0;
  sub.forEachNode((n) => {
    overview.mergeNodeAttributes(n, { x: layout.x[i], y: layout.y[i] });
    radius = Math.max(radius, Math.hypot(layout.x[i], layout.y[i]));
    i++;
  });
  const size = (n: string) => {
    const a = overview.getNodeAttributes(n);
    return a.kind === 'cluster' ? a.authorCount : 0;
  };
  const rest = overview.filterNodes((n) => !core.has(n)).sort((a, b) => size(b) - size(a));
  const ring = Math.max(1, radius) * 1.25;
  rest.forEach((n, k) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * k) / rest.length;
    overview.mergeNodeAttributes(n, { x: ring * Math.cos(angle), y: ring * Math.sin(angle) });
  });
  overview.setAttribute('vosLayout', true);
}

/** The largest set of nodes connected by ties of positive weight (first found among equals). */
function largestConnected(graph: AtlasGraph): Set<string> {
  const seen = new Set<string>();
  let best = new Set<string>();
  graph.forEachNode((start) => {
    if (seen.has(start)) return;
    const component = new Set([start]);
    seen.add(start);
    const queue = [start];
    while (queue.length) {
      const n = queue.pop()!;
      graph.forEachEdge(n, (_e, a, s, t) => {
        const m = s === n ? t : s;
        if (!(a.weight > 0) || seen.has(m)) return;
        seen.add(m);
        component.add(m);
        queue.push(m);
      });
    }
    if (component.size > best.size) best = component;
  });
  return best;
}

/** Each community's nodes in the graph's order, made once per source graph (source graphs are not changed after they are built). */
const membersCache = new WeakMap<AtlasGraph, { order: number; members: Map<number, string[]> }>();

/** Gives membersOf the member lists the page gathered while the graph arrived (GraphAssembler.communityMembers). */
export function primeCommunityMembers(source: AtlasGraph, members: ReadonlyMap<number, string[]>): void {
  membersCache.set(source, { order: source.order, members: new Map(members) });
}

function membersOf(source: AtlasGraph, community: number): string[] {
  let cached = membersCache.get(source);
  if (!cached || cached.order !== source.order) {
    const members = new Map<number, string[]>();
    source.forEachNode((node, attrs) => {
      const list = members.get(attrs.community);
      if (list) list.push(node);
      else members.set(attrs.community, [node]);
    });
    cached = { order: source.order, members };
    membersCache.set(source, cached);
  }
  return cached.members.get(community) ?? [];
}

/**
 * The nodes of one community (authors, hubs, affiliations) and the edges among them, positions kept. Costs the
 * community's own nodes and their edges, not the whole graph (after one pass over the nodes per source graph): on the
 * million-authorship benchmark the whole-graph pass took about a second per drill. Nodes come in the source's order;
 * each edge comes when its later endpoint is added.
 */
export function communitySubgraph(source: AtlasGraph, community: number, edgesApart?: EdgesApart | null): AtlasGraph {
  // A graph whose edges are kept apart (edgesApart.ts) gives the same subgraph from its flat arrays.
  if (edgesApart) return subgraphApart(source, edgesApart, membersOf(source, community));
  const sub: AtlasGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  sub.replaceAttributes({ ...source.getAttributes() });
  for (const node of membersOf(source, community)) {
    sub.addNode(node, { ...source.getNodeAttributes(node) });
    source.forEachEdge(node, (edge, attrs, s, t) => {
      const other = s === node ? t : s;
      if (other !== node && sub.hasNode(other) && !sub.hasEdge(edge)) sub.addEdgeWithKey(edge, s, t, { ...attrs, paperIds: [...attrs.paperIds] });
    });
  }
  return sub;
}
