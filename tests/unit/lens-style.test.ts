import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build';
import { toDisplayGraph } from '../../src/graph/display';
import { indexDataset } from '../../src/graph/dataIndex';
import { resolveDataset } from '../../src/graph/authors';
import { DEFAULT_BUILD_OPTIONS } from '../../src/graph/types';
import { asLensGraph } from '../../src/lenses/filters';
import { filterGraph, metricsRequest } from '../../src/lenses/compose';
import { visiblePapers } from '../../src/lenses/papers';
import { colourNodes, sizeValues, weightedDegrees } from '../../src/lenses/style';
import { computeMetrics } from '../../src/lenses/metrics';
import { rowsToCsv, sortRows, tableRows } from '../../src/lenses/table';
import { authorCountBins, capImpact } from '../../src/lenses/cap';
import { buildInstitutionGraph, countryOf } from '../../src/lenses/institutions';
import { DEFAULT_LENS } from '../../src/lenses/types';
import { loadDataset } from './helpers';

const full = loadDataset('profile-full.json');
const resolved = resolveDataset(full);
const index = indexDataset(full, resolved);
const display = toDisplayGraph(buildGraph(full, {}, resolved), 'light');
const graph = asLensGraph(display);
const all = filterGraph(graph, index, null, 'full', {});

describe('colour lenses', () => {
  it('first year: a sequential scale, one colour per year, legend from min to max', () => {
    const c = colourNodes(graph, 'firstYear', all.actors)!;
    const years = full.papers.map((p) => Number(p.date!.slice(0, 4)));
    expect(c.legend.stops[0].value).toBe(String(Math.min(...years)));
    expect(c.legend.stops[c.legend.stops.length - 1].value).toBe(String(Math.max(...years)));
    // Authors with the same first year share a colour; different years differ.
    const byYear = new Map<number, Set<string>>();
    for (const n of all.actors) {
      const a = display.getNodeAttributes(n);
      const y = a.kind === 'author' ? a.firstYear! : NaN;
      byYear.set(y, (byYear.get(y) ?? new Set()).add(c.colors.get(n)!));
    }
    for (const set of byYear.values()) expect(set.size).toBe(1);
    expect(new Set([...byYear.values()].map((s) => [...s][0])).size).toBe(byYear.size);
  });
  it('affiliation: authors with an affiliation get its hue, the rest the "none" grey', () => {
    const c = colourNodes(graph, 'affiliation', all.actors)!;
    const withAff = all.actors.filter((n) => {
      const a = display.getNodeAttributes(n);
      return a.kind === 'author' && a.affiliations.length > 0;
    });
    expect(new Set(withAff.map((n) => c.colors.get(n))).size).toBe(c.legend.stops.filter((s) => s.value !== 'no affiliation given').length);
    expect(c.legend.stops.map((s) => s.value)).toContain('no affiliation given');
    expect(colourNodes(graph, 'community', all.actors)).toBeNull();
  });
});

describe('size lenses and metrics', () => {
  it('papers and coauthors count kept papers and ties', () => {
    const papers = visiblePapers(full.papers, { ...DEFAULT_LENS, years: [2021, 2021] });
    const f = filterGraph(graph, index, papers, 'full', {});
    const v = sizeValues(graph, 'papers', f)!;
    expect(v.get('a:yuchen hao')).toBe(1);
    const co = sizeValues(graph, 'coauthors', f)!;
    const seed12 = full.papers.find((p) => p.id === 'seed-12')!;
    // Everyone on the 2021 paper is tied to everyone else on it.
    expect(co.get('a:yuchen hao')).toBe(resolved.papers.find((p) => p.paper.id === seed12.id)!.authorKeys.length - 1);
  });
  it('weighted degree sums visible edge weights', () => {
    const w = weightedDegrees(graph, all);
    let expected = 0;
    display.forEachEdge('a:jay li', (_e, a) => {
      if (a.kind !== 'affiliation') expected += a.weight;
    });
    expect(w.get('a:jay li')).toBe(expected);
  });
  it('betweenness and PageRank of the visible graph (the worker’s computation)', () => {
    const m = computeMetrics(metricsRequest(graph, all, 1));
    // The owner is on every paper: the most central author.
    const top = (r: Record<string, number>) =>
      Object.entries(r)
        .filter(([n]) => n.startsWith('a:'))
        .sort((a, b) => b[1] - a[1])[0][0];
    expect(top(m.betweenness)).toBe('a:yuchen hao');
    expect(top(m.pagerank)).toBe('a:yuchen hao');
    expect(Object.values(m.pagerank).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 6);
  });
});

