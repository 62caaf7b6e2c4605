import { describe, expect, it } from 'vitest';
import { parseInput } from '../../src/import';
import { buildGraph } from '../../src/graph/build';
import { resolveDataset } from '../../src/graph/authors';
import { summariseClusters } from '../../src/graph/clusters';
import { buildClusterOverview, needsOverview } from '../../src/graph/overview';
import { GraphAssembler, graphSlices, ResolvedAssembler, NODE_SLICE, EDGE_SLICE } from '../../src/graph/transfer';
import { prepareDataset, preparedMessages, transferOf, type PipelineMessage } from '../../src/app/pipeline';
import { PreparedAssembler } from '../../src/app/preparedAssembler';
import { buildOverviewIndex } from '../../src/lenses/overviewIndex';
import { DEFAULT_BUILD_OPTIONS } from '../../src/graph/types';
import type { Dataset } from '../../src/model/types';
import { syntheticItems } from '../bench/synthetic';
import { loadDataset } from './helpers';

/** The page side of the worker protocol, as usePipeline runs it, over a structured clone of each message (moving what it moves). */
function receive(messages: Iterable<PipelineMessage>, dataset: Dataset) {
  const page = new PreparedAssembler(dataset.papers);
  let count = 0;
  for (const original of messages) {
    page.add(structuredClone(original, { transfer: transferOf(original) }));
    count++;
  }
  const { prepared, resolved, papersById } = page.result();
  return { graph: prepared.source, resolved: resolved!, prepared, papersById: papersById!, count };
}

describe('building in a worker and sending the graph in slices', () => {
  // Big enough for several slices of nodes and edges and for the cluster overview.
  const parsed = parseInput(JSON.stringify(syntheticItems(80_000, 7)), 'csl-json');
  const dataset: Dataset = { id: 'synthetic', title: 'synthetic', papers: parsed.papers, aliases: [] };

  it('gives the page the same graph, resolved authors, clusters and overview as building on the page', () => {
    const prepared = prepareDataset(dataset, DEFAULT_BUILD_OPTIONS, 'author');
    const direct = buildGraph(dataset, DEFAULT_BUILD_OPTIONS);
    expect(prepared.source.order).toBeGreaterThan(2 * NODE_SLICE);
    expect(prepared.source.size).toBeGreaterThan(2 * EDGE_SLICE);
    expect(needsOverview(direct)).toBe(true);

    const got = receive(preparedMessages(prepared), dataset);
    expect(got.count).toBeGreaterThan(6);
    // Same nodes and edges in the same order, with the same attributes: the layout and Louvain see the same graph.
    expect(JSON.stringify(got.graph.export())).toBe(JSON.stringify(direct.export()));
    const local = resolveDataset(dataset);
    expect([...got.resolved.authors.keys()]).toEqual([...local.authors.keys()]);
    expect([...got.resolved.authors.values()]).toEqual([...local.authors.values()]);
    expect(got.resolved.papers.map((p) => p.authorKeys)).toEqual(local.papers.map((p) => p.authorKeys));
    expect(got.resolved.papers.map((p) => p.ownerAdded)).toEqual(local.papers.map((p) => p.ownerAdded));
    // The page's own paper objects, not copies.
    expect(got.resolved.papers[3].paper).toBe(dataset.papers[3]);
    // Author nodes hold their resolved author's arrays, as in the worker (sent once, with the authors).
    const messages = [...preparedMessages(prepared)];
    const shared = messages.flatMap((m) => (m.type === 'graph' && m.slice.part === 'nodes' ? (m.slice.fromAuthors ?? []) : []));
    expect(shared.length).toBe(got.resolved.authors.size);
    for (const [key, author] of got.resolved.authors) {
      const node = got.graph.getNodeAttributes(`a:${key}`);
      expect(node.kind === 'author' && node.paperIds).toBe(author.paperIds);
      expect(node.kind === 'author' && node.spellings).toBe(author.spellings);
    }
    // Clusters arrive without their members, and get them from the nodes the page received: the same lists.
    expect(got.prepared.clusters).toEqual(summariseClusters(direct));
    expect(JSON.stringify(got.prepared.overview!.export())).toBe(JSON.stringify(buildClusterOverview(direct).export()));
    // The overview comes in slices too, each a short task on the page: its head, its nodes, its edges.
    const overviewSlices = messages.flatMap((m) => (m.type === 'overview' ? [m.slice] : []));
    expect(overviewSlices.map((s) => s.part)).toEqual(['head', 'nodes', ...(got.prepared.overview!.size > 0 ? ['edges'] : [])]);
    // The overview lenses' index arrives whole (its arrays moved, not copied).
    expect(got.prepared.overviewIndex).toEqual(
      buildOverviewIndex(direct, buildClusterOverview(direct), (id) => got.resolved.papers.find((p) => p.paper.id === id)!.authorKeys.length),
    );
    // Papers by id, gathered as the slices came.
    expect(got.papersById.size).toBe(dataset.papers.length);
    expect(got.papersById.get(dataset.papers[5].id)!.paper).toBe(dataset.papers[5]);
  });

  it('keeps the owner added to truncated papers (embedded profile)', () => {
    const full = loadDataset('profile-full.json');
    const shown = loadDataset('profile-shown.json');
    for (const ds of [full, shown]) {
      const prepared = prepareDataset(ds, DEFAULT_BUILD_OPTIONS, 'author');
      const got = receive(preparedMessages(prepared), ds);
      const local = resolveDataset(ds);
      expect(got.resolved.ownerKey).toBe(local.ownerKey);
      expect(got.resolved.papers.map((p) => p.ownerAdded)).toEqual(local.papers.map((p) => p.ownerAdded));
      expect(got.prepared.overview).toBeNull();
    }
    expect(resolveDataset(shown).papers.some((p) => p.ownerAdded)).toBe(true);
  });

  it('refuses an incomplete transfer instead of showing part of a graph', () => {
    const prepared = prepareDataset(loadDataset('profile-full.json'), DEFAULT_BUILD_OPTIONS, 'author');
    const slices = [...graphSlices(prepared.source)];
    const assembler = new GraphAssembler();
    for (const s of slices.slice(0, -1)) assembler.add(s);
    expect(() => assembler.result()).toThrow(/incomplete/);
    const resolved = new ResolvedAssembler([]);
    expect(() => resolved.add({ part: 'head', authors: 1, papers: 2 })).toThrow(/dataset of 0/);
  });
});
