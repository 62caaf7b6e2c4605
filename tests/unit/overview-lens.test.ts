import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build';
import type { Counting } from '../../src/graph/types';
import { resolveDataset, paperYear } from '../../src/graph/authors';
import { buildClusterOverview } from '../../src/graph/overview';
import { overviewLens, clusterOfCommunity, type OverviewLensResult } from '../../src/lenses/overviewLens';
import { affiliationsFrom, buildOverviewIndex, overviewLensFromIndex, overviewPathFromIndex } from '../../src/lenses/overviewIndex';
import { indexDataset } from '../../src/graph/dataIndex';
import { filterGraph, pathLens } from '../../src/lenses/compose';
import { asLensGraph } from '../../src/lenses/filters';
import { parseInput } from '../../src/import';
import { syntheticItems } from '../bench/synthetic';
import type { Dataset } from '../../src/model/types';
import { visiblePapers } from '../../src/lenses/papers';
import { DEFAULT_LENS } from '../../src/lenses/types';
import { authorNodeId } from '../../src/graph/types';
import { loadDataset } from './helpers';

describe('lenses on a cluster overview', () => {
  const dataset = loadDataset('profile-full.json');
  const source = buildGraph(dataset);
  // Three clusters drawn one by one and the rest together, as the overview of a big graph would.
  const overview = buildClusterOverview(source, 3);
  const resolved = resolveDataset(dataset);
  const paperSize = (id: string) => resolved.papers.find((p) => p.paper.id === id)!.authorKeys.length;
  const clusterOf = clusterOfCommunity(source, overview);

  it('changes nothing without a filter', () => {
    expect(overviewLens(source, overview, null, {}, { counting: 'full', paperSize })).toBeNull();
  });

  it('a year range keeps, per cluster, exactly the authors of that year’s papers', () => {
    const papers = visiblePapers(dataset.papers, { ...DEFAULT_LENS, years: [2024, 2024] })!;
    const r = overviewLens(source, overview, papers, {}, { counting: 'full', paperSize })!;
    // Independent count: the dataset's 2024 papers, their resolved authors, each author's community.
    const authors2024 = new Set<string>();
    for (const rp of resolved.papers) if (paperYear(rp.paper) === 2024) for (const k of rp.authorKeys) authors2024.add(k);
    const expected = new Map<string, number>();
    for (const k of authors2024) {
      const c = clusterOf(source.getNodeAttribute(authorNodeId(k), 'community'))!;
      expected.set(c, (expected.get(c) ?? 0) + 1);
    }
    expect(authors2024.size).toBeGreaterThan(0);
    expect(r.kept).toEqual(expected);
    expect(r.note).toMatch(new RegExp(`^${authors2024.size.toLocaleString('en-US')} of `));
    // Clusters without a 2024 author hide; the others keep their node, sized by what they keep.
    overview.forEachNode((node) => {
      expect(r.hiddenNodes.has(node)).toBe(!expected.has(node));
      if (expected.has(node)) expect(r.nodeSizes.get(node)).toBeGreaterThan(0);
    });
    // A tie between two drawn clusters is shown only with a weight from kept papers.
    overview.forEachEdge((edge) => {
      if (!r.hiddenEdges.has(edge)) expect(r.edgeWeights.get(edge)).toBeGreaterThan(0);
    });
  });

  it('a year with no papers hides every cluster', () => {
    const papers = visiblePapers(dataset.papers, { ...DEFAULT_LENS, years: [1990, 1991] })!;
    const r = overviewLens(source, overview, papers, {}, { counting: 'full', paperSize })!;
    expect(r.hiddenNodes.size).toBe(overview.order);
    expect(r.note).toMatch(/^0 of /);
  });

  it('minimum papers per author counts each author’s papers', () => {
    const r = overviewLens(source, overview, null, { minPapers: 3 }, { counting: 'full', paperSize })!;
    const expected = [...resolved.authors.values()].filter((a) => a.paperIds.length >= 3).length;
    expect([...r.kept.values()].reduce((s, n) => s + n, 0)).toBe(expected);
  });
});

/** A seeded synthetic bibliography of `authorships` author positions, as a dataset. */
function syntheticDataset(authorships: number, seed: number): Dataset {
  return { id: 's', title: 's', papers: parseInput(JSON.stringify(syntheticItems(authorships, seed)), 'csl-json').papers, aliases: [] };
}

