import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { preparedMessages, transferOf, type PreparedGraph } from '../../src/app/pipeline';
import { resolveDataset } from '../../src/graph/authors';
import { buildGraph } from '../../src/graph/build';
import { summariseClusters } from '../../src/graph/clusters';
import { EDGES_APART_MIN, edgesApartOf, hasNodeTables, keepsEdgesApart } from '../../src/graph/edgesApart';
import { buildClusterOverview, communitySubgraph } from '../../src/graph/overview';
import { GraphAssembler } from '../../src/graph/transfer';
import type { AtlasGraph, BuildOptions } from '../../src/graph/types';
import { parseInput } from '../../src/import';
import type { Dataset } from '../../src/model/types';
import { syntheticItems } from '../bench/synthetic';
import { loadDataset } from './helpers';

const synthetic = (authorships: number, seed: number): Dataset => ({
  id: 's',
  title: 's',
  papers: parseInput(JSON.stringify(syntheticItems(authorships, seed)), 'csl-json').papers,
  aliases: [],
});

/** What the page holds after the pipeline worker sent `source` with its edges apart: every message cloned as postMessage would. */
function receivedApart(source: AtlasGraph) {
  const prepared: PreparedGraph = { source, clusters: summariseClusters(source), overview: buildClusterOverview(source, 10) };
  const page = new GraphAssembler();
  let moved = 0;
  for (const m of preparedMessages(prepared, 0)) {
    if (m.type !== 'graph') continue;
    const transfer = transferOf(m);
    moved += transfer.length;
    page.add(structuredClone(m.slice, { transfer }));
  }
  return { nodes: page.result(), edges: page.edgesApart()!, moved };
}

describe('a very big graph reaches the page with its edges apart, and drilling gives the same clusters', () => {
  for (const [name, ds, options] of [
    // Hubs (papers over the cap), affiliations, and plain coauthor ties.
    ['embedded profile, papers over 5 authors as hubs', loadDataset('profile-full.json'), { hyperauthorCap: 5 }],
    ['synthetic 12k authorships', synthetic(12_000, 7), {}],
    ['synthetic 12k authorships, fractional, every paper a hub', synthetic(12_000, 8), { counting: 'fractional', hyperauthorCap: 2 }],
  ] as [string, Dataset, Partial<BuildOptions>][]) {
    it(name, () => {
      const source = buildGraph(ds, options, resolveDataset(ds));
      const { nodes, edges, moved } = receivedApart(source);
      // The page's graph: every node with its attributes, no edge; their counts ride along.
      expect(nodes.order).toBe(source.order);
      expect(nodes.size).toBe(0);
      expect(nodes.nodes()).toEqual(source.nodes());
      const coauthorLinks = source.filterEdges((_e, a) => a.kind === 'coauthor').length;
      expect(nodes.getAttribute('edgesApart')).toEqual({ edges: source.size, coauthorLinks });
      expect(moved).toBe(8);
      expect(edges.size).toBe(source.size);
      // The node tables a drill reads were built from the slices as they arrived (no pass over the graph at the first drill).
      expect(hasNodeTables(nodes)).toBe(true);
      // Every community drilled from the arrays is the graph communitySubgraph makes from the whole graph: nodes, edges,
      // their order, ends, keys and attributes (export() lists them all, in order), and the graph's attributes.
      const communities = [...new Set(source.mapNodes((_n, a) => a.community))];
      expect(communities.length).toBeGreaterThan(1);
      let drilled = 0;
      let drilledEdges = 0;
      for (const c of communities) {
        const whole = communitySubgraph(source, c);
        const apart = communitySubgraph(nodes, c, edges);
        expect(apart.export()).toEqual(whole.export());
        drilled += apart.order;
        drilledEdges += apart.size;
      }
      expect(drilled).toBe(source.order);
      expect(drilledEdges).toBeGreaterThan(0);
    });
  }

  it('keeps keys that are not the builder’s own', () => {
    const g: AtlasGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
    g.replaceAttributes({ datasetId: 'x', options: {} as BuildOptions, communityCount: 1 });
    for (const n of ['a:1', 'a:2', 'a:3'])
      g.addNode(n, { kind: 'author', label: n, authorKey: n, spellings: [], paperIds: [], affiliations: [], community: 0, isOwner: false, x: 0, y: 0 });
    g.addEdgeWithKey('a:1~a:2', 'a:1', 'a:2', { kind: 'coauthor', weight: 1, paperIds: ['p'] });
    g.addEdgeWithKey('e-17', 'a:3', 'a:2', { kind: 'coauthor', weight: 2, paperIds: ['p', 'q'] });
    const edges = edgesApartOf(g);
    expect(edges.keys).toEqual(['a:1~a:2', 'e-17']);
    const nodes = g.copy();
    nodes.clearEdges();
    expect(communitySubgraph(nodes, 0, edges).export()).toEqual(communitySubgraph(g, 0).export());
  });

  it('refuses a graph whose edges did not arrive', () => {
    const source = buildGraph(synthetic(3_000, 2));
    const page = new GraphAssembler();
    for (const m of preparedMessages({ source, clusters: [], overview: buildClusterOverview(source) }, 0))
      if (m.type === 'graph' && m.slice.part !== 'edges-apart') page.add(m.slice);
    expect(() => page.result()).toThrow(/edges kept apart did not arrive/);
  });

  it('is only for graphs with an overview and past the threshold', () => {
    const source = buildGraph(synthetic(3_000, 2));
    expect(keepsEdgesApart(source, false, 0)).toBe(false);
    expect(keepsEdgesApart(source, true, source.size)).toBe(false);
    expect(keepsEdgesApart(source, true, source.size - 1)).toBe(true);
    expect(keepsEdgesApart(source, true)).toBe(source.size > EDGES_APART_MIN);
    // Without a threshold (graph files), the graph travels whole.
    const whole = new GraphAssembler();
    for (const m of preparedMessages({ source, clusters: [], overview: buildClusterOverview(source) })) if (m.type === 'graph') whole.add(m.slice);
    expect(whole.result().size).toBe(source.size);
    expect(whole.edgesApart()).toBeNull();
  });
});
