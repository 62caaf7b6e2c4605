import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build';
import { resolveDataset } from '../../src/graph/authors';
import { buildClusterOverview } from '../../src/graph/overview';
import { indexDataset } from '../../src/graph/dataIndex';
import { clusterOfCommunity, overviewLens } from '../../src/lenses/overviewLens';
import { indexAnswers } from '../../src/lenses/overviewIndex';
import { filterGraph } from '../../src/lenses/compose';
import { asLensGraph } from '../../src/lenses/filters';
import { mapLens } from '../../src/lenses/mapLens';
import { loadDataset } from './helpers';

describe('top N by total link strength on a cluster overview', () => {
  const dataset = loadDataset('profile-full.json');
  const resolved = resolveDataset(dataset);
  const index = indexDataset(dataset, resolved);
  const source = buildGraph(dataset, {}, resolved);
  const graph = asLensGraph(source);
  // Three clusters drawn one by one and the rest together, as the overview of a big graph would.
  const overview = buildClusterOverview(source, 3);
  const clusterOf = clusterOfCommunity(source, overview);
  const paperSize = (id: string) => index.authorsOf(id).length;

  /** Per overview cluster, the authors the whole-graph lens keeps: the answer the overview must sum. */
  function wholeGraphKept(minPapers: number | undefined, top: number) {
    const filter = filterGraph(graph, index, null, 'full', { minPapers });
    const kept = mapLens(graph, filter, { topStrength: top }, 'full', paperSize).filter.actors;
    const perCluster = new Map<string, number>();
    for (const n of kept) {
      const c = clusterOf(source.getNodeAttribute(n, 'community'))!;
      perCluster.set(c, (perCluster.get(c) ?? 0) + 1);
    }
    return { kept, perCluster };
  }

  for (const [minPapers, top] of [
    [undefined, 10],
    [2, 5],
    [undefined, 600],
  ] as const) {
    it(`min papers ${minPapers ?? 1}, top ${top}: the same authors as on the whole graph, summed per cluster`, () => {
      const want = wholeGraphKept(minPapers, top);
      expect(want.kept.length).toBe(top);
      const r = overviewLens(source, overview, null, { minPapers, topStrength: top }, { counting: 'full', paperSize })!;
      expect(r.kept).toEqual(want.perCluster);
      expect(r.note).toMatch(new RegExp(`^${top} of `));
      overview.forEachNode((node) => expect(r.hiddenNodes.has(node)).toBe(!want.perCluster.has(node)));
    });
  }

  it('the typed-array index answers top N too, and the affiliation filter when it can read the affiliations', () => {
    expect(indexAnswers({ minPapers: 2 })).toBe(true);
    expect(indexAnswers({ topStrength: 10 })).toBe(true);
    expect(indexAnswers({ affiliation: 'X' })).toBe(false);
    expect(indexAnswers({ affiliation: 'X' }, true)).toBe(true);
  });
});
