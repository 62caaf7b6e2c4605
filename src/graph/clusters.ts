import type { AtlasGraph } from './types';

export interface ClusterSummary {
  community: number;
  /** Author members (hubs and affiliations are not counted). */
  size: number;
  /** Named after a hub paper whose authors make half the cluster, else a dominant affiliation, else its most connected author. */
  name: string;
  topAuthor?: string;
  nodes: string[];
}

/** Clusters by size (largest first) with a human name each. */
export function summariseClusters(graph: AtlasGraph): ClusterSummary[] {
  const byCommunity = new Map<
    number,
    {
      nodes: string[];
      authors: number;
      best?: { node: string; score: number };
      affs: Map<string, number>;
      hubs: { title: string; authors: number }[];
      /** A cluster node's own name (a field folder's overview, whose authors are not in the page). */
      named?: string;
    }
  >();
  graph.forEachNode((node, a) => {
    let c = byCommunity.get(a.community);
    if (!c) byCommunity.set(a.community, (c = { nodes: [], authors: 0, affs: new Map(), hubs: [] }));
    c.nodes.push(node);
    if (a.kind === 'cluster') {
      // It stands for its authors: counted and named as its label says ("Name · 1,234").
      c.authors += a.authorCount;
      c.named ??= a.label.replace(/ · [\d,]+$/, '');
      return;
    }
    if (a.kind === 'paper') c.hubs.push({ title: a.label, authors: a.authorCount });
    if (a.kind !== 'author') return;
    c.authors++;
    for (const aff of a.affiliations) c.affs.set(aff, (c.affs.get(aff) ?? 0) + 1);
    // Weighted degree over coauthor ties only; the owner would otherwise name every cluster.
    let score = 0;
    graph.forEachEdge(node, (_e, e) => {
      if (e.kind === 'coauthor') score += e.weight;
    });
    if (a.isOwner) score = -1;
    if (!c.best || score > c.best.score) c.best = { node, score };
  });
  const result: ClusterSummary[] = [];
  for (const [community, c] of byCommunity) {
    if (c.authors === 0) continue;
    const topAff = [...c.affs.entries()].sort((x, y) => y[1] - x[1])[0];
    const topAuthor = c.best ? graph.getNodeAttribute(c.best.node, 'label') : undefined;
    const hub = c.hubs.sort((x, y) => y.authors - x.authors)[0];
    const name = c.named
      ? c.named
      : hub && hub.authors * 2 >= c.authors
        ? `${hub.title} (authors)`
        : topAff && topAff[1] * 2 >= c.authors
          ? topAff[0]
          : topAuthor
            ? `${topAuthor}’s group`
            : `Cluster ${community + 1}`;
    result.push({ community, size: c.authors, name, topAuthor, nodes: c.nodes });
  }
  return result.sort((x, y) => y.size - x.size || x.community - y.community);
}
