import { describe, expect, it } from 'vitest';
import { interpolateViridis } from 'd3';
import { buildGraph } from '../../src/graph/build';
import { resolveDataset } from '../../src/graph/authors';
import { buildClusterOverview } from '../../src/graph/overview';
import { indexDataset } from '../../src/graph/dataIndex';
import { clusterOfCommunity } from '../../src/lenses/overviewLens';
import { filterGraph, styleLens } from '../../src/lenses/compose';
import { asLensGraph } from '../../src/lenses/filters';
import { loadDataset } from './helpers';

/**
 * The year and citation colours on a cluster overview (a big graph's default view) colour its clusters by their
 * authors' papers and years, counted here independently from the dataset and the whole graph.
 */
describe('colour by year on a cluster overview', () => {
  const dataset = loadDataset('profile-full.json');
  const resolved = resolveDataset(dataset);
  const index = indexDataset(dataset, resolved);
  const source = buildGraph(dataset, {}, resolved);
  const overview = buildClusterOverview(source, 3);
  const graph = asLensGraph(overview);
  const clusterOf = clusterOfCommunity(source, overview);

  // Independently: each cluster's distinct papers and its authors' first and last years.
  const papers = new Map<string, Set<string>>();
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  source.forEachNode((_n, a) => {
    if (a.kind !== 'author') return;
    const c = clusterOf(a.community)!;
    const set = papers.get(c) ?? new Set<string>();
    for (const p of a.paperIds) set.add(p);
    papers.set(c, set);
    if (a.firstYear !== undefined) first.set(c, Math.min(first.get(c) ?? Infinity, a.firstYear));
    if (a.lastYear !== undefined) last.set(c, Math.max(last.get(c) ?? -Infinity, a.lastYear));
  });
  const yearOfPaper = new Map(dataset.papers.map((p) => [p.id, p.year ?? (p.date ? Number(p.date.slice(0, 4)) : undefined)]));
  const average = (c: string) => {
    const years = [...papers.get(c)!].map((p) => yearOfPaper.get(p)).filter((y): y is number => y !== undefined);
    return years.reduce((s, y) => s + y, 0) / years.length;
  };
  const style = (colorBy: 'avgYear' | 'firstYear' | 'lastYear') =>
    styleLens({ graph, filter: filterGraph(graph, index, null, 'full', {}), papersFiltered: false, colorBy, sizeBy: 'papers', paperOf: index.paper });

  it('average publication year: every cluster coloured on viridis, the earliest and latest averages at its ends', () => {
    const clusters = overview.nodes();
    expect(clusters.length).toBe(4);
    const { nodeColors, colorLegend } = style('avgYear');
    expect(nodeColors?.size).toBe(clusters.length);
    const byAverage = [...clusters].sort((a, b) => average(a) - average(b));
    expect(nodeColors!.get(byAverage[0])).toBe(interpolateViridis(0));
    expect(nodeColors!.get(byAverage.at(-1)!)).toBe(interpolateViridis(1));
    expect(new Set(nodeColors!.values()).size).toBeGreaterThan(1);
    expect(colorLegend?.label).toBe('Average publication year');
  });

  it('first and last year active: the legend spans the clusters’ earliest first year to their latest last year', () => {
    const firstYears = [...first.values()];
    const lastYears = [...last.values()];
    const f = style('firstYear');
    expect(f.nodeColors?.size).toBe(overview.order);
    expect(f.colorLegend?.stops[0].value).toBe(String(Math.min(...firstYears)));
    expect(f.colorLegend?.stops.at(-1)?.value).toBe(String(Math.max(...firstYears)));
    const l = style('lastYear');
    expect(l.colorLegend?.stops.at(-1)?.value).toBe(String(Math.max(...lastYears)));
  });

  it('each cluster carries its authors’ distinct papers', () => {
    overview.forEachNode((c, a) => {
      expect(a.kind).toBe('cluster');
      expect(new Set((a as { paperIds?: string[] }).paperIds)).toEqual(papers.get(c));
    });
  });
});