describe('table twin', () => {
  it('one row per visible author, sortable, CSV with a header and quoted names', () => {
    const rows = tableRows(graph, all, index);
    expect(rows.length).toBe(display.filterNodes((_n, a) => a.kind === 'author').length);
    const byPapers = sortRows(rows, { column: 'papers', descending: true });
    expect(byPapers[0].label).toBe('Yuchen Hao');
    expect(byPapers[0].papers).toBe(12);
    const byName = sortRows(rows, { column: 'label', descending: false }).map((r) => r.label);
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b)));
    const csv = rowsToCsv([
      { ...rows[0], label: 'Doe, "J"' },
      { ...rows[1], label: '=cmd()' },
    ]);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('id,Name,Papers,Coauthors,Cluster,First year,Last year,Betweenness,PageRank,Links,Total link strength');
    expect(lines[1]).toContain('"Doe, ""J"""');
    expect(lines[2]).toContain(",'=cmd(),");
  });
});

describe('hyperauthor cap preview', () => {
  it('counts papers over the cap and the pairs their cliques would add', () => {
    const sizes = resolved.papers.map((p) => p.authorKeys.length);
    const at25 = capImpact(sizes, 25);
    const over = sizes.filter((n) => n > 25);
    expect(at25.hubPapers).toBe(3);
    expect(at25.hubLinks).toBe(over.reduce((s, n) => s + n, 0));
    expect(at25.cliquePairs).toBe(over.reduce((s, n) => s + (n * (n - 1)) / 2, 0));
    const bins = authorCountBins(sizes);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(12);
    expect(bins[bins.length - 1].hi).toBeGreaterThanOrEqual(Math.max(...sizes));
  });
});

describe('institution network', () => {
  it('WLB-LLM’s per-author affiliations: Meta and UC San Diego joined by one paper', () => {
    const g = buildInstitutionGraph(full, 'institution', DEFAULT_BUILD_OPTIONS, resolved)!;
    const affs = new Set(full.papers.flatMap((p) => p.authors.flatMap((a) => a.affiliations ?? [])));
    expect(g.order).toBe(affs.size);
    expect(g.size).toBe(1);
    const e = g.edges()[0];
    expect(g.getEdgeAttributes(e)).toMatchObject({ kind: 'coauthor', weight: 1, paperIds: ['seed-10'] });
    const meta = g.nodes().find((n) => g.getNodeAttribute(n, 'label') === 'Meta')!;
    const metaMembers = new Set(full.papers.flatMap((p) => p.authors.filter((a) => a.affiliations?.includes('Meta')).map((a) => a.name)));
    const metaAttrs = g.getNodeAttributes(meta);
    expect(metaAttrs.kind === 'affiliation' && metaAttrs.authorCount).toBe(metaMembers.size);
    g.forEachNode((_n, a) => expect(a.kind).toBe('affiliation'));
    // Lenses run on it too: a year range without 2025 hides both institutions.
    const f = filterGraph(asLensGraph(g), index, visiblePapers(full.papers, { ...DEFAULT_LENS, years: [2021, 2024] }), 'full', {});
    expect(f.actors).toEqual([]);
  });
  it('countries only where an affiliation ends with one', () => {
    expect(buildInstitutionGraph(full, 'country', DEFAULT_BUILD_OPTIONS, resolved)).toBeNull();
    expect(countryOf('ETH Zürich, Switzerland')).toBe('Switzerland');
    expect(countryOf('University of California, San Diego')).toBeUndefined();
  });
});
