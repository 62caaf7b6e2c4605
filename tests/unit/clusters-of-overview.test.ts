import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { summariseClusters } from '../../src/graph/clusters';
import type { AtlasGraph, BuildOptions } from '../../src/graph/types';

describe('the clusters of a field folder’s overview (cluster nodes, no authors in the page)', () => {
  it('counts each cluster node’s authors and takes its name from its label', () => {
    const g: AtlasGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
    g.replaceAttributes({ datasetId: 'f', options: {} as BuildOptions, communityCount: 3 });
    const cluster = (community: number, label: string, authorCount: number) =>
      g.addNode(`c:${community}`, { kind: 'cluster', label: `${label} · ${authorCount.toLocaleString('en-US')}`, authorCount, community, x: 0, y: 0 });
    cluster(0, 'Ana Ito’s group', 1_234);
    cluster(1, 'Deep learning (authors)', 56);
    cluster(2, '12 smaller groups', 2_000);
    g.addEdgeWithKey('c:0~c:1', 'c:0', 'c:1', { kind: 'coauthor', weight: 3, paperIds: [] });
    // The legend read "Clusters (0)": a cluster node has no author members of its own.
    expect(summariseClusters(g).map(({ community, size, name, nodes }) => ({ community, size, name, nodes }))).toEqual([
      { community: 2, size: 2_000, name: '12 smaller groups', nodes: ['c:2'] },
      { community: 0, size: 1_234, name: 'Ana Ito’s group', nodes: ['c:0'] },
      { community: 1, size: 56, name: 'Deep learning (authors)', nodes: ['c:1'] },
    ]);
  });
});