/** The whole graph, its overview of `clusters` clusters, the dataset's index and the overview lenses' index, as the pipeline makes them. */
function overviewFixture(ds: Dataset, hyperauthorCap: number, clusters: number, counting: Counting = 'full') {
  const source = buildGraph(ds, { hyperauthorCap, counting });
  const overview = buildClusterOverview(source, clusters);
  const resolved = resolveDataset(ds);
  const sizes = new Map(resolved.papers.map((p) => [p.paper.id, p.authorKeys.length]));
  const paperSize = (id: string) => sizes.get(id) ?? 1;
  return { source, overview, resolved, index: indexDataset(ds, resolved), paperSize, ix: buildOverviewIndex(source, overview, paperSize) };
}

describe('the compact overview index gives the same answers as the reference pass', () => {
  const round = (r: OverviewLensResult | null) =>
    r && {
      hiddenNodes: [...r.hiddenNodes].sort(),
      hiddenEdges: [...r.hiddenEdges].sort(),
      kept: [...r.kept.entries()].sort(),
      nodeSizes: [...r.nodeSizes.entries()].sort(),
      edgeWeights: [...r.edgeWeights.entries()].map(([k, v]) => [k, Math.round(v * 1e9) / 1e9]).sort(),
      note: r.note,
    };
  const synthetic = syntheticDataset(12_000, 3);
  for (const [name, ds, cap] of [
    ['embedded profile', loadDataset('profile-full.json'), 25],
    ['synthetic 12k authorships', synthetic, 25],
    ['synthetic, every paper a hub', synthetic, 1],
  ] as const) {
    it(name, () => {
      // The app builds its graph with the counting its lenses use: top N reads the built ties' weights.
      const built = { full: overviewFixture(ds, cap, 12, 'full'), fractional: overviewFixture(ds, cap, 12, 'fractional') };
      const years = [...new Set(ds.papers.map((p) => paperYear(p)).filter((y): y is number => y !== undefined))].sort();
      const mid = years[Math.floor(years.length / 2)];
      const cases = [
        [null, {}],
        [visiblePapers(ds.papers, { ...DEFAULT_LENS, years: [mid, mid] }), {}],
        [visiblePapers(ds.papers, { ...DEFAULT_LENS, years: [mid, mid + 3] }), { minShared: 2 }],
        [null, { minPapers: 3 }],
        [null, { largestComponent: true }],
        [visiblePapers(ds.papers, { ...DEFAULT_LENS, years: [years[0], mid] }), { largestComponent: true, minPapers: 2 }],
        // Top N by total link strength (VOSviewer's threshold): the index counts links and strengths as linkStrengths does.
        [null, { topStrength: 40 }],
        [null, { minPapers: 2, topStrength: 15 }],
        [visiblePapers(ds.papers, { ...DEFAULT_LENS, years: [mid, mid + 3] }), { minShared: 2, topStrength: 25 }],
        [visiblePapers(ds.papers, { ...DEFAULT_LENS, years: [years[0], mid] }), { largestComponent: true, topStrength: 30 }],
      ] as const;
      // The affiliation filter, with the authors' affiliations read from the source graph's nodes: the most common one.
      const affiliationCount = new Map<string, number>();
      built.full.source.forEachNode((_n, a) => {
        if (a.kind === 'author') for (const x of a.affiliations) affiliationCount.set(x, (affiliationCount.get(x) ?? 0) + 1);
      });
      const affiliation = [...affiliationCount].sort((a, b) => b[1] - a[1])[0]?.[0];
      const withAffiliation = affiliation
        ? ([
            [null, { affiliation }],
            [visiblePapers(ds.papers, { ...DEFAULT_LENS, years: [years[0], mid] }), { affiliation, topStrength: 5 }],
          ] as const)
        : [];
      if (name === 'embedded profile') expect(affiliation).toBeDefined();
      for (const [papers, f] of [...cases, ...withAffiliation]) {
        for (const counting of ['full', 'fractional'] as const) {
          const { source, overview, paperSize, ix } = built[counting];
          const reference = overviewLens(source, overview, papers, f, { counting, paperSize });
          const fast = overviewLensFromIndex(ix, papers, f, counting, affiliationsFrom(ix, source));
          expect(round(fast)).toEqual(round(reference));
        }
      }
    });
  }
});

