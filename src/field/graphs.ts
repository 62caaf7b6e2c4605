/**
 * A field folder (format.ts) as the app's graphs: the overview (one node per cluster, as the app's own overview of a
 * big graph) and one community of a tile (authors, hubs, their edges, as communitySubgraph gives). Pure.
 */
import Graph from 'graphology';
import { edgeKey } from '../graph/build';
import { DEFAULT_BUILD_OPTIONS, authorNodeId, clusterNodeId, paperNodeId, type AtlasGraph, type Counting } from '../graph/types';
import type { FieldIndex, FieldTile } from './format';

const newGraph = (index: FieldIndex, communityCount: number, papers: number, counting: Counting): AtlasGraph => {
  const g: AtlasGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  g.replaceAttributes({
    datasetId: `field:${index.title}`,
    options: { ...DEFAULT_BUILD_OPTIONS, hyperauthorCap: index.options.hyperauthorCap, seed: index.options.seed, counting },
    communityCount,
    fieldFolder: { papers },
  });
  return g;
};

/**
 * The overview: clusters sized by their authors at the CLI's positions, ties between them weighted by shared works
 * (full counting) or Σ 1/(n − 1) (fractional; a folder written before it had only the full weights).
 */
export function fieldOverviewGraph(index: FieldIndex, counting: Counting = 'full'): AtlasGraph {
  const { clusters, rest, edges } = index.overview;
  const g = newGraph(index, clusters.length + (rest ? 1 : 0), index.summary.works, counting);
  for (const c of [...clusters, ...(rest ? [rest] : [])]) {
    g.addNode(clusterNodeId(c.community), {
      kind: 'cluster',
      label: `${c.label} · ${c.authors.toLocaleString('en-US')}`,
      authorCount: c.authors,
      community: c.community,
      x: c.x,
      y: c.y,
    });
  }
  for (const e of edges) {
    const a = clusterNodeId(e.a);
    const b = clusterNodeId(e.b);
    if (a === b || !g.hasNode(a) || !g.hasNode(b)) continue;
    g.mergeEdgeWithKey(edgeKey(a, b), a, b, { kind: 'coauthor', weight: counting === 'fractional' ? (e.fractional ?? e.weight) : e.weight, paperIds: [] });
  }
  return g;
}

/**
 * One community of a tile: its authors, hubs and the edges among them at the CLI's positions; weights by the counting
 * asked for; its papers are the distinct works of its authors.
 */
export function fieldClusterGraph(index: FieldIndex, tile: FieldTile, community: number, counting: Counting = 'full'): AtlasGraph {
  const works = new Set<string>();
  for (const a of tile.authors) if (a.community === community) for (const w of a.works) works.add(w);
  const g = newGraph(index, index.summary.clusters, works.size, counting);
  for (const a of tile.authors) {
    if (a.community !== community) continue;
    g.addNode(authorNodeId(a.id), {
      kind: 'author',
      label: a.label,
      authorKey: a.id,
      spellings: [a.label],
      paperIds: a.works,
      affiliations: [...a.institutions, ...a.countries.map((c) => `Country: ${c}`)],
      community,
      ...(a.firstYear !== null ? { firstYear: a.firstYear } : {}),
      ...(a.lastYear !== null ? { lastYear: a.lastYear } : {}),
      isOwner: false,
      x: a.x,
      y: a.y,
      weights: { Papers: a.papers },
    });
  }
  for (const e of tile.edges) {
    const a = authorNodeId(e.a);
    const b = authorNodeId(e.b);
    if (!g.hasNode(a) || !g.hasNode(b)) continue;
    g.addEdgeWithKey(edgeKey(a, b), a, b, { kind: 'coauthor', weight: counting === 'full' ? e.full : e.fractional, paperIds: e.works });
  }
  for (const h of tile.hubs) {
    if (h.community !== community) continue;
    const hub = paperNodeId(h.id);
    g.addNode(hub, { kind: 'paper', label: h.label, paperId: h.id, authorCount: h.authorCount, community, x: h.x, y: h.y });
    for (const id of h.authors) {
      const a = authorNodeId(id);
      if (g.hasNode(a))
        g.addEdgeWithKey(edgeKey(a, hub), a, hub, {
          kind: 'authorship',
          weight: counting === 'full' ? 1 : 1 / Math.max(1, h.authorCount - 1),
          paperIds: [h.id],
        });
    }
  }
  return g;
}