describe('the path lens on an overview finds the same path as on the whole graph', () => {
  const synthetic = syntheticDataset(8_000, 5);
  for (const [name, ds, cap] of [
    ['embedded profile', loadDataset('profile-full.json'), 25],
    ['synthetic 8k authorships', synthetic, 25],
    ['synthetic, every paper a hub', synthetic, 1],
  ] as const) {
    it(name, () => {
      const { source, overview, resolved, index, ix } = overviewFixture(ds, cap, 10);
      const keys = [...resolved.authors.keys()];
      // A spread of pairs: neighbours, far apart, and unconnected ones.
      const pairs: [string, string][] = [];
      for (let i = 0; i < 12; i++) pairs.push([keys[(i * 7919) % keys.length], keys[(i * 104729 + 13) % keys.length]]);
      const years = [...new Set(ds.papers.map((p) => paperYear(p)).filter((y): y is number => y !== undefined))].sort();
      const lenses = [
        [null, {}],
        [visiblePapers(ds.papers, { ...DEFAULT_LENS, years: [years[0], years[Math.floor(years.length / 2)]] }), {}],
        [null, { minShared: 2 }],
      ] as const;
      let found = 0;
      for (const [papers, f] of lenses) {
        const filter = filterGraph(asLensGraph(source), index, papers, 'full', f);
        for (const pair of pairs) {
          const whole = pathLens(asLensGraph(source), filter, pair, index);
          const fast = overviewPathFromIndex(ix, papers, f, pair, (k) => index.author(k)?.label ?? k);
          const norm = (p: typeof whole.path) => p && { nodes: p.nodes, hops: p.hops.map((h) => ({ ...h, paperIds: [...h.paperIds].sort() })) };
          expect(norm(fast.path)).toEqual(norm(whole.path));
          if (whole.path) {
            found++;
            // The clusters the path passes through are what the overview highlights.
            for (const n of whole.path.nodes)
              expect(fast.highlight!.nodes.has(clusterOfCommunity(source, overview)(source.getNodeAttribute(n, 'community'))!)).toBe(true);
          } else expect(fast.note).toMatch(/^No collaboration path/);
        }
      }
      expect(found).toBeGreaterThan(0);
    });
  }
});

describe('the largest component on an overview, when two are equally large', () => {
  it('keeps the one met first in author order, in the index as in the reference pass', () => {
    const paper = (id: string, names: string[], year: number) => ({ id, title: id, truncated: false, year, authors: names.map((name) => ({ name })) });
    // Authors in order: Ann, Eve, Bob, Cal, Dan, Fay. Components {Ann, Eve, Fay} and {Bob, Cal, Dan}, three each;
    // {Bob, Cal, Dan} is complete first (at Dan), {Ann, Eve, Fay} is met first (at Ann).
    const ds: Dataset = {
      id: 'tie',
      title: 'tie',
      aliases: [],
      papers: [paper('p1', ['Ann', 'Eve'], 2020), paper('p2', ['Bob', 'Cal'], 2020), paper('p3', ['Cal', 'Dan'], 2020), paper('p4', ['Eve', 'Fay'], 2020)],
    };
    const source = buildGraph(ds);
    const overview = buildClusterOverview(source, 10);
    const ix = buildOverviewIndex(source, overview, () => 2);
    const reference = overviewLens(source, overview, null, { largestComponent: true }, { counting: 'full', paperSize: () => 2 })!;
    const fast = overviewLensFromIndex(ix, null, { largestComponent: true }, 'full')!;
    const clusterOf = clusterOfCommunity(source, overview);
    const expected = new Map<string, number>();
    for (const name of ['ann', 'eve', 'fay']) {
      const c = clusterOf(source.getNodeAttribute(authorNodeId(name), 'community'))!;
      expected.set(c, (expected.get(c) ?? 0) + 1);
    }
    expect(reference.kept).toEqual(expected);
    expect(fast.kept).toEqual(expected);
    expect(fast.note).toMatch(/^3 of 6 authors kept/);
  });
});
